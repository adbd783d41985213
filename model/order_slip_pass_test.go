package model

import (
	"testing"

	"gorm.io/gorm"
)

// countStatements counts the SQL statements s runs from now on (reads and
// writes, on every connection pool of the store).
func countStatements(t *testing.T, s *Store) *int {
	t.Helper()
	n := new(int)
	count := func(*gorm.DB) { *n++ }
	for i, db := range []*gorm.DB{s.db, s.read} {
		if i == 1 && s.read == s.db {
			break
		}
		cb := db.Callback()
		name := "test:count"
		for _, err := range []error{
			cb.Query().After("gorm:query").Register(name, count),
			cb.Row().After("gorm:row").Register(name, count),
			cb.Raw().After("gorm:raw").Register(name, count),
			cb.Create().After("gorm:create").Register(name, count),
			cb.Update().After("gorm:update").Register(name, count),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return n
}

// TestSlipPassReadsOnlyTheOrdersDue: a pass that moves nothing is one
// query, even over a weekend when the office counts working days (the
// first pass stores the day each order is due, the next ones read none).
func TestSlipPassReadsOnlyTheOrdersDue(t *testing.T) {
	for _, working := range []bool{false, true} {
		name := map[bool]string{false: "calendar days", true: "working days"}[working]
		t.Run(name, func(t *testing.T) {
			f := newDesk(t)
			office, err := f.s.Office(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			office.SlipWorkingDays = working
			if err := f.s.SaveOffice(f.ctx, f.super.Actor(), office); err != nil {
				t.Fatal(err)
			}
			var orders []*Order
			for range 3 {
				orders = append(orders, f.toConfirmationSent(f.intake(f.custB, 10))) // faxed Friday 2026-11-20
			}
			f.signBack(orders[2])
			statements := countStatements(t, f.s)
			want := map[bool]int{false: 2, true: 0}[working] // Saturday: a working-day office waits for Monday
			f.advance(day)
			if n, err := f.s.ApplySlips(f.ctx); err != nil || n != want {
				t.Fatalf("Saturday's first pass moved %d, %v; want %d", n, err, want)
			}
			*statements = 0
			if n, err := f.s.ApplySlips(f.ctx); err != nil || n != 0 {
				t.Fatalf("Saturday's second pass moved %d, %v", n, err)
			}
			if *statements != 1 {
				t.Errorf("a pass that moved nothing ran %d statements, want the one query", *statements)
			}
			f.advance(2 * day) // Monday
			want = map[bool]int{false: 2, true: 2}[working]
			if n, err := f.s.ApplySlips(f.ctx); err != nil || n != want {
				t.Fatalf("Monday's pass moved %d, %v; want %d", n, err, want)
			}
			wantSlip := map[bool]int{false: 3, true: 1}[working]
			for _, o := range orders[:2] {
				if o = f.reload(o); o.SlipDays != wantSlip || o.PromisedDate != o.ConfirmedDate.AddDays(wantSlip) {
					t.Errorf("%s: slip %d to %s, want %d days", o.No, o.SlipDays, o.PromisedDate, wantSlip)
				}
			}
			if o := f.reload(orders[2]); o.SlipDays != 0 {
				t.Errorf("the signed-back order slipped %d days", o.SlipDays)
			}
		})
	}
}

// TestSlipPassOneDeskAtATime: on a shared PostgreSQL database, a desk that
// finds another desk's pass under way leaves the moves to it.
func TestSlipPassOneDeskAtATime(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: SQLite's single writer already lets one pass write at a time")
	}
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	f.advance(day)
	release, ok, err := f.s.claimSlipPass(f.ctx) // the other desk's pass
	if err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if n, err := f.s.ApplySlips(f.ctx); err != nil || n != 0 {
		t.Errorf("a second desk's pass moved %d, %v, while another desk's was under way", n, err)
	}
	release()
	if n, err := f.s.ApplySlips(f.ctx); err != nil || n != 1 {
		t.Errorf("after the other pass ended: moved %d, %v", n, err)
	}
	if o = f.reload(o); o.SlipDays != 1 {
		t.Errorf("slip %d", o.SlipDays)
	}
}

// TestSlippedDateIsTheRulesDate: the list's live slipped date is the date
// the slip rule gives (issue 18 item 6): it stops when a tier A order is
// released before its sign-back, and runs on between hourly passes
// otherwise. The detail, CLI and documents print the stored date the rule wrote.
func TestSlippedDateIsTheRulesDate(t *testing.T) {
	cases := []struct {
		name    string
		release bool
		want    int // days slipped, read a week after the fax
	}{
		{"tier A released two days late", true, 2},
		{"still awaiting, no pass since", false, 7},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			o := f.toConfirmationSent(f.intake(f.custA, 10))
			f.advance(2 * day)
			if tc.release {
				o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
				if o.SignBackOwedSince == nil || o.SlipDays != 2 {
					t.Fatalf("released: owed since %v, slip %d", o.SignBackOwedSince, o.SlipDays)
				}
			}
			f.advance(5 * day)
			office, _ := f.s.Office(f.ctx)
			rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewAwaitingSignBack, Limit: 10})
			if err != nil || len(rows) != 1 {
				t.Fatalf("awaiting sign-back: %d rows, %v", len(rows), err)
			}
			want := o.ConfirmedDate.AddDays(tc.want)
			if got := rows[0].SlippedDate(f.s.Now(), office); got != want {
				t.Errorf("the list says slipped to %s, want %s", got, want)
			}
			if got := f.reload(o).Summary().SlippedDate(f.s.Now(), office); got != want {
				t.Errorf("the order's summary says slipped to %s, want %s", got, want)
			}
			f.s.ApplySlips(f.ctx)
			if got := f.reload(o).PromisedDate; got != want {
				t.Errorf("the slip rule wrote %s, the list said %s", got, want)
			}
		})
	}
}

// TestStep15GivesAwaitingOrdersTheirSlipDay: schema step 15 fills the day
// each order awaiting its signed confirmation may slip next (at most a day
// early: SQL does not know the office's time zone), so the first pass
// after the upgrade moves what it should.
func TestStep15GivesAwaitingOrdersTheirSlipDay(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	f.advance(2 * day)
	if n, err := f.s.ApplySlips(f.ctx); err != nil || n != 1 {
		t.Fatalf("pass: %d, %v", n, err)
	}
	exact := f.reload(o).SlipDueOn
	if exact != f.s.Today().AddDays(1) {
		t.Fatalf("slips next on %s, want tomorrow", exact)
	}
	// As an order stood before step 15: no day stored.
	if err := f.s.db.Model(&Order{}).Where("id = ?", o.ID).Update("slip_due_on", nil).Error; err != nil {
		t.Fatal(err)
	}
	if err := f.s.runSQL(f.s.db, 15); err != nil {
		t.Fatal(err)
	}
	if got := f.reload(o).SlipDueOn; got.IsZero() || got.After(exact) || got.Before(exact.AddDays(-1)) {
		t.Errorf("step 15 stored %s, want %s or the day before", got, exact)
	}
	f.advance(day)
	if n, err := f.s.ApplySlips(f.ctx); err != nil || n != 1 {
		t.Fatalf("the first pass after the upgrade moved %d, %v", n, err)
	}
	if o = f.reload(o); o.SlipDays != 3 || o.SlipDueOn != f.s.Today().AddDays(1) {
		t.Errorf("after the pass: slip %d, next on %s", o.SlipDays, o.SlipDueOn)
	}
}
