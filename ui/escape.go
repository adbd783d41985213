package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// escapable are the dialogs open on each window that Esc may close, by the
// overlay each shows as. Fyne's dialogs do not answer Esc; the window's key
// handler (which hears Esc from the dialog's inputs) asks here first.
var escapable = map[fyne.Canvas]map[fyne.CanvasObject]dialog.Dialog{}

// confirmable are the open dialogs that Enter confirms (a yes/no question,
// a step with nothing to type), and Ctrl+Enter from a multi-line field: the
// function is what their confirm button does.
var confirmable = map[fyne.Canvas]map[fyne.CanvasObject]func(){}

// showEscapable shows d on w; Esc then closes it as its Cancel would.
func showEscapable(w fyne.Window, d dialog.Dialog) { showConfirmable(w, d, nil) }

// showConfirmable shows d on w as showEscapable does; when confirm is not
// nil, Enter (where no field takes it) and Ctrl+Enter then run it, as the
// dialog's confirm button would.
func showConfirmable(w fyne.Window, d dialog.Dialog, confirm func()) {
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
	if confirm != nil {
		if confirmable[c] == nil {
			confirmable[c] = map[fyne.CanvasObject]func(){}
		}
		confirmable[c][top] = confirm
	}
	d.SetOnClosed(func() {
		delete(escapable[c], top)
		if len(escapable[c]) == 0 {
			delete(escapable, c)
		}
		delete(confirmable[c], top)
		if len(confirmable[c]) == 0 {
			delete(confirmable, c)
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

// confirmTopDialog confirms the dialog on top of c if Enter may, and
// reports whether it did.
func confirmTopDialog(c fyne.Canvas) bool {
	confirm := confirmable[c][c.Overlays().Top()]
	if confirm == nil {
		return false
	}
	confirm()
	return true
}

// askYesNo asks a yes/no question on w: Enter answers yes, Esc no.
func askYesNo(w fyne.Window, title, question string, yes func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			yes()
		}
	}, w)
	showConfirmable(w, d, d.Confirm)
	return d
}
