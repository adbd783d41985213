package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestCheckFindsAnOrderShippedWithoutAShipment: an order marked shipped by
// its state alone (as the order detail's "Shipped" step once did) is not
// in Shipping and can have no shipping notice; check names it. One shipped
// through a shipment is sound.
func TestCheckFindsAnOrderShippedWithoutAShipment(t *testing.T) {
	f := newDesk(t)
	good := f.readyToShip(f.custA, 10, true)
	f.ship(good, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	bare := f.readyToShip(f.custA, 10, true)
	bare = f.do(bare, func(o *Order, c Ctx) error { return o.recordShipped(c, c.Today(), c.Today().AddDays(2)) })
	problems, err := f.s.Check(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("order %s: shipped without a shipment", bare.No)
	if len(problems) != 1 || !strings.Contains(problems[0], want) {
		t.Errorf("check = %q, want one problem %q", problems, want)
	}
}

// TestGeneratedShippedOrdersHaveTheirShipments: the demo office's shipped
// and delivered orders are in Shipping, numbered gap-free, delivered ones
// with the signed receipt.
func TestGeneratedShippedOrdersHaveTheirShipments(t *testing.T) {
	f := newDesk(t)
	f.clock.Set(at(2026, 11, 22, 10, 0))
	if err := f.s.GenerateOrders(f.ctx, 400, 1, nil); err != nil {
		t.Fatal(err)
	}
	if problems, err := f.s.Check(f.ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after generating: %v %v", problems, err)
	}
	for _, st := range []State{StateShipped, StateDelivered} {
		rows, _ := f.s.Orders(f.ctx, OrderFilter{View: ViewState, State: st, Limit: 20})
		if len(rows) == 0 {
			t.Fatalf("no generated order is %s", st)
		}
		for _, r := range rows {
			all, err := f.s.ShipmentsOf(f.ctx, r.ID)
			if err != nil || len(all) != 1 || len(all[0].Lines) == 0 || all[0].Lines[0].OrderLineID == 0 || !all[0].Completes {
				t.Fatalf("%s (%s) shipments %+v %v", r.No, st, all, err)
			}
			if want := map[State]ShipmentStatus{StateShipped: ShipInTransit, StateDelivered: ShipReceived}[st]; all[0].Status != want {
				t.Errorf("%s (%s): shipment %s is %s, want %s", r.No, st, all[0].No, all[0].Status, want)
			}
		}
	}
	var counters []Counter
	f.s.read.Where("series = ?", SeriesShipment).Find(&counters)
	for _, c := range counters {
		var k int64
		f.s.read.Model(&Shipment{}).Where("no LIKE ?", fmt.Sprintf("SH-%d-%%", c.Year)).Count(&k)
		if int(k) != c.Last {
			t.Errorf("year %d: %d shipments, counter at %d", c.Year, k, c.Last)
		}
	}
	if len(counters) == 0 {
		t.Error("no shipment counter")
	}
}
