package model

import (
	"fmt"
	"strings"
	"time"
)

// State is where an order stands in the procedure of seed 002.
type State string

// The order states, in the order of the procedure, then the side states.
const (
	StateDraft            State = "draft"             // intake memo, not yet complete
	StateChecking         State = "checking"          // price, technical and production-date checks
	StateConfirmationSent State = "confirmation_sent" // a confirmation faxed; awaiting sign-back
	StateReleased         State = "released"          // production order released
	StateInProduction     State = "in_production"
	StateInspected        State = "inspected" // QC passed, stocked in
	StateCleared          State = "cleared"   // finance cleared
	StateShipped          State = "shipped"   // shipped, shipping notice out
	StateDelivered        State = "delivered" // arrival receipt signed
	StateOnHold           State = "on_hold"
	StateCancelled        State = "cancelled"
	StateDeclined         State = "declined" // cannot be produced
)

// States lists every state in the order of the procedure.
var States = []State{StateDraft, StateChecking, StateConfirmationSent, StateReleased, StateInProduction,
	StateInspected, StateCleared, StateShipped, StateDelivered, StateOnHold, StateCancelled, StateDeclined}

// OpenStates are the states of an order still being worked.
var OpenStates = []State{StateDraft, StateChecking, StateConfirmationSent, StateReleased, StateInProduction,
	StateInspected, StateCleared, StateShipped, StateOnHold}

// Name returns the state's English name, the key of its translation.
func (s State) Name() string {
	switch s {
	case StateDraft:
		return "Draft"
	case StateChecking:
		return "Checking"
	case StateConfirmationSent:
		return "Confirmation sent"
	case StateReleased:
		return "Released to production"
	case StateInProduction:
		return "In production"
	case StateInspected:
		return "Inspected, in stock"
	case StateCleared:
		return "Cleared by finance"
	case StateShipped:
		return "Shipped"
	case StateDelivered:
		return "Delivered"
	case StateOnHold:
		return "On hold"
	case StateCancelled:
		return "Cancelled"
	case StateDeclined:
		return "Declined"
	}
	return string(s)
}

// Closed reports whether the order is finished with: delivered, cancelled or declined.
func (s State) Closed() bool {
	return s == StateDelivered || s == StateCancelled || s == StateDeclined
}

// ParseState reads a state by its code ("confirmation_sent").
func ParseState(code string) (State, error) {
	for _, s := range States {
		if string(s) == strings.TrimSpace(code) {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown order state %q", code)
}

// Channel is how an order came in (seed 002 step 1).
type Channel string

// The intake channels.
const (
	ChannelPhone    Channel = "phone"
	ChannelFax      Channel = "fax"
	ChannelSalesRep Channel = "sales_rep"
	ChannelVisit    Channel = "visit"
	ChannelEmail    Channel = "email"
)

// Channels lists the intake channels in the order the intake form offers them.
var Channels = []Channel{ChannelPhone, ChannelFax, ChannelSalesRep, ChannelVisit, ChannelEmail}

// Name returns the channel's English name, the key of its translation.
func (c Channel) Name() string {
	switch c {
	case ChannelPhone:
		return "Phone"
	case ChannelFax:
		return "Fax"
	case ChannelSalesRep:
		return "Sales rep"
	case ChannelVisit:
		return "Visit"
	case ChannelEmail:
		return "E-mail"
	}
	return string(c)
}

// Order is a customer's order from the intake memo (客戶資訊備忘錄) to the
// signed arrival receipt. Each gate of the procedure is recorded on it with
// who and when; its lines, confirmation revisions, payments, production
// progress, exceptions and shipment requests hang off it.
type Order struct {
	Row
	// No is SO-YYYY-NNNNN, gap-free within a year.
	No         string    `gorm:"size:16;not null;uniqueIndex"`
	CustomerID uint      `gorm:"not null;index:idx_orders_customer,priority:1;index:idx_orders_customer_open,priority:1"`
	Customer   *Customer `gorm:"constraint:OnDelete:RESTRICT"`
	ContactID  *uint
	Contact    *Contact `gorm:"constraint:OnDelete:RESTRICT"`

	// The intake memo (step 1–3).
	Channel        Channel   `gorm:"size:10;not null"`
	Memo           string    `gorm:"type:text;not null;default:''"`
	CallerName     string    `gorm:"size:80;not null;default:''"`
	CallbackNumber string    `gorm:"size:40;not null;default:''"`
	ReceivedAt     time.Time `gorm:"not null;index:idx_orders_customer,priority:2;index:idx_orders_state,priority:2;index:idx_orders_open,priority:2;index:idx_orders_customer_open,priority:3;index:idx_orders_received"`
	TakenByID      uint      `gorm:"not null"`
	TakenBy        *Employee `gorm:"constraint:OnDelete:RESTRICT"`
	// ClerkID is the clerk responsible for the order now: who took it, until
	// a manager hands their work to someone else.
	ClerkID       uint      `gorm:"not null;index"`
	Clerk         *Employee `gorm:"constraint:OnDelete:RESTRICT"`
	SalespersonID *uint
	Salesperson   *Employee `gorm:"constraint:OnDelete:RESTRICT"`

	// What the confirmation states.
	CustomerPO    string `gorm:"size:40;not null;default:'';index"`
	PaymentMethod string `gorm:"size:120;not null;default:''"`
	Currency      string `gorm:"size:3;not null"`
	RequestedDate Date   `gorm:"size:10"`
	ShipTo        string `gorm:"size:300;not null;default:''"`
	// DeliveryTerms is the order's Incoterm and named place: the
	// customer's default at intake, which the clerk may change.
	DeliveryTerms
	TolerancePct        *int
	Packaging           string `gorm:"size:200;not null;default:''"`
	SpecialRequirements string `gorm:"type:text;not null;default:''"`

	// Step 4: when the clerk told the customer an answer would come, and when it did.
	AnswerPromisedBy *time.Time
	AnswerGivenAt    *time.Time
	AnswerGivenBy    string `gorm:"size:80;not null;default:''"`

	State      State     `gorm:"size:20;not null;index:idx_orders_state,priority:1"`
	StateSince time.Time `gorm:"not null"`
	// Open is true until the order is delivered, cancelled or declined; the
	// lists of work to do look only at open orders.
	Open bool `gorm:"not null;index:idx_orders_open,priority:1;index:idx_orders_open_promised,priority:1;index:idx_orders_customer_open,priority:2" diff:"-"`
	// DueAt is the earliest deadline among the gates the order owes now
	// (nil when it owes none): the order is overdue once DueAt has passed.
	DueAt *time.Time `gorm:"index:idx_orders_due_at,where:due_at IS NOT NULL" diff:"-"`
	// HeldFrom is the state an order on hold returns to.
	HeldFrom State `gorm:"size:20;not null;default:''"`

	// Money, kept in step with the lines and payments for the lists.
	Total       Money `gorm:"not null"`
	DepositDue  Money `gorm:"not null"`
	DepositPaid Money `gorm:"not null"`
	BalancePaid Money `gorm:"not null"`

	Tech     TechnicalCheck     `gorm:"embedded;embeddedPrefix:tech_"`
	ProdDate ProductionDateNote `gorm:"embedded;embeddedPrefix:pd_"`
	Loosen   LoosenedDate       `gorm:"embedded;embeddedPrefix:loosen_"`

	// ConfirmedDate is the finished-goods date stated on the current confirmation.
	ConfirmedDate Date `gorm:"size:10"`
	// PromisedDate is the effective promised date: ConfirmedDate moved by the slip rule.
	PromisedDate Date `gorm:"size:10;index:idx_orders_open_promised,priority:2"`
	// SlipDays is how many days the slip rule has moved the date for the current revision.
	SlipDays int `gorm:"not null"`
	// CurrentRev is the revision of the confirmation in force (0 before the first).
	CurrentRev int `gorm:"not null"`
	// SignBackOwedSince is when the current revision was faxed, while its
	// signed copy is not back; nil otherwise.
	SignBackOwedSince *time.Time `gorm:"index:idx_orders_sign_back_owed_since,where:sign_back_owed_since IS NOT NULL"`
	// SignedBackAt is when the current revision came back signed without problems.
	SignedBackAt *time.Time
	// SlipDueOn is the first day the slip rule may move PromisedDate again
	// (zero when it cannot): the hourly pass reads only the orders due, so a
	// pass that moves nothing reads nothing. It is never later than the
	// rule's own day; see slipDueOn.
	SlipDueOn Date `gorm:"size:10;index:idx_orders_slip_due_on,where:slip_due_on IS NOT NULL" diff:"-"`

	Release   ProductionRelease `gorm:"embedded;embeddedPrefix:rel_"`
	ProdDone  *time.Time        // production reported the order finished
	QC        QCInspection      `gorm:"embedded;embeddedPrefix:qc_"`
	Balance   BalanceNotice     `gorm:"embedded;embeddedPrefix:bal_"`
	Finance   FinanceClearance  `gorm:"embedded;embeddedPrefix:fin_"`
	Emergency EmergencyShipping `gorm:"embedded;embeddedPrefix:em_"`
	// RequestNo is the latest shipment request's number ("" while none).
	RequestNo string             `gorm:"size:16;not null;default:''"`
	Shipping  ShippingAndArrival `gorm:"embedded;embeddedPrefix:ship_"`

	// Why an order was cancelled or declined; a declined order may name the
	// new-product sampling request it was sent to.
	CloseReason     string `gorm:"type:text;not null;default:''"`
	SamplingRequest string `gorm:"size:60;not null;default:''"`
	// QuoteTicketID is the Quote ticket the order was won from (nil for
	// an order taken any other way).
	QuoteTicketID *uint `diff:"-"`

	Lines      []OrderLine            `gorm:"foreignKey:OrderID"`
	Revisions  []ConfirmationRevision `gorm:"foreignKey:OrderID"`
	Payments   []Payment              `gorm:"foreignKey:OrderID"`
	Progress   []ProgressEntry        `gorm:"foreignKey:OrderID"`
	Exceptions []ProductionException  `gorm:"foreignKey:OrderID"`
	Requests   []ShipmentRequest      `gorm:"foreignKey:OrderID"`

	// pending are the events the rules recorded, written with the order.
	pending []Event `gorm:"-"`
	// shipped are a generated order's shipments, written after its lines.
	shipped []Shipment `gorm:"-"`
}

func (o *Order) label() string  { return "order " + o.No }
func (o *Order) entity() string { return "order" }

// Tier returns the customer's tier, or "" when the customer is not loaded.
func (o *Order) Tier() Tier {
	if o.Customer == nil {
		return ""
	}
	return o.Customer.Tier
}

// Revision returns the confirmation revision in force, or nil before the first.
func (o *Order) Revision() *ConfirmationRevision {
	for i := range o.Revisions {
		if o.Revisions[i].Rev == o.CurrentRev {
			return &o.Revisions[i]
		}
	}
	return nil
}

// RevisionReason returns why the current revision replaces the one before:
// the reason given when a new revision was asked for, else the problems
// found on the returned copy; empty for the first revision.
func (o *Order) RevisionReason() string {
	for i := range o.Revisions {
		if r := &o.Revisions[i]; r.Rev == o.CurrentRev-1 {
			if r.ReplacedBecause != "" {
				return r.ReplacedBecause
			}
			return r.Problems
		}
	}
	return ""
}

// Line returns the line with the given number, or nil.
func (o *Order) Line(no int) *OrderLine {
	for i := range o.Lines {
		if o.Lines[i].LineNo == no {
			return &o.Lines[i]
		}
	}
	return nil
}

// PaidTotal returns every payment received for the order.
func (o *Order) PaidTotal() Money { return o.DepositPaid + o.BalancePaid }

// ProducedValue returns the value of what production made: each line's
// produced quantity at its unit price (the ordered quantity until QC counts).
func (o *Order) ProducedValue() Money {
	var v Money
	for _, l := range o.Lines {
		q := l.Qty
		if l.ProducedQty > 0 {
			q = l.ProducedQty
		}
		v += l.amountFor(q)
	}
	return v
}

// BalanceDue returns what the customer still owes for the produced goods
// as priced, before any tax the office adds: the rules and documents ask
// for BalanceDueWithTax.
func (o *Order) BalanceDue() Money {
	if d := o.ProducedValue() - o.PaidTotal(); d > 0 {
		return d
	}
	return 0
}

// ShipToAddress returns where the order goes: its own address, or the customer's.
func (o *Order) ShipToAddress() string {
	if strings.TrimSpace(o.ShipTo) != "" {
		return o.ShipTo
	}
	if o.Customer != nil {
		return o.Customer.ShipTo()
	}
	return ""
}

// log records an event to be written with the order.
func (o *Order) log(c Ctx, action string, text Msg, note string) {
	o.pending = append(o.pending, eventWith(Event{Entity: "order", EntityID: o.ID, At: c.Now.UTC().Truncate(time.Microsecond),
		By: c.By.Name, ByID: c.By.ID, Action: action, Note: note}, text))
}

// logSigned records a gate's sign-off: the event is by the person at the
// desk who entered it, names the signer in text, and says who entered it.
// (The signer's employee id is kept on the gate's Signature.)
func (o *Order) logSigned(c Ctx, action string, text Msg, note string) {
	o.log(c, action, text, note)
	o.pending[len(o.pending)-1].say(enteredBy(c))
}

// enteredBy is the line of a gate's event that names who recorded it.
func enteredBy(c Ctx) Msg {
	return M("entered at the desk by {{.Desk}}", "Desk", c.By.Name)
}

// moveTo changes the state and records it. When the same action already
// recorded what it did (a fax sent, a QC result), the state change goes on
// that event: one change, one line of history.
// lines are what the model says about the move, besides the clerk's note.
func (o *Order) moveTo(c Ctx, to State, note string, lines ...Msg) {
	from := o.State
	at := c.Now.UTC().Truncate(time.Microsecond)
	o.State, o.StateSince, o.Open = to, at, !to.Closed()
	if n := len(o.pending); n > 0 {
		last := &o.pending[n-1]
		if last.At.Equal(at) && last.By == c.By.Name && last.To == "" && last.Action != OrdSlip {
			last.From, last.To = string(from), string(to)
			if note != "" {
				last.Note = strings.TrimSpace(last.Note + "\n" + note)
			}
			last.say(lines...)
			return
		}
	}
	o.pending = append(o.pending, eventWith(Event{Entity: "order", EntityID: o.ID, At: at,
		By: c.By.Name, ByID: c.By.ID, Action: OrdState, From: string(from), To: string(to), Note: note}, lines...))
}

// recomputeTotals brings the order's money fields in step with its lines and payments.
func (o *Order) recomputeTotals() {
	o.Total = 0
	for i := range o.Lines {
		o.Lines[i].Amount = o.Lines[i].amountFor(o.Lines[i].Qty)
		o.Total += o.Lines[i].Amount
	}
	o.DepositPaid, o.BalancePaid = 0, 0
	for _, p := range o.Payments {
		if p.Kind == PaymentDeposit {
			o.DepositPaid += p.Amount
		} else {
			o.BalancePaid += p.Amount
		}
	}
}

// refreshDerived brings the columns the lists search on in step with the
// order: whether it is open, and when it next falls overdue.
func (o *Order) refreshDerived(loc *time.Location) {
	o.Open = !o.State.Closed()
	o.CustomerPO = normalisePO(o.CustomerPO)
	o.DueAt = o.Summary().dueAt(loc)
	o.SlipDueOn = o.slipDueOn(loc, nil)
}

// Ctx is what a rule may know besides the order: who acts, when (in the
// office's time zone), and the office's settings.
type Ctx struct {
	By     Actor
	Now    time.Time
	Office Office
	// Staff says who belongs to which department, for the gates' signers.
	Staff Staff
}

// Today returns the office's calendar day.
func (c Ctx) Today() Date { return DateOf(c.Now) }

func (c Ctx) stamp() *time.Time {
	t := c.Now.UTC().Truncate(time.Microsecond)
	return &t
}
