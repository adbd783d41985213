package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/model"
)

// TestEscClosesTheDialog opens the void dialog of a shipment, types a
// reason, and presses Esc in the field: the dialog closes as Cancel would,
// nothing is voided, and Esc has nothing left to close.
func TestEscClosesTheDialog(t *testing.T) {
	d := newShippingDesk(t)
	d.shortcut(ShortcutSection(SectionShipping))
	d.openShipment(d.sh.ID)
	d.tap(d.s.buttons[model.ShipDoVoid])
	dlg := d.s.dialog
	if dlg == nil || d.focused() != dlg.entries["Reason"] {
		t.Fatal("the void did not open with the cursor in the reason")
	}
	d.typeText("wrong order")
	d.key(fyne.KeyEscape)
	if d.s.dialog != nil || d.canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the void dialog")
	}
	if d.shipment(d.sh.ID).Void() {
		t.Fatal("Esc voided the shipment")
	}
	if len(escapable[d.canvas()]) != 0 {
		t.Errorf("%d closed dialogs still wait for Esc", len(escapable[d.canvas()]))
	}
	// Opened again, the dialog answers Esc again.
	d.tap(d.s.buttons[model.ShipDoVoid])
	if d.s.dialog == nil {
		t.Fatal("the void did not open a second time")
	}
	d.key(fyne.KeyEscape)
	if d.s.dialog != nil {
		t.Fatal("Esc did not close the dialog opened a second time")
	}
}
