package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// officeForm edits the office-wide settings (model.Office) that every desk
// follows: the letterhead, the price tolerance, how the sign-back slip rule
// counts days, the holidays, how documents are printed, and after how many
// idle minutes every desk locks.
type officeForm struct {
	nameZH, nameEN, address, phone, fax, email *Entry
	// remittance is the bank and account the balance notice asks payment into.
	remittance *Entry
	// taxID, taxRate, taxIncluded and zone: what the documents print of
	// the business tax, and the time zone their dates are in.
	taxID, taxRate, zone *Entry
	taxIncluded          *Check
	// lockMinutes locks every desk after that many idle minutes (0 never).
	lockMinutes          *Entry
	tolerance            *Entry
	slip                 *Select
	holidays             *Entry
	bilingual            *Check
	paper                *Select
	supervisor, director *Select
	// tickets is who each ticket type's new tickets go to.
	tickets *ticketDefaultsTable
	fields  *FieldForm

	stored model.Office
	people []model.Employee
	ids    []uint // the employee ids behind the supervisor and director options; 0 is nobody
}

var paperSizes = []string{"A4", "Letter"}

// newOfficeForm returns the form; logo (the office's logo, saved on its
// own) is shown among the letterhead's fields.
func newOfficeForm(logo fyne.CanvasObject) *officeForm {
	f := &officeForm{
		nameZH: NewEntry(), nameEN: NewEntry(), address: NewMultiLineEntry(), phone: NewEntry(), fax: NewEntry(),
		email: NewEntry(), remittance: NewMultiLineEntry(), tolerance: NewEntry(), holidays: NewMultiLineEntry(),
		taxID: NewEntry(), taxRate: NewEntry(), zone: NewEntry(), lockMinutes: NewEntry(),
		taxIncluded: NewCheck(lang.L("Prices include the business tax"), nil),
		slip:        NewSelect([]string{lang.L("Calendar days"), lang.L("Working days (Monday to Friday, not holidays)")}, nil),
		bilingual:   NewCheck(lang.L("Print document labels in Chinese and English"), nil),
		paper:       NewSelect(paperSizes, nil),
		supervisor:  NewSelect(nil, nil),
		director:    NewSelect(nil, nil),
		tickets:     newTicketDefaultsTable(),
		fields:      NewFieldForm(),
	}
	f.holidays.SetPlaceHolder(lang.L("One date per line, e.g. 2026-10-10"))
	f.holidays.SetMinRowsVisible(4)
	ff := f.fields
	ff.Add("CompanyNameZH", lang.L("Company name (Chinese)"), f.nameZH)
	ff.Add("CompanyNameEN", lang.L("Company name (English)"), f.nameEN)
	ff.Add("CompanyAddress", lang.L("Address"), f.address)
	ff.Add("CompanyPhone", lang.L("Phone"), f.phone)
	ff.Add("CompanyFax", lang.L("Fax"), f.fax)
	ff.Add("CompanyEmail", lang.L("E-mail"), f.email)
	ff.Add("Logo", lang.L("Logo"), logo)
	ff.Add("Remittance", lang.L("Bank account for payments"), f.remittance)
	ff.Add("CompanyTaxID", lang.L("Company tax ID (統一編號)"), f.taxID)
	ff.Add("TaxRatePct", lang.L("Business tax %"), f.taxRate)
	ff.Add("PricesIncludeTax", lang.L("Prices"), f.taxIncluded)
	ff.Add("TimeZone", lang.L("Office time zone"), f.zone)
	ff.Add("PriceTolerancePct", lang.L("Price tolerance %"), f.tolerance)
	ff.Add("SlipWorkingDays", lang.L("Sign-back slip counts"), f.slip)
	ff.Add("Holidays", lang.L("Holidays"), f.holidays)
	ff.Add("BilingualLabels", lang.L("Document labels"), f.bilingual)
	ff.Add("PaperSize", lang.L("Paper size"), f.paper)
	ff.Add("LockMinutes", lang.L("Lock the desk after N idle minutes, 0 never"), f.lockMinutes)
	ff.Add("CSSupervisorID", lang.L("Customer-service supervisor"), f.supervisor)
	ff.Add("MarketingDirectorID", lang.L("Marketing director"), f.director)
	ff.Add("TicketDefaults", lang.L("New tickets go to"), f.tickets.content)
	ff.Validate = func() model.FieldErrors {
		o, fe := f.read()
		return append(fe, o.Validate()...)
	}
	for name, e := range map[string]*Entry{"CompanyPhone": f.phone, "CompanyFax": f.fax,
		"PriceTolerancePct": f.tolerance, "Holidays": f.holidays, "TaxRatePct": f.taxRate, "TimeZone": f.zone, "LockMinutes": f.lockMinutes} {
		ff.Live(name, e)
	}
	return f
}

func (f *officeForm) fillPeople() {
	opts := []string{lang.L("(nobody)")}
	f.ids = []uint{0}
	for _, e := range f.people {
		opts = append(opts, e.Display())
		f.ids = append(f.ids, e.ID)
	}
	held := []uint{f.stored.CSSupervisorID, f.stored.MarketingDirectorID}
	for _, typ := range model.TicketTypes {
		held = append(held, f.stored.TicketDefault(typ.Code).ManagerID)
	}
	for _, id := range held {
		if id != 0 && !containsID(f.ids, id) {
			opts = append(opts, lang.L("Employee {{.ID}}", map[string]any{"ID": id}))
			f.ids = append(f.ids, id)
		}
	}
	for _, s := range []*Select{f.supervisor, f.director} {
		s.Options = opts
	}
	f.supervisor.SetSelectedIndex(indexOfID(f.ids, f.stored.CSSupervisorID))
	f.director.SetSelectedIndex(indexOfID(f.ids, f.stored.MarketingDirectorID))
	f.tickets.load(f.stored, opts, f.ids)
}

// load shows o and makes it what Cancel reverts to.
func (f *officeForm) load(o model.Office) {
	f.stored = o
	f.nameZH.SetText(o.CompanyNameZH)
	f.nameEN.SetText(o.CompanyNameEN)
	f.address.SetText(o.CompanyAddress)
	f.phone.SetText(o.CompanyPhone)
	f.fax.SetText(o.CompanyFax)
	f.email.SetText(o.CompanyEmail)
	f.remittance.SetText(o.Remittance)
	f.lockMinutes.SetText(strconv.Itoa(o.LockMinutes))
	f.tolerance.SetText(strconv.Itoa(o.PriceTolerancePct))
	f.taxID.SetText(o.CompanyTaxID)
	f.taxRate.SetText(strconv.Itoa(o.TaxRatePct))
	f.taxIncluded.SetChecked(o.PricesIncludeTax)
	f.zone.SetText(o.TimeZone)
	f.slip.SetSelectedIndex(map[bool]int{false: 0, true: 1}[o.SlipWorkingDays])
	days := make([]string, len(o.Holidays))
	for i, d := range o.Holidays {
		days[i] = d.String()
	}
	f.holidays.SetText(strings.Join(days, "\n"))
	f.bilingual.SetChecked(o.BilingualLabels)
	f.paper.SetSelectedIndex(indexOf(paperSizes, o.PaperSize))
	f.fillPeople()
	f.fields.Clear()
}

// read returns the settings as the form stands and the problems of reading
// the widgets (a percentage or a date that is not one).
func (f *officeForm) read() (model.Office, model.FieldErrors) {
	o := f.stored
	var fe model.FieldErrors
	o.CompanyNameZH, o.CompanyNameEN = strings.TrimSpace(f.nameZH.Text), strings.TrimSpace(f.nameEN.Text)
	o.CompanyAddress = strings.TrimSpace(f.address.Text)
	o.CompanyPhone, o.CompanyFax = strings.TrimSpace(f.phone.Text), strings.TrimSpace(f.fax.Text)
	o.CompanyEmail = strings.TrimSpace(f.email.Text)
	o.Remittance = strings.TrimSpace(f.remittance.Text)
	o.CompanyTaxID = strings.TrimSpace(f.taxID.Text)
	if n, err := strconv.Atoi(strings.TrimSpace(f.lockMinutes.Text)); err == nil {
		o.LockMinutes = n
	} else {
		fe.Add("LockMinutes", "Enter a whole number of minutes (0 never locks).")
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.tolerance.Text)); err == nil {
		o.PriceTolerancePct = n
	} else {
		fe.Add("PriceTolerancePct", "Enter a whole number from 0 to 100.")
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.taxRate.Text)); err == nil {
		o.TaxRatePct = n
	} else {
		fe.Add("TaxRatePct", "Enter a whole number from 0 to 100.")
	}
	o.PricesIncludeTax = f.taxIncluded.Checked
	o.TimeZone = strings.TrimSpace(f.zone.Text)
	o.SlipWorkingDays = f.slip.SelectedIndex() == 1
	o.Holidays = nil
	for _, line := range strings.FieldsFunc(f.holidays.Text, func(r rune) bool { return r == '\n' || r == ',' }) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, err := model.ParseDate(line)
		if err != nil {
			fe.Add("Holidays", "{{.Value}} is not a date (YYYY-MM-DD).", "Value", strings.TrimSpace(line))
			continue
		}
		o.Holidays = append(o.Holidays, d)
	}
	o.BilingualLabels = f.bilingual.Checked
	if i := f.paper.SelectedIndex(); i >= 0 {
		o.PaperSize = paperSizes[i]
	}
	o.CSSupervisorID = idAt(f.ids, f.supervisor.SelectedIndex())
	o.MarketingDirectorID = idAt(f.ids, f.director.SelectedIndex())
	f.tickets.read(&o, f.ids)
	return o, fe
}

func containsID(ids []uint, id uint) bool { return indexOfID(ids, id) > 0 }

func indexOfID(ids []uint, id uint) int {
	for i, v := range ids {
		if v == id {
			return i
		}
	}
	return 0
}

func idAt(ids []uint, i int) uint {
	if i < 0 || i >= len(ids) {
		return 0
	}
	return ids[i]
}
