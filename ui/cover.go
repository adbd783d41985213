package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// deskCover hides the sections while nobody may use them: until a person
// has signed in at start-up, and while the idle lock asks for a password.
// It is the background colour, opaque, with a word saying why (above the
// middle, where the sign-in dialog leaves it readable); nothing of the
// orders or customers on the desk can be read or tapped past it. When the
// people to sign in cannot be loaded it says why, with Try again.
type deskCover struct {
	box     *fyne.Container
	said    *widget.Label
	problem *widget.Label
	retry   *widget.Button
}

func newDeskCover(retry func()) *deskCover {
	c := &deskCover{}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	icon := widget.NewIcon(theme.VisibilityOffIcon())
	c.said = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.problem = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Importance = widget.DangerImportance
	c.problem.Hide()
	c.retry = widget.NewButton(lang.L("Try again"), retry)
	c.retry.Hide()
	c.box = container.NewStack(bg, container.NewVBox(layout.NewSpacer(), icon, c.said, c.problem,
		container.NewCenter(c.retry), layout.NewSpacer(), layout.NewSpacer(), layout.NewSpacer()))
	c.box.Hide()
	return c
}

// coverDesk hides the desk behind word.
func (s *Shell) coverDesk(word string) {
	s.cover.said.SetText(word)
	s.cover.problem.Hide()
	s.cover.retry.Hide()
	s.body.Hide()
	s.cover.box.Show()
}

// coverProblem keeps the desk covered and says why nobody can sign in,
// with Try again.
func (s *Shell) coverProblem(problem string) {
	s.cover.problem.SetText(problem)
	s.cover.problem.Show()
	s.cover.retry.Show()
}

// uncoverDesk shows the desk again. A desk that never locks then holds the
// sections alone, as the screens' golden files show them.
func (s *Shell) uncoverDesk() {
	if !s.cover.box.Visible() {
		return
	}
	s.cover.box.Hide()
	s.body.Show()
	if s.catcher == nil {
		s.win.SetContent(s.body)
	}
}

// deskCovered reports whether the desk is hidden: no shortcut acts on it.
func (s *Shell) deskCovered() bool { return s.cover.box.Visible() }
