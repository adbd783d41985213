package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/model"
)

// keyCount drives a desk by keys and counts the command keys pressed (Tab,
// Enter, arrows, shortcuts), not the characters typed.
type keyCount struct {
	*orderDesk
	n int
}

func (k *keyCount) key(name fyne.KeyName)    { k.n++; k.orderDesk.key(name) }
func (k *keyCount) tab()                     { k.n++; k.orderDesk.tab() }
func (k *keyCount) shortcut(s fyne.Shortcut) { k.n++; k.orderDesk.shortcut(s) }

// tabTo presses Tab until the focus is on w (at most max).
func (k *keyCount) tabTo(w fyne.Focusable, max int) {
	k.t.Helper()
	for range max {
		k.tab()
		if k.focused() == w {
			return
		}
	}
	k.t.Fatalf("%d Tabs did not reach the field (focus on %T)", max, k.focused())
}

// TestPhoneOrderKeyCount takes a 3-line phone order for a known customer by
// keys alone, from Ctrl+N to Checking, in at most 20 command keys (issue
// 18 item 8: it took about 35): the product picked with Enter puts the
// cursor in the quantity, and Enter there starts the next line.
func TestPhoneOrderKeyCount(t *testing.T) {
	store := demoStore(t, 0)
	k := &keyCount{orderDesk: newOrderDesk(t, store, employee(t, store, "YC"))}
	f := k.s.intake

	k.shortcut(ShortcutNew) // the cursor in the customer
	k.typeText("金鼎")
	k.key(fyne.KeyReturn) // picks the customer: on to the lines
	if f.cust == nil || f.cust.Code != "A001" {
		t.Fatalf("the customer was not picked: %q", f.customer.Text)
	}
	for i, line := range []struct{ code, qty string }{{"WF-80-787", "120"}, {"KR-120-900", "80"}, {"CT-105-889", "40"}} {
		row := f.lines.rows[i]
		if k.focused() != row.product {
			t.Fatalf("line %d: the cursor is on %T, not the product", i+1, k.focused())
		}
		k.typeText(line.code)
		k.key(fyne.KeyReturn) // picks the product: spec, unit and price follow it
		if row.prod == nil || k.focused() != row.qty {
			t.Fatalf("line %d: Enter picked %v, the cursor is on %T, not the quantity", i+1, row.prod, k.focused())
		}
		k.typeText(line.qty)
		k.key(fyne.KeyReturn) // the next line
	}
	k.key(fyne.KeyReturn) // on the empty fourth line: the lines are done
	if len(f.lines.rows) != 3 {
		t.Fatalf("Enter on the empty line left %d lines", len(f.lines.rows))
	}
	// What the confirmation needs that the customer does not give: the
	// date asked for, the tolerance and the packaging.
	if k.focused() != f.requested {
		t.Fatalf("after the lines the cursor is on %T, not the requested date", k.focused())
	}
	k.typeText("2026-12-15")
	k.tabTo(f.tolerance, 4)
	k.typeText("5")
	k.tabTo(f.packaging, 2)
	k.typeText("棧板包裝")
	k.shortcut(ShortcutSubmit)
	if f.stored == nil {
		t.Fatalf("Ctrl+Enter stored nothing: %q %q %q", f.status.Text, f.fields.Other.Text, f.terms.Other.Text)
	}
	got, err := store.Order(context.Background(), f.stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != model.StateChecking || len(got.Lines) != 3 || got.Channel != model.ChannelPhone {
		t.Fatalf("the order is %s with %d lines by %s: %q", got.State, len(got.Lines), got.Channel, f.status.Text)
	}
	t.Logf("%d command keys", k.n)
	if k.n > 20 {
		t.Errorf("the 3-line phone order took %d command keys, want at most 20", k.n)
	}
}
