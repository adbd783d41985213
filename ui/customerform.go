package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// customerForm edits every field of one model.Customer. It knows what is
// stored (to revert to and to save against) and shows the model's problems
// next to each field; it does not save by itself (the screen does).
type customerForm struct {
	recordForm
	nameZH      *Entry
	nameEN      *Entry
	tier        *Select
	deposit     *Entry
	terms       *Entry
	contract    *Entry
	managed     *Entry
	currency    *Entry
	salesperson *Select
	phone       *Entry
	fax         *Entry
	email       *Entry
	billing     *Entry
	taxID       *Entry
	incoterm    *incotermInput
	delivery    *Entry
	region      *Entry
	docLang     *Select

	stored *model.Customer // as read from the database; new when ID is 0
	people []model.Employee
	// salespeople are the ids behind the salesperson options; 0 is "nobody".
	salespeople []uint
}

// docLanguages are the codes behind the document language options.
var docLanguages = []string{model.LangZH, model.LangEN}

func newCustomerForm() *customerForm {
	f := &customerForm{
		recordForm: newRecordForm(model.OnCustomer),
		nameZH:     NewEntry(), nameEN: NewEntry(), deposit: NewEntry(),
		terms: NewEntry(), contract: NewEntry(), managed: NewEntry(), currency: NewEntry(), phone: NewEntry(),
		fax: NewEntry(), email: NewEntry(), billing: NewMultiLineEntry(), taxID: NewEntry(), delivery: NewMultiLineEntry(),
		region: NewEntry(), incoterm: newIncotermInput(nil),
		tier:        NewSelect([]string{string(model.TierA), string(model.TierB), string(model.TierC)}, nil),
		docLang:     NewSelect([]string{lang.L("Chinese (Traditional)"), lang.L("English")}, nil),
		salesperson: NewSelect(nil, nil),
	}
	f.code.SetPlaceHolder("C0001")
	f.deposit.SetPlaceHolder("0–100")
	f.currency.SetPlaceHolder("TWD")
	f.delivery.SetPlaceHolder(lang.L("Empty: same as the billing address"))
	f.managed.SetPlaceHolder(lang.L("Empty: no managed-service contract"))

	ff := f.fields
	ff.Add("Code", lang.L("Code"), f.code)
	ff.Add("NameZH", lang.L("Name (Chinese)"), f.nameZH)
	ff.Add("NameEN", lang.L("Name (English)"), f.nameEN)
	ff.Add("Tier", lang.L("Tier"), f.tier)
	ff.Add("DepositPercent", lang.L("Deposit %"), f.deposit)
	ff.Add("PaymentTerms", lang.L("Payment terms"), f.terms)
	ff.Add("ContractRef", lang.L("Sales contract"), f.contract)
	// Project tickets may not be charged to it (seed 001); a manager sets it.
	ff.Add("ManagedContractRef", lang.L("Managed-service contract"), f.managed)
	ff.Add("Currency", lang.L("Currency"), f.currency)
	ff.Add("SalespersonID", lang.L("Salesperson"), f.salesperson)
	ff.Add("Phone", lang.L("Phone"), f.phone)
	ff.Add("Fax", lang.L("Fax"), f.fax)
	ff.Add("Email", lang.L("E-mail"), f.email)
	ff.Add("BillingAddress", lang.L("Billing address"), f.billing)
	ff.Add("TaxID", lang.L("Tax ID (統一編號)"), f.taxID)
	f.incoterm.add(ff)
	ff.Add("DeliveryAddress", lang.L("Delivery address"), f.delivery)
	ff.Add("Region", lang.L("Delivery region"), f.region)
	ff.Add("DocLanguage", lang.L("Document language"), f.docLang)

	// Formats are checked by the model's own Validate as the clerk leaves
	// each field; uniqueness and the salesperson are checked on save.
	ff.Validate = func() model.FieldErrors {
		c, fe := f.read()
		return append(fe, c.Validate()...)
	}
	for name, e := range map[string]*Entry{"Code": f.code, "NameZH": f.nameZH, "NameEN": f.nameEN, "DepositPercent": f.deposit,
		"Currency": f.currency, "Phone": f.phone, "Fax": f.fax, "Email": f.email} {
		ff.Live(name, e)
	}
	f.load(model.NewCustomer())
	return f
}

// setPeople sets the active employees the salesperson may be chosen from.
func (f *customerForm) setPeople(people []model.Employee) {
	f.people = people
	f.fillSalesperson(f.stored.SalespersonID, f.stored.Salesperson)
}

// fillSalesperson lists the active employees, plus the stored salesperson
// if they have since left, and selects id.
func (f *customerForm) fillSalesperson(id *uint, current *model.Employee) {
	opts := []string{lang.L("(nobody)")}
	f.salespeople = []uint{0}
	found := id == nil
	for _, e := range f.people {
		opts = append(opts, e.Display())
		f.salespeople = append(f.salespeople, e.ID)
		found = found || e.ID == *id
	}
	if !found {
		name := lang.L("Employee {{.ID}}", map[string]any{"ID": *id})
		if current != nil {
			name = current.Display()
		}
		opts = append(opts, name)
		f.salespeople = append(f.salespeople, *id)
	}
	f.salesperson.Options = opts
	sel := 0
	if id != nil {
		for i, pid := range f.salespeople {
			if pid == *id {
				sel = i
			}
		}
	}
	f.salesperson.SetSelectedIndex(sel)
}

// load shows c and makes it what Cancel reverts to.
func (f *customerForm) load(c *model.Customer) {
	f.stored = c
	f.fill(c)
}

// record returns the customer as stored.
func (f *customerForm) record() *model.Customer { return f.stored }

// fill puts c's values in the widgets.
func (f *customerForm) fill(c *model.Customer) {
	f.code.SetText(c.Code)
	f.nameZH.SetText(c.NameZH)
	f.nameEN.SetText(c.NameEN)
	f.tier.SetSelected(string(c.Tier))
	f.deposit.SetText(numberText(c.DepositPercent, c.IsNew()))
	f.terms.SetText(c.PaymentTerms)
	f.contract.SetText(c.ContractRef)
	f.managed.SetText(c.ManagedContractRef)
	f.currency.SetText(c.Currency)
	f.fillSalesperson(c.SalespersonID, c.Salesperson)
	f.phone.SetText(c.Phone)
	f.fax.SetText(c.Fax)
	f.email.SetText(c.Email)
	f.billing.SetText(c.BillingAddress)
	f.taxID.SetText(c.TaxID)
	f.incoterm.set(c.DeliveryTerms)
	f.delivery.SetText(c.DeliveryAddress)
	f.region.SetText(c.Region)
	f.docLang.SetSelectedIndex(indexOf(docLanguages, c.DocLanguage))
}

// read returns the customer as the form now stands (a copy of the stored
// one with the widgets' values) and the problems found reading the widgets
// themselves, such as letters in the deposit.
func (f *customerForm) read() (*model.Customer, model.FieldErrors) {
	c := *f.stored
	c.Salesperson = nil // the id decides; a stale preload must not mislead
	var fe model.FieldErrors
	c.Code = strings.ToUpper(strings.TrimSpace(f.code.Text))
	c.NameZH, c.NameEN = f.nameZH.Text, f.nameEN.Text
	c.Tier = model.Tier(f.tier.Selected)
	if n, err := strconv.Atoi(strings.TrimSpace(f.deposit.Text)); err == nil {
		c.DepositPercent = n
	} else if strings.TrimSpace(f.deposit.Text) == "" {
		c.DepositPercent = 0
	} else {
		fe.Add("DepositPercent", "Enter a whole number from 0 to 100.")
	}
	c.PaymentTerms, c.ContractRef, c.ManagedContractRef = f.terms.Text, f.contract.Text, f.managed.Text
	c.Currency = strings.ToUpper(strings.TrimSpace(f.currency.Text))
	c.SalespersonID = nil
	if i := f.salesperson.SelectedIndex(); i > 0 && i < len(f.salespeople) {
		id := f.salespeople[i]
		c.SalespersonID = &id
	}
	c.Phone, c.Fax, c.Email = f.phone.Text, f.fax.Text, strings.TrimSpace(f.email.Text)
	c.BillingAddress, c.DeliveryAddress, c.Region = f.billing.Text, f.delivery.Text, f.region.Text
	c.TaxID = f.taxID.Text
	c.DeliveryTerms = f.incoterm.get()
	if i := f.docLang.SelectedIndex(); i >= 0 {
		c.DocLanguage = docLanguages[i]
	}
	return &c, fe
}

// dirty reports whether the form differs from what is stored.
func (f *customerForm) dirty() bool {
	c, fe := f.read()
	if len(fe) > 0 {
		return true
	}
	stored := *f.stored
	stored.Salesperson = nil
	return model.Changes(&stored, c) != ""
}

// numberText shows n, except a zero on a new record, left empty so the
// clerk types the value instead of first deleting the 0.
func numberText(n int, isNew bool) string {
	if n == 0 && isNew {
		return ""
	}
	return strconv.Itoa(n)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
