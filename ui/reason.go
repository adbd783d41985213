package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// reasonDialog asks why a record is being deactivated (nothing is deleted;
// the reason goes on the record's history). It stays open when the model
// refuses, with the refusal under the reason.
type reasonDialog struct {
	question *widget.Label
	reason   *Entry
	problem  *widget.Label
	confirm  *widget.Button
	cancel   *widget.Button
	dialog   *dialog.CustomDialog
}

// askReason shows the dialog. deactivate runs off the UI goroutine with the
// reason typed; done runs on the UI goroutine once it succeeded.
func askReason(w fyne.Window, work *jobs, title, question string, deactivate func(reason string) error, done func()) *reasonDialog {
	d := &reasonDialog{question: widget.NewLabel(question), reason: NewEntry(), problem: newProblemLabel()}
	d.question.Wrapping = fyne.TextWrapWord
	d.reason.SetPlaceHolder(lang.L("Reason"))
	submit := func() {
		reason := d.reason.Text
		submitDialogOr(work, problemLine{d.problem}, d.confirm, d.dialog,
			func(context.Context) (struct{}, error) { return struct{}{}, deactivate(reason) },
			func(struct{}) { done() },
			func(error) { w.Canvas().Focus(d.reason) })
	}
	d.reason.OnSubmitted = func(string) { submit() }
	d.confirm = widget.NewButton(lang.L("Deactivate"), submit)
	d.confirm.Importance = widget.DangerImportance
	d.cancel = widget.NewButton(lang.L("Cancel"), func() { d.dialog.Hide() })
	content := container.NewVBox(d.question, d.reason, d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(title, content, w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	d.dialog.Resize(fyne.NewSize(480, 220))
	showEscapable(w, d.dialog)
	w.Canvas().Focus(d.reason)
	return d
}
