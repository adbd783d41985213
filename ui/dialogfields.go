package ui

import "fyne.io/fyne/v2"

// dialogFields are the inputs of a small dialog (a shipping step, a
// ticket move): its field form, the first input to focus, the single-line
// entries by name, and what Enter in one of them does.
type dialogFields struct {
	form    *FieldForm
	first   fyne.Focusable
	entries map[string]*Entry
	onEnter func()
}

func newDialogFields(onEnter func()) dialogFields {
	return dialogFields{form: NewFieldForm(), entries: map[string]*Entry{}, onEnter: onEnter}
}

// add puts a labelled input on the form; the first focusable one gets the cursor.
func (d *dialogFields) add(name, label string, w fyne.CanvasObject) {
	d.form.Add(name, label, w)
	if f, ok := w.(fyne.Focusable); ok && d.first == nil {
		d.first = f
	}
}

// entry adds a single-line field; Enter in it confirms the dialog.
func (d *dialogFields) entry(name, label, value string) *Entry {
	e := NewEntry()
	e.SetText(value)
	e.OnSubmitted = func(string) { d.onEnter() }
	d.entries[name] = e
	d.add(name, label, e)
	return e
}
