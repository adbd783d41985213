package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/model"
)

// TestIntakeDeliveryTerms: picking an export customer fills the order's
// Incoterm and named place from the customer's default (the demo's A004
// buys FOB Keelung); the clerk changes them for this order, a rule without
// its place is shown under the place, and what is saved is the clerk's; the
// order's detail shows it.
func TestIntakeDeliveryTerms(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("A004")
	o.key(fyne.KeyReturn)
	if f.cust == nil || f.cust.Code != "A004" {
		t.Fatalf("the customer was not picked: %q", f.customer.Text)
	}
	if got := f.incoterm.get(); got.String() != "FOB Keelung" {
		t.Fatalf("the intake's delivery terms from the customer: %q", got.String())
	}
	o.canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "10", true)

	o.do(func() { f.incoterm.code.SetSelected("CIF"); f.incoterm.place.SetText("") })
	o.shortcut(ShortcutSave)
	if f.stored != nil {
		t.Fatal("saved CIF without its port of destination")
	}
	if p := f.terms.Problem("IncotermPlace"); !strings.Contains(p, "CIF needs the named port of destination") {
		t.Errorf("under the named place: %q", p)
	}

	o.do(func() { f.incoterm.place.SetText("Los Angeles") })
	o.shortcut(ShortcutSave)
	if f.stored == nil {
		t.Fatalf("Ctrl+S saved nothing: %q %q", f.status.Text, f.terms.Other.Text)
	}
	saved, err := store.Order(context.Background(), f.stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.DeliveryTerms != (model.DeliveryTerms{Incoterm: "CIF", IncotermPlace: "Los Angeles"}) {
		t.Errorf("saved delivery terms %+v", saved.DeliveryTerms)
	}
	d := o.open(saved.ID)
	if !strings.Contains(textsIn(d.info), "CIF Los Angeles") {
		t.Errorf("the order's detail does not show the delivery terms:\n%s", textsIn(d.info))
	}
}
