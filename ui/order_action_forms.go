package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// actionInputs builds the fields of an action dialog and reads them back,
// collecting the problems of what cannot be read (a date that is no date).
type actionInputs struct {
	d    *orderDetail
	form *FieldForm
	dlg  *actionDialog
	fe   model.FieldErrors
}

func (in *actionInputs) add(name, label string, w fyne.CanvasObject) {
	in.form.Add(name, label, w)
	if f, ok := w.(fyne.Focusable); ok && in.dlg.first == nil {
		in.dlg.first = f
	}
}

func (in *actionInputs) entry(name, label, value string) *Entry {
	e := NewEntry()
	e.SetText(value)
	e.OnSubmitted = func(string) { in.dlg.run(in.d) } // Enter confirms, as the button does
	in.add(name, label, e)
	return e
}

func (in *actionInputs) multi(name, label string) *Entry {
	e := NewMultiLineEntry()
	in.add(name, label, e)
	return e
}

func (in *actionInputs) check(name, label string, on bool) *Check {
	c := NewCheck(label, nil)
	c.SetChecked(on)
	in.add(name, "", c)
	return c
}

func (in *actionInputs) date(e *Entry, field string) model.Date {
	d, err := model.ParseDate(strings.TrimSpace(e.Text))
	if err != nil {
		in.fe.Add(field, "Enter a date as YYYY-MM-DD.")
	}
	return d
}

func (in *actionInputs) qty(e *Entry, field string) model.Qty {
	q, err := model.ParseQty(e.Text)
	if err != nil && strings.TrimSpace(e.Text) != "" {
		in.fe.Add(field, "Enter a quantity such as 120 or 12.5.")
	}
	return q
}

func (in *actionInputs) number(e *Entry, field string) int {
	n, ok := wholeNumber(e.Text)
	if !ok {
		in.fe.Add(field, "Enter a whole number.")
	}
	return n
}

func (in *actionInputs) money(e *Entry, field string) model.Money {
	m, err := model.ParseMoney(e.Text)
	if err != nil && strings.TrimSpace(e.Text) != "" {
		in.fe.Add(field, "Enter an amount such as 1200 or 1,200.50.")
	}
	return m
}

// employee is a choice of the active employees; preferred is chosen first.
func (in *actionInputs) employee(name, label string, preferred *uint) (*Select, func() model.Signer) {
	return in.choose(in.d.people, name, label, preferred)
}

// signer is a choice of the people the model says may sign gate on this
// order (its department, the CS supervisor, the salesperson): the picker
// never offers someone the rule would refuse, and shows chosen whom the
// model's PresetSigner names (the person at the desk, when eligible).
func (in *actionInputs) signer(gate model.SignOff, name, label string) (*Select, func() model.Signer) {
	v := in.d.view
	preset := v.ctx.PresetSigner(gate, v.order)
	return in.choose(v.ctx.Eligible(gate, v.order, in.d.people), name, label, &preset)
}

func (in *actionInputs) choose(people []model.Employee, name, label string, preferred *uint) (*Select, func() model.Signer) {
	opts := make([]string, len(people))
	sel := -1
	for i, e := range people {
		opts[i] = e.Display()
		if preferred != nil && e.ID == *preferred {
			sel = i
		}
	}
	s := NewSelect(opts, nil)
	if sel >= 0 {
		s.SetSelectedIndex(sel)
	}
	in.add(name, label, s)
	return s, func() model.Signer {
		if i := s.SelectedIndex(); i >= 0 && i < len(people) {
			return model.SignerOf(&people[i])
		}
		return model.Signer{}
	}
}

// contact is a choice of the customer's contacts; those allowed to sign
// are chosen first.
func (in *actionInputs) contact(name, label string) func() *model.Contact {
	contacts := in.d.view.contacts
	opts := make([]string, len(contacts))
	sel := -1
	for i, c := range contacts {
		opts[i] = c.Name
		if c.CanSign {
			opts[i] = lang.L("{{.Name}} (may sign)", map[string]any{"Name": c.Name})
			if sel < 0 {
				sel = i
			}
		}
	}
	s := NewSelect(opts, nil)
	if sel >= 0 {
		s.SetSelectedIndex(sel)
	}
	in.add(name, label, s)
	return func() *model.Contact {
		if i := s.SelectedIndex(); i >= 0 && i < len(contacts) {
			return &contacts[i]
		}
		return nil
	}
}

// line is a choice of the order's lines whose price strays (all lines when none does).
func (in *actionInputs) line(name, label string) func() int {
	o, office := in.d.view.order, in.d.view.ctx.Office
	var nos []int
	var opts []string
	for _, l := range o.Lines {
		if l.NeedsPriceConfirmation(office.PriceTolerancePct) {
			nos = append(nos, l.LineNo)
			opts = append(opts, lineText(&l))
		}
	}
	if len(nos) == 0 {
		for _, l := range o.Lines {
			nos, opts = append(nos, l.LineNo), append(opts, lineText(&l))
		}
	}
	s := NewSelect(opts, nil)
	if len(opts) > 0 {
		s.SetSelectedIndex(0)
	}
	in.add(name, label, s)
	return func() int {
		if i := s.SelectedIndex(); i >= 0 {
			return nos[i]
		}
		return 0
	}
}

func lineText(l *model.OrderLine) string {
	p := ""
	if l.Product != nil {
		p = l.Product.Code
	}
	return fmt.Sprintf("%d · %s · %s @ %s", l.LineNo, p, l.Qty, l.UnitPrice)
}

type rule = func(o *model.Order, c model.Ctx) error

// buildAction adds the fields the action's rule needs and sets how the
// rule is made from them.
func buildAction(ad *actionDialog, v *orderView) {
	in := &ad.inputs
	o := v.order
	today := v.ctx.Today().String()
	done := func(r rule) (rule, model.FieldErrors) { fe := in.fe; in.fe = nil; return r, fe }
	switch ad.act {
	case model.DoSubmit:
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.Submit(c) })
		}
	case model.DoAnswerGiven:
		note := in.multi("Note", lang.L("What was answered"))
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordAnswerGiven(c, note.Text) })
		}
	case model.DoConfirmPrice:
		line := in.line("Line", lang.L("Line"))
		_, by := in.signer(model.SignOffPrice, "ConfirmedBy", lang.L("Confirmed by"))
		note := in.entry("Note", lang.L("Note"), "")
		ad.rule = func() (rule, model.FieldErrors) {
			n, s := line(), by()
			return done(func(o *model.Order, c model.Ctx) error { return o.ConfirmPrice(c, n, s, note.Text) })
		}
	case model.DoReportPrice:
		line := in.line("Line", lang.L("Line"))
		note := in.multi("Note", lang.L("The doubt"))
		ad.rule = func() (rule, model.FieldErrors) {
			n := line()
			return done(func(o *model.Order, c model.Ctx) error { return o.ReportPriceDoubt(c, n, note.Text) })
		}
	case model.DoTechnicalCheck:
		can := in.check("CanProduce", lang.L("Can be produced as ordered"), true)
		stock := in.check("MaterialInStock", lang.L("Raw material in stock"), true)
		changed := in.check("FormulaChanged", lang.L("The process formula has changed"), false)
		insisted := in.check("OldFormulaInsisted", lang.L("The customer insists on the old formula"), false)
		conf := in.entry("OldFormulaConfirmation", lang.L("Written confirmation of the old formula"), "")
		note := in.multi("Note", lang.L("Material note"))
		_, by := in.signer(model.SignOffTechnical, "SignedBy", lang.L("Signed by"))
		ad.rule = func() (rule, model.FieldErrors) {
			t := model.TechnicalInput{CanProduce: can.Checked, MaterialInStock: stock.Checked, FormulaChanged: changed.Checked,
				OldFormulaInsisted: insisted.Checked, OldFormulaConfirmation: conf.Text, Note: note.Text, SignedBy: by()}
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordTechnicalCheck(c, t) })
		}
	case model.DoProductionDate:
		start := in.entry("ProductionDate", lang.L("Production date"), "")
		fin := in.entry("FinishedDate", lang.L("Finished-goods date (after rewinding)"), "")
		// One quantity per unit: rolls and reams are not added up.
		units, ordered := o.UnitsOf()
		qtys := map[string]*Entry{}
		for _, u := range units {
			qtys[u] = in.entry(model.ProdQtyField(u), lang.L("Quantity ({{.Unit}})", map[string]any{"Unit": lang.L(model.UnitName(u))}), ordered[u].Plain())
		}
		note := in.multi("Note", lang.L("Production terms"))
		_, by := in.signer(model.SignOffProductionDate, "SignedBy", lang.L("Signed by"))
		ad.rule = func() (rule, model.FieldErrors) {
			p := model.ProductionDateInput{ProductionDate: in.date(start, "ProductionDate"), FinishedDate: in.date(fin, "FinishedDate"),
				PerUnit: map[string]model.Qty{}, Note: note.Text, SignedBy: by()}
			for u, e := range qtys {
				p.PerUnit[u] = in.qty(e, model.ProdQtyField(u))
			}
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordProductionDate(c, p) })
		}
	case model.DoLoosenDate:
		to := in.entry("To", lang.L("New promised date"), "")
		reason := in.entry("Reason", lang.L("Reason"), "")
		_, by := in.employee("AgreedBy", lang.L("Agreed by"), o.SalespersonID)
		ad.rule = func() (rule, model.FieldErrors) {
			d, s := in.date(to, "To"), by()
			return done(func(o *model.Order, c model.Ctx) error { return o.LoosenPromisedDate(c, d, reason.Text, s) })
		}
	case model.DoIssueConfirmation:
		// The revision names its PDF, written and opened once it is recorded.
		doc := ad.inputs.d.nextConfirmationPath(o)
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.IssueConfirmation(c, doc) })
		}
	case model.DoRecordFax:
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordFaxSent(c) })
		}
	case model.DoConfirmLegible:
		who := in.entry("SpokeWith", lang.L("Confirmed by (at the customer)"), contactName(o))
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.ConfirmFaxLegible(c, who.Text) })
		}
	case model.DoSignBack:
		who := in.contact("Contact", lang.L("Signed by"))
		stamped := in.check("Stamped", lang.L("Carries the company stamp"), false)
		problems := in.multi("Problems", lang.L("Problems on the returned copy"))
		// Problems send the order back to Checking: never by a note typed
		// in passing.
		ad.ask = func() string {
			if strings.TrimSpace(problems.Text) == "" {
				return ""
			}
			return lang.L("With problems on the returned copy, {{.No}} goes back to Checking to be corrected and confirmed again. Send it back?", map[string]any{"No": o.No})
		}
		ad.rule = func() (rule, model.FieldErrors) {
			s := model.SignBackInput{Contact: who(), Stamped: stamped.Checked, Problems: problems.Text}
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordSignBack(c, s) })
		}
	case model.DoRevise, model.DoHold, model.DoCancel:
		reason := in.multi("Reason", lang.L("Reason"))
		act := ad.act
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error {
				switch act {
				case model.DoRevise:
					return o.Revise(c, reason.Text)
				case model.DoHold:
					return o.Hold(c, reason.Text)
				}
				return o.Cancel(c, reason.Text)
			})
		}
	case model.DoDeposit, model.DoBalancePayment:
		kind, owed := model.PaymentDeposit, o.DepositDue-o.DepositPaid
		if ad.act == model.DoBalancePayment {
			kind, owed = model.PaymentBalance, o.BalanceDueWithTax(v.ctx.Office)
		}
		amount := in.entry("Amount", lang.L("Amount received"), owed.Plain())
		on := in.entry("ReceivedOn", lang.L("Received on"), today)
		ref := in.entry("Reference", lang.L("Reference"), "")
		ad.rule = func() (rule, model.FieldErrors) {
			m, d := in.money(amount, "Amount"), in.date(on, "ReceivedOn")
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordPayment(c, kind, m, d, ref.Text) })
		}
	case model.DoRelease:
		_, by := in.signer(model.SignOffProductionOrder, "ProductionSigner", lang.L("Signed for production by"))
		copyTech := in.check("CopyToTech", lang.L("Copy given to the technical department"), true)
		ad.rule = func() (rule, model.FieldErrors) {
			s := by()
			return done(func(o *model.Order, c model.Ctx) error { return o.ReleaseProduction(c, s, copyTech.Checked) })
		}
	case model.DoCopyToTech:
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordCopyToTechnical(c) })
		}
	case model.DoProgress:
		day := in.entry("Day", lang.L("Day"), today)
		made := in.entry("Made", lang.L("Quantity made"), "")
		finished := in.check("Finished", lang.L("Production finished"), false)
		note := in.entry("Note", lang.L("Note"), "")
		ad.rule = func() (rule, model.FieldErrors) {
			d, q := in.date(day, "Day"), in.qty(made, "Made")
			return done(func(o *model.Order, c model.Ctx) error { return o.RecordProgress(c, d, q, finished.Checked, note.Text) })
		}
	case model.DoException:
		_, by := in.employee("ReportedBy", lang.L("Reported by"), nil)
		desc := in.multi("Description", lang.L("What happened"))
		ad.rule = func() (rule, model.FieldErrors) {
			s := by()
			return done(func(o *model.Order, c model.Ctx) error { return o.ReportException(c, s, desc.Text) })
		}
	case model.DoQC:
		buildQC(ad, v)
	case model.DoBalanceNotice:
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.IssueBalanceNotice(c) })
		}
	case model.DoFinance:
		_, by := in.signer(model.SignOffFinance, "SignedBy", lang.L("Signed by (finance)"))
		note := in.entry("Note", lang.L("Note"), "")
		ad.rule = func() (rule, model.FieldErrors) {
			s := by()
			return done(func(o *model.Order, c model.Ctx) error { return o.ClearFinance(c, s, note.Text) })
		}
	case model.DoEmergency:
		_, by := in.signer(model.SignOffEmergency, "Supervisor", lang.L("Authorised by"))
		reason := in.multi("Reason", lang.L("Reason"))
		ad.rule = func() (rule, model.FieldErrors) {
			s := by()
			return done(func(o *model.Order, c model.Ctx) error { return o.AuthoriseEmergencyShipping(c, s, reason.Text) })
		}
	case model.DoShipmentRequest:
		to := in.multi("ShipTo", lang.L("Deliver to"))
		to.SetText(o.ShipToAddress())
		receiver := in.entry("Receiver", lang.L("Receiver"), contactName(o))
		phone := in.entry("Phone", lang.L("Receiver's phone"), contactPhone(o))
		checked := in.check("Checked", lang.L("I re-checked address, receiver and contact against the order"), false)
		note := in.entry("Note", lang.L("Note"), "")
		ad.shipment = func() model.ShipmentRequestInput {
			return model.ShipmentRequestInput{ShipTo: to.Text, Receiver: receiver.Text, Phone: phone.Text, Checked: checked.Checked, Note: note.Text}
		}
	case model.DoShipped:
		// The same shipment the Shipping screen records (the whole order,
		// or what the clerk changes to ship part of it).
		form := newShipmentForm(in, o, model.Remaining(o, v.shipments), v.ctx.Today())
		ad.ship = func() (model.ShipmentInput, model.FieldErrors) {
			s := form.input(in)
			fe := in.fe
			in.fe = nil
			return s, fe
		}
	case model.DoDelivered:
		buildArrival(ad, v, today)
	case model.DoResume:
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.Resume(c) })
		}
	case model.DoDecline:
		reason := in.multi("Reason", lang.L("Reason"))
		sampling := in.entry("SamplingRequest", lang.L("New-product sampling request"), "")
		ad.rule = func() (rule, model.FieldErrors) {
			return done(func(o *model.Order, c model.Ctx) error { return o.Decline(c, reason.Text, sampling.Text) })
		}
	}
}

// buildQC adds the counted quantity of each line and the three checks.
func buildQC(ad *actionDialog, v *orderView) {
	in := &ad.inputs
	counted := map[int]*Entry{}
	for _, l := range v.order.Lines {
		counted[l.LineNo] = in.entry(LineField("Produced", l.LineNo), lang.L("Line {{.Line}} counted", map[string]any{"Line": l.LineNo}), l.Qty.Plain())
	}
	qty := in.check("QuantityOK", lang.L("Quantity within tolerance"), true)
	pack := in.check("PackagingOK", lang.L("Packaging as ordered"), true)
	labels := in.check("LabelsOK", lang.L("Labels correct"), true)
	_, by := in.signer(model.SignOffQC, "Inspector", lang.L("QC inspector"))
	note := in.entry("Note", lang.L("Note"), "")
	ad.rule = func() (rule, model.FieldErrors) {
		q := model.QCInput{Produced: map[int]model.Qty{}, QuantityOK: qty.Checked, PackagingOK: pack.Checked,
			LabelsOK: labels.Checked, Inspector: by(), Note: note.Text}
		for no, e := range counted {
			q.Produced[no] = in.qty(e, LineField("Produced", no))
		}
		fe := in.fe
		in.fe = nil
		return func(o *model.Order, c model.Ctx) error { return o.RecordQC(c, q) }, fe
	}
}

func contactName(o *model.Order) string {
	if o.Contact != nil {
		return o.Contact.Name
	}
	return ""
}

func contactPhone(o *model.Order) string {
	if o.Contact == nil {
		return ""
	}
	if o.Contact.Phone != "" {
		return o.Contact.Phone
	}
	return o.Contact.Mobile
}
