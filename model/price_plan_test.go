package model

import (
	"strings"
	"testing"
)

// TestOnlyAManagerChangesAPricePlan: the price plan's buttons ask the model
// whether the person at the desk may change it; a clerk is told why not and
// her add or end is refused, leaving the plan as it was; a manager's price
// is saved and ended, each with an event naming her.
func TestOnlyAManagerChangesAPricePlan(t *testing.T) {
	const want = "Only a manager may change a price plan."
	cases := []struct {
		name  string
		who   func(f *deskFixture) *Employee
		allow bool
	}{
		{"clerk", func(f *deskFixture) *Employee { return f.clerk }, false},
		{"salesperson", func(f *deskFixture) *Employee { return f.sales }, false},
		{"manager", func(f *deskFixture) *Employee { return f.super }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			by := tc.who(f)
			may := f.s.MayChangePrices(f.ctx, by.Actor())
			p := &Price{ProductID: f.paper.ID, CustomerID: &f.custB.ID, UnitPrice: MoneyOf(2400), Currency: "twd",
				ValidFrom: NewDate(2027, 1, 1), Note: "年度合約"}
			saved := f.s.SavePrice(f.ctx, by.Actor(), p)
			if !tc.allow {
				for what, err := range map[string]error{"may change": may, "save": saved} {
					if got := refusal(t, err); got != want {
						t.Errorf("%s: %q, want %q", what, got, want)
					}
				}
				if p.ID != 0 {
					t.Errorf("refused price got id %d", p.ID)
				}
				prices, _ := f.s.PricesOf(f.ctx, f.paper.ID)
				if len(prices) != 1 { // the fixture's list price only
					t.Errorf("plan has %d prices after a refused save, want 1", len(prices))
				}
				// Ending the fixture's list price is refused alike, and leaves it open as it was.
				list := prices[0]
				if got := refusal(t, f.s.EndPrice(f.ctx, by.Actor(), &list, NewDate(2026, 6, 30))); got != want {
					t.Errorf("end: %q", got)
				}
				if list.ValidTo != NewDate(2026, 12, 31) {
					t.Errorf("refused end changed the price in hand to %s", list.ValidTo)
				}
				return
			}
			if may != nil || saved != nil {
				t.Fatalf("manager: may %v, save %v", may, saved)
			}
			if p.Currency != "TWD" {
				t.Errorf("currency %q, want TWD", p.Currency)
			}
			if err := f.s.EndPrice(f.ctx, by.Actor(), p, NewDate(2027, 6, 30)); err != nil {
				t.Fatalf("end: %v", err)
			}
			events, err := f.s.EventsFor(f.ctx, "price", p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(events) != 2 || events[0].Action != ActCreated || events[1].Action != ActUpdated {
				t.Fatalf("events %+v, want created then updated", events)
			}
			for _, e := range events {
				if e.ByID != by.ID {
					t.Errorf("event %s by %d, want %d", e.Action, e.ByID, by.ID)
				}
			}
			if got := events[1].English(); !strings.Contains(got, "2027-06-30") {
				t.Errorf("end event %q does not name the last day", got)
			}
			stored, _ := f.s.ValidPrice(f.ctx, f.paper.ID, f.custB.ID, NewDate(2027, 3, 1))
			if stored == nil || stored.ID != p.ID || stored.UnitPrice != MoneyOf(2400) {
				t.Errorf("price on 2027-03-01: %+v", stored)
			}
		})
	}
}
