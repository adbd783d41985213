package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// newRowsDialog is a small dialog of label and field rows with a problem
// line under them, and Cancel beside confirm (the groups' dialogs).
func newRowsDialog(w fyne.Window, title string, rows []fyne.CanvasObject, problem *widget.Label, confirm *widget.Button, size fyne.Size) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(container.New(layout.NewFormLayout(), rows...), problem), w)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), d.Hide), confirm})
	d.Resize(size)
	return d
}

// errShower is where a dialog says why its save failed: a FieldForm
// (problems beside their fields) or, in a dialog of one or two inputs, a
// problemLine under them.
type errShower interface{ ShowErr(err error) }

// submitDialog saves what a dialog holds the way every dialog of the desk
// does: save runs off the UI goroutine with confirm disabled; a field's
// problem or a refusal stays in the dialog, shown in shown (the clerk
// corrects and confirms again, what they typed still there), and a success
// closes the dialog and hands what save returned to done on the UI
// goroutine. Reading the inputs (showing what cannot be read) is the
// caller's, before it calls this. While a save runs, a second confirm (Enter
// typed again) does nothing.
func submitDialog[T any](work *jobs, shown errShower, confirm *widget.Button, dlg dialog.Dialog,
	save func(ctx context.Context) (T, error), done func(T)) {
	submitDialogOr(work, shown, confirm, dlg, save, done, nil)
}

// submitDialogOr is submitDialog with failed, if not nil, called on the UI
// goroutine after a failed save is shown (a stale save offers Reload there;
// a password box is emptied; the cursor goes back to the input).
func submitDialogOr[T any](work *jobs, shown errShower, confirm *widget.Button, dlg dialog.Dialog,
	save func(ctx context.Context) (T, error), done func(T), failed func(error)) {
	if confirm.Disabled() {
		return
	}
	confirm.Disable()
	work.Go(func() func() {
		v, err := save(context.Background())
		return func() {
			confirm.Enable()
			if err != nil {
				shown.ShowErr(err)
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

// problemLine is the line under a small dialog's inputs (a reason, a
// password, a group's names) that says why its save failed.
type problemLine struct{ label *widget.Label }

// ShowErr says err on the line: each field problem on a line of its own
// (the dialog has no field to put it beside), anything else as SayErr does.
func (p problemLine) ShowErr(err error) {
	var fe model.FieldErrors
	if errors.As(err, &fe) && len(fe) > 0 {
		lines := make([]string, len(fe))
		for i, e := range fe {
			lines[i] = Say(e.Msg)
		}
		setProblemText(p.label, strings.Join(lines, "\n"))
		return
	}
	setProblemText(p.label, SayErr(err))
}
