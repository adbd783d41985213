package model

import (
	"fmt"
	"testing"
)

func TestGenerateOrders(t *testing.T) {
	f := newDesk(t)
	f.clock.Set(at(2026, 11, 22, 10, 0))
	const n = 3000
	if err := f.s.GenerateOrders(f.ctx, n, 1, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewAll}); got.N != n {
		t.Fatalf("%d orders, want %d", got.N, n)
	}
	// Every state is represented.
	for _, st := range States {
		if c, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewState, State: st}); c.N == 0 {
			t.Errorf("no generated order is %s", st)
		}
	}
	// Numbers are gap-free within each year and the counters agree.
	var counters []Counter
	f.s.read.Where("series = ?", SeriesOrder).Find(&counters)
	total := 0
	for _, c := range counters {
		var k int64
		f.s.read.Model(&Order{}).Where("no LIKE ?", fmt.Sprintf("SO-%d-%%", c.Year)).Count(&k)
		if int(k) != c.Last {
			t.Errorf("year %d: %d orders, counter at %d", c.Year, k, c.Last)
		}
		total += c.Last
	}
	if total != n {
		t.Errorf("counters add up to %d", total)
	}
	// A new order continues the series.
	var c2026 Counter
	f.s.read.Where("series = ? AND year = ?", SeriesOrder, 2026).Take(&c2026)
	o := f.intake(f.custB, 1)
	if o.No != fmt.Sprintf("SO-2026-%05d", c2026.Last+1) {
		t.Errorf("next order after generating: %s (2026 counter at %d)", o.No, c2026.Last)
	}
	// Shipped and delivered orders passed every gate; nothing is stamped in the future.
	rows, _ := f.s.Orders(f.ctx, OrderFilter{View: ViewState, State: StateDelivered, Limit: 50})
	for _, r := range rows {
		full, err := f.s.Order(f.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !full.QC.Passed || !full.Finance.Cleared() || full.RequestNo == "" || len(full.Lines) == 0 {
			t.Errorf("%s delivered without its gates", full.No)
		}
		if full.UpdatedAt.After(f.clock.Now()) || full.StateSince.After(f.clock.Now()) {
			t.Errorf("%s stamped in the future: %s", full.No, full.StateSince)
		}
		if ev, _ := f.s.EventsFor(f.ctx, "order", full.ID); len(ev) < 10 {
			t.Errorf("%s has only %d events", full.No, len(ev))
		}
	}
	if problems, err := f.s.Check(f.ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after generating: %v %v", problems, err)
	}
}
