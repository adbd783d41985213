package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// busyBar is a screen's "still loading" bar: Fyne's infinite progress bar,
// made when a load turns out slow and dropped when it ends. A bar kept
// hidden in the layout is not enough: Fyne's starts its animation whenever
// its renderer is made (any refresh of the screen makes it), hidden and
// stopped or not, and the order list's then ticked every frame all day
// (2% of a core with nothing on screen changing).
type busyBar struct {
	box *fyne.Container // hidden, and empty, while nothing is slow
	bar *widget.ProgressBarInfinite
}

func newBusyBar() *busyBar {
	b := &busyBar{box: container.NewStack()}
	b.box.Hide()
	return b
}

// start shows a new bar.
func (b *busyBar) start() {
	if b.bar != nil {
		return
	}
	b.bar = widget.NewProgressBarInfinite()
	b.box.Objects = []fyne.CanvasObject{b.bar}
	b.box.Show()
	// The refresh makes the bar's renderer now: Stop reaches an animation
	// only through it, and a Stop before it exists makes one that runs.
	b.box.Refresh()
}

// stop stops the bar's animation and drops it.
func (b *busyBar) stop() {
	if b.bar == nil {
		return
	}
	b.bar.Stop()
	b.bar = nil
	b.box.Objects = nil
	b.box.Hide()
}

// shown reports whether the bar is on screen.
func (b *busyBar) shown() bool { return b.bar != nil }
