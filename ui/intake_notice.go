package ui

import (
	"context"

	"orderdesk/model"
)

// noticed reads the customer's contacts again when a contact was saved at
// this desk (added in Customers while the order is being taken, say), so
// the Contact list offers it without picking the customer again; the
// contact chosen stays chosen. A change only names the contact, so any
// contact's save reloads the list: one small read.
func (f *intakeForm) noticed(cs model.ChangeSet) {
	if f.cust == nil {
		return
	}
	touched := false
	for _, c := range cs {
		touched = touched || c.Entity == "contact"
	}
	if !touched {
		return
	}
	id := f.cust.ID
	f.work.Go(func() func() {
		contacts, err := f.store.ContactsOf(context.Background(), id)
		return func() {
			if err != nil || f.cust == nil || f.cust.ID != id {
				return
			}
			var chosen uint
			if i := f.contact.SelectedIndex(); i > 0 && i <= len(f.contacts) {
				chosen = f.contacts[i-1].ID
			}
			was := f.filling
			f.filling = true // the list changed, not the order
			f.setCustomer(f.cust, contacts, chosen)
			f.filling = was
		}
	})
}
