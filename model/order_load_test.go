package model

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// TestLoadOrderInAHandfulOfQueries: an order with lines and a revision is
// read whole (its customer and the customer's salesperson, contact, people,
// lines with their products, revisions) in at most seven statements (the
// order and how many records of each kind it has are one), where a Preload
// per association took fourteen; the kinds of records it has none of are
// empty lists, as Preload left them.
func TestLoadOrderInAHandfulOfQueries(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	statements := countStatements(t, f.s)
	got, err := f.s.Order(f.ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if *statements > 7 {
		t.Errorf("loading an order took %d statements, want at most 7", *statements)
	}
	switch {
	case got.Customer == nil || got.Customer.ID != f.custB.ID:
		t.Errorf("customer = %+v, want %s", got.Customer, f.custB.Code)
	case got.Customer.Salesperson == nil || got.Customer.Salesperson.ID != f.sales.ID:
		t.Errorf("customer's salesperson = %+v, want %s", got.Customer.Salesperson, f.sales.Name)
	case got.Contact == nil || got.Contact.ID != f.signer[f.custB.ID].ID:
		t.Errorf("contact = %+v, want the signer", got.Contact)
	case got.Salesperson == nil || got.TakenBy == nil || got.Clerk == nil || got.Clerk.ID != f.clerk.ID:
		t.Errorf("people: salesperson %v, taken by %v, clerk %v", got.Salesperson, got.TakenBy, got.Clerk)
	case got.TakenBy == got.Clerk:
		t.Errorf("the taker and the clerk share one record: a change to one would change the other")
	case len(got.Lines) != 2 || got.Lines[0].Product == nil || got.Lines[0].Product.ID != f.paper.ID || got.Lines[1].Product.ID != f.kraft.ID:
		t.Errorf("lines = %+v, want paper then kraft with their products", got.Lines)
	case len(got.Revisions) != 1 || got.Revisions[0].Rev != got.CurrentRev:
		t.Errorf("revisions = %+v, want the current one", got.Revisions)
	case got.Payments == nil || got.Progress == nil || got.Exceptions == nil || got.Requests == nil:
		t.Errorf("kinds with no records are nil, want empty lists")
	}
}

// TestStepWritesOnlyTheColumnsItChanged: a gate step's UPDATE of the
// order names the columns the step changed and the stamps, not all of the
// order's columns (the driver parses each statement anew: a full-width
// UPDATE was the dearest write of a step), and the step is stored.
func TestStepWritesOnlyTheColumnsItChanged(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 10)
	var updates []string
	if err := f.s.db.Callback().Update().After("gorm:update").Register("test:sql", func(db *gorm.DB) {
		if db.Statement.Table == "orders" {
			updates = append(updates, db.Statement.SQL.String())
		}
	}); err != nil {
		t.Fatal(err)
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	if len(updates) != 1 {
		t.Fatalf("%d UPDATEs of the order, want 1: %q", len(updates), updates)
	}
	if n := strings.Count(updates[0], "="); n > 15 || !strings.Contains(updates[0], "state") {
		t.Errorf("the step's UPDATE sets %d columns, want the state and a few more: %s", n, updates[0])
	}
	if got := f.reload(o); got.State != StateChecking || got.Version != o.Version || got.Version < 2 {
		t.Errorf("stored: state %s version %d, want checking at version %d", got.State, got.Version, o.Version)
	}
}

// TestSubmitKeepsLastPricesInTwoStatements: submitting an order of two
// products reads their last prices with one query and writes them with
// one (two statements a product before), and both become the customer's
// last prices.
func TestSubmitKeepsLastPricesInTwoStatements(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 10)
	n := 0
	count := func(db *gorm.DB) {
		if db.Statement.Table == "last_prices" {
			n++
		}
	}
	cb := f.s.db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("test:last", count),
		cb.Create().After("gorm:create").Register("test:last", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	if n != 2 {
		t.Errorf("%d statements on last_prices, want 2", n)
	}
	for _, p := range []*Product{f.paper, f.kraft} {
		if got, err := f.s.LastPrice(f.ctx, f.custB.ID, p.ID, "TWD"); err != nil || got != MoneyOf(2500) {
			t.Errorf("last price of %s = %v, %v; want 2500", p.Code, got, err)
		}
	}
}

// TestValidPriceIsOneQuery: the intake looks up each line's price; a
// customer without a price of their own gets the list price from the same
// single query that looks for theirs (two before).
func TestValidPriceIsOneQuery(t *testing.T) {
	f := newDesk(t)
	statements := countStatements(t, f.s)
	p, err := f.s.ValidPrice(f.ctx, f.paper.ID, f.custA.ID, f.s.Today())
	if err != nil || p.UnitPrice != MoneyOf(2500) || p.CustomerID != nil {
		t.Fatalf("ValidPrice = %+v, %v; want the list price 2500", p, err)
	}
	if *statements != 1 {
		t.Errorf("%d statements, want 1", *statements)
	}
}
