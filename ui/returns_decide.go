package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// rmaFormDialog is one of the Returns tab's dialogs of several fields (the
// decision, the replacement shipment): a refusal or a field's problem
// stays in it, at the field the model names.
type rmaFormDialog struct {
	form    *FieldForm
	confirm *widget.Button
	dlg     *dialog.CustomDialog
	// decision, credit and reason are the decision's inputs.
	decision *Select
	credit   *Entry
	reason   *Entry
	// carrier and tracking are the replacement shipment's inputs.
	carrier  *Entry
	tracking *Entry
}

func (s *returnsScreen) newFormDialog(title, confirm string, submit func()) *rmaFormDialog {
	d := &rmaFormDialog{form: NewFieldForm()}
	d.confirm = widget.NewButton(confirm, submit)
	d.confirm.Importance = widget.HighImportance
	d.dlg = dialog.NewCustomWithoutButtons(title, d.form.Content(), s.win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() }), d.confirm})
	return d
}

func (s *returnsScreen) showForm(d *rmaFormDialog, first fyne.Focusable, submit func()) {
	s.form = d
	d.dlg.Resize(fyne.NewSize(520, d.dlg.MinSize().Height))
	showConfirmable(s.win, d.dlg, submit)
	s.win.Canvas().Focus(first)
}

// onDecide asks what the office does about the inspected goods: replace,
// credit with the credit note's amount, repair, or reject with the reason.
// The model says what is missing, at its field.
func (s *returnsScreen) onDecide() {
	r := s.open
	if r == nil || !s.atDesk() {
		return
	}
	var d *rmaFormDialog
	submit := func() {
		var fe model.FieldErrors
		choice := model.RMADecision("")
		if i := d.decision.SelectedIndex(); i >= 0 {
			choice = model.RMADecisions[i]
		}
		var credit model.Money
		if text := strings.TrimSpace(d.credit.Text); text != "" {
			var err error
			if credit, err = model.ParseMoney(text); err != nil {
				fe.Add("Credit", "Enter an amount such as 1200 or 1,200.50.")
			}
		}
		if len(fe) > 0 {
			d.form.ShowFieldErrors(fe)
			return
		}
		reason := d.reason.Text
		s.save(d, r, func(ctx context.Context, by model.Actor) error {
			_, err := s.store.ChangeRMA(ctx, by, r.ID, r.Version, func(r *model.RMA, c model.Ctx) error { return r.Decide(c, choice, credit, reason) })
			return err
		})
	}
	d = s.newFormDialog(lang.L("Decide on {{.No}}", map[string]any{"No": r.No}), lang.L("Record the decision"), func() { submit() })
	d.decision = NewSelect(sayNames(model.RMADecisions), nil)
	d.form.Add("Decision", lang.L("Decision"), d.decision)
	d.credit = NewEntry()
	d.credit.SetPlaceHolder(lang.L("Only for a credit"))
	d.credit.OnSubmitted = func(string) { submit() }
	d.form.Add("Credit", lang.L("Credit note amount"), d.credit)
	d.reason = NewMultiLineEntry()
	d.reason.SetPlaceHolder(lang.L("Only for a rejection; the customer reads it"))
	d.reason.SetMinRowsVisible(3)
	d.form.Add("RejectReason", lang.L("Why rejected"), d.reason)
	s.showForm(d, d.decision, submit)
}

// onShipReplacement records the shipment that replaces the goods of a
// return decided as a replacement (the model's ShipReplacement).
func (s *returnsScreen) onShipReplacement() {
	r := s.open
	if r == nil || !s.atDesk() {
		return
	}
	var d *rmaFormDialog
	submit := func() {
		carrier, tracking := strings.TrimSpace(d.carrier.Text), strings.TrimSpace(d.tracking.Text)
		s.save(d, r, func(ctx context.Context, by model.Actor) error {
			_, err := s.store.ShipReplacement(ctx, by, r.ID, r.Version, carrier, tracking)
			return err
		})
	}
	d = s.newFormDialog(lang.L("Ship the replacement for {{.No}}", map[string]any{"No": r.No}), lang.L("Ship replacement"), func() { submit() })
	d.carrier = NewEntry()
	d.carrier.OnSubmitted = func(string) { submit() }
	d.form.Add("Carrier", lang.L("Carrier"), d.carrier)
	d.tracking = NewEntry()
	d.tracking.OnSubmitted = func(string) { submit() }
	d.form.Add("TrackingNo", lang.L("Tracking no."), d.tracking)
	s.showForm(d, d.carrier, submit)
}

// onCancel cancels a return whose goods are not back yet, with the reason.
func (s *returnsScreen) onCancel() {
	r := s.open
	if r == nil || !s.atDesk() {
		return
	}
	id, version := r.ID, r.Version
	by := s.desk.Actor()
	s.cancelling = askReason(s.win, s.work, lang.L("Cancel return…"),
		lang.L("Why is {{.No}} cancelled? The return stays on record with the reason.", map[string]any{"No": r.No}),
		func(reason string) error {
			_, err := s.store.ChangeRMA(context.Background(), by, id, version, func(r *model.RMA, c model.Ctx) error { return r.Cancel(c, reason) })
			return err
		}, func() { s.reload(); s.show(id) })
	s.cancelling.confirm.SetText(lang.L("Cancel the return"))
}

// save runs a dialog's step as the person at the desk; a success reloads
// the list and the return.
func (s *returnsScreen) save(d *rmaFormDialog, r *model.RMA, step func(ctx context.Context, by model.Actor) error) {
	by, id := s.desk.Actor(), r.ID
	submitDialog(s.work, d.form, d.confirm, d.dlg,
		func(ctx context.Context) (struct{}, error) { return struct{}{}, step(ctx, by) },
		func(struct{}) { s.status.Hide(); s.reload(); s.show(id) })
}

// atDesk says who must sign first when nobody is at the desk.
func (s *returnsScreen) atDesk() bool {
	if s.desk.Employee() == nil {
		setProblemText(s.status, lang.L("Say who you are first (Desk → Switch person)."))
		return false
	}
	return true
}
