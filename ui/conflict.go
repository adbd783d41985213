package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// conflictDialog tells the clerk her save was refused because the record
// changed since she read it, and offers to reload it. A change she saved
// herself in another section or window is said as hers, never as someone
// else's.
func conflictDialog(win fyne.Window, c *model.ConflictError, reload func()) *dialog.ConfirmDialog {
	title := lang.L("Changed by someone else")
	if c.Mine {
		title = lang.L("Changed since you opened it")
	}
	d := dialog.NewConfirm(title, Say(c.Msg()), func(ok bool) {
		if ok {
			reload()
		}
	}, win)
	d.SetConfirmText(lang.L("Reload"))
	d.SetDismissText(lang.L("Keep my changes"))
	showConfirmable(win, d, d.Confirm)
	return d
}
