package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// clearedDemoOrder returns a demo order finance has cleared, with its
// shipment request issued: ready to ship.
func clearedDemoOrder(t *testing.T, store *model.Store) *model.Order {
	t.Helper()
	ctx := context.Background()
	rows, err := store.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateCleared, Limit: 10})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no cleared demo order: %v", err)
	}
	o, err := store.Order(ctx, rows[len(rows)-1].ID)
	if err == nil && len(o.Requests) == 0 && !o.Emergency.Active() {
		o, err = store.IssueShipmentRequest(ctx, setupBy(t, store), o.ID, 0, model.ShipmentRequestInput{
			ShipTo: "台北市", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
	}
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestShippedStepRecordsAShipment: the order's own "Shipped" step records
// the shipment the Shipping screen would (the whole order unless the clerk
// ships less), so the order is in Shipping and can have its shipping notice.
func TestShippedStepRecordsAShipment(t *testing.T) {
	store := demoStore(t, 400)
	order := clearedDemoOrder(t, store)
	clerk := employee(t, store, "YC")
	o := newOrderDesk(t, store, clerk)
	d := o.open(order.ID)
	if d.actions.buttons[model.DoShipped].Disabled() {
		t.Fatalf("Shipped is disabled: %s", d.actions.reasons[model.DoShipped].Text)
	}
	o.do(func() { test.Tap(d.actions.buttons[model.DoShipped]) })
	dlg := d.actions.open
	first := order.Lines[0]
	part := first.Qty / 2
	o.do(func() {
		dlg.fields.byName["Carrier"].input.(*Entry).SetText("新竹物流 HCT")
		dlg.fields.byName["Line1"].input.(*Entry).SetText(part.Plain())
	})
	o.do(func() { test.Tap(dlg.confirm) })
	o.settle()
	if dlg.fields.Other.Visible() {
		t.Fatalf("Shipped refused: %s", dlg.fields.Other.Text)
	}
	all, err := store.ShipmentsOf(context.Background(), order.ID)
	if err != nil || len(all) != 1 {
		t.Fatalf("shipments of %s: %d %v", order.No, len(all), err)
	}
	sh := all[0]
	if sh.Carrier != "新竹物流 HCT" || sh.Lines[0].LineNo != 1 || sh.Lines[0].Qty != part {
		t.Errorf("shipment %s: %s, lines %+v", sh.No, sh.Carrier, sh.Lines)
	}
	if len(order.Lines) > 1 && (len(sh.Lines) != len(order.Lines) || sh.Lines[1].Qty != order.Lines[1].Qty) {
		t.Errorf("the other lines ship whole: %+v", sh.Lines)
	}
	got, _ := store.Order(context.Background(), order.ID)
	if got.State != model.StateShipped {
		t.Errorf("order is %s after Shipped", got.State)
	}
	if problems, err := store.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// TestShipmentInShippingUpdatesTheOpenOrder: a shipment recorded in
// Shipping changes the order open on the Orders section at once (the
// store's change notice), so the detail no longer offers "Shipped".
func TestShipmentInShippingUpdatesTheOpenOrder(t *testing.T) {
	store := demoStore(t, 400)
	order := clearedDemoOrder(t, store)
	clerk := employee(t, store, "YC")
	o := newOrderDesk(t, store, clerk)
	d := o.open(order.ID)
	if d.actions.buttons[model.DoShipped].Disabled() {
		t.Fatalf("Shipped is disabled before shipping: %s", d.actions.reasons[model.DoShipped].Text)
	}
	sh := o.shell.shipping
	o.do(func() { sh.shipDialogFor(order, model.Remaining(order, nil)) })
	o.settle()
	ship := sh.dialog
	o.do(func() {
		ship.entries["Carrier"].SetText("新竹物流 HCT")
		ship.submit()
	})
	o.settle()
	if ship.form.Other.Visible() {
		t.Fatalf("shipment refused: %s", ship.form.Other.Text)
	}
	if d.view.order.State != model.StateShipped {
		t.Errorf("the open order still shows %s after the shipment", d.view.order.State)
	}
	if !d.actions.buttons[model.DoShipped].Disabled() {
		t.Error("the open order still offers Shipped after the shipment was recorded in Shipping")
	}
}

// TestStaleActionOffersReload: a step confirmed on an order another desk
// changed meanwhile is refused with the other clerk's name and a Reload
// that shows the order as it is now; the same clerk's own save from
// another section is said as hers.
func TestStaleActionOffersReload(t *testing.T) {
	store := demoStore(t, 400)
	order := clearedDemoOrder(t, store)
	clerk := employee(t, store, "YC")
	o := newOrderDesk(t, store, clerk)
	d := o.open(order.ID)
	// Another desk on the same database: its saves are not this desk's notices.
	other, err := model.Open(context.Background(), store.Path, model.Options{Clock: store.Clock, Location: store.Location()})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hold := func(by model.Actor) {
		if _, err := other.Apply(context.Background(), by, order.ID, 0, func(o *model.Order, c model.Ctx) error { return o.Hold(c, "客戶來電暫停") }); err != nil {
			t.Fatal(err)
		}
		if _, err := other.Apply(context.Background(), by, order.ID, 0, func(o *model.Order, c model.Ctx) error { return o.Resume(c) }); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		by   *model.Employee
		says string
	}{
		{employee(t, store, "KR"), "was changed by"},
		{clerk, "You saved order"},
	} {
		hold(tc.by.Actor())
		o.do(func() { test.Tap(d.actions.buttons[model.DoHold]) })
		dlg := d.actions.open
		o.do(func() { dlg.fields.byName["Reason"].input.(*Entry).SetText("等客戶確認") })
		o.do(func() { test.Tap(dlg.confirm) })
		o.settle()
		if dlg.conflict == nil {
			t.Fatalf("%s: no offer to reload; the dialog says %q", tc.by.Name, dlg.fields.Other.Text)
		}
		if !strings.Contains(dlg.fields.Other.Text, tc.says) || (tc.by == clerk && strings.Contains(dlg.fields.Other.Text, clerk.Name)) {
			t.Errorf("%s: the refusal says %q, want %q", tc.by.Name, dlg.fields.Other.Text, tc.says)
		}
		before := d.view.order.Version
		o.do(dlg.conflict.Confirm)
		o.settle()
		if d.view.order.Version == before {
			t.Errorf("%s: Reload did not read the order again (version %d)", tc.by.Name, before)
		}
	}
}

// TestArrivalStepRecordsTheShipmentArrival: the order's own "Arrival
// receipt signed" step records the arrival on the shipment, as Shipping
// does, so the shipment shows it arrived with its receipt and the order
// is delivered by it.
func TestArrivalStepRecordsTheShipmentArrival(t *testing.T) {
	store := demoStore(t, 400)
	order := clearedDemoOrder(t, store)
	clerk := employee(t, store, "YC")
	ctx := context.Background()
	shipped, err := store.CreateShipment(ctx, clerk.Actor(), model.ShipmentInput{OrderID: order.ID,
		Lines: model.Remaining(order, nil), Carrier: "新竹物流 HCT", ShipDate: store.Today()})
	if err != nil {
		t.Fatal(err)
	}
	o := newOrderDesk(t, store, clerk)
	d := o.open(order.ID)
	if d.actions.buttons[model.DoDelivered].Disabled() {
		t.Fatalf("the arrival step is disabled: %s", d.actions.reasons[model.DoDelivered].Text)
	}
	o.do(func() { test.Tap(d.actions.buttons[model.DoDelivered]) })
	dlg := d.actions.open
	o.do(func() { dlg.fields.byName["ReceiptSignedBy"].input.(*Entry).SetText("倉管 林先生") })
	o.do(func() { test.Tap(dlg.confirm) })
	o.settle()
	if dlg.fields.Other.Visible() {
		t.Fatalf("the arrival was refused: %s", dlg.fields.Other.Text)
	}
	sh, err := store.Shipment(ctx, shipped.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Status != model.ShipReceived || sh.ArrivedOn != store.Today() || sh.Receipt.By != "倉管 林先生" || sh.ArrivalBy != clerk.Name {
		t.Errorf("shipment %s after the order's arrival step: %s, arrived %s by %q, receipt by %q",
			sh.No, sh.Status, sh.ArrivedOn, sh.ArrivalBy, sh.Receipt.By)
	}
	got, _ := store.Order(ctx, order.ID)
	if got.State != model.StateDelivered {
		t.Errorf("order is %s after its arrival receipt", got.State)
	}
	if problems, err := store.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}
