package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
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
		d.confirm.Disable()
		work.Go(func() func() {
			err := deactivate(reason)
			return func() {
				d.confirm.Enable()
				if err != nil {
					var fe model.FieldErrors
					if errors.As(err, &fe) && !fe.For("Reason").IsZero() {
						setProblemText(d.problem, Say(fe.For("Reason")))
					} else {
						setProblemText(d.problem, SayErr(err))
					}
					w.Canvas().Focus(d.reason)
					return
				}
				d.dialog.Hide()
				done()
			}
		})
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
