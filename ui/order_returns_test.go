package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestOrderDetailListsAndOpensReturns: an order's returns show on its
// detail with number, state and due date; "Return goods…" is disabled with
// the model's reason for Mei-Ling (not in the Repair & Returns team), and
// for Andy opens a return whose problems the model names in the dialog (no
// line, a quality claim without its lot; more than was shipped and a
// quantity that is not one at their line) until a good one is saved and listed.
func TestOrderDetailListsAndOpensReturns(t *testing.T) {
	store := demoOffice(t, 400)
	ctx := context.Background()
	rows, err := store.RMAs(ctx, false)
	if err != nil || len(rows) == 0 {
		t.Fatalf("the demo has no returns: %v", err)
	}
	first, err := store.RMA(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}

	ml := newOrderDesk(t, store, person(t, store, "ML"))
	d := ml.open(first.OrderID)
	if got := textsIn(d.returns.list); !strings.Contains(got, first.No+" · "+first.State.Name().String()) {
		t.Errorf("the order's returns show %q, want %s", got, first.No)
	}
	if !d.returns.button.Disabled() || !strings.Contains(d.returns.reason.Text, "Repair & Returns team opens returns") {
		t.Errorf("Return goods… for Mei-Ling: disabled %v, reason %q", d.returns.button.Disabled(), d.returns.reason.Text)
	}

	// A delivered order with shipments and no return yet.
	orders, err := store.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var order *model.Order
	for _, row := range orders {
		ship, _ := store.OrderShipments(ctx, row.ID)
		had, _ := store.RMAsOf(ctx, row.ID)
		if len(ship) > 0 && len(had) == 0 {
			order, _ = store.Order(ctx, row.ID)
			break
		}
	}
	if order == nil {
		t.Fatal("no delivered demo order without a return")
	}
	an := newOrderDesk(t, store, person(t, store, "AN"))
	d = an.open(order.ID)
	if d.returns.button.Disabled() || !strings.Contains(textsIn(d.returns.list), "No returns.") {
		t.Fatalf("Return goods… for Andy: disabled %v (%q), list %q", d.returns.button.Disabled(), d.returns.reason.Text, textsIn(d.returns.list))
	}
	an.do(func() { test.Tap(d.returns.button) })
	g := d.returns.open
	line := order.Lines[0].LineNo
	cases := []struct {
		name, qty string
		reason    int // index in model.RMAReasons, -1: none
		lot       string
		field     string // "": the problem is above the fields
		want      string
	}{
		{"no line", "", 0, "", "", "Name the lines and quantities that come back."},
		{"not a quantity", "abc", 0, "", LineField("Lines", line), "Enter a quantity such as 120 or 12.5."},
		{"no reason", "1", -1, "", "Reason", "Choose why the goods come back"},
		{"more than shipped", "99999999", 0, "", LineField("Lines", line), "cannot come back"},
		{"quality claim without its lot", "1", 2, "", "QCLot", "A quality claim names the QC lot it is about."},
	}
	for _, tc := range cases {
		an.do(func() {
			g.qty[line].SetText(tc.qty)
			if tc.reason < 0 {
				g.reason.ClearSelected()
			} else {
				g.reason.SetSelectedIndex(tc.reason)
			}
			g.lot.SetText(tc.lot)
			test.Tap(g.confirm)
		})
		got := g.form.Other.Text
		if tc.field != "" {
			got = g.form.Problem(tc.field)
			// A line's problem is at its line, not once more at the bottom.
			if g.form.Other.Visible() && g.form.Other.Text != "" {
				t.Errorf("%s: the dialog also says %q below the fields", tc.name, g.form.Other.Text)
			}
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: the dialog says %q, want %q", tc.name, got, tc.want)
		}
	}
	// No reason and too much on the line: both are said, each at its field.
	an.do(func() {
		g.qty[line].SetText("99999999")
		g.reason.ClearSelected()
		test.Tap(g.confirm)
	})
	if !strings.Contains(g.form.Problem("Reason"), "Choose why") || !strings.Contains(g.form.Problem(LineField("Lines", line)), "cannot come back") {
		t.Errorf("both problems at once: reason %q, line %q", g.form.Problem("Reason"), g.form.Problem(LineField("Lines", line)))
	}
	an.do(func() {
		g.qty[line].SetText("1")
		g.reason.SetSelectedIndex(2)
		g.lot.SetText("L-2026-120")
		g.complaint.SetText("Curling")
		test.Tap(g.confirm)
	})
	made, err := store.RMAsOf(ctx, order.ID)
	if err != nil || len(made) != 1 || made[0].Reason != model.ReasonQuality || made[0].QCLot != "L-2026-120" ||
		len(made[0].Lines) != 1 || made[0].Lines[0].Qty != model.QtyOf(1) || made[0].Opened.By != "Andy" {
		t.Fatalf("the return opened: %+v %v", made, err)
	}
	if got := textsIn(d.returns.list); !strings.Contains(got, made[0].No+" · Opened · due "+made[0].DueOn.String()) {
		t.Errorf("the order's returns show %q after opening %s", got, made[0].No)
	}
}

// TestReturnFormSaysWhatMayComeBack: each line of the return form names
// its product and what was shipped and returned already (the count the
// model refuses by), not the ordered quantity; once all of a line is
// back, its quantity cannot be entered.
func TestReturnFormSaysWhatMayComeBack(t *testing.T) {
	store := demoOffice(t, 400)
	ctx := context.Background()
	orders, err := store.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var order *model.Order
	var ships []model.Shipment
	for _, row := range orders {
		ships, _ = store.OrderShipments(ctx, row.ID)
		had, _ := store.RMAsOf(ctx, row.ID)
		if len(ships) > 0 && len(had) == 0 {
			order, _ = store.Order(ctx, row.ID)
			break
		}
	}
	if order == nil {
		t.Fatal("no delivered demo order without a return")
	}
	l := order.Lines[0]
	var shipped model.Qty
	for _, sh := range ships {
		for _, sl := range sh.Lines {
			if !sh.Void() && sl.LineNo == l.LineNo {
				shipped += sl.Qty
			}
		}
	}
	if shipped <= 0 || l.Product == nil {
		t.Fatalf("line %d of %s shipped %s (product %v)", l.LineNo, order.No, shipped, l.Product)
	}
	name := l.Product.NameZH
	if name == "" {
		name = l.Product.NameEN
	}
	head := fmt.Sprintf("%d · %s %s · %s %s shipped, ", l.LineNo, l.Product.Code, name, shipped, model.UnitName(l.Unit))
	an := newOrderDesk(t, store, person(t, store, "AN"))
	label := func() (string, bool) {
		d := an.open(order.ID)
		an.do(func() { test.Tap(d.returns.button) })
		g := d.returns.open
		defer an.do(func() { g.dlg.Hide() })
		return g.form.byName[LineField("Lines", l.LineNo)].label.Text, g.qty[l.LineNo].Disabled()
	}
	if got, off := label(); got != head+"0 returned" || off {
		t.Errorf("before any return, line %d reads %q (disabled %v), want %q", l.LineNo, got, off, head+"0 returned")
	}
	if _, err := store.OpenRMA(ctx, person(t, store, "AN").Actor(), model.RMAInput{OrderID: order.ID,
		Lines: map[int]model.Qty{l.LineNo: shipped}, Reason: model.ReasonDamage}); err != nil {
		t.Fatal(err)
	}
	if got, off := label(); got != head+shipped.String()+" returned" || !off {
		t.Errorf("all of it returned, line %d reads %q (disabled %v), want %q, disabled", l.LineNo, got, off, head+shipped.String()+" returned")
	}
	// A line that shipped nothing says so.
	if got := returnLineText(&l, model.Returnable{}); got != fmt.Sprintf("%d · %s %s · nothing shipped", l.LineNo, l.Product.Code, name) {
		t.Errorf("a line that shipped nothing reads %q", got)
	}
}
