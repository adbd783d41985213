package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// escapable are the dialogs open on each window that Esc may close, by the
// overlay each shows as. Fyne's dialogs do not answer Esc; the window's key
// handler (which hears Esc from the dialog's inputs) asks here first.
var escapable = map[fyne.Canvas]map[fyne.CanvasObject]dialog.Dialog{}

// showEscapable shows d on w; Esc then closes it as its Cancel would.
func showEscapable(w fyne.Window, d dialog.Dialog) {
	d.Show()
	c := w.Canvas()
	top := c.Overlays().Top()
	if top == nil {
		return
	}
	if escapable[c] == nil {
		escapable[c] = map[fyne.CanvasObject]dialog.Dialog{}
	}
	escapable[c][top] = d
	d.SetOnClosed(func() {
		delete(escapable[c], top)
		if len(escapable[c]) == 0 {
			delete(escapable, c)
		}
	})
}

// closeTopDialog dismisses the dialog on top of c if Esc may close it,
// and reports whether it did.
func closeTopDialog(c fyne.Canvas) bool {
	d := escapable[c][c.Overlays().Top()]
	if d == nil {
		return false
	}
	d.Dismiss()
	return true
}
