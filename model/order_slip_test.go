package model

import (
	"testing"
	"time"
)

// TestSlippedDate checks the list's live slipped date against the slip rule.
func TestSlippedDate(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 100))
	office, _ := f.s.Office(f.ctx)
	row := o.Summary()
	tests := []struct {
		days int
		want Date
	}{
		{0, o.PromisedDate},
		{1, o.ConfirmedDate.AddDays(1)},
		{3, o.ConfirmedDate.AddDays(3)},
	}
	for _, tt := range tests {
		now := f.clock.Now().Add(time.Duration(tt.days) * day)
		if got := row.SlippedDate(now, office); got != tt.want {
			t.Errorf("%d days after the fax: %s, want %s", tt.days, got, tt.want)
		}
	}
}
