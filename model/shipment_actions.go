package model

import (
	"context"
	"fmt"
)

// ShipAction is a step the shipping screen offers on a row: the order's
// shipment request and a shipment of it, then the steps of one shipment.
type ShipAction string

// The shipping actions, in the order the shipping screen offers them.
const (
	ShipDoRequest  ShipAction = "request"   // issue the shipment request (step 14)
	ShipDoShip     ShipAction = "ship"      // record a shipment (step 15)
	ShipDoNotice   ShipAction = "notice"    // print the shipping notice (step 16)
	ShipDoSent     ShipAction = "sent"      // the shipping notice went to the customer
	ShipDoLegible  ShipAction = "legible"   // the customer received it legibly
	ShipDoArrival  ShipAction = "arrival"   // the goods arrived (step 18)
	ShipDoReceipt  ShipAction = "receipt"   // the signed arrival receipt is back
	ShipDoFollowUp ShipAction = "follow_up" // move the day the arrival is checked
	ShipDoVoid     ShipAction = "void"      // void a shipment recorded by mistake
)

// ShipActions lists every shipping action in the order the screen offers
// them: the order's two, then the steps of one shipment.
var ShipActions = append([]ShipAction{ShipDoRequest, ShipDoShip}, shipmentSteps...)

var shipmentSteps = []ShipAction{ShipDoNotice, ShipDoSent, ShipDoLegible, ShipDoArrival, ShipDoReceipt,
	ShipDoFollowUp, ShipDoVoid}

// action returns the shipping action that records a step of the notice.
func (st NoticeStep) action() ShipAction {
	switch st {
	case NoticeIssue:
		return ShipDoNotice
	case NoticeSend:
		return ShipDoSent
	case NoticeLegible:
		return ShipDoLegible
	}
	return ShipAction(st)
}

// allowed reports whether action a may be taken on the shipment now, or
// why not. Like Order.Allowed it looks only at where the shipment stands;
// each rule asks it first, and checks what the clerk entered itself.
func (sh *Shipment) allowed(a ShipAction) error {
	if sh.Void() {
		if a == ShipDoVoid {
			return Refuse("Shipment {{.No}} is already void.", "No", sh.No)
		}
		return Refuse("Shipment {{.No}} is void.", "No", sh.No)
	}
	switch a {
	case ShipDoNotice:
		// A reprint is allowed at any time.
	case ShipDoSent:
		if !sh.NoticeIssued.Signed() {
			return Refuse("Print the shipping notice first.")
		}
		if sh.NoticeSent.Signed() {
			return Refuse("The shipping notice has already been sent.")
		}
	case ShipDoLegible:
		if !sh.NoticeSent.Signed() {
			return Refuse("The shipping notice has not been sent yet.")
		}
		if sh.NoticeLegible.Signed() {
			return Refuse("The customer already confirmed receiving the shipping notice.")
		}
	case ShipDoArrival:
		if sh.Status != ShipInTransit {
			return Refuse("The arrival of shipment {{.No}} has already been recorded.", "No", sh.No)
		}
	case ShipDoReceipt:
		switch sh.Status {
		case ShipInTransit:
			return Refuse("Record the arrival first.")
		case ShipReceived:
			return Refuse("The arrival receipt of shipment {{.No}} has already been recorded.", "No", sh.No)
		}
	case ShipDoFollowUp:
		if sh.Status != ShipInTransit {
			return Refuse("Only a shipment in transit is followed up.")
		}
	case ShipDoVoid:
		if sh.Status == ShipReceived {
			return Refuse("The customer signed the arrival receipt: the shipment can no longer be voided.")
		}
	default:
		return Refuse("Unknown action.")
	}
	return nil
}

// ShipmentActions holds, for each shipping action, nil when the rules allow
// it now on a row, or their refusal in words the clerk can act on.
type ShipmentActions map[ShipAction]error

// Allowed returns nil when action a may be taken now, or the refusal.
func (sa ShipmentActions) Allowed(a ShipAction) error {
	if err, ok := sa[a]; ok {
		return err
	}
	return Refuse("Open a row with Enter to work on it.")
}

// ActionsOn says which shipping actions the rules allow now on sh, one of
// order o's shipments all (nil: the order itself, waiting to ship). Each
// answer is the rule's own: the order's for its shipment request, the
// shipment gate for a new shipment, the shipment's for its steps.
func ActionsOn(o *Order, sh *Shipment, all []Shipment, c Ctx) ShipmentActions {
	sa := ShipmentActions{ShipDoRequest: o.Allowed(DoShipmentRequest, c), ShipDoShip: shipRule(o, c, all)}
	for _, a := range shipmentSteps {
		if sh == nil {
			sa[a] = Refuse("The row is order {{.No}}, waiting to ship: open one of its shipments for this step.", "No", o.No)
			continue
		}
		sa[a] = sh.allowed(a)
	}
	return sa
}

// ShipmentActions returns which shipping actions the rules allow now on a
// row of the shipping lists (a shipment, or an order to ship when r.ID is 0),
// for by at the desk. The order is read as a rule would see it.
func (s *Store) ShipmentActions(ctx context.Context, by Actor, r ShipmentRow) (ShipmentActions, error) {
	db := s.reader(ctx)
	o, _, c, err := s.loadForShipping(db, by, r.OrderID)
	if err != nil {
		return nil, err
	}
	all, err := shipmentsOf(db, o.ID)
	if err != nil {
		return nil, err
	}
	if r.ID == 0 {
		return ActionsOn(o, nil, all, c), nil
	}
	for i := range all {
		if all[i].ID == r.ID {
			return ActionsOn(o, &all[i], all, c), nil
		}
	}
	return nil, fmt.Errorf("%w: shipment %d of order %s", ErrNotFound, r.ID, o.No)
}
