package model

import (
	"fmt"
	"strings"
	"time"
)

// SeriesRMA numbers the return authorizations (退貨授權): RMA-2026-00042.
const SeriesRMA = "RMA"

// RMAState is where a return stands (seed 004's Repair & Returns team).
type RMAState string

// The RMA states, in the order a return goes through them.
const (
	RMAOpened     RMAState = "opened"     // the customer asked; not authorized yet
	RMAAuthorized RMAState = "authorized" // the RMA number was given; the goods may come back
	RMAReceived   RMAState = "received"   // the goods are back in the office
	RMAInspected  RMAState = "inspected"  // QC looked at them
	RMADecided    RMAState = "decided"    // replace, credit, repair or reject
	RMAClosed     RMAState = "closed"     // done
	RMACancelled  RMAState = "cancelled"  // not going ahead; kept with its reason
)

// Name returns the state's English name, the key of its translation.
func (st RMAState) Name() Msg {
	switch st {
	case RMAOpened:
		return M("Opened")
	case RMAAuthorized:
		return M("Authorized")
	case RMAReceived:
		return M("Goods received")
	case RMAInspected:
		return M("Inspected")
	case RMADecided:
		return M("Decided")
	case RMAClosed:
		return M("Closed")
	case RMACancelled:
		return M("Cancelled")
	}
	return M(string(st))
}

// Open reports whether the return still waits for someone's step.
func (st RMAState) Open() bool { return st != RMAClosed && st != RMACancelled }

// openRMAStates are the states Open reports, named one by one so that a
// count of the overdue returns seeks each state's past-due part of
// idx_rmas_due (state, due_on); "state NOT IN (closed, cancelled)" read
// every entry of the index, the closed returns of all the years included.
var openRMAStates = []RMAState{RMAOpened, RMAAuthorized, RMAReceived, RMAInspected, RMADecided}

// RMAReason is why the goods come back.
type RMAReason string

// The reasons for a return.
const (
	ReasonDamage    RMAReason = "damage"     // damaged in transit or on arrival
	ReasonWrongItem RMAReason = "wrong_item" // not what was ordered
	ReasonQuality   RMAReason = "quality"    // a quality claim, on a QC lot
)

// RMAReasons are the reasons a clerk chooses from.
var RMAReasons = []RMAReason{ReasonDamage, ReasonWrongItem, ReasonQuality}

// Name returns the reason's English name.
func (r RMAReason) Name() Msg {
	switch r {
	case ReasonDamage:
		return M("Damage")
	case ReasonWrongItem:
		return M("Wrong item")
	case ReasonQuality:
		return M("Quality claim")
	}
	return M(string(r))
}

// RMADecision is what the office does about goods that came back.
type RMADecision string

// The decisions.
const (
	DecideReplace RMADecision = "replace" // a new shipment from the original order
	DecideCredit  RMADecision = "credit"  // a credit note for finance
	DecideRepair  RMADecision = "repair"  // repaired and sent back
	DecideReject  RMADecision = "reject"  // the claim is refused, with the reason
)

// RMADecisions are the decisions in the order they are offered.
var RMADecisions = []RMADecision{DecideReplace, DecideCredit, DecideRepair, DecideReject}

// Name returns the decision's English name.
func (d RMADecision) Name() Msg {
	switch d {
	case DecideReplace:
		return M("Replace")
	case DecideCredit:
		return M("Credit")
	case DecideRepair:
		return M("Repair")
	case DecideReject:
		return M("Reject")
	}
	return M(string(d))
}

// RMADueDays is how many days a return may wait in each state before it is
// overdue. The customer waits on the first and the last steps, so those
// are short: an authorization within 2 days (the customer may not send the
// goods without the number); 14 days for the goods to travel back; QC
// inspects within 3 days of arrival, the team decides within 2, and the
// replacement or credit note is done within 5 days of the decision.
var RMADueDays = map[RMAState]int{
	RMAOpened:     2,
	RMAAuthorized: 14,
	RMAReceived:   3,
	RMAInspected:  2,
	RMADecided:    5,
}

// RMA is a return authorization: goods of one order coming back, why, and
// what the office decided about them. It is opened from an order, and may
// name the shipment they came on and the ticket that reported them. A
// wrong RMA is cancelled with its reason, never deleted.
type RMA struct {
	Row
	// No is RMA-YYYY-NNNNN, gap-free within a year.
	No         string    `gorm:"size:20;not null;uniqueIndex"`
	OrderID    uint      `gorm:"not null;index"`
	Order      *Order    `gorm:"constraint:OnDelete:RESTRICT"`
	ShipmentID *uint     `gorm:"index"`
	TicketID   *uint     `gorm:"index"`
	Lines      []RMALine `gorm:"foreignKey:RMAID"`
	State      RMAState  `gorm:"size:12;not null;index:idx_rmas_due,priority:1"`
	// DueOn is when the current state's step is due (RMADueDays).
	DueOn  Date      `gorm:"size:10;index:idx_rmas_due,priority:2"`
	Reason RMAReason `gorm:"size:12;not null"`
	// QCLot is the lot a quality claim is about.
	QCLot string `gorm:"size:40;not null;default:''"`
	// Complaint is what the customer reported, in their words.
	Complaint string `gorm:"type:text;not null;default:''"`

	Opened     Signature `gorm:"embedded;embeddedPrefix:opened_"`
	Authorized Signature `gorm:"embedded;embeddedPrefix:authorized_"`
	Received   Signature `gorm:"embedded;embeddedPrefix:received_"`
	Inspected  Signature `gorm:"embedded;embeddedPrefix:inspected_"`
	// Findings is what QC found.
	Findings string      `gorm:"type:text;not null;default:''"`
	Decision RMADecision `gorm:"size:10;not null;default:''"`
	Decided  Signature   `gorm:"embedded;embeddedPrefix:decided_"`
	// Credit is the credit note's amount finance issues for a credit decision.
	Credit Money `gorm:"not null;default:0"`
	// RejectReason says why a claim was rejected.
	RejectReason string `gorm:"type:text;not null;default:''"`
	// ReplacementID is the shipment that replaced the goods.
	ReplacementID *uint
	Closed        Signature `gorm:"embedded;embeddedPrefix:closed_"`
	Cancelled     Signature `gorm:"embedded;embeddedPrefix:cancelled_"`
	CancelReason  string    `gorm:"type:text;not null;default:''"`

	pending []Event `gorm:"-"`
}

// TableName keeps the table's name as the migration wrote it.
func (RMA) TableName() string { return "rmas" }

func (r *RMA) label() string  { return "RMA " + r.No }
func (r *RMA) entity() string { return "rma" }

// RMALine is the quantity of one order line coming back.
type RMALine struct {
	Row
	RMAID       uint `gorm:"column:rma_id;not null;index"`
	OrderLineID uint `gorm:"not null"`
	LineNo      int  `gorm:"not null"`
	Qty         Qty  `gorm:"not null"`
}

// TableName keeps the table's name as the migration wrote it.
func (RMALine) TableName() string { return "rma_lines" }

func (l *RMALine) label() string  { return fmt.Sprintf("RMA line %d", l.LineNo) }
func (l *RMALine) entity() string { return "rma_line" }

// Overdue reports whether the current step is past its due date.
func (r *RMA) Overdue(today Date) bool {
	return r.State.Open() && !r.DueOn.IsZero() && r.DueOn.Before(today)
}

// NextStep names what the return waits for, for the list and its detail.
func (r *RMA) NextStep() Msg {
	switch r.State {
	case RMAOpened:
		return M("Authorize the return")
	case RMAAuthorized:
		return M("Receive the goods")
	case RMAReceived:
		return M("QC inspects the goods")
	case RMAInspected:
		return M("Decide: replace, credit, repair or reject")
	case RMADecided:
		if r.Decision == DecideReplace && r.ReplacementID == nil {
			return M("Ship the replacement")
		}
		return M("Close the return")
	}
	return M("Nothing: the return is {{.State}}", "State", r.State.Name())
}

func (r *RMA) log(c Ctx, action string, from RMAState, text Msg, note string) {
	r.pending = append(r.pending, eventWith(Event{Entity: "rma", EntityID: r.ID, At: c.Now.UTC().Truncate(time.Microsecond),
		By: c.By.Name, ByID: c.By.ID, Action: action, From: string(from), To: string(r.State), Note: strings.TrimSpace(note)}, text))
}
