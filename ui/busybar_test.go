package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// runningBars refreshes every object under o, hidden ones included, as a
// theme change or the window's own refresh does, and counts the infinite
// progress bars then animating.
func runningBars(o fyne.CanvasObject) int {
	o.Refresh()
	switch x := o.(type) {
	case *widget.ProgressBarInfinite:
		if x.Running() {
			return 1
		}
	case *fyne.Container:
		n := 0
		for _, c := range x.Objects {
			n += runningBars(c)
		}
		return n
	case fyne.Widget:
		n := 0
		for _, c := range test.WidgetRenderer(x).Objects() {
			n += runningBars(c)
		}
		return n
	}
	return 0
}

// TestNoAnimationWhileIdle: with "Who are you?" asked and with the order
// list shown, nothing loading, no progress bar animates anywhere in the
// window. Fyne's infinite bar starts its animation whenever its renderer
// is made, hidden and stopped or not: the order list's, kept hidden
// under the search box, ticked every frame all day (2% of a core idle).
func TestNoAnimationWhileIdle(t *testing.T) {
	store := demoStore(t, 40)
	for _, clerk := range []*model.Employee{nil, employee(t, store, "YC")} {
		d := newDeskTest(t, store, clerk)
		d.show(SectionOrders)
		if n := runningBars(d.canvas().Content()); n > 0 {
			t.Errorf("signed in %v: %d progress bars animate with nothing loading", clerk != nil, n)
		}
		for _, o := range d.canvas().Overlays().List() {
			if n := runningBars(o); n > 0 {
				t.Errorf("signed in %v: %d progress bars animate in a dialog", clerk != nil, n)
			}
		}
	}
}

// TestBusyBarShowsWhileSlow: the line shows while a load is slow and is
// gone after, and animates nothing meanwhile.
func TestBusyBarShowsWhileSlow(t *testing.T) {
	test.NewTempApp(t)
	b := newBusyBar()
	if b.shown() {
		t.Fatal("the busy line shows before any load")
	}
	b.start()
	if !b.shown() || runningBars(b.label) > 0 {
		t.Errorf("started: shown %v, %d bars animate", b.shown(), runningBars(b.label))
	}
	b.stop()
	if b.shown() {
		t.Error("the stopped busy line still shows")
	}
}
