package sqlitebulk

import (
	"testing"
	"time"
)

// TestappendStoredTime compares the hand-written format with the driver's
// layout, on times in and out of UTC, with and without fractions.
func TestAppendStoredTime(t *testing.T) {
	kathmandu := time.FixedZone("NPT", 5*3600+45*60)
	newfoundland := time.FixedZone("NST", -(3*3600 + 30*60))
	taipei := time.FixedZone("CST", 8*3600)
	times := []time.Time{
		{},
		time.Date(2026, 11, 28, 9, 5, 7, 0, time.UTC),
		time.Date(2026, 11, 28, 9, 5, 7, 120000000, time.UTC),
		time.Date(2026, 11, 28, 9, 5, 7, 123456789, time.UTC),
		time.Date(2026, 11, 28, 9, 5, 7, 1, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 59, 999999999, taipei),
		time.Date(2026, 1, 1, 0, 30, 0, 500, kathmandu),
		time.Date(2026, 3, 1, 20, 0, 0, 0, newfoundland),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 28, 9, 5, 7, 0, time.UTC).Add(time.Hour * 24 * 365 * 3).Round(0),
	}
	for _, tm := range times {
		want := tm.UTC().Format("2006-01-02 15:04:05.999999999-07:00")
		if got := string(appendStoredTime(nil, tm)); got != want {
			t.Errorf("appendStoredTime(%v) = %q, want %q", tm, got, want)
		}
	}
}
