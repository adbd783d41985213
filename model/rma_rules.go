package model

import "strings"

// RMAInput is what a clerk records when a customer asks to return goods.
type RMAInput struct {
	OrderID uint
	// ShipmentID names the shipment the goods came on (0: any of the order's).
	ShipmentID uint
	// TicketID names the ticket that reported the problem (0: none).
	TicketID uint
	// Lines maps an order line number to the quantity coming back.
	Lines     map[int]Qty
	Reason    RMAReason
	QCLot     string
	Complaint string
}

// newRMA checks a return against the order, what was shipped and what
// other returns already take back, and builds it in the opened state.
func newRMA(o *Order, c Ctx, in RMAInput, shipments []Shipment, others []RMA) (*RMA, error) {
	if err := MayOpenRMA(c); err != nil {
		return nil, err
	}
	// The form's own problems (the reason, the lot, each line's quantity)
	// are field problems, all said at once at their fields: the clerk who
	// left the reason empty and typed too much on line 1 learns both.
	var fe FieldErrors
	switch in.Reason {
	case ReasonDamage, ReasonWrongItem:
	case ReasonQuality:
		if strings.TrimSpace(in.QCLot) == "" {
			fe.Add("QCLot", "A quality claim names the QC lot it is about.")
		}
	default:
		fe.Add("Reason", "Choose why the goods come back: damage, wrong item or a quality claim.")
	}
	by := ReturnableByLine(shipments, others, in.ShipmentID)
	if in.ShipmentID != 0 && !hasShipment(shipments, in.ShipmentID) {
		return nil, Refuse("That shipment is not one of order {{.No}}'s.", "No", o.No)
	}
	if !shippedAny(by) {
		return nil, Refuse("Order {{.No}} has shipped nothing yet: there is nothing to return.", "No", o.No)
	}
	if len(in.Lines) == 0 {
		if len(fe) > 0 {
			return nil, fe
		}
		return nil, Refuse("Name the lines and quantities that come back.")
	}
	r := &RMA{OrderID: o.ID, State: RMAOpened, Reason: in.Reason, QCLot: strings.TrimSpace(in.QCLot),
		Complaint: strings.TrimSpace(in.Complaint), Opened: c.signer().sign(c), DueOn: c.Today().AddDays(RMADueDays[RMAOpened])}
	if in.ShipmentID != 0 {
		r.ShipmentID = &in.ShipmentID
	}
	if in.TicketID != 0 {
		r.TicketID = &in.TicketID
	}
	// A line's problem names its line (FieldError.Line), so the return
	// form shows it at that line's quantity; every line's at once.
	for i := range o.Lines {
		l := &o.Lines[i]
		q, ok := in.Lines[l.LineNo]
		if !ok {
			continue
		}
		if q <= 0 {
			fe.Add("Lines", "Line {{.Line}}: a quantity that comes back is more than zero.", "Line", l.LineNo)
			continue
		}
		if left := by[l.LineNo].Left(); q > left {
			fe.Add("Lines", "Line {{.Line}}: {{.Qty}} cannot come back; {{.Left}} were shipped and not returned yet.",
				"Line", l.LineNo, "Qty", q.String(), "Left", left.String())
			continue
		}
		r.Lines = append(r.Lines, RMALine{OrderLineID: l.ID, LineNo: l.LineNo, Qty: q})
	}
	if len(fe) > 0 {
		return nil, fe
	}
	if len(r.Lines) != len(in.Lines) {
		return nil, Refuse("Order {{.No}} has no such line.", "No", o.No)
	}
	return r, nil
}

// MayOpenRMA refuses a person outside the Repair & Returns team: they
// open returns (the order detail offers "Return goods…" to them only).
func MayOpenRMA(c Ctx) error {
	if !mayReturn(c, SignOffReturns) {
		return Refuse("{{.Name}} is not in group {{.Group}}: the Repair & Returns team opens returns.",
			"Name", c.By.Name, "Group", c.Office.SignOffGroup(SignOffReturns))
	}
	return nil
}

func hasShipment(list []Shipment, id uint) bool {
	for i := range list {
		if list[i].ID == id && !list[i].Void() {
			return true
		}
	}
	return false
}

// signer is the person at the desk, who signs the return's steps themselves.
func (c Ctx) signer() Signer { return Signer{Name: c.By.Name, EmployeeID: c.By.ID} }

// mayReturn reports whether the person at the desk belongs to the group
// that signs gate (the Repair & Returns team, or QC for the inspection).
func mayReturn(c Ctx, gate SignOff) bool {
	return c.MaySign(gate, nil, c.signer()) == nil
}

// step checks that r is in state from and that the person at the desk may
// sign gate, then moves it to state to with the next due date.
func (r *RMA) step(c Ctx, gate SignOff, from, to RMAState, what Msg) (*Signature, error) {
	if r.State != from {
		return nil, Refuse("RMA {{.No}} is {{.State}}: {{.What}} comes when it is {{.From}}.",
			"No", r.No, "State", r.State.Name(), "What", what, "From", from.Name())
	}
	if err := c.MaySign(gate, nil, c.signer()); err != nil {
		return nil, err
	}
	r.State = to
	r.DueOn = Date{}
	if d, ok := RMADueDays[to]; ok {
		r.DueOn = c.Today().AddDays(d)
	}
	sig := c.signer().sign(c)
	return &sig, nil
}

// MayTakeNextStep says why the person at the desk may not sign the
// return's next step (authorize, receive, inspect, decide, close), or nil:
// the window offers the step's button only to those who may.
func (r *RMA) MayTakeNextStep(c Ctx) error {
	gate := SignOffReturns
	switch r.State {
	case RMAReceived:
		gate = SignOffQC
	case RMAClosed, RMACancelled:
		return Refuse("RMA {{.No}} is {{.State}}.", "No", r.No, "State", r.State.Name())
	}
	return c.MaySign(gate, nil, c.signer())
}

// Authorize gives the customer the RMA number: the goods may come back.
func (r *RMA) Authorize(c Ctx) error {
	sig, err := r.step(c, SignOffReturns, RMAOpened, RMAAuthorized, M("the authorization"))
	if err != nil {
		return err
	}
	r.Authorized = *sig
	r.log(c, "authorized", RMAOpened, M("Return authorized"), "")
	return nil
}

// Receive records the goods back in the office.
func (r *RMA) Receive(c Ctx, note string) error {
	sig, err := r.step(c, SignOffReturns, RMAAuthorized, RMAReceived, M("receiving the goods"))
	if err != nil {
		return err
	}
	r.Received = *sig
	r.log(c, "received", RMAAuthorized, M("Goods received"), note)
	return nil
}

// Inspect records QC's findings on the goods that came back; QC's people sign it.
func (r *RMA) Inspect(c Ctx, findings string) error {
	findings = strings.TrimSpace(findings)
	if findings == "" && r.State == RMAReceived {
		return Refuse("Write what QC found on the goods.")
	}
	sig, err := r.step(c, SignOffQC, RMAReceived, RMAInspected, M("the QC inspection"))
	if err != nil {
		return err
	}
	r.Inspected, r.Findings = *sig, findings
	r.log(c, "inspected", RMAReceived, M("Inspected by QC"), findings)
	return nil
}

// Decide records what the office does about the goods: a credit names its
// amount, a rejection its reason. What is missing is a problem of its field
// (Decision, Credit, RejectReason), so the decision's dialog shows it there.
func (r *RMA) Decide(c Ctx, d RMADecision, credit Money, reason string) error {
	reason = strings.TrimSpace(reason)
	switch d {
	case DecideReplace, DecideRepair:
	case DecideCredit:
		if credit <= 0 {
			return FieldErrors{{"Credit", M("A credit names the credit note's amount for finance.")}}
		}
	case DecideReject:
		if reason == "" {
			return FieldErrors{{"RejectReason", M("Say why the claim is rejected; the customer reads it.")}}
		}
	default:
		return FieldErrors{{"Decision", M("Decide to replace, credit, repair or reject.")}}
	}
	sig, err := r.step(c, SignOffReturns, RMAInspected, RMADecided, M("the decision"))
	if err != nil {
		return err
	}
	r.Decided, r.Decision = *sig, d
	if d == DecideCredit {
		r.Credit = credit
	}
	if d == DecideReject {
		r.RejectReason = reason
	}
	line := M("Decided: {{.Decision}}", "Decision", d.Name())
	if d == DecideCredit {
		line = M("Decided: credit of {{.Amount}}", "Amount", credit.String())
	}
	r.log(c, "decided", RMAInspected, line, reason)
	return nil
}

// mayShipReplacement refuses a replacement shipment unless the return was
// decided as a replacement and none shipped yet.
func (r *RMA) mayShipReplacement(c Ctx) error {
	if r.State != RMADecided || r.Decision != DecideReplace {
		return Refuse("RMA {{.No}} was not decided as a replacement: there is nothing to replace.", "No", r.No)
	}
	if r.ReplacementID != nil {
		return Refuse("RMA {{.No}}'s replacement has shipped already.", "No", r.No)
	}
	return c.MaySign(SignOffReturns, nil, c.signer())
}

// Close ends a decided return; a replacement must have shipped first.
func (r *RMA) Close(c Ctx, note string) error {
	if r.State == RMADecided && r.Decision == DecideReplace && r.ReplacementID == nil {
		return Refuse("RMA {{.No}} waits for its replacement shipment: ship it before closing.", "No", r.No)
	}
	sig, err := r.step(c, SignOffReturns, RMADecided, RMAClosed, M("closing"))
	if err != nil {
		return err
	}
	r.Closed = *sig
	r.log(c, "closed", RMADecided, M("Return closed"), note)
	return nil
}

// MayCancel refuses cancelling once the goods are back, or by a person
// outside the Repair & Returns team; the Returns tab offers "Cancel
// return…" only while it passes.
func (r *RMA) MayCancel(c Ctx) error {
	if r.State != RMAOpened && r.State != RMAAuthorized {
		return Refuse("RMA {{.No}} is {{.State}}: only a return whose goods are not back yet is cancelled; decide it instead.",
			"No", r.No, "State", r.State.Name())
	}
	return c.MaySign(SignOffReturns, nil, c.signer())
}

// Cancel stops a return before its goods are back, with the reason; once
// the goods are in the office the claim is decided (a rejection at worst).
func (r *RMA) Cancel(c Ctx, reason string) error {
	reason = strings.TrimSpace(reason)
	if err := r.MayCancel(c); err != nil {
		return err
	}
	if reason == "" {
		return Refuse("Say why the return is cancelled.")
	}
	from := r.State
	r.State, r.DueOn = RMACancelled, Date{}
	r.Cancelled, r.CancelReason = c.signer().sign(c), reason
	r.log(c, "cancelled", from, M("Return cancelled"), reason)
	return nil
}
