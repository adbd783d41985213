package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestQCErrorSitsAtItsLine: the QC dialog's count of line 1 outside the
// tolerance is said under line 1's field, not under another line's; every
// problem shows at once; typing in the field takes its problem away.
func TestQCErrorSitsAtItsLine(t *testing.T) {
	store := demoStore(t, 400)
	ctx := context.Background()
	rows, err := store.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateInProduction, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var order *model.Order
	for _, r := range rows {
		if o, _ := store.Order(ctx, r.ID); o != nil && len(o.Lines) >= 3 {
			order = o
			break
		}
	}
	if order == nil {
		t.Fatal("no demo order in production with three lines")
	}
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	d := o.open(order.ID)
	o.do(func() { test.Tap(d.actions.buttons[model.DoQC]) })
	dlg := d.actions.open
	line1 := dlg.fields.byName[LineField("Produced", 1)].input.(*Entry)
	o.do(func() { line1.SetText("1") })
	o.do(func() { test.Tap(dlg.confirm) })
	o.settle()
	if got := dlg.fields.Problem(LineField("Produced", 1)); !strings.Contains(got, "Line 1:") {
		t.Errorf("line 1's field says %q", got)
	}
	for _, no := range []int{2, 3} {
		if got := dlg.fields.Problem(LineField("Produced", no)); got != "" {
			t.Errorf("line %d's field says %q about another line", no, got)
		}
	}
	if dlg.fields.Problem("Inspector") == "" {
		t.Error("the missing inspector is not said with the count")
	}
	o.do(func() { d.win.Canvas().Focus(line1); test.Type(line1, "00") })
	if got := dlg.fields.Problem(LineField("Produced", 1)); got != "" {
		t.Errorf("line 1 still says %q after the count was typed again", got)
	}
}

// TestIntakeLineErrorsAtTheirRows: every line's problem is shown at once,
// under its own row, and goes away as the row is corrected.
func TestIntakeLineErrorsAtTheirRows(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("B002")
	o.key(fyne.KeyReturn)
	o.s.win.Canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "1x", false)
	o.line("KR-120-900", "2y", true)
	o.shortcut(ShortcutSave)
	for i, row := range f.lines.rows[:2] {
		if want := "Line " + string(rune('1'+i)) + ": enter a quantity"; !row.problem.Visible() || !strings.Contains(row.problem.Text, want) {
			t.Errorf("row %d says %q, want %q", i+1, row.problem.Text, want)
		}
	}
	if strings.Contains(f.fields.Other.Text, "Line") {
		t.Errorf("line problems shown above the form: %q", f.fields.Other.Text)
	}
	row := f.lines.rows[0]
	o.do(func() { row.qty.SetText("10") })
	if row.problem.Visible() {
		t.Errorf("row 1 still says %q after its quantity was corrected", row.problem.Text)
	}
	if !f.lines.rows[1].problem.Visible() {
		t.Error("row 2's problem went away with row 1's")
	}
}

// TestProductionDateQuantityPerUnit: an order of rolls and reams asks
// production for the quantity of each, never for their sum.
func TestProductionDateQuantityPerUnit(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.intake(f.customer("A001", nil), 100, "WF-80-787", "BB-250")
	order = f.do(order, func(o *model.Order, c model.Ctx) error { return o.Submit(c) })
	order = f.do(order, func(o *model.Order, c model.Ctx) error {
		return o.RecordTechnicalCheck(c, model.TechnicalInput{CanProduce: true, MaterialInStock: true,
			Note: "原紙庫存足夠", SignedBy: model.SignerOf(employee(t, store, "TM"))})
	})
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	o.do(func() { test.Tap(d.actions.buttons[model.DoProductionDate]) })
	dlg := d.actions.open
	if _, summed := dlg.fields.byName["Qty"]; summed {
		t.Fatal("the dialog asks for one quantity of rolls and reams together")
	}
	for _, u := range []string{"roll", "ream"} {
		ff := dlg.fields.byName[model.ProdQtyField(u)]
		if ff == nil || ff.input.(*Entry).Text != "100" || !strings.Contains(ff.label.Text, u) {
			t.Fatalf("no quantity of %s ordered (100): %+v", u, ff)
		}
	}
}
