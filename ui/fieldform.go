package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// FieldForm lays out labelled fields in reading order (which is also the
// Tab order) and shows the model's problem with each field right under it.
// Fields are named by the model's Go field name ("Code", "NameZH"), the name
// model.FieldErrors uses, so a refused Save lands next to the right widget.
type FieldForm struct {
	// Other shows problems with no field on this form, above the fields.
	Other *widget.Label
	// Validate returns the problems of the record as the form now stands;
	// fields wired with Live are checked against it as the clerk types.
	Validate func() model.FieldErrors
	// OnAllFixed runs when typing has taken away the last problem shown
	// under a field: a refusal said elsewhere (beside Save) is then stale.
	OnAllFixed func()

	fields []*formField
	byName map[string]*formField
	// checked is what Validate said when last asked: a shown problem that
	// matches it came from the form's own check and may go when another
	// field changes; one only the store knows (a code in use) stays.
	checked model.FieldErrors
	box     *fyne.Container
	scroll  *container.Scroll
}

type formField struct {
	name    string
	label   *widget.Label
	input   fyne.CanvasObject
	problem *widget.Label
}

// NewFieldForm returns an empty form.
func NewFieldForm() *FieldForm {
	f := &FieldForm{Other: newProblemLabel(), byName: map[string]*formField{}}
	f.box = container.New(layout.NewFormLayout())
	return f
}

func newProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Add appends a field: its model name, the label the clerk reads and its input.
func (f *FieldForm) Add(name, label string, input fyne.CanvasObject) {
	ff := &formField{name: name, label: widget.NewLabel(label), input: input, problem: newProblemLabel()}
	ff.label.Alignment = fyne.TextAlignTrailing
	f.fields = append(f.fields, ff)
	f.byName[name] = ff
	followFocus(input, func(in fyne.CanvasObject) {
		if in == input {
			f.keepInView(ff)
		} else { // one of several inputs of the field (a date and its quick picks)
			keepObjectInView(f.scroll, in)
		}
	})
	if e, ok := input.(*Entry); ok {
		e.edited = func() { f.recheck(ff) }
	}
	f.box.Add(ff.label)
	f.box.Add(container.NewVBox(input, ff.problem))
}

// Scrolled puts the form's content in a vertical scroll that follows the
// focus, so a clerk moving through the fields with Tab always sees the one
// being typed in (Fyne's scroll does not follow the focus by itself).
func (f *FieldForm) Scrolled(below ...fyne.CanvasObject) *container.Scroll {
	f.scroll = container.NewVScroll(container.NewVBox(append([]fyne.CanvasObject{f.Content()}, below...)...))
	return f.scroll
}

// keepInView scrolls so that the field and its problem are visible: in
// the form's own scroll, or the one the form was placed in.
func (f *FieldForm) keepInView(ff *formField) {
	keepObjectInView(f.scroll, ff.input, ff.problem)
}

// showFirstProblem scrolls to the first problem shown, in reading order,
// and reports whether there was one: a refused save whose problem lies
// below the fold must not look like nothing happened.
func (f *FieldForm) showFirstProblem() bool {
	if f.Other.Visible() {
		keepObjectInView(f.scroll, f.Other)
		return true
	}
	for _, ff := range f.fields {
		if ff.problem.Visible() {
			f.keepInView(ff)
			return true
		}
	}
	return false
}

// followFocus calls fn with each input in o (o itself, or the inputs in
// its containers) when that input gets the focus.
func followFocus(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if in, ok := o.(interface{ onFocus(func()) }); ok {
		in.onFocus(func() { fn(o) })
		return
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, k := range c.Objects {
			followFocus(k, fn)
		}
	}
}

// Content returns the form's widgets to place on a screen.
func (f *FieldForm) Content() fyne.CanvasObject {
	return container.NewVBox(f.Other, f.box)
}

// Show puts the problems of err next to their fields and reports whether
// err was field problems; any other error is left to the caller.
func (f *FieldForm) Show(err error) bool {
	var fe model.FieldErrors
	if !errors.As(err, &fe) {
		return false
	}
	f.ShowFieldErrors(fe)
	return true
}

// ShowFieldErrors replaces every shown problem with those of fe, all of
// them at once: each under its field, a line's under that line's field
// (named with LineField) when the form has one, the rest above the fields;
// it scrolls to the first.
func (f *FieldForm) ShowFieldErrors(fe model.FieldErrors) {
	f.place(fe)
	f.showFirstProblem()
}

// place shows the problems of fe as ShowFieldErrors does, without scrolling
// (a screen of several forms scrolls to the first of all).
func (f *FieldForm) place(fe model.FieldErrors) {
	var other []string
	under := map[string][]string{}
	for _, e := range fe {
		name := e.Field
		if _, ok := f.byName[LineField(name, e.Line())]; ok && e.Line() > 0 {
			name = LineField(name, e.Line())
		}
		if _, ok := f.byName[name]; ok {
			under[name] = append(under[name], Say(e.Msg))
		} else {
			other = append(other, Say(e.Msg))
		}
	}
	for _, ff := range f.fields {
		setProblemText(ff.problem, strings.Join(under[ff.name], "\n"))
	}
	setProblemText(f.Other, strings.Join(other, "\n"))
	if f.Validate != nil {
		f.checked = f.Validate()
	}
}

// LineField names the field of one line (a line's counted quantity,
// "Produced.2"), so that the model's problem about line 2 of "Produced"
// sits under line 2's field.
func LineField(name string, line int) string { return fmt.Sprintf("%s.%d", name, line) }

// recheck runs when the clerk changes a field that shows a problem: the
// form's Validate says whether it still stands; a form without one takes
// the problem away, as it no longer describes what the field holds (the
// next confirm checks it again).
func (f *FieldForm) recheck(ff *formField) {
	if !ff.problem.Visible() {
		return
	}
	if f.Validate != nil {
		f.SetProblem(ff.name, f.Validate().For(ff.name))
		return
	}
	setProblemText(ff.problem, "")
}

// SetProblem shows m under the named field; a zero Msg clears it.
func (f *FieldForm) SetProblem(name string, m model.Msg) {
	if ff, ok := f.byName[name]; ok {
		setProblemText(ff.problem, Say(m))
	}
}

// SetOther shows a sentence above the fields (a refusal, a conflict); "" clears it.
func (f *FieldForm) SetOther(text string) { setProblemText(f.Other, text) }

// Problem returns the problem shown under the named field, or "".
func (f *FieldForm) Problem(name string) string {
	if ff, ok := f.byName[name]; ok && ff.problem.Visible() {
		return ff.problem.Text
	}
	return ""
}

// Clear hides every problem.
func (f *FieldForm) Clear() {
	for _, ff := range f.fields {
		setProblemText(ff.problem, "")
	}
	setProblemText(f.Other, "")
}

// Live checks the named field against Validate when the clerk leaves it,
// and again at each keystroke once a problem is shown, so the message goes
// away as soon as the value is right (and does not nag while it is typed).
func (f *FieldForm) Live(name string, e *Entry) {
	check := func() {
		if f.Validate != nil {
			f.checked = f.Validate()
			f.SetProblem(name, f.checked.For(name))
		}
	}
	e.OnFocusLost = check
	changed := e.OnChanged
	e.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		f.recheckShown(name)
	}
}

// recheckShown checks again every field that shows a problem of the
// form's own check after the named field changed: one field's problem may
// hang on another ("the name in Chinese or in English" goes away when the
// English name is typed). A problem only the store knows stays until its
// own field changes.
func (f *FieldForm) recheckShown(changed string) {
	shown := slices.ContainsFunc(f.fields, func(ff *formField) bool { return ff.problem.Visible() })
	if f.Validate == nil || !shown {
		return // nothing to take back; a new problem waits for the field to be left
	}
	prev, now := f.checked, f.Validate()
	f.checked = now
	for _, ff := range f.fields {
		if !ff.problem.Visible() {
			continue
		}
		if ff.name == changed || ff.problem.Text == Say(prev.For(ff.name)) {
			f.SetProblem(ff.name, now.For(ff.name))
		}
	}
	fixed := !slices.ContainsFunc(f.fields, func(ff *formField) bool { return ff.problem.Visible() })
	if fixed && f.OnAllFixed != nil {
		f.OnAllFixed()
	}
}

func setProblemText(l *widget.Label, text string) {
	if text == "" {
		if l.Visible() || l.Text != "" {
			l.SetText("")
			l.Hide()
		}
		return
	}
	l.SetText(text)
	l.Show()
}
