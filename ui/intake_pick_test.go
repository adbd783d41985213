package ui

import (
	"testing"
)

// TestSuggestionsShowAfterFastTyping types a customer code and a product
// code key after key without a pause (a barcode scanner, xdotool at 12 ms)
// and checks that the one search it costs lays its suggestions out under
// the entry. The box of suggestions starts hidden, so the window had never
// drawn it: showing it has to go through the container that holds it,
// which the window knows, or the suggestions stay unlaid (zero size) until
// some other key redraws the form.
func TestSuggestionsShowAfterFastTyping(t *testing.T) {
	store := demoStore(t, 0)
	d := newOrderDesk(t, store, employee(t, store, "YC"))
	f := d.s.intake
	d.shortcut(ShortcutNew)

	typeFast := func(p *pickEntry, code string) {
		t.Helper()
		d.canvas().Focus(p)
		for _, r := range code { // no settling between the keys
			p.TypedRune(r)
		}
		d.settle()
		if len(p.options) == 0 || !p.box.Visible() {
			t.Fatalf("%s typed quickly found no suggestions", code)
		}
		first := p.box.Objects[0]
		if p.box.Size().Height <= 0 || first.Size().Width <= 0 || first.Size().Height <= 0 {
			t.Errorf("%s typed quickly: the suggestions are not laid out (box %v, first %v)", code, p.box.Size(), first.Size())
		}
	}
	typeFast(f.customer, "A001")
	typeFast(f.lines.rows[0].product, "WF-80")
}
