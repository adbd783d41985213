package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// personForm edits one model.Employee of the People section: names,
// initials, how to reach them, roles, part time, languages and the manager
// flag. The model decides who may change what; the form only shows it.
type personForm struct {
	recordForm
	name      *Entry
	nameZH    *Entry
	email     *Entry
	phone     *Entry
	roles     *Entry
	languages *Entry
	partTime  *Check
	manager   *Check

	stored *model.Employee // as read from the database; new when ID is 0
}

// newPerson is a new person of the office, active until deactivated.
func newPerson() *model.Employee { return &model.Employee{Active: true} }

func newPersonForm() *personForm {
	f := &personForm{recordForm: newRecordForm(""),
		name: NewEntry(), nameZH: NewEntry(), email: NewEntry(), phone: NewEntry(),
		roles: NewMultiLineEntry(), languages: NewEntry(),
		partTime: NewCheck(lang.L("Works part time"), nil), manager: NewCheck(lang.L("Manager of the office"), nil)}
	f.code.SetPlaceHolder("YC")
	f.roles.SetPlaceHolder(lang.L("One role a line: Clerk, CS supervisor, Marketing director…"))
	f.languages.SetPlaceHolder("zh-TW, en")
	ff := f.fields
	// The initials are the person's code: a new person starts there.
	ff.Add("Initials", lang.L("Initials"), f.code)
	ff.Add("Name", lang.L("Name"), f.name)
	ff.Add("NameZH", lang.L("Name (Chinese)"), f.nameZH)
	ff.Add("Email", lang.L("E-mail"), f.email)
	ff.Add("Phone", lang.L("Phone"), f.phone)
	ff.Add("Roles", lang.L("Roles"), f.roles)
	ff.Add("PartTime", "", f.partTime)
	ff.Add("Languages", lang.L("Languages"), f.languages)
	ff.Add("Manager", "", f.manager)
	ff.Validate = func() model.FieldErrors {
		e, _ := f.read()
		return e.Validate()
	}
	for name, e := range map[string]*Entry{"Initials": f.code, "Name": f.name, "Email": f.email} {
		ff.Live(name, e)
	}
	f.load(newPerson())
	return f
}

// load shows e and makes it what Cancel reverts to.
func (f *personForm) load(e *model.Employee) {
	f.stored = e
	f.fill(e)
}

// record returns the person as stored.
func (f *personForm) record() *model.Employee { return f.stored }

// fill puts e's values in the widgets.
func (f *personForm) fill(e *model.Employee) {
	f.code.SetText(e.Initials)
	f.name.SetText(e.Name)
	f.nameZH.SetText(e.NameZH)
	f.email.SetText(e.Email)
	f.phone.SetText(e.Phone)
	f.roles.SetText(e.Roles)
	f.languages.SetText(e.Languages)
	f.partTime.SetChecked(e.PartTime)
	f.manager.SetChecked(e.Manager)
}

// read returns the person as the form now stands: a copy of the stored one
// with the widgets' values.
func (f *personForm) read() (*model.Employee, model.FieldErrors) {
	e := *f.stored
	e.Initials = strings.ToUpper(strings.TrimSpace(f.code.Text))
	e.Name, e.NameZH = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.nameZH.Text)
	e.Email, e.Phone = strings.TrimSpace(f.email.Text), strings.TrimSpace(f.phone.Text)
	e.SetRoles(strings.Split(f.roles.Text, "\n"))
	e.Languages = strings.TrimSpace(f.languages.Text)
	e.PartTime, e.Manager = f.partTime.Checked, f.manager.Checked
	return &e, nil
}

// dirty reports whether the form differs from what is stored.
func (f *personForm) dirty() bool {
	e, _ := f.read()
	return model.Changes(f.stored, e) != ""
}

// setEditable enables the fields for a person who may change people, and
// disables them (read-only) for everyone else.
func (f *personForm) setEditable(ok bool) {
	for _, w := range []interface {
		Enable()
		Disable()
	}{f.code, f.name, f.nameZH, f.email, f.phone, f.roles, f.languages, f.partTime, f.manager} {
		if ok {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}
