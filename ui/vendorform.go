package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// vendorForm edits every field of one model.Vendor, with the model's
// problems next to each field; the screen saves it.
type vendorForm struct {
	recordForm
	nameZH  *Entry
	nameEN  *Entry
	phone   *Entry
	fax     *Entry
	email   *Entry
	address *Entry

	stored *model.Vendor // as read from the database; new when ID is 0
}

func newVendorForm() *vendorForm {
	f := &vendorForm{recordForm: newRecordForm(model.OnVendor),
		nameZH: NewEntry(), nameEN: NewEntry(), phone: NewEntry(), fax: NewEntry(), email: NewEntry(),
		address: NewMultiLineEntry()}
	f.code.SetPlaceHolder("V001")
	ff := f.fields
	ff.Add("Code", lang.L("Code"), f.code)
	ff.Add("NameZH", lang.L("Name (Chinese)"), f.nameZH)
	ff.Add("NameEN", lang.L("Name (English)"), f.nameEN)
	ff.Add("Phone", lang.L("Phone"), f.phone)
	ff.Add("Fax", lang.L("Fax"), f.fax)
	ff.Add("Email", lang.L("E-mail"), f.email)
	ff.Add("Address", lang.L("Address"), f.address)
	// Formats are checked by the model's Validate as the clerk leaves each
	// field; a taken code is found on save.
	ff.Validate = func() model.FieldErrors {
		v, _ := f.read()
		return v.Validate()
	}
	for name, e := range map[string]*Entry{"Code": f.code, "NameZH": f.nameZH, "NameEN": f.nameEN, "Phone": f.phone,
		"Fax": f.fax, "Email": f.email} {
		ff.Live(name, e)
	}
	f.load(model.NewVendor())
	return f
}

// load shows v and makes it what Cancel reverts to.
func (f *vendorForm) load(v *model.Vendor) {
	f.stored = v
	f.fill(v)
}

// record returns the vendor as stored.
func (f *vendorForm) record() *model.Vendor { return f.stored }

// fill puts v's values in the widgets.
func (f *vendorForm) fill(v *model.Vendor) {
	f.code.SetText(v.Code)
	f.nameZH.SetText(v.NameZH)
	f.nameEN.SetText(v.NameEN)
	f.phone.SetText(v.Phone)
	f.fax.SetText(v.Fax)
	f.email.SetText(v.Email)
	f.address.SetText(v.Address)
}

// read returns the vendor as the form now stands: a copy of the stored one
// with the widgets' values (every input is text, so none fails to read).
func (f *vendorForm) read() (*model.Vendor, model.FieldErrors) {
	v := *f.stored
	v.Code = strings.ToUpper(strings.TrimSpace(f.code.Text))
	v.NameZH, v.NameEN = strings.TrimSpace(f.nameZH.Text), strings.TrimSpace(f.nameEN.Text)
	v.Phone, v.Fax = strings.TrimSpace(f.phone.Text), strings.TrimSpace(f.fax.Text)
	v.Email, v.Address = strings.TrimSpace(f.email.Text), strings.TrimSpace(f.address.Text)
	return &v, nil
}

// dirty reports whether the form differs from what is stored.
func (f *vendorForm) dirty() bool {
	v, _ := f.read()
	return model.Changes(f.stored, v) != ""
}
