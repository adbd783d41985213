package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// signIn is the password step of "Who are you?": the person chosen (or the
// one who signed in last at this desk) types their password; the model
// checks it and slows a guesser down. A person who has no password yet
// chooses their first one here.
type signIn struct {
	password *Entry
	again    *Entry // only when the person chooses their first password
	problem  *widget.Label
	ok       *widget.Button
	other    *widget.Button // "Someone else…", when offered
	dialog   *dialog.CustomDialog

	store    signInStore
	work     *jobs
	employee model.Employee
	signedIn func(*model.Employee)
}

// signInStore is the store as the sign-in uses it; a test hands it one that fails.
type signInStore interface {
	SetPassword(ctx context.Context, by model.Actor, employeeID uint, old, password string) error
	SignIn(ctx context.Context, code, password string) (*model.Employee, error)
}

// newSignIn returns the password dialog for e. first asks for a new
// password twice; other (if not nil) goes back to the list of people;
// cancellable adds Cancel (switching person, not the start or a lock).
func newSignIn(w fyne.Window, store *model.Store, work *jobs, e model.Employee, first bool, other func(), cancellable bool, signedIn func(*model.Employee)) *signIn {
	si := &signIn{store: store, work: work, employee: e, signedIn: signedIn}
	si.password = NewEntry()
	si.password.Password = true
	si.password.OnSubmitted = func(string) { si.submit() }
	si.problem = newProblemLabel()
	intro := lang.L("Password for {{.Person}}", map[string]any{"Person": e.Display()})
	fields := []fyne.CanvasObject{widget.NewLabel(intro), si.password}
	if first {
		intro = lang.L("{{.Person}} has no password yet: choose one (at least 4 characters).", map[string]any{"Person": e.Display()})
		si.again = NewEntry()
		si.again.Password = true
		si.again.SetPlaceHolder(lang.L("The same again"))
		si.again.OnSubmitted = func(string) { si.submit() }
		si.password.OnSubmitted = func(string) { w.Canvas().Focus(si.again) }
		fields = []fyne.CanvasObject{widget.NewLabel(intro), si.password, si.again}
	}
	content := container.NewVBox(append(fields, si.problem)...)
	si.dialog = dialog.NewCustomWithoutButtons(lang.L("Sign in"), content, w)
	si.ok = widget.NewButton(lang.L("Sign in"), si.submit)
	si.ok.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{}
	if cancellable {
		buttons = append(buttons, widget.NewButton(lang.L("Cancel"), si.dialog.Hide))
	}
	if other != nil {
		si.other = widget.NewButton(lang.L("Someone else…"), func() { si.dialog.Hide(); other() })
		buttons = append(buttons, si.other)
	}
	si.dialog.SetButtons(append(buttons, si.ok))
	si.dialog.Resize(fyne.NewSize(420, 220))
	return si
}

// show opens the dialog with the cursor in the password box.
func (si *signIn) show(w fyne.Window) {
	si.dialog.Show()
	w.Canvas().Focus(si.password)
}

// submit checks the password off the UI goroutine; a refusal stays in the
// dialog and the password box is emptied for the next try (a password is
// typed again, never left standing in a box someone else may reach).
func (si *signIn) submit() {
	pw := si.password.Text
	if si.again != nil && si.again.Text != pw {
		setProblemText(si.problem, lang.L("The two passwords differ."))
		return
	}
	first := si.again != nil
	e := si.employee
	submitDialogOr(si.work, problemLine{si.problem}, si.ok, si.dialog,
		func(ctx context.Context) (*model.Employee, error) {
			if first {
				if err := si.store.SetPassword(ctx, e.Actor(), e.ID, "", pw); err != nil {
					return nil, err
				}
			}
			return si.store.SignIn(ctx, e.Initials, pw)
		},
		si.signedIn,
		func(error) {
			si.password.SetText("")
			if si.again != nil {
				si.again.SetText("")
			}
		})
}
