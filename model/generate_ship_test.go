package model

import "testing"

// TestGeneratedShipmentsAreWeighed: a generated shipment carries its
// weight beside its carrier, tracking number and packages, so a demo
// office's shipping notice prints none of them blank.
func TestGeneratedShipmentsAreWeighed(t *testing.T) {
	f := newDesk(t)
	f.clock.Set(at(2026, 11, 22, 10, 0))
	if err := f.s.GenerateOrders(f.ctx, 200, 1, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewState, State: StateShipped, Limit: 20})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no shipped order generated: %v", err)
	}
	for _, r := range rows {
		shipments, err := f.s.OrderShipments(f.ctx, r.ID)
		if err != nil || len(shipments) == 0 {
			t.Fatalf("%s: no shipment (%v)", r.No, err)
		}
		for _, sh := range shipments {
			if sh.WeightKg <= 0 || sh.Packages <= 0 || sh.Carrier == "" || sh.TrackingNo == "" {
				t.Errorf("%s shipment %s: weight %s, %d packages, carrier %q, tracking %q", r.No, sh.No, sh.WeightKg, sh.Packages, sh.Carrier, sh.TrackingNo)
			}
		}
	}
}
