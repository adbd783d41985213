package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// deskBar is the strip above the sections that says who is at the desk:
// their initials in a badge and their name, with Lock and Sign out beside
// them. Every change is recorded under that person, and the window's title
// (which a full-screen or tiled window may not show) was the only place
// that said so.
type deskBar struct {
	box      *fyne.Container
	initials *canvas.Text
	name     *widget.Label
	lock     *widget.Button
	signOut  *widget.Button
}

func newDeskBar(lock, signOut func()) *deskBar {
	b := &deskBar{
		initials: canvas.NewText("", theme.Color(theme.ColorNameForegroundOnPrimary)),
		name:     widget.NewLabel(""),
		lock:     widget.NewButtonWithIcon(lang.L("Lock"), theme.VisibilityOffIcon(), lock),
		signOut:  widget.NewButtonWithIcon(lang.L("Sign out"), theme.LogoutIcon(), signOut),
	}
	b.initials.TextStyle.Bold = true
	b.initials.Alignment = fyne.TextAlignCenter
	b.lock.Importance = widget.LowImportance
	b.signOut.Importance = widget.LowImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	badge := container.NewStack(bg, container.NewPadded(b.initials))
	person := container.NewHBox(container.NewCenter(badge), b.name, b.lock, b.signOut)
	b.box = container.NewVBox(container.NewHBox(layout.NewSpacer(), person), widget.NewSeparator())
	b.show(nil)
	return b
}

// show names e as the person at the desk (nil: nobody yet).
func (b *deskBar) show(e *model.Employee) {
	if e == nil {
		b.initials.Text = "?"
		b.name.SetText(lang.L("nobody chosen"))
		b.lock.Disable()
		b.signOut.Disable()
	} else {
		b.initials.Text = e.Initials
		b.name.SetText(strings.TrimSpace(e.Name + " " + e.NameZH))
		b.lock.Enable()
		b.signOut.Enable()
	}
	b.initials.Refresh()
}

// lockNow locks the desk at once, as the idle lock does: the same person
// comes back with their password to the screen as they left it.
func (s *Shell) lockNow() {
	if s.desk.Employee() == nil || s.deskCovered() {
		return
	}
	s.idle.locked = true // the idle check does not lock it a second time
	s.lockDesk()
}

// signOut ends the person's turn at the desk: a new order being typed is
// kept as their draft, the desk is covered, and whoever comes next picks
// themselves from the list and signs in.
func (s *Shell) signOut() {
	if s.desk.Employee() == nil || s.deskCovered() {
		return
	}
	s.orders.flushDraft()
	s.idle.locked = true
	s.coverDesk(lang.L("Signed out. Sign in to use the desk."))
	var pick func()
	pick = func() {
		s.pickAtLock(pick, func(e *model.Employee) {
			s.idle.unlock()
			s.setEmployee(e)
		})
	}
	pick()
}
