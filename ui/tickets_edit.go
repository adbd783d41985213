package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketEditForm corrects what a ticket was opened with: its subject, type,
// customer, contact and due date (model.Store.EditTicket). The model says
// what is wrong; a stale edit is refused there too.
type ticketEditForm struct {
	d        *ticketDetail
	form     *FieldForm
	dlg      *dialog.CustomDialog
	confirm  *widget.Button
	typ      *Select
	subject  *Entry
	customer *Entry
	contact  *Select
	due      *Entry

	contacts []model.Contact
}

// onEdit opens the edit form over the ticket's detail.
func (d *ticketDetail) onEdit() {
	t := d.ticket
	f := &ticketEditForm{d: d, form: NewFieldForm()}
	var types []string
	for _, typ := range model.TicketTypes {
		types = append(types, typeName(typ))
	}
	f.typ = NewSelect(types, nil)
	for i, typ := range model.TicketTypes {
		if typ.Code == t.Type {
			f.typ.SetSelectedIndex(i)
		}
	}
	f.subject = NewEntry()
	f.subject.SetText(t.Subject)
	f.customer = NewEntry()
	f.customer.SetPlaceHolder(lang.L("Customer code"))
	if t.Customer != nil {
		f.customer.SetText(t.Customer.Code)
	}
	f.customer.OnFocusLost = f.loadContacts
	f.contact = NewSelect(nil, nil)
	if t.Contact != nil {
		f.contacts = []model.Contact{*t.Contact}
		f.contact.Options = []string{t.Contact.Name}
		f.contact.SetSelectedIndex(0)
	}
	f.due = NewEntry()
	f.due.SetPlaceHolder("YYYY-MM-DD")
	f.due.SetText(t.DueOn.String())
	f.form.Add("Type", lang.L("Type"), f.typ)
	f.form.Add("Subject", lang.L("Subject"), f.subject)
	f.form.Add("CustomerID", lang.L("Customer"), f.customer)
	f.form.Add("ContactID", lang.L("Contact"), f.contact)
	f.form.Add("DueOn", lang.L("Due"), f.due)
	f.confirm = widget.NewButton(lang.L("Save changes"), f.submit)
	f.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Edit ticket {{.No}}", map[string]any{"No": t.No}), f.form.Content(), d.s.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	f.dlg.Resize(fyne.NewSize(560, f.dlg.MinSize().Height))
	d.edit = f
	showEscapable(d.s.win, f.dlg)
}

// loadContacts offers the contacts of the customer typed.
func (f *ticketEditForm) loadContacts() {
	offerContacts(f.d.s, f.customer.Text, f.contact, func(cs []model.Contact) { f.contacts = cs })
}

// submit finds the customer the clerk named, then asks the model to edit.
func (f *ticketEditForm) submit() {
	t := f.d.ticket
	in := model.TicketEdit{Subject: f.subject.Text}
	if i := f.typ.SelectedIndex(); i >= 0 {
		in.Type = model.TicketTypes[i].Code
	}
	if text := strings.TrimSpace(f.due.Text); text != "" {
		d, err := model.ParseDate(text)
		if err != nil {
			var fe model.FieldErrors
			fe.Add("DueOn", "Enter a date as YYYY-MM-DD.")
			f.form.ShowFieldErrors(fe)
			return
		}
		in.DueOn = d
	}
	if i := f.contact.SelectedIndex(); i >= 0 && i < len(f.contacts) {
		id := f.contacts[i].ID
		in.ContactID = &id
	}
	code, by, s := strings.TrimSpace(f.customer.Text), f.d.s.desk.Actor(), f.d.s
	submitDialog(&s.work, f.form, f.confirm, f.dlg, func(ctx context.Context) (*model.Ticket, error) {
		id, err := s.store.CustomerIDByCode(ctx, code)
		if err != nil {
			return nil, err
		}
		in.CustomerID = id
		return s.store.EditTicket(ctx, by, t.ID, t.Version, in)
	}, func(*model.Ticket) {
		s.board.follow = t.ID
		s.reload()
		f.d.load()
	})
}
