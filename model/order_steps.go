package model

import (
	"fmt"
	"time"
)

// Step is one gate of seed 002 as the order screen's gate panel shows it:
// done (by whom, when), not needed for this order, or still owed (what is
// missing and who owes it), and whether it is overdue.
type Step struct {
	// Name is the step's English name, the key of its translation.
	Name string
	Done bool
	// NotNeeded: the procedure skips this step for this order (tier A needs
	// no balance notice; no answer was promised).
	NotNeeded bool
	By        string
	At        *time.Time
	// OnDay says At is a calendar day (a payment's, a ship or arrival date),
	// with no time of day.
	OnDay bool
	// Missing says what the step still lacks; Owes who must act.
	Missing []Msg
	Owes    Msg
	// Gate is the overdue gate this step is watched at ("" when none).
	Gate    Gate
	Overdue bool
}

// StepNames lists the names Steps gives, in the order of the procedure.
var StepNames = []string{"Intake memo complete", "Answer to the customer", "Price check", "Technical check",
	"Production date note", "Confirmation faxed", "Received legibly", "Signed confirmation", "Deposit",
	"Production released", "Production finished", "QC inspection and stock-in", "Balance collection notice",
	"Finance clearance", "Shipment request", "Shipped", "Arrival receipt signed"}

// Steps returns the order's gates in the order of the procedure, each with
// its signature when done, or what is missing and who owes it; events are
// the order's history (for steps whose record is an event), now the time in
// the office's time zone for the overdue gates. Each step is read by its own
// function in orderSteps, as Allowed leaves each action's gate to its case.
func (o *Order) Steps(office Office, events []Event, now time.Time) []Step {
	overdue := map[Gate]bool{}
	for _, g := range o.Summary().Overdue(now) {
		overdue[g] = true
	}
	closed := o.State == StateCancelled || o.State == StateDeclined
	c := stepCtx{office: office, events: events, now: now, clerk: M("Owed by the clerk"), salesperson: M("Owed by the salesperson")}
	if o.Salesperson != nil {
		c.salesperson = M("Owed by {{.Name}} (salesperson)", "Name", o.Salesperson.Name)
	}
	if o.Clerk != nil {
		c.clerk = M("Owed by {{.Name}} (clerk)", "Name", o.Clerk.Name)
	}
	out := make([]Step, 0, len(orderSteps))
	for _, step := range orderSteps {
		s := step(o, c)
		s.Overdue = s.Gate != "" && overdue[s.Gate] && !s.Done
		if closed && !s.Done {
			s.Missing, s.Owes = nil, Msg{}
		}
		out = append(out, s)
	}
	return out
}

// orderSteps read the steps of StepNames, in its order.
var orderSteps = []func(*Order, stepCtx) Step{
	(*Order).intakeStep, (*Order).answerStep, (*Order).priceStep, (*Order).techStep,
	(*Order).prodDateStep, (*Order).faxStep, (*Order).legibleStep, (*Order).signBackStep,
	(*Order).depositStep, (*Order).releaseStep, (*Order).madeStep, (*Order).qcStep,
	(*Order).balanceStep, (*Order).financeStep, (*Order).requestStep, (*Order).shippedStep,
	(*Order).arrivedStep,
}

// stepCtx is what the steps read besides the order.
type stepCtx struct {
	office Office
	events []Event
	now    time.Time
	// clerk and salesperson say who owes a step of theirs, by name when known.
	clerk, salesperson Msg
}

// signedBy marks s done when g is signed, with its signer and time.
func (s *Step) signedBy(g Signature) {
	if g.Signed() {
		s.Done, s.By, s.At = true, g.By, g.At
	}
}

// intakeStep is steps 1–3: the intake memo, checked field by field.
func (o *Order) intakeStep(c stepCtx) Step {
	intake := Step{Name: StepNames[0]}
	if o.State != StateDraft {
		if e := findEvent(c.events, func(e Event) bool { return e.From == string(StateDraft) && e.To == string(StateChecking) }); e != nil {
			intake.Done, intake.By, intake.At = true, e.By, &e.At
		}
	}
	if !intake.Done && o.State == StateDraft {
		for _, m := range o.MissingForChecking() {
			intake.Missing = append(intake.Missing, m.Msg)
		}
		intake.Owes = c.clerk
		if call := o.WhoMustCall(); !call.IsZero() {
			intake.Owes = call
		}
		if len(intake.Missing) == 0 {
			intake.Missing = []Msg{M("Complete: submit it for checking.")}
		}
	}
	return intake
}

// answerStep is step 4: the answer promised to the customer.
func (o *Order) answerStep(c stepCtx) Step {
	answer := Step{Name: StepNames[1], Gate: GateAnswer}
	switch {
	case o.AnswerPromisedBy == nil:
		answer.NotNeeded = true
	case o.AnswerGivenAt != nil:
		answer.Done, answer.By, answer.At = true, o.AnswerGivenBy, o.AnswerGivenAt
	default:
		answer.Missing, answer.Owes = []Msg{M("Promised by {{.Time}}.", "Time", o.AnswerPromisedBy.In(c.now.Location()).Format("2006-01-02 15:04"))}, c.clerk
	}
	return answer
}

// priceStep is step 5: prices against the plan and the last price.
func (o *Order) priceStep(c stepCtx) Step {
	price := Step{Name: StepNames[2], Done: true}
	for _, l := range o.Lines {
		if !l.CheckPrice(c.office.PriceTolerancePct).Beyond {
			continue
		}
		if l.PriceConfirmed.Signed() {
			price.By, price.At = l.PriceConfirmed.By, l.PriceConfirmed.At
			continue
		}
		price.Done = false
		price.Missing = append(price.Missing, M("Line {{.Line}}: the price differs from the price plan or the last price; the salesperson must confirm it.", "Line", l.LineNo))
		price.Owes = c.salesperson
	}
	if len(o.Lines) == 0 {
		price.Done = false
	}
	return price
}

// techStep is the technical department's signed check.
func (o *Order) techStep(stepCtx) Step {
	tech := Step{Name: StepNames[3]}
	tech.signedBy(o.Tech.Signed)
	if !tech.Done {
		tech.Missing, tech.Owes = []Msg{M("The technical department has not signed the technical check.")}, M("Owed by the technical department")
	} else if !o.Tech.CanProduce {
		tech.Missing = []Msg{M("The technical check says this cannot be produced: propose an alternative or new-product sampling, or decline the order.")}
	}
	return tech
}

// prodDateStep is production's signed date note.
func (o *Order) prodDateStep(stepCtx) Step {
	prod := Step{Name: StepNames[4]}
	prod.signedBy(o.ProdDate.Signed)
	if !prod.Done {
		prod.Missing, prod.Owes = []Msg{M("Production has not signed the production date note.")}, M("Owed by production")
	}
	return prod
}

// faxedRevision returns the current revision once it has been faxed (nil before).
func (o *Order) faxedRevision() *ConfirmationRevision {
	if r := o.Revision(); r != nil && r.Faxed() {
		return r
	}
	return nil
}

// faxStep is the current revision of the confirmation, faxed.
func (o *Order) faxStep(c stepCtx) Step {
	fax := Step{Name: StepNames[5]}
	if r := o.faxedRevision(); r != nil {
		fax.Done, fax.By, fax.At = true, r.FaxedBy, r.FaxedAt
	} else {
		fax.Missing, fax.Owes = []Msg{M("Print the confirmation, check it and fax it.")}, c.clerk
	}
	return fax
}

// legibleStep is the customer's word that the fax arrived legibly.
func (o *Order) legibleStep(c stepCtx) Step {
	legible := Step{Name: StepNames[6]}
	if r := o.faxedRevision(); r != nil {
		legible.signedBy(r.Legible)
		if !legible.Done && r.Problems == "" {
			// The signed copy came back readable: the fax plainly arrived
			// legibly, and nobody calls to ask after the answer is in.
			legible.signedBy(r.SignedBack)
		}
	}
	if !legible.Done {
		legible.Missing, legible.Owes = []Msg{M("Call the customer to confirm the fax arrived legibly.")}, c.clerk
	}
	return legible
}

// signBackStep is the signed confirmation back from the customer, and the
// slip of the promised date while it is late.
func (o *Order) signBackStep(c stepCtx) Step {
	sign := Step{Name: StepNames[7], Gate: GateSignBack}
	if r := o.faxedRevision(); r != nil {
		sign.signedBy(r.SignedBack)
		if sign.Done && r.Problems != "" {
			sign.Done = false
			sign.Missing = []Msg{M("Revision {{.Rev}} came back with problems: {{.Problems}}", "Rev", r.Rev, "Problems", r.Problems)}
		}
	}
	switch {
	case sign.Done || o.SignBackOwedSince == nil:
	case o.Release.BeforeSignBack:
		sign.Missing = append(sign.Missing, M("Tier A: production was released before the signed confirmation; it is still owed."))
	default:
		// The slip as of now, even if the hourly run has not recorded it yet.
		live := *o
		live.ApplySlip(Ctx{By: System, Now: c.now, Office: c.office})
		sign.Missing = append(sign.Missing, M("Faxed {{.Date}}; {{.Days}} days late, the promised date has slipped to {{.Promised}}.",
			"Date", DateOf(o.SignBackOwedSince.In(c.now.Location())).String(), "Days", live.SlipDays, "Promised", live.PromisedDate.String()))
	}
	if !sign.Done {
		sign.Owes = M("Owed by the customer")
	}
	return sign
}

// depositStep is the deposit, when the customer owes one.
func (o *Order) depositStep(c stepCtx) Step {
	deposit := Step{Name: StepNames[8], Gate: GateDeposit}
	switch {
	case o.DepositDue > 0 && o.DepositPaid >= o.DepositDue:
		deposit.Done = true
		if p := o.lastPayment(PaymentDeposit); p != nil {
			t := p.ReceivedOn.Time(c.now.Location())
			deposit.At, deposit.OnDay = &t, true
		}
	case o.DepositDue > 0:
		deposit.Missing = []Msg{M("{{.Paid}} of {{.Due}} received.", "Paid", FormatMoney(o.DepositPaid, o.Currency), "Due", FormatMoney(o.DepositDue, o.Currency))}
		deposit.Owes = M("Owed by the customer")
	case o.Tier() != TierA && o.Customer != nil && o.Customer.DepositPercent > 0 && o.CurrentRev == 0:
		deposit.Missing = []Msg{M("{{.Pct}}% of the total, due once the confirmation is issued.", "Pct", o.Customer.DepositPercent)}
		deposit.Owes = M("Owed by the customer")
	default:
		deposit.NotNeeded = true
	}
	return deposit
}

// releaseStep is production released, signed by the clerk (and production).
func (o *Order) releaseStep(c stepCtx) Step {
	release := Step{Name: StepNames[9]}
	release.signedBy(o.Release.ClerkSigned)
	if release.Done && o.Release.ProductionSigned.Signed() {
		release.By = fmt.Sprintf("%s, %s", o.Release.ClerkSigned.By, o.Release.ProductionSigned.By)
	}
	if !release.Done {
		release.Owes = c.clerk
	}
	return release
}

// madeStep is production finished, watched against the promised date.
func (o *Order) madeStep(stepCtx) Step {
	made := Step{Name: StepNames[10], Gate: GateProduction, Done: o.ProdDone != nil, At: o.ProdDone}
	if !made.Done {
		made.Owes = M("Owed by production")
		if !o.PromisedDate.IsZero() {
			made.Missing = []Msg{M("Promised for {{.Date}}.", "Date", o.PromisedDate.String())}
		}
	}
	return made
}

// qcStep is the QC inspection and stock-in.
func (o *Order) qcStep(stepCtx) Step {
	qc := Step{Name: StepNames[11], Gate: GateQC}
	if o.QC.StockedInAt != nil {
		qc.Done, qc.By, qc.At = true, o.QC.Inspector.By, o.QC.StockedInAt
	} else {
		qc.Owes = M("Owed by QC")
		if o.QC.Failures > 0 {
			qc.Missing = []Msg{M("{{.N}} inspections failed; inspect again.", "N", o.QC.Failures)}
		}
	}
	return qc
}

// balanceStep is the balance collection notice (tier A needs none).
func (o *Order) balanceStep(c stepCtx) Step {
	balance := Step{Name: StepNames[12]}
	if o.Tier() == TierA {
		balance.NotNeeded = true
		return balance
	}
	balance.signedBy(o.Balance.IssuedBy)
	if !balance.Done {
		balance.Owes = c.clerk
	}
	return balance
}

// financeStep is finance's clearance.
func (o *Order) financeStep(stepCtx) Step {
	fin := Step{Name: StepNames[13], Gate: GateFinance}
	fin.signedBy(o.Finance.Signed)
	if !fin.Done {
		fin.Owes = M("Owed by finance")
	}
	return fin
}

// requestStep is the latest shipment request, owed even after an
// emergency shipment.
func (o *Order) requestStep(c stepCtx) Step {
	req := Step{Name: StepNames[14], Gate: GatePaperwork}
	if n := len(o.Requests); n > 0 {
		req.signedBy(o.Requests[n-1].Issued)
		req.By = o.Requests[n-1].No + " · " + req.By
	} else {
		req.Owes = c.clerk
		if o.Emergency.Active() {
			req.Missing = []Msg{M("Shipped before the paperwork on {{.Name}}'s authority: the shipment request is owed.", "Name", o.Emergency.Authorised.By)}
		}
	}
	return req
}

// shippedStep is the goods shipped.
func (o *Order) shippedStep(c stepCtx) Step {
	shipped := Step{Name: StepNames[15]}
	if !o.Shipping.ShippedOn.IsZero() {
		t := o.Shipping.ShippedOn.Time(c.now.Location())
		shipped.Done, shipped.By, shipped.At, shipped.OnDay = true, o.Shipping.ShippedBy, &t, true
	} else {
		shipped.Owes = M("Owed by shipping")
	}
	return shipped
}

// arrivedStep is the customer's signed arrival receipt.
func (o *Order) arrivedStep(c stepCtx) Step {
	arrived := Step{Name: StepNames[16]}
	if !o.Shipping.ArrivedOn.IsZero() {
		t := o.Shipping.ArrivedOn.Time(c.now.Location())
		arrived.Done, arrived.By, arrived.At, arrived.OnDay = true, o.Shipping.ReceiptSignedBy, &t, true
	} else {
		arrived.Owes = M("Owed by the customer")
	}
	return arrived
}

// findEvent returns the latest of events that match (nil for none).
func findEvent(events []Event, match func(Event) bool) *Event {
	for i := len(events) - 1; i >= 0; i-- {
		if match(events[i]) {
			return &events[i]
		}
	}
	return nil
}
