package ui

import (
	"testing"
	"time"

	"orderdesk/model"
)

// TestStepDoneBy: a step done says who and when; a deposit (a payment,
// kept as a day) says its day, not midnight, and no dangling "·" for the
// name nobody recorded.
func TestStepDoneBy(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Taipei")
	at := time.Date(2026, 11, 27, 5, 14, 0, 0, loc)
	day := time.Date(2026, 12, 7, 0, 0, 0, 0, loc)
	for _, tc := range []struct {
		name string
		step model.Step
		want string
	}{
		{"signed", model.Step{By: "Chang Ya-ting", At: &at}, "Chang Ya-ting · 2026-11-27 05:14"},
		{"a deposit's day", model.Step{At: &day, OnDay: true}, "2026-12-07"},
		{"nobody, no time", model.Step{}, "Done"},
		{"who only", model.Step{By: "Andy"}, "Andy"},
	} {
		if got := stepDoneBy(tc.step, loc); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
