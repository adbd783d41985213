package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/model"
)

// TestEnterConfirmsAYesNoStep: a step with nothing to type asks "Record
// this step?"; Enter answers it as the button would.
func TestEnterConfirmsAYesNoStep(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.intake(f.customer("A001", nil), 100, "WF-80-787")
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	o.do(func() { d.actions.start(model.DoSubmit) })
	if o.focused() != nil || o.canvas().Overlays().Top() == nil {
		t.Fatalf("the step did not open as a question (focus on %T)", o.focused())
	}
	o.key(fyne.KeyReturn)
	o.settle()
	if got, _ := store.Order(context.Background(), order.ID); got.State != model.StateChecking {
		t.Errorf("Enter left the order %s", got.State)
	}
	if o.canvas().Overlays().Top() != nil {
		t.Error("the question is still open")
	}
}

// TestCtrlEnterConfirmsFromAMultiLineField: in the shipment's note (where
// Enter starts a new line) Ctrl+Enter records the shipment.
func TestCtrlEnterConfirmsFromAMultiLineField(t *testing.T) {
	store := demoStore(t, 400)
	order := clearedDemoOrder(t, store)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	d := o.open(order.ID)
	o.do(func() { d.actions.start(model.DoShipped) })
	dlg := d.actions.open
	note := dlg.fields.byName["Note"].input.(*Entry)
	o.do(func() {
		dlg.fields.byName["Carrier"].input.(*Entry).SetText("新竹物流 HCT")
		o.canvas().Focus(note)
	})
	o.typeText("易碎")
	o.shortcut(ShortcutSubmit)
	o.settle()
	all, err := store.ShipmentsOf(context.Background(), order.ID)
	if err != nil || len(all) != 1 || all[0].Note != "易碎" {
		t.Fatalf("Ctrl+Enter in the note: %+v %v (%s)", all, err, dlg.fields.Other.Text)
	}
}
