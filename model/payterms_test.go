package model

import "testing"

func TestPayByFollowsTheTerms(t *testing.T) {
	issued := NewDate(2026, 12, 7)
	for _, c := range []struct {
		terms string
		want  Date
	}{
		{"Net 30", NewDate(2027, 1, 6)},
		{"net45", NewDate(2027, 1, 21)},
		{"月結 60 天 / 60 days EOM", NewDate(2027, 3, 1)}, // 2026-12-31 + 60
		{"月結30天", NewDate(2027, 1, 30)},
		{"30% deposit, balance before shipping", NewDate(2026, 12, 14)},
		{"訂金 30%，出貨前付清 / 30% deposit, balance before shipping", NewDate(2026, 12, 14)},
		{"款到發貨 / payment before production", NewDate(2026, 12, 14)},
		{"", NewDate(2026, 12, 14)},
	} {
		if got := PayBy(issued, c.terms); got != c.want {
			t.Errorf("PayBy(%s, %q) = %s, want %s", issued, c.terms, got, c.want)
		}
	}
	// Never before the notice's own date (the old rule asked for payment a week before it).
	if got := PayBy(NewDate(2026, 2, 27), "月結 30 天"); got != NewDate(2026, 3, 30) {
		t.Errorf("February EOM: got %s", got)
	}
}
