package model

// Action is a step a clerk can take on an order; each is one rule below.
type Action string

// The actions of seed 002, in the order of the procedure, then the side steps.
const (
	DoEdit              Action = "edit"               // change the intake memo and lines
	DoSubmit            Action = "submit"             // draft → checking (step 3)
	DoAnswerGiven       Action = "answer_given"       // the answer promised at step 4 was given
	DoConfirmPrice      Action = "confirm_price"      // step 5: the salesperson confirms a deviating price
	DoReportPrice       Action = "report_price"       // step 5: a price doubt reported upward
	DoTechnicalCheck    Action = "technical_check"    // step 6
	DoProductionDate    Action = "production_date"    // step 7
	DoLoosenDate        Action = "loosen_date"        // step 8.1
	DoIssueConfirmation Action = "issue_confirmation" // step 8: print and check
	DoRecordFax         Action = "fax_sent"           // step 8: faxed
	DoConfirmLegible    Action = "fax_legible"        // step 8: received legibly
	DoSignBack          Action = "sign_back"          // step 9
	DoRevise            Action = "revise"             // back to checking for a new revision
	DoDeposit           Action = "deposit"            // step 9.2
	DoRelease           Action = "release"            // step 9–10: production order
	DoCopyToTech        Action = "copy_to_technical"  // step 10
	DoProgress          Action = "progress"           // step 12: daily production report
	DoException         Action = "exception"          // step 11.1
	DoQC                Action = "qc"                 // step 12.1
	DoBalanceNotice     Action = "balance_notice"     // step 13.2
	DoBalancePayment    Action = "balance_payment"    // step 13
	DoFinance           Action = "finance"            // step 13
	DoEmergency         Action = "emergency"          // step 14.2
	DoShipmentRequest   Action = "shipment_request"   // step 14
	DoShipped           Action = "shipped"            // step 16
	DoDelivered         Action = "delivered"          // step 18
	DoHold              Action = "hold"
	DoResume            Action = "resume"
	DoCancel            Action = "cancel"
	DoDecline           Action = "decline"
)

// Actions lists every action in the order the order screen offers them.
var Actions = []Action{DoSubmit, DoAnswerGiven, DoConfirmPrice, DoReportPrice, DoTechnicalCheck,
	DoProductionDate, DoLoosenDate, DoIssueConfirmation, DoRecordFax, DoConfirmLegible, DoSignBack,
	DoRevise, DoDeposit, DoRelease, DoCopyToTech, DoProgress, DoException, DoQC, DoBalanceNotice,
	DoBalancePayment, DoFinance, DoEmergency, DoShipmentRequest, DoShipped, DoDelivered,
	DoHold, DoResume, DoCancel, DoDecline}

// OrdState is the action written on an event that changes an order's state.
const OrdState = "state"

// facts are actions that record something that happened outside the office
// (money arrived, a signed copy came back). They are accepted even while the
// order is on hold: nothing a clerk learns may be refused.
var facts = map[Action]bool{DoDeposit: true, DoBalancePayment: true, DoSignBack: true,
	DoConfirmLegible: true, DoAnswerGiven: true, DoCopyToTech: true, DoException: true}

// Allowed reports whether action a may be taken on the order now, or why not,
// in a sentence the clerk can act on. It looks only at the order's state and
// gates; what the clerk enters for the action is checked by the action itself.
// The screens ask this to show each action enabled or disabled with its reason.
func (o *Order) Allowed(a Action, c Ctx) error {
	switch o.State {
	case StateDelivered:
		return Refuse("The order is delivered: it is complete.")
	case StateCancelled:
		return Refuse("The order is cancelled; it is kept with all its history.")
	case StateDeclined:
		return Refuse("The order was declined; it is kept with all its history.")
	case StateOnHold:
		if a != DoResume && a != DoCancel && !facts[a] {
			return Refuse("The order is on hold: resume it first.")
		}
	}
	switch a {
	case DoEdit:
		return o.allowedEdit()
	case DoSubmit:
		if o.State != StateDraft {
			return Refuse("The order has already been submitted for checking.")
		}
		switch n := len(o.MissingForChecking()); {
		case n == 1:
			return Refuse("The intake memo still lacks 1 thing the confirmation needs: see the completeness list.")
		case n > 1:
			return Refuse("The intake memo still lacks {{.N}} things the confirmation needs: see the completeness list.", "N", n)
		}
	case DoAnswerGiven:
		if o.AnswerPromisedBy == nil || o.AnswerGivenAt != nil {
			return Refuse("No answer is owed to the customer.")
		}
	case DoConfirmPrice, DoReportPrice:
		if o.State != StateDraft && o.State != StateChecking {
			return Refuse("Prices are confirmed before the confirmation is issued; start a new revision to change them.")
		}
		if !o.anyPriceDeviation(c.Office) {
			return Refuse("Every line's price is within the tolerance of the price plan and the last price.")
		}
	case DoTechnicalCheck:
		return o.needChecking(M("The technical check is recorded while the order is being checked."))
	case DoProductionDate:
		if err := o.needChecking(M("Production dates are recorded while the order is being checked.")); err != nil {
			return err
		}
		if !o.Tech.Done() || !o.Tech.CanProduce {
			return Refuse("Production confirms dates from the technical department's signed material note: record a technical check that says it can be produced first.")
		}
	case DoLoosenDate:
		if err := o.needChecking(M("The promised date can be loosened only before the confirmation is faxed; start a new revision.")); err != nil {
			return err
		}
		if !o.ProdDate.Done() {
			return Refuse("There is no promised date yet: production must sign the production date note first.")
		}
	case DoIssueConfirmation:
		return o.allowedIssue(c)
	case DoRecordFax:
		r := o.Revision()
		switch {
		case r == nil || r.Superseded:
			return Refuse("Print the confirmation first.")
		case r.Faxed():
			return Refuse("Revision {{.Rev}} has already been faxed.", "Rev", r.Rev)
		}
	case DoConfirmLegible:
		r := o.Revision()
		switch {
		case r == nil || !r.Faxed():
			return Refuse("The confirmation has not been faxed yet.")
		case r.Legible.Signed():
			return Refuse("The customer already confirmed receiving revision {{.Rev}} legibly.", "Rev", r.Rev)
		}
	case DoSignBack:
		if o.SignBackOwedSince == nil {
			return Refuse("No signed confirmation is awaited.")
		}
	case DoRevise:
		if o.State != StateConfirmationSent {
			return Refuse("A new revision is started from a confirmation that was sent and not yet released to production.")
		}
	case DoDeposit:
		if o.CurrentRev == 0 && o.Customer != nil && o.Tier() != TierA && o.Customer.DepositPercent > 0 {
			// The deposit is set when the confirmation is issued; until then it is owed, not waived.
			return Refuse("The deposit of {{.Pct}}% falls due with the confirmation: issue the confirmation first.", "Pct", o.Customer.DepositPercent)
		}
		if o.DepositDue <= 0 {
			return Refuse("This customer owes no deposit on this order.")
		}
		if o.DepositPaid >= o.DepositDue {
			return Refuse("The deposit has been received in full.")
		}
	case DoRelease:
		return o.allowedRelease(c)
	case DoCopyToTech:
		if !o.Release.Released() {
			return Refuse("Production has not been released yet.")
		}
		if o.Release.CopyToTechAt != nil {
			return Refuse("The technical department already has its copy.")
		}
	case DoProgress, DoQC:
		if o.State != StateReleased && o.State != StateInProduction {
			return Refuse("This is recorded while the order is in production.")
		}
	case DoException:
		if !o.Release.Released() || o.State == StateShipped {
			return Refuse("Production exceptions are recorded between the release and shipping.")
		}
	case DoBalanceNotice:
		return o.allowedBalanceNotice(c)
	case DoBalancePayment:
		if o.State != StateInspected && o.State != StateCleared && o.State != StateShipped {
			return Refuse("The balance is recorded after QC has stocked the goods in.")
		}
		if o.BalanceDueWithTax(c.Office) <= 0 {
			return Refuse("The balance has been received in full.")
		}
	case DoFinance:
		return o.allowedFinance(c)
	case DoEmergency:
		if o.State != StateCleared {
			return Refuse("Shipping before the paperwork can be authorised only for an order finance has cleared.")
		}
		if len(o.Requests) > 0 {
			return Refuse("A shipment request has already been issued: no emergency is needed.")
		}
		if o.Emergency.Active() {
			return Refuse("Shipping before the paperwork has already been authorised.")
		}
		if c.Office.CSSupervisorID == 0 { // nobody could sign it: the desk must not offer it
			return Refuse("No CS supervisor is named in the office settings: a manager must name one first.")
		}
	case DoShipmentRequest:
		if o.State != StateCleared && !(o.State == StateShipped && o.Emergency.Active()) {
			return Refuse("A shipment request is issued once finance has cleared the order.")
		}
		if len(o.Requests) > 0 {
			return Refuse("Shipment request {{.No}} has already been issued.", "No", o.Requests[len(o.Requests)-1].No)
		}
	case DoShipped:
		if o.State != StateCleared {
			return Refuse("Only an order finance has cleared can be shipped.")
		}
		if len(o.Requests) == 0 && !o.Emergency.Active() {
			return Refuse("Nothing ships without a shipment request: issue one, or have the CS supervisor authorise shipping first.")
		}
	case DoDelivered:
		if o.State != StateShipped {
			return Refuse("The arrival receipt is recorded for a shipped order.")
		}
	case DoHold:
		if o.State == StateShipped {
			return Refuse("A shipped order cannot be put on hold.")
		}
	case DoResume:
		if o.State != StateOnHold {
			return Refuse("The order is not on hold.")
		}
	case DoCancel:
		if o.State == StateShipped {
			return Refuse("The goods have shipped: the order can no longer be cancelled.")
		}
	case DoDecline:
		if o.State != StateDraft && o.State != StateChecking {
			return Refuse("An order is declined while it is being checked, before a confirmation is sent.")
		}
	default:
		return Refuse("Unknown action.")
	}
	return nil
}

func (o *Order) allowedEdit() error {
	switch o.State {
	case StateDraft, StateChecking:
		return nil
	case StateConfirmationSent:
		return Refuse("The confirmation has been sent: to change the order, start a new revision.")
	}
	return Refuse("Production has been released: the order can no longer be changed; record an exception, or cancel it.")
}

func (o *Order) needChecking(otherwise Msg) error {
	switch o.State {
	case StateChecking:
		return nil
	case StateDraft:
		return Refuse("Submit the order for checking first.")
	}
	return &Refusal{otherwise}
}

func (o *Order) anyPriceDeviation(office Office) bool {
	for _, l := range o.Lines {
		if l.CheckPrice(office.PriceTolerancePct).Beyond {
			return true
		}
	}
	return false
}

func (o *Order) allowedIssue(c Ctx) error {
	if err := o.needChecking(M("A confirmation is issued while the order is being checked; start a new revision.")); err != nil {
		return err
	}
	switch n := len(o.MissingForConfirmation(c.Office)); {
	case n == 1:
		return Refuse("The confirmation cannot be printed yet: 1 thing is missing; see the completeness list.")
	case n > 1:
		return Refuse("The confirmation cannot be printed yet: {{.N}} things are missing; see the completeness list.", "N", n)
	}
	return nil
}

// allowedRelease is the gate of seed 002 step 9: tier A may start production
// before the signed confirmation is back; tiers B and C need it back, and the
// deposit in full when they owe one.
func (o *Order) allowedRelease(c Ctx) error {
	if o.Release.Released() {
		return Refuse("Production has already been released.")
	}
	if o.State != StateConfirmationSent {
		return Refuse("Production is released after the confirmation has been faxed to the customer.")
	}
	if o.Tier() == TierA {
		return nil
	}
	if r := o.Revision(); r == nil || !r.SignedOK() {
		return Refuse("Tier {{.Tier}} customer: the signed confirmation has not been received.", "Tier", string(o.Tier()))
	}
	if o.DepositPaid < o.DepositDue {
		pct := 0
		if o.Customer != nil {
			pct = o.Customer.DepositPercent
		}
		due := FormatMoney(o.DepositDue, o.Currency)
		if last := o.lastPayment(PaymentDeposit); last != nil {
			return Refuse("Deposit {{.Pct}}% ({{.Due}}) not received: {{.Paid}} received by {{.Date}}.",
				"Pct", pct, "Due", due, "Paid", FormatMoney(o.DepositPaid, o.Currency), "Date", last.ReceivedOn.String())
		}
		return Refuse("Deposit {{.Pct}}% ({{.Due}}) not received.", "Pct", pct, "Due", due)
	}
	return nil
}

func (o *Order) allowedBalanceNotice(c Ctx) error {
	if o.State != StateInspected {
		return Refuse("The balance collection notice is issued after QC has stocked the goods in.")
	}
	if o.Tier() == TierA {
		return Refuse("Tier A customers ship as their contract allows; no balance collection notice is needed.")
	}
	if o.BalanceDueWithTax(c.Office) == 0 {
		return Refuse("Nothing is owed for the produced quantity.")
	}
	return nil
}

// allowedFinance is step 13: tier A ships as the contract allows; tiers B
// and C need the balance for the produced quantity collected first.
func (o *Order) allowedFinance(c Ctx) error {
	if o.State != StateInspected {
		return Refuse("Finance clears an order after QC has stocked the goods in.")
	}
	if o.Tier() == TierA {
		return nil
	}
	due := o.BalanceDueWithTax(c.Office)
	if due == 0 {
		return nil
	}
	if !o.Balance.IssuedBy.Signed() {
		return Refuse("Tier {{.Tier}} customer: issue the balance collection notice for the produced quantity first.", "Tier", string(o.Tier()))
	}
	return Refuse("Tier {{.Tier}} customer: balance {{.Due}} not received (notice issued {{.Date}}).",
		"Tier", string(o.Tier()), "Due", FormatMoney(due, o.Currency), "Date", DateOf(o.Balance.IssuedBy.At.In(c.Now.Location())).String())
}

func (o *Order) lastPayment(kind string) *Payment {
	var last *Payment
	for i := range o.Payments {
		p := &o.Payments[i]
		if p.Kind == kind && (last == nil || !p.ReceivedOn.Before(last.ReceivedOn)) {
			last = p
		}
	}
	return last
}
