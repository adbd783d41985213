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
	if f.cust == nil || !cs.Touches("contact") {
		return
	}
	f.reloadContacts(func() uint {
		if i := f.contact.SelectedIndex(); i > 0 && i <= len(f.contacts) {
			return f.contacts[i-1].ID
		}
		return 0
	}, false)
}

// reloadContacts reads the picked customer's contacts again and chooses
// the one choose names once they are in (0: none). picked says the clerk
// chose it (a contact just added), so the order changed and a failed read
// is said; otherwise only the list changed.
func (f *intakeForm) reloadContacts(choose func() uint, picked bool) {
	id := f.cust.ID
	f.work.Go(func() func() {
		contacts, err := f.store.ContactsOf(context.Background(), id)
		return func() {
			if f.cust == nil || f.cust.ID != id {
				return // another customer was picked meanwhile
			}
			if err != nil {
				if picked {
					setProblemText(f.status, SayLoadErr(err))
				}
				return
			}
			was := f.filling
			f.filling = was || !picked // a list that changed under the form is no edit
			f.setCustomer(f.cust, contacts, choose())
			f.filling = was
			if picked {
				f.onChange()
			}
		}
	})
}
