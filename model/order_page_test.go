package model

import "testing"

// TestOrderPageMatchesOrders checks that OrderPage returns exactly the
// pages of Orders, for each view in its own order.
func TestOrderPageMatchesOrders(t *testing.T) {
	defer func(was int) { idsFirstFrom = was }(idsFirstFrom)
	idsFirstFrom = 5 // every view's deep pages through the ids, on a small office
	f := newDesk(t)
	if err := f.s.GenerateOrders(f.ctx, 300, 7, nil); err != nil {
		t.Fatal(err)
	}
	views := []OrderFilter{{View: ViewOpen}, {View: ViewAll}, {View: ViewClosed}, {View: ViewAwaitingSignBack},
		{View: ViewOverdue}, {View: ViewState, State: StateDelivered}, {View: ViewAll, CustomerID: f.custB.ID}}
	for _, v := range views {
		for _, off := range []int{0, 7, 40, 290} {
			v.Offset, v.Limit = off, 25
			want, err := f.s.Orders(f.ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.s.OrderPage(f.ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s offset %d: %d rows, want %d", v.View, off, len(got), len(want))
			}
			for i := range want {
				if got[i].ID != want[i].ID || got[i].No != want[i].No || got[i].CustomerCode != want[i].CustomerCode ||
					got[i].Total != want[i].Total || got[i].State != want[i].State {
					t.Errorf("%s offset %d row %d: %+v, want %+v", v.View, off, i, got[i], want[i])
					break
				}
			}
		}
	}
}
