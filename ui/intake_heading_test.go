package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestIntakeHeadingBesideStatus: the first refused "Submit for checking" of
// a new order saves it and renames the heading to the order's number; the
// longer heading gets its room, and the status line starts after it
// instead of being drawn under it (seen on a fresh office's first order).
func TestIntakeHeadingBesideStatus(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("A001")
	o.key(fyne.KeyReturn)
	o.canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "10", true)
	o.shortcut(ShortcutSubmit)
	o.settle()
	if f.stored == nil || !strings.HasPrefix(f.status.Text, "Saved as SO-") {
		t.Fatalf("the refused submit did not save a draft: %q", f.status.Text)
	}
	if !strings.HasPrefix(f.heading.Text, "Intake of SO-") {
		t.Fatalf("heading %q", f.heading.Text)
	}
	d := fyne.CurrentApp().Driver()
	h, s := d.AbsolutePositionForObject(f.heading), d.AbsolutePositionForObject(f.status)
	if w := f.heading.Size().Width; w < f.heading.MinSize().Width {
		t.Errorf("the heading %q is %.0f wide, it needs %.0f", f.heading.Text, w, f.heading.MinSize().Width)
	}
	if h.X+f.heading.Size().Width > s.X && h.Y < s.Y+f.status.Size().Height && s.Y < h.Y+f.heading.Size().Height {
		t.Errorf("the heading (x %.0f–%.0f) overlaps the status (from x %.0f)", h.X, h.X+f.heading.Size().Width, s.X)
	}
}
