package ui

import (
	"strings"
	"testing"
)

// TestSelectFiltersAsYouType: typing into a select of people picks the
// person whose name (or initials) starts with what was typed, so "mat"
// reaches Matt without 17 Down presses (issue 18 item 8); a letter typed
// again steps to the next name with it, and a pause starts afresh.
func TestSelectFiltersAsYouType(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	sp := f.salesperson
	if len(sp.Options) < 10 {
		t.Fatalf("the salesperson select has %d people", len(sp.Options))
	}
	o.canvas().Focus(sp)
	for _, c := range []struct{ typed, want string }{
		{"mat", "Matt"},
		{"ken", "Ken Sewer"},
		{"kevin si", "Kevin Simmons"}, // a space inside the name typed
	} {
		o.typeText(c.typed) // one burst; the settle after it is the pause
		if !strings.HasPrefix(sp.Selected, c.want) {
			t.Errorf("typing %q picked %q, want %s", c.typed, sp.Selected, c.want)
		}
	}
	// A letter again and again steps through the names with it.
	o.typeText("k")
	first := sp.Selected
	o.typeText("k")
	o.typeText("kk")
	if !strings.HasPrefix(strings.ToLower(first), "k") || sp.Selected == first && countPrefix(sp.Options, "k") > 1 {
		t.Errorf("k, k, kk stayed on %q", sp.Selected)
	}
}

func countPrefix(options []string, p string) int {
	n := 0
	for _, o := range options {
		if strings.HasPrefix(strings.ToLower(o), p) {
			n++
		}
	}
	return n
}
