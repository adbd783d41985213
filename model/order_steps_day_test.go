package model

import "testing"

// The shipment's and the arrival's gates are kept as calendar days (a ship
// date, an arrival date), like a payment's: the gate must say so, or the
// order detail shows them at midnight (seen walking a fresh office's order
// to Delivered, issue 16).
func TestShippedAndArrivedGatesAreDays(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	f.arrive(sh, "林經理", "")
	o = f.reload(o)
	office, _ := f.s.Office(f.ctx)
	events, _ := f.s.EventsFor(f.ctx, "order", o.ID)
	steps := map[string]Step{}
	for _, s := range o.Steps(office, events, f.clock.Now()) {
		steps[s.Name] = s
	}
	for _, tc := range []struct {
		name  string
		onDay bool
	}{
		{"Shipped", true},
		{"Arrival receipt signed", true},
		{"Finance clearance", false}, // a signature, at its minute
	} {
		s, ok := steps[tc.name]
		if !ok || !s.Done || s.At == nil {
			t.Fatalf("%s: not done with a time: %+v", tc.name, s)
		}
		if s.OnDay != tc.onDay {
			t.Errorf("%s: OnDay %v, want %v", tc.name, s.OnDay, tc.onDay)
		}
	}
}
