package model

import (
	"context"
	"testing"
	"time"
)

// TestTheStoreDatesInTheOfficesZone: a desk whose own clock is on another
// zone (UTC here) dates and numbers as the office does. An order taken at
// 2027-01-01 01:30 Taipei time is 2026-12-31 in UTC: it is the office's
// first order of 2027, and a desk that opened the store without naming a
// zone must say so.
func TestTheStoreDatesInTheOfficesZone(t *testing.T) {
	ctx := context.Background()
	clock := clockAt(time.Date(2027, 1, 1, 1, 30, 0, 0, taipei))
	target := testTarget(t)
	s, err := Open(ctx, target, Options{Clock: clock.Now, Location: time.UTC, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	mgr := &Employee{Name: "Mei-ling Lin", Initials: "ML", Active: true}
	if err := s.SetUpOffice(ctx, DefaultOffice(), mgr, "first-manager-pw"); err != nil {
		t.Fatal(err)
	}
	if got := s.Location().String(); got != DefaultTimeZone {
		t.Errorf("after setting up the office the store dates in %s, want the office's %s", got, DefaultTimeZone)
	}
	s.Close()

	for _, tc := range []struct {
		zone string
		want Date
	}{
		{"Asia/Taipei", NewDate(2027, 1, 1)},
		{"America/Los_Angeles", NewDate(2026, 12, 31)},
	} {
		s, err := Open(ctx, target, Options{Clock: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		o, err := s.Office(ctx)
		if err != nil {
			t.Fatal(err)
		}
		o.TimeZone = tc.zone
		if err := s.SaveOffice(ctx, mgr.Actor(), o); err != nil {
			t.Fatal(err)
		}
		if got := s.Today(); got != tc.want {
			t.Errorf("%s: right after saving the zone, today is %s, want %s", tc.zone, got, tc.want)
		}
		s.Close()

		s, err = Open(ctx, target, Options{Clock: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Location().String(); got != tc.zone {
			t.Errorf("opened without naming a zone: %s, want the office's %s", got, tc.zone)
		}
		if got := s.Today(); got != tc.want {
			t.Errorf("%s: today is %s, want %s", tc.zone, got, tc.want)
		}
		s.Close()
	}
}
