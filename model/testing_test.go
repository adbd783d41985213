package model

import (
	"context"
	"testing"
	"time"

	"orderdesk/internal/testkit"
)

// taipei is the office's time zone in tests (testkit's, as every package's
// tests have it), so calendar-day rules are checked where the clerks are.
var taipei = testkit.Taipei

// fixedClock is a clock tests can move by hand.
type fixedClock = testkit.Clock

// clockAt returns a clock at t.
func clockAt(t time.Time) *fixedClock {
	c := testkit.NewClock()
	c.Set(t)
	return c
}

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, taipei)
}

// openTestStore opens a fresh database (SQLite in t.TempDir(), or a PostgreSQL
// schema, see testTarget) with a fixed clock.
func openTestStore(t testing.TB) (*Store, *fixedClock) {
	t.Helper()
	clock := testkit.NewClock()
	s, err := Open(context.Background(), testTarget(t), Options{Clock: clock.Now, Location: taipei, Create: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clock
}

// clerk is an employee saved in the store, for the actor of test writes.
// managerOf returns an active manager of the store as the person making a change.
func managerOf(t testing.TB, s *Store) Actor {
	t.Helper()
	people, err := s.Employees(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Manager {
			return p.Actor()
		}
	}
	t.Fatal("the office has no manager")
	return Actor{}
}

func clerk(t testing.TB, s *Store, name, initials string, manager bool) *Employee {
	t.Helper()
	e := &Employee{Name: name, Initials: initials, Active: true, Manager: manager}
	if err := s.SaveEmployee(context.Background(), peopleAdmin(t, s), e); err != nil {
		t.Fatalf("save employee %s: %v", name, err)
	}
	return e
}

// peopleAdmin is who may change the people of a test's office: its first
// active manager, or the setup of an office that has none yet.
func peopleAdmin(t testing.TB, s *Store) Actor {
	t.Helper()
	people, err := s.Employees(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range people {
		if e.Manager {
			return e.Actor()
		}
	}
	return Actor{Name: "setup"}
}
