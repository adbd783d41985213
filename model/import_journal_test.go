package model

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// importFixture is an office with one customer an import will change.
func importFixture(t *testing.T) (*Store, *fixedClock, *Customer) {
	t.Helper()
	s, clock := openTestStore(t)
	old := NewCustomer()
	old.Code, old.NameZH, old.Phone = "K001", "舊名", "02-1111-1111"
	if err := s.SaveCustomer(context.Background(), Actor{Name: "setup"}, old); err != nil {
		t.Fatal(err)
	}
	// The importer is a manager: the import sets prices, which only a manager may.
	clerk(t, s, "Wang Mei-ling", "ML", true)
	return s, clock, old
}

// importHalf writes the first batch of an import: one customer changed,
// two new ones, a price for one of them; the import does not finish.
func importHalf(t *testing.T, s *Store, old *Customer) *Import {
	t.Helper()
	ctx := context.Background()
	by := managerOf(t, s)
	imp, err := s.BeginImport(ctx, by, "customers")
	if err != nil {
		t.Fatal(err)
	}
	err = s.ImportBatch(ctx, imp, 3, func(ctx context.Context) error {
		c := *old
		c.NameZH, c.Phone = "新名", "02-2222-2222"
		if err := s.SaveCustomer(ctx, by, &c); err != nil {
			return err
		}
		for _, code := range []string{"K002", "K003"} {
			n := NewCustomer()
			n.Code, n.NameZH = code, "新客戶"
			if err := s.SaveCustomer(ctx, by, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

// officeAsBefore checks that an undone import left nothing: K001 has its
// old values (with an event saying the import was undone) and the new
// customers are gone, except keep, which another desk used meanwhile.
func officeAsBefore(t *testing.T, s *Store, keep string) {
	t.Helper()
	ctx := context.Background()
	c, err := s.CustomerByCode(ctx, "K001")
	if err != nil || c.NameZH != "舊名" || c.Phone != "02-1111-1111" {
		t.Fatalf("K001 after the undo: %+v, %v", c, err)
	}
	events, _ := s.EventsFor(ctx, "customer", c.ID)
	if last := events[len(events)-1]; last.Action != ActImportUndone || !strings.Contains(last.Changes, "新名") {
		t.Errorf("the undo left no event on K001: %+v", last)
	}
	for _, code := range []string{"K002", "K003"} {
		_, err := s.CustomerByCode(ctx, code)
		if code == keep {
			if err != nil {
				t.Errorf("%s, in use by a price, was removed: %v", code, err)
			}
			continue
		}
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s, created by the undone import, is still there: %v", code, err)
		}
	}
	var left int64
	s.db.Model(&ImportChange{}).Count(&left)
	if left != 0 {
		t.Errorf("%d journal entries left", left)
	}
}

// TestUndoImport: an import that fails after a batch is written puts the
// office back; a new record another desk used meanwhile is kept.
func TestUndoImport(t *testing.T) {
	ctx := context.Background()
	s, _, old := importFixture(t)
	imp := importHalf(t, s, old)
	k3, _ := s.CustomerByCode(ctx, "K003")
	p := &Product{Code: "P1", NameZH: "紙", Unit: "roll", Active: true}
	if err := s.SaveProduct(ctx, Actor{Name: "other desk"}, p); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePrice(ctx, managerOf(t, s), &Price{ProductID: p.ID, CustomerID: &k3.ID, UnitPrice: 100, ValidFrom: NewDate(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	kept, err := s.UndoImport(ctx, imp)
	if err != nil || kept != 1 {
		t.Fatalf("undo: %d kept, %v", kept, err)
	}
	officeAsBefore(t, s, "K003")
}

// TestDeadImportUndoneOnOpen: an import whose program died half-way (the
// store closed without finishing it, as a kill leaves the file) is undone
// by the next desk that opens the database once it has been quiet for
// importStale — and not while it may still be running elsewhere.
func TestDeadImportUndoneOnOpen(t *testing.T) {
	sqliteOnly(t, "reopens the same file")
	ctx := context.Background()
	s, clock, old := importFixture(t)
	importHalf(t, s, old)
	path := s.Path
	s.Close()

	again, err := Open(ctx, path, Options{Clock: clock.Now, Location: taipei})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := again.CustomerByCode(ctx, "K002"); c == nil {
		t.Fatal("an import that may still be running elsewhere was undone")
	}
	again.Close()

	clock.Add(importStale + time.Second)
	again, err = Open(ctx, path, Options{Clock: clock.Now, Location: taipei})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	officeAsBefore(t, again, "")
	if len(again.Warnings) != 1 || !strings.Contains(again.Warnings[0].String(), "has been undone") {
		t.Errorf("the desk was not told: %v", again.Warnings)
	}
}
