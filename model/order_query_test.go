package model

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestOverdueSQLAgreesWithOverdue builds orders standing at every gate and,
// at several moments, checks that the overdue list's SQL finds exactly the
// orders OrderRow.Overdue names, gate by gate.
func TestOverdueSQLAgreesWithOverdue(t *testing.T) {
	f := newDesk(t)
	f.intake(f.custB, 10)     // a draft owing nothing
	o := f.intake(f.custB, 5) // an answer promised for this afternoon
	when := f.clock.Now().Add(6 * time.Hour)
	o.AnswerPromisedBy = &when
	if _, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o); err != nil {
		t.Fatal(err)
	}
	f.toConfirmationSent(f.intake(f.custB, 10))             // sign-back owed
	f.signBack(f.toConfirmationSent(f.intake(f.custC, 10))) // deposit owed once signed back
	a := f.toConfirmationSent(f.intake(f.custA, 10))        // released, in production
	f.do(a, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	done := f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 10))), func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	f.do(done, func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(20), true, "") }) // QC owed
	insp := f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 10))), func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	f.do(insp, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) }) // finance owed
	em := f.toCleared(f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 10))), func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) }))
	f.do(em, func(o *Order, c Ctx) error { return o.AuthoriseEmergencyShipping(c, SignerOf(f.super), "rush") }) // paperwork owed

	gatesSeen := map[Gate]bool{}
	for _, step := range []time.Duration{0, 7 * time.Hour, day, 5 * day, 15 * day} {
		f.advance(step)
		now := f.s.Now()
		rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewAll})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range Gates {
			var want []uint
			for _, r := range rows {
				if containsGate(r.Overdue(now), g) {
					want = append(want, r.ID)
				}
			}
			got, err := f.s.Orders(f.ctx, OrderFilter{View: ViewOverdue, Gate: g})
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []uint
			for _, r := range got {
				gotIDs = append(gotIDs, r.ID)
			}
			sort.Slice(gotIDs, func(i, j int) bool { return gotIDs[i] < gotIDs[j] })
			sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
			if idList(gotIDs) != idList(want) {
				t.Errorf("at %s, gate %s: SQL finds %v, Overdue says %v", now.Format(time.DateTime), g, gotIDs, want)
			}
			gatesSeen[g] = gatesSeen[g] || len(want) > 0
		}
	}
	for _, g := range Gates {
		if !gatesSeen[g] {
			t.Errorf("no order was ever overdue at %s: the fixture does not test it", g)
		}
	}
}

func TestOrderSearch(t *testing.T) {
	f := newDesk(t)
	var all []*Order
	for i, c := range []*Customer{f.custA, f.custB, f.custC, f.custB} {
		o := f.intake(c, int64(10+i))
		o.CustomerPO = fmt.Sprintf("po-77%02d", i)
		if i == 3 {
			o.Lines = o.Lines[1:] // kraft only
		}
		o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, o)
	}
	nos := func(rows []OrderRow) string {
		var out []string
		for _, r := range rows {
			out = append(out, r.No)
		}
		return strings.Join(out, " ")
	}
	cases := map[string]string{
		"大同":           "SO-2026-00004 SO-2026-00002", // customer B, newest first
		"b001":         "SO-2026-00004 SO-2026-00002",
		"道林":           "SO-2026-00003 SO-2026-00002 SO-2026-00001", // the paper line; order 4 has none
		"KR-120":       "SO-2026-00004 SO-2026-00003 SO-2026-00002 SO-2026-00001",
		"PO-7701":      "SO-2026-00002",
		"po-770":       "SO-2026-00004 SO-2026-00003 SO-2026-00002 SO-2026-00001",
		"so 2026 3":    "SO-2026-00003",
		"Pacific Pulp": "SO-2026-00003",
		"nothing":      "",
	}
	for _, broad := range []int{2000, 1} {
		broadAt = broad
		for text, want := range cases {
			rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewAll, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if got := nos(rows); got != want {
				t.Errorf("broad from %d, %q: %q, want %q", broad, text, got, want)
			}
			n, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewAll, Text: text})
			if n.N != len(rows) || n.AtLeast {
				t.Errorf("broad from %d, %q: count %+v for %d rows", broad, text, n, len(rows))
			}
		}
	}
	broadAt = 2000
	// A search combines with the view: only open orders.
	f.do(all[0], func(o *Order, c Ctx) error { return o.Cancel(c, "test") })
	rows, _ := f.s.Orders(f.ctx, OrderFilter{View: ViewOpen, Text: "道林"})
	if nos(rows) != "SO-2026-00003 SO-2026-00002" {
		t.Errorf("open orders with 道林: %q", nos(rows))
	}
}
