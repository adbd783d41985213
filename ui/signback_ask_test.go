package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestSignBackProblemsAsk: problems typed on the returned copy do not
// silently send the order back to Checking (issue 18 item 8): the step asks
// first, No leaves the order as it was, Yes (Enter) records it.
func TestSignBackProblemsAsk(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	order := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)

	o.do(func() { test.Tap(d.actions.buttons[model.DoSignBack]) })
	dlg := d.actions.open
	var problems *Entry
	for _, ff := range dlg.fields.fields {
		if ff.name == "Problems" {
			problems = ff.input.(*Entry)
		}
	}
	if problems == nil {
		t.Fatal("the sign-back has no problems field")
	}
	o.do(func() { problems.SetText("Quantity on line 1 crossed out") })
	state := func() model.State {
		got, err := store.Order(context.Background(), order.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.State
	}
	before := state()
	o.do(func() { test.Tap(dlg.confirm) })
	if dlg.question == nil {
		t.Fatalf("the sign-back with problems was recorded without asking: the order is now %s", state())
	}
	if s := state(); s != before {
		t.Fatalf("the order moved to %s before the clerk answered", s)
	}
	o.do(func() { dlg.question.Dismiss() }) // No
	if s := state(); s != before {
		t.Fatalf("No moved the order to %s", s)
	}
	o.do(func() { test.Tap(dlg.confirm) })
	o.key(fyne.KeyReturn) // Enter answers yes
	if s := state(); s != model.StateChecking {
		t.Errorf("after Yes the order is %s, want back in Checking", s)
	}
}
