package reports

import (
	"fmt"
	"time"

	"orderdesk/model"
)

// Paper is the page size of a document.
type Paper string

// The paper sizes the office may choose.
const (
	PaperA4     Paper = "A4"
	PaperLetter Paper = "Letter"
)

// size returns the page's width and height in millimetres.
func (p Paper) size() (w, h float64) {
	if p == PaperLetter {
		return 215.9, 279.4
	}
	return 210, 297
}

// Company is the letterhead printed on every document.
type Company struct {
	NameZH, NameEN string
	Address        string
	Phone, Fax     string
	Email          string
	// Remittance is where the customer pays (bank, branch, account).
	Remittance string
	// TaxID is the company's tax ID (統一編號).
	TaxID string
}

// CompanyFromOffice returns the letterhead from the office settings.
func CompanyFromOffice(o model.Office) Company {
	return Company{NameZH: o.CompanyNameZH, NameEN: o.CompanyNameEN, Address: o.CompanyAddress,
		Phone: o.CompanyPhone, Fax: o.CompanyFax, Email: o.CompanyEmail,
		Remittance: o.Remittance, TaxID: o.CompanyTaxID}
}

// Options are the settings of one rendering.
type Options struct {
	// Paper is A4 (the default when empty) or US Letter.
	Paper Paper
	// Lang is model.LangZH or model.LangEN; empty means the customer's
	// preferred document language.
	Lang string
	// Bilingual prints every label in both languages ("訂單確認書 Order Confirmation").
	Bilingual bool
	Company   Company
	// Logo is the office's logo (PNG or JPEG), printed at the letterhead's
	// left; nil prints none.
	Logo []byte
	// TaxRatePct and PricesIncludeTax are the office's business tax: the
	// confirmation and the balance notice print the untaxed amount, the
	// tax and the total, or "tax included".
	TaxRatePct       int
	PricesIncludeTax bool
	// Date is the document's date, printed on it and used as the PDF's
	// creation date so the same input gives the same bytes. Zero: taken
	// from the model values (revision issued, shipment date, ...).
	Date model.Date
	// Location turns the model's UTC timestamps into office calendar days
	// (OptionsFromOffice: the office's time zone setting); nil means UTC.
	Location *time.Location
	// ProductionCopy adds the production-order signer lines to a confirmation
	// (it doubles as the production order, seed 002 step 10).
	ProductionCopy bool
	// Today is the day of printing (the store's clock, in the office's
	// time zone): the fax cover's date, and the day a reprinted balance
	// notice states its amounts for.
	Today model.Date
	// Demo says the office is the demo office: every page says so at its
	// foot, so its invented orders are never taken for real ones.
	Demo bool

	pages *int // set by PageCount: where build reports the page count
	// signBackScan is the file the production copy's revision was signed
	// back by (Render sets it from Request.Scans).
	signBackScan string
}

// OptionsFromOffice returns the options the office settings ask for.
func OptionsFromOffice(o model.Office) Options {
	p := PaperA4
	if o.PaperSize == string(PaperLetter) {
		p = PaperLetter
	}
	return Options{Paper: p, Bilingual: o.BilingualLabels, Company: CompanyFromOffice(o),
		TaxRatePct: o.TaxRatePct, PricesIncludeTax: o.PricesIncludeTax, Location: o.Location(), Logo: o.Logo, Demo: o.Demo}
}

// Replaced is a rune the font cannot print, replaced on the page by a
// visible mark; Field says where it was, for the clerk's warning.
type Replaced struct {
	Field string
	Rune  rune
}

// String returns "customer name: U+21619 𡘙".
func (r Replaced) String() string { return fmt.Sprintf("%s: U+%04X %c", r.Field, r.Rune, r.Rune) }

// docLang picks the document language: the option, else the customer's.
func docLang(opt Options, c *model.Customer) string {
	switch {
	case opt.Lang == model.LangEN || opt.Lang == model.LangZH:
		return opt.Lang
	case c != nil && c.DocLanguage == model.LangEN:
		return model.LangEN
	}
	return model.LangZH
}

// DayOf returns the office's calendar day at now (the store's clock), for
// Today: the office's time zone, not the desk's.
func (o Options) DayOf(now time.Time) model.Date { return o.dateOf(&now) }

// tax splits an amount by the office's business tax.
func (o Options) tax(m model.Money) model.Taxed { return o.taxOffice().Tax(m) }

// taxOffice is the office's tax setting, for the model's sums.
func (o Options) taxOffice() model.Office {
	return model.Office{TaxRatePct: o.TaxRatePct, PricesIncludeTax: o.PricesIncludeTax}
}

// dateOf returns the office calendar day of a model timestamp.
func (o Options) dateOf(t *time.Time) model.Date {
	if t == nil || t.IsZero() {
		return model.Date{}
	}
	loc := o.Location
	if loc == nil {
		loc = time.UTC
	}
	return model.DateOf(t.In(loc))
}
