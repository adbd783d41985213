package model

import (
	"time"
)

// TicketStatus is a ticket's status, numbered as in seed 001 (CommitCRM).
type TicketStatus int

// The statuses of seed 001.
const (
	TicketNew        TicketStatus = 0 // created by e-mail, the web, a clerk: managed by the New tickets queue
	TicketInHouse    TicketStatus = 1 // assigned in house: always tried first
	TicketOnSite     TicketStatus = 2 // assigned on site
	TicketInProgress TicketStatus = 3 // work in progress
	TicketPending    TicketStatus = 4 // completed, pending the customer's approval
	TicketInternal   TicketStatus = 5 // internal work: quotes, parts
	TicketHold       TicketStatus = 6 // on hold until a new due date
	TicketRecurring  TicketStatus = 7 // a recurring task that re-creates itself
	TicketCancelled  TicketStatus = 8 // created in error, or merged into another
	TicketCompleted  TicketStatus = 9 // done: resolution, charges and contract checked
)

// TicketStatuses lists the statuses in their seed order.
var TicketStatuses = []TicketStatus{TicketNew, TicketInHouse, TicketOnSite, TicketInProgress, TicketPending,
	TicketInternal, TicketHold, TicketRecurring, TicketCancelled, TicketCompleted}

// Name returns the status's name as the seed writes it, for lang.
func (s TicketStatus) Name() string {
	switch s {
	case TicketNew:
		return "New"
	case TicketInHouse:
		return "Assigned in house"
	case TicketOnSite:
		return "Assigned on site"
	case TicketInProgress:
		return "Work in progress"
	case TicketPending:
		return "Pending (completed pending approval)"
	case TicketInternal:
		return "Internal"
	case TicketHold:
		return "Hold"
	case TicketRecurring:
		return "Recurring task"
	case TicketCancelled:
		return "Cancelled"
	case TicketCompleted:
		return "Completed"
	}
	return "Unknown"
}

// ShortName is the status's name on the ticket board's column headings,
// about 125 px wide at 1280: "1 Assigned in house" and "2 Assigned on
// site" both read "1 Assigne…", the words that tell them apart cut off.
// Elsewhere (the move menu, the history, the list) the seed's name shows.
func (s TicketStatus) ShortName() string {
	switch s {
	case TicketInHouse:
		return "In house"
	case TicketOnSite:
		return "On site"
	case TicketInProgress:
		return "Working"
	case TicketPending:
		return "Pending"
	case TicketRecurring:
		return "Recurring"
	}
	return s.Name()
}

// Closed reports whether no more work is done under the status.
func (s TicketStatus) Closed() bool { return s == TicketCancelled || s == TicketCompleted }

// PriorityApplies reports whether the status has a priority: Internal and
// Hold tickets have none (seed 001).
func (s TicketStatus) PriorityApplies() bool { return s != TicketInternal && s != TicketHold }

// Extension is a ticket's status extension (seed 001), the phase within its status.
type Extension string

// The extensions of seed 001.
const (
	ExtNone    Extension = ""
	ExtAES     Extension = "AES" // assigned e-mail sent: the customer told of tomorrow's visit
	ExtCA1     Extension = "CA1" // contact attempts while pending
	ExtCA2     Extension = "CA2"
	ExtCA3     Extension = "CA3"
	ExtCA4     Extension = "CA4"
	ExtFCI     Extension = "FCI" // final check-in, just before pending
	ExtProject Extension = "Project"
	ExtProduct Extension = "Product"
	ExtQuote   Extension = "Quote"
	ExtWFC     Extension = "WFC" // waiting for the client
	ExtWFR     Extension = "WFR" // waiting for a result
	ExtWFV     Extension = "WFV" // waiting for a vendor
)

// Extensions lists the extensions in the seed's order.
var Extensions = []Extension{ExtAES, ExtCA1, ExtCA2, ExtCA3, ExtCA4, ExtFCI, ExtProject, ExtProduct, ExtQuote, ExtWFC, ExtWFR, ExtWFV}

// Name returns what the extension stands for.
func (e Extension) Name() string {
	switch e {
	case ExtAES:
		return "Assigned e-mail sent"
	case ExtCA1, ExtCA2, ExtCA3, ExtCA4:
		return "Contact attempt " + string(e[2])
	case ExtFCI:
		return "Final check-in"
	case ExtProject:
		return "Project"
	case ExtProduct:
		return "Product needed"
	case ExtQuote:
		return "Quote to be done"
	case ExtWFC:
		return "Waiting for client"
	case ExtWFR:
		return "Waiting for result"
	case ExtWFV:
		return "Waiting for vendor"
	}
	return ""
}

// Priority is how soon a ticket must be worked; PriorityNA for statuses without one.
type Priority int

// Priorities, lowest first.
const (
	PriorityNA     Priority = 0
	PriorityLow    Priority = 1
	PriorityNormal Priority = 2
	PriorityHigh   Priority = 3
	PriorityUrgent Priority = 4
)

// Name returns the priority's name, for lang.
func (p Priority) Name() string {
	switch p {
	case PriorityLow:
		return "Low"
	case PriorityNormal:
		return "Normal"
	case PriorityHigh:
		return "High"
	case PriorityUrgent:
		return "Urgent"
	}
	return "Not applicable"
}

// Ticket is one piece of customer-service work on the board (seeds 000, 001).
// It is never deleted: it is cancelled, or merged into another.
type Ticket struct {
	Row
	No     string       `gorm:"size:20;not null;uniqueIndex"`
	Type   string       `gorm:"size:30;not null;index"`
	Status TicketStatus `gorm:"not null;index:idx_tickets_board,priority:1"`
	Ext    Extension    `gorm:"size:10;not null;default:''"`
	// Priority is PriorityNA while the status has none; Kept is the one to
	// return to when it has one again.
	Priority     Priority `gorm:"not null"`
	KeptPriority Priority `gorm:"not null"`
	Open         bool     `gorm:"not null;index:idx_tickets_manager,priority:2"`
	// ManagerID is the person managing the ticket; nil means the New tickets queue.
	ManagerID *uint     `gorm:"index:idx_tickets_manager,priority:1"`
	Manager   *Employee `gorm:"constraint:OnDelete:RESTRICT"`
	GroupID   *uint     `gorm:"index"`
	Group     *Group    `gorm:"constraint:OnDelete:RESTRICT"`

	CustomerID *uint     `gorm:"index"`
	Customer   *Customer `gorm:"constraint:OnDelete:RESTRICT"`
	ContactID  *uint
	Contact    *Contact `gorm:"constraint:OnDelete:RESTRICT"`
	OrderID    *uint    `gorm:"index"`
	Order      *Order   `gorm:"constraint:OnDelete:RESTRICT"`
	VendorID   *uint
	Vendor     *Vendor `gorm:"constraint:OnDelete:RESTRICT"`
	ShipmentNo string  `gorm:"size:20;not null;default:''"`
	// ContractRef is the contract the work is charged under.
	ContractRef string `gorm:"size:60;not null;default:''"`

	Subject     string `gorm:"size:200;not null"`
	Description string `gorm:"type:text;not null;default:''"`
	DueOn       Date   `gorm:"size:10;index:idx_tickets_board,priority:2"`
	Resolution  string `gorm:"type:text;not null;default:''"`
	Charges     Money  `gorm:"not null;default:0"`
	// ChargesChecked records that someone checked the charges are right (step to complete).
	ChargesChecked bool `gorm:"not null"`

	// InHouseTried records that the ticket was assigned in house (1) at
	// some point: on site (2) without it needs a reason.
	InHouseTried bool `gorm:"not null"`

	// On-site work (status 3).
	ToBeDispatched bool `gorm:"not null"`
	VisitOn        Date `gorm:"size:10"`
	VisitScheduled bool `gorm:"not null"`

	// The contact-attempt chain while pending, and the final check-in.
	FCIAt *time.Time
	CA1At *time.Time
	CA2At *time.Time
	CA3At *time.Time
	CA4At *time.Time

	// Recurring tasks: a template (status 7) re-created every RecurDays from NextRunOn.
	RecurDays   int   `gorm:"not null;default:0"`
	NextRunOn   Date  `gorm:"size:10;index"`
	RecurFromID *uint // the template a recurring ticket was made from

	MergedIntoID *uint
	CancelReason string `gorm:"size:300;not null;default:''"`

	// What a Quote ticket quoted (quote.go): QuoteRev is the revision whose
	// lines are in force (0: nothing quoted yet).
	QuoteRev        int    `gorm:"not null;default:0"`
	QuoteCurrency   string `gorm:"size:3;not null;default:''"`
	QuoteValidTo    Date   `gorm:"size:10"`
	QuoteOutcome    string `gorm:"size:10;not null;default:''"` // "", QuoteWon or QuoteLost
	QuoteLostReason string `gorm:"size:300;not null;default:''"`

	pending []Event     `gorm:"-"`
	items   []ItemInput `gorm:"-"` // action items the rule asks for, written with the ticket
}

func (t *Ticket) label() string  { return "ticket " + t.No }
func (t *Ticket) entity() string { return "ticket" }

// ContactAttempts returns how many of CA1–CA4 are recorded.
func (t *Ticket) ContactAttempts() int {
	n := 0
	for _, at := range []*time.Time{t.CA1At, t.CA2At, t.CA3At, t.CA4At} {
		if at != nil {
			n++
		}
	}
	return n
}

// TicketActions are the event actions of tickets.
const (
	TktCreated   = "created"
	TktStatus    = "status"
	TktExtension = "extension"
	TktAssigned  = "assigned"
	TktPriority  = "priority"
	TktUpdated   = "updated"
	TktMerged    = "merged"
	TktRecurred  = "recurred"
	TktQuote     = "quote"
)

// log records an event to be written with the ticket.
// lines are what the model says besides the clerk's note.
func (t *Ticket) log(c Ctx, action, from, to, note string, lines ...Msg) {
	t.pending = append(t.pending, eventWith(Event{Entity: "ticket", EntityID: t.ID, At: c.Now.UTC().Truncate(time.Microsecond),
		By: c.By.Name, ByID: c.By.ID, Action: action, From: from, To: to, Note: note}, lines...))
}

// setStatus moves the ticket and keeps the priority in step: none while
// Internal or on Hold, the kept one back after.
func (t *Ticket) setStatus(c Ctx, to TicketStatus, note string, lines ...Msg) {
	from := t.Status
	t.Status, t.Open = to, !to.Closed()
	if to == TicketInHouse {
		t.InHouseTried = true
	}
	switch {
	case !to.PriorityApplies() && t.Priority != PriorityNA:
		t.KeptPriority, t.Priority = t.Priority, PriorityNA
	case to.PriorityApplies() && t.Priority == PriorityNA:
		t.Priority = max(t.KeptPriority, PriorityLow)
	}
	t.log(c, TktStatus, statusCode(from), statusCode(to), note, lines...)
}

func statusCode(s TicketStatus) string { return string(rune('0' + int(s))) }
