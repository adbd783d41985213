package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// DemoMaker fills an empty database with the demo office (demo.Create;
// ui does not import the demo package).
type DemoMaker func(ctx context.Context, s *model.Store) error

// firstStart is what the window shows on an empty database: set up my
// office (the company as documents print it, and its first manager) or
// explore the demo office, which lives in its own file. The window never
// puts demo data in a database nobody chose it for.
type firstStart struct {
	setUp, explore *widget.Button
	form           *widget.Form
	create         *widget.Button
	problem        *widget.Label
	// preparing says what the window is doing while the office is made
	// (the demo's few hundred orders take seconds), with a busy bar.
	preparing *widget.Label
	busy      *widget.ProgressBarInfinite

	nameZH, nameEN, address, phone, fax, taxID *Entry
	managerName, managerCode, password, again  *Entry

	store    *model.Store
	open     Opener
	makeDemo DemoMaker
	// ready is called with the store the window works on from now on, and
	// the person already signed in (the new manager; nil: ask who).
	ready func(s *model.Store, signedIn *model.Employee)
	work  jobs
}

func newFirstStart(store *model.Store, open Opener, makeDemo DemoMaker, ready func(*model.Store, *model.Employee)) *firstStart {
	f := &firstStart{store: store, open: open, makeDemo: makeDemo, ready: ready}
	f.setUp = widget.NewButton(lang.L("Set up my office"), f.onSetUp)
	f.setUp.Importance = widget.HighImportance
	f.explore = widget.NewButton(lang.L("Explore the demo office"), f.onExplore)
	entry := func(password bool) *Entry {
		e := NewEntry()
		e.Password = password
		return e
	}
	f.nameZH, f.nameEN, f.address, f.phone, f.fax, f.taxID = entry(false), entry(false), entry(false), entry(false), entry(false), entry(false)
	f.managerName, f.managerCode, f.password, f.again = entry(false), entry(false), entry(true), entry(true)
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Company name (Chinese)"), f.nameZH),
		widget.NewFormItem(lang.L("Company name (English)"), f.nameEN),
		widget.NewFormItem(lang.L("Address"), f.address),
		widget.NewFormItem(lang.L("Phone"), f.phone),
		widget.NewFormItem(lang.L("Fax"), f.fax),
		widget.NewFormItem(lang.L("Tax ID"), f.taxID),
		widget.NewFormItem(lang.L("First manager's name"), f.managerName),
		widget.NewFormItem(lang.L("Initials"), f.managerCode),
		widget.NewFormItem(lang.L("Password"), f.password),
		widget.NewFormItem(lang.L("The same again"), f.again),
	)
	f.form.Hide()
	f.again.OnSubmitted = func(string) { f.onCreate() } // Enter at the last field creates, as in every dialog
	f.create = widget.NewButton(lang.L("Create the office"), f.onCreate)
	f.create.Importance = widget.HighImportance
	f.create.Hide()
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.preparing = widget.NewLabel("")
	f.preparing.Wrapping = fyne.TextWrapWord
	f.preparing.Hide()
	f.busy = widget.NewProgressBarInfinite()
	f.busy.Stop()
	f.busy.Hide()
	return f
}

// working says what is being prepared, or hides the word when text is "".
func (f *firstStart) working(text string) {
	f.preparing.SetText(text)
	if text == "" {
		f.preparing.Hide()
		f.busy.Stop()
		f.busy.Hide()
		return
	}
	setProblemText(f.problem, "")
	f.preparing.Show()
	f.busy.Show()
	f.busy.Start()
}

// Content returns the first start's widgets.
func (f *firstStart) Content() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(lang.L("Welcome to OrderDesk"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(lang.L("This database is empty. Set up your own office, or explore the demo office: a made-up paper company with its people, customers and a few hundred orders, kept in a file of its own (every person's password is demo)."))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVScroll(container.NewVBox(heading, intro,
		container.NewGridWithColumns(2, f.setUp, f.explore), f.preparing, f.busy, f.form, f.problem, f.create)))
}

// onSetUp shows the office's form with the cursor in its first field: the
// person who chose it starts typing at once.
func (f *firstStart) onSetUp() {
	f.form.Show()
	f.create.Show()
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.setUp); c != nil {
		c.Focus(f.nameZH)
	}
}

// onCreate sets the office up with its first manager, who is signed in
// with the password they have just typed twice: the desk does not ask
// them for it a third time. (The sign-in is the model's, as at the
// dialog; should it fail, the desk asks as at any start.)
func (f *firstStart) onCreate() {
	if f.password.Text != f.again.Text {
		setProblemText(f.problem, lang.L("The two passwords differ."))
		return
	}
	o := model.DefaultOffice()
	o.CompanyNameZH, o.CompanyNameEN = f.nameZH.Text, f.nameEN.Text
	o.CompanyAddress, o.CompanyPhone, o.CompanyFax, o.CompanyTaxID = f.address.Text, f.phone.Text, f.fax.Text, f.taxID.Text
	m := &model.Employee{Name: f.managerName.Text, Initials: f.managerCode.Text}
	pw := f.password.Text
	f.create.Disable()
	f.working(lang.L("Setting up your office…"))
	f.work.Go(func() func() {
		ctx := context.Background()
		err := f.store.SetUpOffice(ctx, o, m, pw)
		var signedIn *model.Employee
		if err == nil {
			signedIn, _ = f.store.SignIn(ctx, m.Initials, pw)
		}
		return func() {
			f.working("")
			f.create.Enable()
			if err != nil {
				setProblemText(f.problem, f.sayRefusal(err))
				return
			}
			f.ready(f.store, signedIn)
		}
	})
}

// onExplore opens (and on its first use fills) the demo office beside the
// real database, which stays empty.
func (f *firstStart) onExplore() {
	path := f.store.DemoPath()
	f.setUp.Disable()
	f.explore.Disable()
	f.working(lang.L("Preparing the demo office: its people, customers, products and a few hundred orders. This takes a few seconds the first time…"))
	f.work.Go(func() func() {
		ctx := context.Background()
		ds, err := f.open(ctx, path)
		if err == nil {
			var empty bool
			if empty, err = ds.IsEmpty(ctx); err == nil && empty {
				err = f.makeDemo(ctx, ds)
			}
			if err != nil {
				ds.Close()
			}
		}
		return func() {
			f.working("")
			f.setUp.Enable()
			f.explore.Enable()
			if err != nil {
				setProblemText(f.problem, SayLoadErr(err))
				return
			}
			f.ready(ds, nil)
		}
	})
}

// sayRefusal says each field's problem after its label ("Phone: 02-1 is
// too short for a phone number."): the form has no place under its
// fields, and "2 fields need attention" left the manager to guess which.
func (f *firstStart) sayRefusal(err error) string {
	var fe model.FieldErrors
	if !errors.As(err, &fe) {
		return Say(model.Say(err))
	}
	labels := map[string]string{"CompanyNameZH": lang.L("Company name (Chinese)"), "CompanyPhone": lang.L("Phone"),
		"CompanyFax": lang.L("Fax"), "Name": lang.L("First manager's name"), "Initials": lang.L("Initials"),
		"Password": lang.L("Password")}
	lines := make([]string, len(fe))
	for i, e := range fe {
		lines[i] = Say(e.Msg)
		if l := labels[e.Field]; l != "" {
			lines[i] = lang.L("{{.Field}}: {{.Problem}}", map[string]any{"Field": l, "Problem": lines[i]})
		}
	}
	return strings.Join(lines, "\n")
}
