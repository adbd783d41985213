package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// newAddContactButton is the intake's "Add contact" beside the Contact
// list: a phone order from someone new at a known customer is taken
// without leaving the form for Customers.
func (f *intakeForm) newAddContactButton() *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Add contact"), theme.ContentAddIcon(), f.onAddContact)
	b.Disable() // until a customer is picked
	return b
}

// onAddContact opens the customers' contact dialog for a new contact of
// the order's customer; the model's SaveContact keeps its rules.
func (f *intakeForm) onAddContact() {
	if f.cust == nil {
		return
	}
	id := f.cust.ID
	c := &model.Contact{CustomerID: &id, Active: true, Name: f.caller.Text, Phone: f.callback.Text}
	host := contactHost{win: f.win, store: f.store, desk: f.desk, work: &f.work, signers: true}
	f.contactEditor = newContactDialog(host, c, f.contactAdded)
}

// contactAdded reads the customer's contacts again and chooses the one
// just added for the order.
func (f *intakeForm) contactAdded(c *model.Contact) {
	if c == nil || f.cust == nil {
		return
	}
	f.reloadContacts(func() uint { return c.ID }, true)
}
