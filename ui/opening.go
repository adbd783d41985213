package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// opening is what the window shows while the database opens: at once, so a
// start is never a blank minute. Opening is quick, but an upgrade to a new
// version first copies the file beside itself (2.8 GB at 250,000 orders:
// about a minute), and a shared database may be far away; the clerk reads
// which, and that closing the window now loses nothing but time.
type opening struct {
	heading, detail *widget.Label
	content         fyne.CanvasObject
}

func newOpening(target string) *opening {
	if target == "" {
		target = model.DefaultTarget()
	}
	o := &opening{
		heading: widget.NewLabelWithStyle(lang.L("Opening the office's data…"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		detail:  widget.NewLabel(model.Redact(target)),
	}
	o.detail.Alignment = fyne.TextAlignCenter
	o.detail.Wrapping = fyne.TextWrapWord
	o.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 200), container.NewVBox(o.heading, o.detail)))
	return o
}

// upgrading says that the data is being upgraded, and where its copy goes.
func (o *opening) upgrading(u model.Upgrade) {
	o.heading.SetText(lang.L("Upgrading the office's data for this version of OrderDesk…"))
	if u.Copy == "" {
		o.detail.SetText(lang.L("Schema step {{.From}} to {{.To}}. Please wait; the desk opens when it is done.",
			map[string]any{"From": u.From, "To": u.To}))
		return
	}
	o.detail.SetText(lang.L("Schema step {{.From}} to {{.To}}. A copy of the file is kept first, at {{.Copy}}; on a large office this takes a minute or two. Please wait; the desk opens when it is done.",
		map[string]any{"From": u.From, "To": u.To, "Copy": u.Copy}))
}

// open opens target off the UI goroutine, showing an upgrade as it starts,
// and hands the store (and whether it is empty) or the error to done on
// the UI goroutine.
func (o *opening) open(open Opener, target string, done func(s *model.Store, empty bool, err error)) {
	runWork(func() func() {
		ctx := model.WithUpgradeNotice(context.Background(), func(u model.Upgrade) {
			fyne.Do(func() { o.upgrading(u) })
		})
		s, err := open(ctx, target)
		empty := false
		if err == nil {
			if empty, err = s.IsEmpty(context.Background()); err != nil {
				s.Close()
				s = nil
			}
		}
		return func() { done(s, empty, err) }
	})
}
