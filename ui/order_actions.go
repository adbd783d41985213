package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/reports"
)

// actionLabel returns the button text of an order action.
func actionLabel(a model.Action) string {
	switch a {
	case model.DoEdit:
		return lang.L("Edit intake")
	case model.DoSubmit:
		return lang.L("Submit for checking")
	case model.DoAnswerGiven:
		return lang.L("Answer given to the customer")
	case model.DoConfirmPrice:
		return lang.L("Record price confirmation")
	case model.DoReportPrice:
		return lang.L("Report price doubt")
	case model.DoTechnicalCheck:
		return lang.L("Technical check")
	case model.DoProductionDate:
		return lang.L("Production date note")
	case model.DoLoosenDate:
		return lang.L("Loosen promised date")
	case model.DoIssueConfirmation:
		return lang.L("Confirmation checked and issued")
	case model.DoRecordFax:
		return lang.L("Confirmation faxed")
	case model.DoConfirmLegible:
		return lang.L("Fax received legibly")
	case model.DoSignBack:
		return lang.L("Sign-back received")
	case model.DoRevise:
		return lang.L("New revision")
	case model.DoDeposit:
		return lang.L("Deposit received")
	case model.DoRelease:
		return lang.L("Release production")
	case model.DoCopyToTech:
		return lang.L("Copy to technical department")
	case model.DoProgress:
		return lang.L("Progress entry")
	case model.DoException:
		return lang.L("Production exception")
	case model.DoQC:
		return lang.L("QC result")
	case model.DoBalanceNotice:
		return lang.L("Balance notice issued")
	case model.DoBalancePayment:
		return lang.L("Balance received")
	case model.DoFinance:
		return lang.L("Finance clearance")
	case model.DoEmergency:
		return lang.L("Authorise shipping before paperwork")
	case model.DoShipmentRequest:
		return lang.L("Issue shipment request")
	case model.DoShipped:
		return lang.L("Shipped")
	case model.DoDelivered:
		return lang.L("Arrival receipt signed")
	case model.DoHold:
		return lang.L("Put on hold")
	case model.DoResume:
		return lang.L("Resume")
	case model.DoCancel:
		return lang.L("Cancel order")
	case model.DoDecline:
		return lang.L("Decline order")
	}
	return ""
}

// orderActions is the panel of every action of the procedure: those the
// model allows now as buttons, those it refuses disabled with its reason.
type orderActions struct {
	box     *fyne.Container
	buttons map[model.Action]*widget.Button
	reasons map[model.Action]*widget.Label
	open    *actionDialog // the open dialog, for tests

	detail *orderDetail
}

func newOrderActions(d *orderDetail) *orderActions {
	a := &orderActions{box: container.NewVBox(), buttons: map[model.Action]*widget.Button{},
		reasons: map[model.Action]*widget.Label{}, detail: d}
	for _, act := range panelActions() {
		b := widget.NewButton(actionLabel(act), func() { a.start(act) })
		b.Alignment = widget.ButtonAlignLeading
		r := widget.NewLabel("")
		r.Wrapping = fyne.TextWrapWord
		a.buttons[act], a.reasons[act] = b, r
	}
	return a
}

// show asks the model, for each action, whether it is allowed now: the
// allowed ones come first, then the refused ones with the model's reason.
func (a *orderActions) show(v *orderView) {
	var allowed, refused []fyne.CanvasObject
	for _, act := range panelActions() {
		b, r := a.buttons[act], a.reasons[act]
		if err := v.order.Allowed(act, v.ctx); err != nil {
			b.Disable()
			b.Importance = widget.LowImportance
			r.SetText(SayErr(err))
			r.Show()
			refused = append(refused, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(250, b.MinSize().Height), b), nil, r))
			continue
		}
		b.Enable()
		b.Importance = widget.HighImportance
		r.SetText("")
		r.Hide()
		allowed = append(allowed, b)
	}
	if len(allowed) == 0 {
		allowed = append(allowed, widget.NewLabel(lang.L("Nothing can be done on this order now.")))
	}
	a.box.Objects = append(append(allowed, widget.NewLabelWithStyle(lang.L("Not possible now"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), refused...)
	a.box.Refresh()
}

// panelActions are the actions the panel offers: editing the intake, then
// every step of the procedure.
func panelActions() []model.Action { return append([]model.Action{model.DoEdit}, model.Actions...) }

// start opens the dialog of an action, or runs it at once when it needs no input.
func (a *orderActions) start(act model.Action) {
	d := a.detail
	if d.view == nil {
		return
	}
	if d.desk.Employee() == nil {
		setProblemText(d.status, lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	if act == model.DoEdit {
		if d.onEdit != nil {
			d.onEdit(d.view.order)
		}
		return
	}
	a.open = newActionDialog(d, act)
}

// actionDialog is the small dialog of one action: the fields the model's
// rule needs, its problems next to them, and the rule run on confirm.
type actionDialog struct {
	act     model.Action
	fields  *FieldForm
	confirm *widget.Button
	cancel  *widget.Button
	dialog  *dialog.CustomDialog
	inputs  actionInputs
	first   fyne.Focusable

	// rule builds the model rule from what was typed; problems reading the
	// inputs (a date that is no date) come back as field errors.
	rule func() (func(o *model.Order, c model.Ctx) error, model.FieldErrors)
	// shipment is set for the shipment request, which the store numbers.
	shipment func() model.ShipmentRequestInput
	// ship is set for the "Shipped" step: a shipment, recorded as Shipping does.
	ship func() (model.ShipmentInput, model.FieldErrors)
	// save is set for a step recorded on one of the order's shipments (the
	// arrival and its receipt), through the store call Shipping makes.
	save func() (func(ctx context.Context, by model.Actor) error, model.FieldErrors)
	// blocked is set when the step has nothing to record (Other says why).
	blocked bool
	// ask, when set, is the question to ask before the step is recorded
	// ("" to ask nothing): a step that does more than its name says.
	ask func() string
	// question is the open question of ask, for tests.
	question *dialog.ConfirmDialog
	// conflict is the open offer to reload after a stale save, for tests.
	conflict *dialog.ConfirmDialog
}

func newActionDialog(d *orderDetail, act model.Action) *actionDialog {
	ad := &actionDialog{act: act, fields: NewFieldForm(), inputs: actionInputs{d: d}}
	ad.inputs.form, ad.inputs.dlg = ad.fields, ad
	buildAction(ad, d.view)
	ad.confirm = widget.NewButton(actionLabel(act), func() { ad.run(d) })
	ad.confirm.Importance = widget.HighImportance
	if ad.blocked {
		ad.confirm.Disable()
	}
	ad.cancel = widget.NewButton(lang.L("Cancel"), func() { ad.dialog.Hide() })
	content := ad.fields.Content()
	if len(ad.fields.fields) == 0 && !ad.blocked {
		content = container.NewVBox(ad.fields.Other, widget.NewLabel(lang.L("Record this step on {{.No}}?", map[string]any{"No": d.view.order.No})))
	}
	ad.dialog = dialog.NewCustomWithoutButtons(actionLabel(act), content, d.win)
	ad.dialog.SetButtons([]fyne.CanvasObject{ad.cancel, ad.confirm})
	ad.dialog.Resize(fyne.NewSize(560, 200))
	showConfirmable(d.win, ad.dialog, func() {
		if !ad.confirm.Disabled() {
			ad.run(d)
		}
	})
	if ad.first != nil {
		d.win.Canvas().Focus(ad.first)
	}
	return ad
}

// run applies the action's rule through the store as the clerk at the
// desk; a refusal stays in the dialog, a success reloads the order.
func (ad *actionDialog) run(d *orderDetail) {
	o, by := d.view.order, d.desk.Actor()
	var rule func(o *model.Order, c model.Ctx) error
	var fe model.FieldErrors
	var ship model.ShipmentInput
	if ad.rule != nil {
		rule, fe = ad.rule()
	}
	if ad.ship != nil {
		ship, fe = ad.ship()
	}
	var save func(ctx context.Context, by model.Actor) error
	if ad.save != nil {
		save, fe = ad.save()
	}
	if len(fe) > 0 {
		ad.fields.ShowFieldErrors(fe)
		return
	}
	if ad.ask != nil {
		if text := ad.ask(); text != "" {
			d.win.Canvas().Unfocus() // Enter answers the question, not the field typed in last
			ad.question = askYesNo(d.win, actionLabel(ad.act), text, func() { ad.submit(d, o, by, rule, ship, save) })
			return
		}
	}
	ad.submit(d, o, by, rule, ship, save)
}

// submit records the step through the store.
func (ad *actionDialog) submit(d *orderDetail, o *model.Order, by model.Actor, rule func(o *model.Order, c model.Ctx) error,
	ship model.ShipmentInput, save func(ctx context.Context, by model.Actor) error) {
	submitDialogOr(&d.work, ad.fields, ad.confirm, ad.dialog,
		func(ctx context.Context) (struct{}, error) {
			var err error
			switch {
			case ad.shipment != nil:
				_, err = d.store.IssueShipmentRequest(ctx, by, o.ID, o.Version, ad.shipment())
			case ad.ship != nil:
				_, err = d.store.CreateShipment(ctx, by, ship)
			case save != nil:
				err = save(ctx, by)
			default:
				_, err = d.store.Apply(ctx, by, o.ID, o.Version, rule)
			}
			return struct{}{}, err
		},
		func(struct{}) {
			// The store's change notice reloads the order here and in every
			// section showing it (ui/notices.go): no second load of our own.
			if ad.act == model.DoIssueConfirmation {
				d.printDoc(reports.Request{Kind: reports.KindConfirmation}, verbOpen) // to fax to the customer
			}
		},
		func(err error) {
			var c *model.ConflictError
			if errors.As(err, &c) { // the order changed since it was shown: read it again
				ad.conflict = conflictDialog(d.win, c, func() { ad.dialog.Hide(); d.open(o.ID) })
			}
		})
}
