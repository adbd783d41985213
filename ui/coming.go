package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// comingScreen stands in for a section not built yet (Orders, Shipping,
// Tickets, Action items): it says so plainly, with what the section will do,
// and shows no made-up data.
type comingScreen struct {
	heading *widget.Label
	what    *widget.Label
	content fyne.CanvasObject
}

func newComingScreen(what string) *comingScreen {
	s := &comingScreen{
		heading: widget.NewLabelWithStyle(lang.L("Coming soon"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		what:    widget.NewLabel(what),
	}
	s.what.Wrapping = fyne.TextWrapWord
	s.content = container.NewPadded(container.NewVBox(s.heading, s.what))
	return s
}

// Content returns the screen's widgets.
func (s *comingScreen) Content() fyne.CanvasObject { return s.content }

// Shown does nothing: there is nothing to load.
func (s *comingScreen) Shown() {}
