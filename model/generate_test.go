package model

import (
	"fmt"
	"testing"

	"gorm.io/gorm"
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

// TestGenerateRebuildsIndexes: a load that drops the bulk tables' indexes
// builds every one of them again.
func TestGenerateRebuildsIndexes(t *testing.T) {
	f := newDesk(t)
	want := map[string]any{}
	for _, m := range bulkTables {
		st := &gorm.Statement{DB: f.s.db}
		if err := st.Parse(m); err != nil {
			t.Fatal(err)
		}
		for _, idx := range st.Schema.ParseIndexes() {
			want[idx.Name] = m
		}
	}
	if len(want) < 15 {
		t.Fatalf("only %d indexes on the bulk tables", len(want))
	}
	if err := f.s.GenerateOrders(f.ctx, 200, 1, nil); err != nil {
		t.Fatal(err)
	}
	for name, m := range want {
		if !f.s.db.Migrator().HasIndex(m, name) {
			t.Errorf("index %s is missing after generating", name)
		}
	}
}

// TestGeneratedLastPricesAreTheRebuiltOnes holds the last prices the
// generator gathers as it writes to the ones read back from the orders,
// on a database that already had orders of its own.
func TestGeneratedLastPricesAreTheRebuiltOnes(t *testing.T) {
	f := newDesk(t)
	f.signBack(f.toConfirmationSent(f.intake(f.custA, 10))) // an order of the desk's, gone ahead
	if err := f.s.GenerateOrders(f.ctx, 600, 3, nil); err != nil {
		t.Fatal(err)
	}
	read := func() map[[2]uint]LastPrice {
		var all []LastPrice
		if err := f.s.db.Find(&all).Error; err != nil {
			t.Fatal(err)
		}
		m := map[[2]uint]LastPrice{}
		for _, lp := range all {
			lp.ReceivedAt = lp.ReceivedAt.UTC()
			m[[2]uint{lp.CustomerID, lp.ProductID}] = lp
		}
		return m
	}
	gathered := read()
	if err := f.s.write(f.ctx, rebuildLastPrices); err != nil {
		t.Fatal(err)
	}
	rebuilt := read()
	if len(rebuilt) == 0 || len(gathered) != len(rebuilt) {
		t.Fatalf("%d last prices gathered, %d rebuilt", len(gathered), len(rebuilt))
	}
	for k, want := range rebuilt {
		if got := gathered[k]; got != want {
			t.Errorf("customer %d product %d: gathered %+v, rebuilt %+v", k[0], k[1], got, want)
		}
	}
}
