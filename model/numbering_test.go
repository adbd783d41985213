package model

import (
	"slices"
	"testing"
)

// TestSearchFindsNumbersOfAnyLength: a number past 99,999 is found by its
// whole number and by its sequence; a number typed without series and
// year ("2", "00002") finds the order of that sequence (issue 18 item 9,
// issue 23).
func TestSearchFindsNumbersOfAnyLength(t *testing.T) {
	f := newDesk(t)
	first := f.intake(f.custB, 10)
	second := f.intake(f.custB, 10)
	if err := f.s.db.Model(&Counter{}).Where("series = ?", SeriesOrder).Update("last", 167_999).Error; err != nil {
		t.Fatal(err)
	}
	long := f.intake(f.custB, 10)
	if long.No != "SO-2026-168000" {
		t.Fatalf("the 168,000th order is numbered %s", long.No)
	}
	if got, err := f.s.OrderByNo(f.ctx, "so 2026 168000"); err != nil || got.ID != long.ID {
		t.Errorf("OrderByNo(so 2026 168000): %v", err)
	}
	for _, tc := range []struct {
		text string
		want *Order
	}{
		{"SO-2026-168000", long},
		{"168000", long},
		{"2", second},
		{"00002", second},
		{"SO-2026-00001", first},
		{"00001", first},
	} {
		rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewAll, Text: tc.text, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		// The text may match more (a customer's or product's code with a
		// "2" in it); the order of that number must be among the matches.
		var nos []string
		for _, r := range rows {
			nos = append(nos, r.No)
		}
		if !slices.Contains(nos, tc.want.No) {
			t.Errorf("search %q found %v, want %s among them", tc.text, nos, tc.want.No)
		}
	}
}
