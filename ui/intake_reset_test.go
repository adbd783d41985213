package ui

import "testing"

// TestNewOrderForgetsTheLastSalesperson: after an order with a salesperson
// was open in the intake, a new order starts with nobody chosen.
func TestNewOrderForgetsTheLastSalesperson(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("A001", nil)
	if c.SalespersonID == nil {
		t.Fatal("demo customer A001 has no salesperson")
	}
	order := f.intake(c, 100, "WF-80-787")
	o := newOrderDesk(t, store, f.clerk)
	in := o.s.intake
	o.do(func() { o.s.detail.onEdit(order) })
	o.settle()
	if id := in.salespersonID(); id == nil || *id != *c.SalespersonID {
		t.Fatalf("the order's salesperson is not shown: %v", id)
	}
	o.do(o.s.showList)
	o.shortcut(ShortcutNew)
	o.settle()
	if in.stored != nil || in.salesperson.SelectedIndex() != 0 {
		t.Errorf("a new order shows salesperson %q", in.salesperson.Selected)
	}
}
