package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// read returns the order as the form now stands, and the problems found
// reading the widgets themselves (a date that is no date).
func (f *intakeForm) read() (*model.Order, model.FieldErrors) {
	var fe model.FieldErrors
	o := &model.Order{State: model.StateDraft, Currency: "TWD"}
	if f.stored != nil {
		c := *f.stored
		o = &c
	}
	o.Channel = f.channelValue()
	o.CustomerID, o.Customer = 0, nil
	if f.cust != nil {
		o.CustomerID, o.Customer, o.Currency = f.cust.ID, f.cust, f.cust.Currency
	}
	o.ContactID, o.Contact = nil, nil
	if i := f.contact.SelectedIndex(); i > 0 && i <= len(f.contacts) {
		ct := f.contacts[i-1]
		o.ContactID, o.Contact = &ct.ID, &ct
	}
	o.SalespersonID, o.Salesperson = f.salespersonID(), nil
	o.CallerName, o.CallbackNumber = strings.TrimSpace(f.caller.Text), strings.TrimSpace(f.callback.Text)
	o.CustomerPO, o.Memo = strings.TrimSpace(f.po.Text), f.memo.Text
	o.PaymentMethod, o.ShipTo = strings.TrimSpace(f.payment.Text), strings.TrimSpace(f.shipTo.Text)
	o.Packaging, o.SpecialRequirements = strings.TrimSpace(f.packaging.Text), strings.TrimSpace(f.special.Text)
	o.DeliveryTerms = f.incoterm.get()
	var err error
	if o.RequestedDate, err = model.ParseDate(strings.TrimSpace(f.requested.Text)); err != nil {
		fe.Add("RequestedDate", "Enter a date as YYYY-MM-DD.")
	}
	o.TolerancePct = nil
	if t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f.tolerance.Text), "±")); t != "" {
		if n, err := strconv.Atoi(strings.TrimSuffix(t, "%")); err == nil {
			o.TolerancePct = &n
		} else {
			fe.Add("TolerancePct", "Enter a whole number from 0 to 50.")
		}
	}
	o.AnswerPromisedBy = nil
	if a := strings.TrimSpace(f.answerBy.Text); a != "" {
		if t, err := time.ParseInLocation("2006-01-02 15:04", a, f.store.Location()); err == nil {
			o.AnswerPromisedBy = &t
		} else {
			fe.Add("AnswerPromisedBy", "Enter a time as YYYY-MM-DD HH:MM, or use a quick pick.")
		}
	}
	o.Lines = f.lines.read(&fe)
	if o.ReceivedAt.IsZero() {
		o.ReceivedAt = f.store.Now()
	}
	return o, fe
}

// showMissing refreshes the completeness list: what the confirmation still
// lacks, as the model lists it, each item a link to its field.
func (f *intakeForm) showMissing() {
	o, _ := f.read()
	var objs []fyne.CanvasObject
	for _, m := range o.MissingForConfirmation(f.office) {
		target := f.fieldWidget(m)
		l := newTapLabel("• "+Say(m.Msg), func() {
			if target != nil {
				f.win.Canvas().Focus(target)
			}
		})
		objs = append(objs, l)
	}
	if len(objs) == 0 {
		objs = append(objs, newTapLabel(lang.L("Nothing: the confirmation can be printed."), nil))
	}
	f.missing.Objects = objs
	f.missing.Refresh()
	setProblemText(f.whoCalls, Say(o.WhoMustCall()))
}

// fieldWidget returns the input a missing item is about, or nil.
func (f *intakeForm) fieldWidget(m model.Missing) fyne.Focusable {
	if m.Line > 0 {
		return f.lines.widget(m.Line, m.Field)
	}
	switch m.Field {
	case "CustomerID":
		return f.customer
	case "ContactID":
		return f.contact
	case "PaymentMethod":
		return f.payment
	case "RequestedDate":
		return f.requested
	case "ShipTo":
		return f.shipTo
	case "TolerancePct":
		return f.tolerance
	case "Packaging":
		return f.packaging
	case "Lines":
		return f.lines.rows[0].product
	}
	return nil
}

// showErrors puts each problem under its field, on whichever part of the form holds it.
func (f *intakeForm) showErrors(fe model.FieldErrors) {
	var main, terms model.FieldErrors
	for _, e := range f.lines.showErrors(fe) {
		if _, ok := f.terms.byName[e.Field]; ok {
			terms = append(terms, e)
		} else {
			main = append(main, e)
		}
	}
	f.fields.place(main)
	f.terms.place(terms)
	// The first problem in reading order is brought into view: the
	// intake's fields, then the lines, then the terms.
	if f.fields.showFirstProblem() {
		return
	}
	for _, l := range f.lines.rows {
		if l.problem.Visible() {
			keepObjectInView(nil, l.row)
			return
		}
	}
	f.terms.showFirstProblem()
}

// save stores the order (a new draft, or the changes to a saved one) as
// the clerk at the desk; submit then moves it to checking, which the model
// refuses while the memo is incomplete.
func (f *intakeForm) save(submit bool) {
	if f.desk.Employee() == nil {
		f.status.SetText(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	o, fe := f.read()
	for _, l := range o.Lines {
		if l.ProductID == 0 {
			fe.Add("ProductID", "Line {{.Line}}: choose the product.", "Line", l.LineNo)
		}
	}
	if len(fe) > 0 {
		f.showErrors(fe)
		f.status.SetText(lang.L("Nothing was saved: see the problems marked."))
		return
	}
	by, stored := f.desk.Actor(), f.stored
	f.saveBtn.Disable()
	f.submit.Disable()
	f.work.Go(func() func() {
		ctx := context.Background()
		var out *model.Order
		var err error
		if stored == nil {
			if err = f.store.CreateOrder(ctx, by, o); err == nil {
				out = o
			}
		} else {
			out, err = f.store.SaveIntake(ctx, by, o)
		}
		var submitErr error
		if err == nil && submit && out.State == model.StateDraft {
			if _, submitErr = f.store.Apply(ctx, by, out.ID, out.Version, func(o *model.Order, c model.Ctx) error { return o.Submit(c) }); submitErr == nil {
				_ = f.store.DiscardDraft(ctx, by, intakeDraftForm, draftKey(out))
			}
		}
		if err == nil {
			_ = f.store.DiscardDraft(ctx, by, intakeDraftForm, draftKey(stored))
			out, err = f.store.Order(ctx, out.ID)
		}
		return func() {
			f.saveBtn.Enable()
			f.submit.Enable()
			f.saved(out, err, submit, submitErr)
		}
	})
}

// saved shows the outcome of a save.
func (f *intakeForm) saved(o *model.Order, err error, submit bool, submitErr error) {
	var fe model.FieldErrors
	switch {
	case errors.As(err, &fe):
		f.showErrors(fe)
		f.status.SetText(SayErr(err))
		return
	case err != nil:
		f.status.SetText(SayErr(err))
		return
	}
	f.fields.Clear()
	f.terms.Clear()
	f.lines.showErrors(nil)
	f.stored = o
	f.lines.setIDs(o.Lines)
	f.changed, f.drafted = false, false
	f.timer.Stop()
	f.setHeading(lang.L("Intake of {{.No}}", map[string]any{"No": o.No}))
	switch {
	case submit && submitErr == nil:
		f.done(o.ID)
	case submit:
		f.status.SetText(lang.L("Saved as {{.No}}, still a draft: {{.Reason}}", map[string]any{"No": o.No, "Reason": SayErr(submitErr)}))
	default:
		f.status.SetText(strings.TrimSpace(lang.L("Saved as draft {{.No}}.", map[string]any{"No": o.No}) + " " + unprintableWarning(o)))
	}
}

// draftKey tells the drafts of the intake apart: "new", or the order's id.
func draftKey(o *model.Order) string {
	if o == nil || o.ID == 0 {
		return "new"
	}
	return strconv.FormatUint(uint64(o.ID), 10)
}
