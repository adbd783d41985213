package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// saveForm saves a form the way every form of the desk does: the clerk
// must have said who they are; inputs that cannot be read are shown all at
// once, every field's problem with them; the save runs off the UI
// goroutine with its button disabled, and done gets what was saved and the
// model's answer on the UI goroutine.
func saveForm[T any](desk *Desk, fields *FieldForm, button *widget.Button, work *jobs,
	read func() (T, model.FieldErrors), save func(ctx context.Context, by model.Actor, v T) error, done func(v T, err error)) {
	if desk.Employee() == nil {
		fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	v, fe := read()
	if len(fe) > 0 {
		fields.ShowFieldErrors(fields.Validate())
		return
	}
	by := desk.Actor()
	button.Disable()
	work.Go(func() func() {
		err := save(context.Background(), by, v)
		return func() {
			button.Enable()
			done(v, err)
		}
	})
}
