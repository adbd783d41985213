package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestIntakeAddsANewContact: a phone order from someone new at a known
// customer. The clerk types who calls, presses Add contact beside the
// Contact list (the dialog starts from the caller's name and number),
// saves it, and the new contact is the order's contact, saved with the
// customer.
func TestIntakeAddsANewContact(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	if !f.addContact.Disabled() {
		t.Error("Add contact is offered before a customer is picked")
	}
	o.typeText("A001")
	o.key(fyne.KeyReturn)
	if f.cust == nil || f.addContact.Disabled() {
		t.Fatalf("customer %q picked, Add contact disabled %v", f.customer.Text, f.addContact.Disabled())
	}
	o.canvas().Focus(f.caller)
	o.typeText("蘇小姐")
	o.canvas().Focus(f.callback)
	o.typeText("02-2222-3333")

	o.do(func() { test.Tap(f.addContact) })
	dlg := f.contactEditor
	if dlg == nil || dlg.name.Text != "蘇小姐" || dlg.phone.Text != "02-2222-3333" || o.focused() != dlg.name {
		t.Fatalf("the contact dialog did not open from the caller (%v)", dlg)
	}
	o.canvas().Focus(dlg.title)
	o.typeText("採購")
	o.do(func() { test.Tap(dlg.save) })
	if o.canvas().Overlays().Top() != nil {
		t.Fatalf("the contact was not saved: %s", dlg.fields.Other.Text)
	}
	if !strings.Contains(f.contact.Selected, "蘇小姐") {
		t.Fatalf("the order's contact is %q, not the new one", f.contact.Selected)
	}
	contacts, err := store.ContactsOf(context.Background(), f.cust.ID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range contacts {
		found = found || (c.Name == "蘇小姐" && c.Title == "採購" && c.Phone == "02-2222-3333")
	}
	if !found {
		t.Errorf("the customer's contacts lack the new one: %v", contacts)
	}
	if !f.changed {
		t.Error("choosing the new contact is not a change of the order")
	}
}
