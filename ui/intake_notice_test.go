package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/model"
)

// TestIntakeContactsFollowTheCustomer: a contact added to the customer
// while their order is being taken appears in the intake's Contact list
// without picking the customer again, and the contact chosen stays chosen.
func TestIntakeContactsFollowTheCustomer(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("A001")
	o.key(fyne.KeyReturn)
	o.settle()
	if f.cust == nil || f.cust.Code != "A001" {
		t.Fatalf("the customer was not picked: %q", f.customer.Text)
	}
	chosen, changed := f.contact.Selected, f.changed
	if f.contact.SelectedIndex() == 0 {
		t.Fatal("the demo's A001 has no contact chosen")
	}
	added := &model.Contact{CustomerID: &f.cust.ID, Name: "Wu Shu-fen", Phone: "02-2345-6789", Active: true}
	if err := store.SaveContact(context.Background(), o.clerk.Actor(), added); err != nil {
		t.Fatal(err)
	}
	o.settle()
	if !strings.Contains(strings.Join(f.contact.Options, "|"), "Wu Shu-fen") {
		t.Errorf("the Contact list did not follow the new contact: %q", f.contact.Options)
	}
	if f.contact.Selected != chosen {
		t.Errorf("the chosen contact became %q, was %q", f.contact.Selected, chosen)
	}
	if f.changed != changed {
		t.Error("reading the contacts again changed whether the order has changes")
	}
}
