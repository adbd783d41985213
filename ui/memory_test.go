package ui

import (
	"runtime/debug"
	"testing"
)

// TestWindowGCPercent: the window collects garbage at windowGCPercent,
// unless GOGC in the environment says otherwise.
func TestWindowGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		env  string
		want int
	}{{"", windowGCPercent}, {"80", 100}} {
		t.Setenv("GOGC", c.env)
		debug.SetGCPercent(100)
		tuneGC()
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("GOGC=%q: the window collects at %d, want %d", c.env, got, c.want)
		}
	}
}
