package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// busyBar is a screen's "still loading" line, shown when a load turns out
// slow: a still label, no animation. Fyne's infinite progress bar was
// here before and kept the desk busy when nothing changed: it starts its
// animation whenever its renderer is made (any refresh of the screen
// makes it), hidden and stopped or not, so the order list's, kept hidden
// under the search box, ticked every frame all day. A label cannot.
type busyBar struct{ label *widget.Label }

func newBusyBar() *busyBar {
	b := &busyBar{label: widget.NewLabel(lang.L("Loading…"))}
	b.label.Importance = widget.LowImportance
	b.label.Hide()
	return b
}

// start shows the line.
func (b *busyBar) start() { b.label.Show() }

// stop hides it.
func (b *busyBar) stop() { b.label.Hide() }

// shown reports whether the line is on screen.
func (b *busyBar) shown() bool { return b.label.Visible() }
