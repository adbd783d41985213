package ui

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// submitDialog saves what a dialog holds the way every dialog of the desk
// does: save runs off the UI goroutine with confirm disabled; a field's
// problem or a refusal stays in the dialog, shown in fields (the clerk
// corrects and confirms again), and a success closes the dialog and hands
// what save returned to done on the UI goroutine. Reading the inputs
// (showing what cannot be read) is the caller's, before it calls this.
func submitDialog[T any](work *jobs, fields *FieldForm, confirm *widget.Button, dlg dialog.Dialog,
	save func(ctx context.Context) (T, error), done func(T)) {
	submitDialogOr(work, fields, confirm, dlg, save, done, nil)
}

// submitDialogOr is submitDialog with failed, if not nil, called on the UI
// goroutine after a failed save is shown (a stale save offers Reload there).
func submitDialogOr[T any](work *jobs, fields *FieldForm, confirm *widget.Button, dlg dialog.Dialog,
	save func(ctx context.Context) (T, error), done func(T), failed func(error)) {
	confirm.Disable()
	work.Go(func() func() {
		v, err := save(context.Background())
		return func() {
			confirm.Enable()
			if err != nil {
				fields.ShowErr(err)
				if failed != nil {
					failed(err)
				}
				return
			}
			dlg.Hide()
			if done != nil {
				done(v)
			}
		}
	})
}

// ShowErr shows a failed save in the form: field problems beside their
// fields, anything else (a refusal, a stale save) below them, clearing the
// problems of an earlier try.
func (f *FieldForm) ShowErr(err error) {
	if f.Show(err) {
		return
	}
	f.ShowFieldErrors(nil)
	f.SetOther(SayErr(err))
}
