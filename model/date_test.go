package model

import (
	"fmt"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d := NewDate(2026, 12, 31)
	if d.AddDays(1).String() != "2027-01-01" {
		t.Errorf("year end: %s", d.AddDays(1))
	}
	if NewDate(2028, 2, 28).AddDays(1).String() != "2028-02-29" {
		t.Error("leap day")
	}
	if NewDate(2026, 11, 28).Weekday() != time.Saturday {
		t.Error("weekday")
	}
	if n := NewDate(2026, 11, 20).DaysUntil(NewDate(2026, 12, 1)); n != 11 {
		t.Errorf("DaysUntil = %d", n)
	}
	if n := NewDate(2026, 12, 1).DaysUntil(NewDate(2026, 11, 20)); n != -11 {
		t.Errorf("DaysUntil backwards = %d", n)
	}
	// A late-evening time in Taipei is still that day in Taipei, not the UTC day.
	late := time.Date(2026, 11, 20, 23, 30, 0, 0, taipei)
	if DateOf(late).String() != "2026-11-20" {
		t.Errorf("DateOf in its own zone: %s", DateOf(late))
	}
	for in, want := range map[string]string{"2026-11-05": "2026-11-05", "2026/11/5": "2026-11-05", "20261105": "2026-11-05", "": ""} {
		got, err := ParseDate(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseDate(%q) = %s, %v", in, got, err)
		}
	}
	if _, err := ParseDate("2026-13-01"); err == nil {
		t.Error("month 13 accepted")
	}
	var back Date
	v, _ := d.Value()
	if err := back.Scan(v); err != nil || back != d {
		t.Errorf("round trip: %v %v", back, err)
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Error("zero date is not NULL")
	}
}

// TestDateOrderAndText compares Before with the order of the dates' text,
// which is how SQLite compares them, and String with Sprintf's padding.
func TestDateOrderAndText(t *testing.T) {
	dates := []Date{{}, NewDate(1, 1, 1), NewDate(999, 12, 31), NewDate(2026, 1, 9), NewDate(2026, 1, 10),
		NewDate(2026, 9, 30), NewDate(2026, 10, 1), NewDate(2026, 12, 31), NewDate(2027, 1, 1), NewDate(9999, 12, 31)}
	for _, d := range dates {
		if want := fmt.Sprintf("%04d-%02d-%02d", d.Year(), d.Month(), d.Day()); !d.IsZero() && d.String() != want {
			t.Errorf("String = %q, want %q", d.String(), want)
		}
		for _, e := range dates {
			if got, want := d.Before(e), d.String() < e.String(); got != want {
				t.Errorf("%q.Before(%q) = %v, want %v", d, e, got, want)
			}
		}
	}
}
