package model

import (
	"strconv"
	"strings"
)

// The rules of seed 001, each a method that changes the ticket or returns
// the reason it may not, in words a clerk can act on. The store runs them
// in a transaction (Store.ApplyTicket) and writes the events they record.

func (t *Ticket) refuseClosed() error {
	if t.Status.Closed() {
		return Refuse("Ticket {{.No}} is {{.Status}}; reopen work on a new ticket.", "No", t.No, "Status", t.Status.Name())
	}
	return nil
}

// ReturnToNew is always refused: New (0) is where tickets arrive (seed
// 001); one already taken up is assigned, or cancelled if it came in error.
func (t *Ticket) ReturnToNew(c Ctx) error {
	return Refuse("A ticket does not go back to New: assign it, or cancel it.")
}

// AssignInHouse gives the ticket to someone in the office (status 1), the
// first channel for all work.
func (t *Ticket) AssignInHouse(c Ctx, manager uint) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if manager == 0 {
		return FieldErrors{{"ManagerID", M("Choose who manages the ticket.")}}
	}
	t.assign(c, manager)
	t.setStatus(c, TicketInHouse, "")
	return nil
}

// AssignOnSite sends someone on site (status 2). In house is always tried
// first: a ticket that was never worked in house needs the reason why not.
func (t *Ticket) AssignOnSite(c Ctx, manager uint, reason string) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if manager == 0 {
		return FieldErrors{{"ManagerID", M("Choose who goes on site.")}}
	}
	reason = strings.TrimSpace(reason)
	if !t.InHouseTried && reason == "" {
		return FieldErrors{{"Reason", M("In house comes first: say why this ticket cannot be resolved in house.")}}
	}
	t.assign(c, manager)
	t.setStatus(c, TicketOnSite, reason)
	return nil
}

func (t *Ticket) assign(c Ctx, manager uint) {
	if t.ManagerID != nil && *t.ManagerID == manager {
		return
	}
	from := ""
	if t.ManagerID != nil {
		from = uintText(*t.ManagerID)
	}
	t.ManagerID, t.Manager = &manager, nil
	t.log(c, TktAssigned, from, uintText(manager), "")
}

// VisitInput is the on-site visit of work in progress.
type VisitInput struct {
	OnSite    bool
	VisitOn   Date
	Scheduled bool // agreed with the customer; an unscheduled visit is announced the day before
}

// StartWork marks the ticket as worked on now (status 3). Work on site
// marks it to be dispatched; an unscheduled visit gets the AES notice — an
// action item for the manager the day before.
func (t *Ticket) StartWork(c Ctx, in VisitInput) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if t.ManagerID == nil {
		return Refuse("Assign the ticket to someone before work starts.")
	}
	t.ToBeDispatched = in.OnSite
	if in.OnSite {
		if in.VisitOn.IsZero() || in.VisitOn.Before(c.Today()) {
			return FieldErrors{{"VisitOn", M("Choose the day of the visit, today or later.")}}
		}
		t.VisitOn, t.VisitScheduled = in.VisitOn, in.Scheduled
		if !in.Scheduled {
			due := in.VisitOn.AddDays(-1)
			if due.Before(c.Today()) {
				due = c.Today()
			}
			t.items = append(t.items, ItemInput{Object: OnTicket, ObjectID: t.ID, Action: true, DueOn: due, Assignee: t.ManagerID,
				Title: "AES: tell the customer of the visit on " + in.VisitOn.String() + " (" + t.No + ")",
				Body:  "Unscheduled visit: e-mail the customer the day before that a technician will be on site, then set the AES extension.",
				Key:   "ticket:" + uintText(t.ID) + ":aes:" + in.VisitOn.String()})
		}
	}
	t.setStatus(c, TicketInProgress, "")
	return nil
}

// SetExtension records the phase within the status. Product and Quote send
// the ticket to Internal with a new manager; Project needs a contract; the
// contact attempts CA1–CA4 go in order while pending; FCI comes before pending.
func (t *Ticket) SetExtension(c Ctx, ext Extension, newManager uint) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	switch ext {
	case ExtProduct, ExtQuote:
		if newManager == 0 {
			return FieldErrors{{"ManagerID", M("A {{.Ext}} ticket goes to Internal: choose its new manager.", "Ext", string(ext))}}
		}
		t.assign(c, newManager)
		t.setExt(c, ext)
		if t.Status != TicketInternal {
			t.setStatus(c, TicketInternal, "")
		}
		return nil
	case ExtProject:
		if strings.TrimSpace(t.ContractRef) == "" {
			return FieldErrors{{"ContractRef", M("A project needs its contract: link the contract first.")}}
		}
	case ExtCA1, ExtCA2, ExtCA3, ExtCA4:
		if t.Status != TicketPending {
			return Refuse("Contact attempts are made while the ticket is pending the customer's approval.")
		}
		n := int(ext[2] - '0')
		if t.ContactAttempts() != n-1 {
			return Refuse("Record contact attempt {{.Next}} first.", "Next", t.ContactAttempts()+1)
		}
		at := c.stamp()
		switch n {
		case 1:
			t.CA1At = at
		case 2:
			t.CA2At = at
		case 3:
			t.CA3At = at
		case 4:
			t.CA4At = at
		}
	case ExtFCI:
		if t.Status == TicketPending {
			return Refuse("The final check-in comes before the ticket is marked pending.")
		}
		t.FCIAt = c.stamp()
	case ExtAES, ExtWFC, ExtWFR, ExtWFV, ExtNone:
	default:
		return FieldErrors{{"Ext", M("Choose a status extension from the list.")}}
	}
	t.setExt(c, ext)
	return nil
}

func (t *Ticket) setExt(c Ctx, ext Extension) {
	if t.Ext == ext {
		return
	}
	t.log(c, TktExtension, string(t.Ext), string(ext), "")
	t.Ext = ext
}

// MarkPending moves a resolved ticket to 4 to wait for the customer's
// approval: after the final check-in, with the priority lowered a step.
func (t *Ticket) MarkPending(c Ctx) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if t.FCIAt == nil {
		return Refuse("Do the final check-in (FCI) with the customer before marking the ticket pending.")
	}
	if t.Priority > PriorityLow {
		t.setPriority(c, t.Priority-1)
	}
	t.CA1At, t.CA2At, t.CA3At, t.CA4At = nil, nil, nil, nil
	t.setStatus(c, TicketPending, "")
	return nil
}

// MakeInternal moves the ticket to internal work (5): no priority.
func (t *Ticket) MakeInternal(c Ctx, manager uint) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if manager != 0 {
		t.assign(c, manager)
	}
	t.setStatus(c, TicketInternal, "")
	return nil
}

// Hold puts the ticket on hold (6) until a new due date, with no priority.
func (t *Ticket) Hold(c Ctx, until Date, reason string) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if until.IsZero() || !c.Today().Before(until) {
		return FieldErrors{{"DueOn", M("A ticket on hold needs a new due date after today.")}}
	}
	if t.DueOn != until {
		t.log(c, TktUpdated, "", "", "", fieldChange("DueOn", quoteShort(t.DueOn.String()), quoteShort(until.String())))
		t.DueOn = until
	}
	t.setStatus(c, TicketHold, strings.TrimSpace(reason))
	return nil
}

// SetPriority changes the priority; Internal and Hold tickets have none.
func (t *Ticket) SetPriority(c Ctx, p Priority) error {
	if !t.Status.PriorityApplies() {
		return Refuse("{{.Status}} tickets have no priority.", "Status", t.Status.Name())
	}
	if p < PriorityLow || p > PriorityUrgent {
		return FieldErrors{{"Priority", M("Choose a priority from the list.")}}
	}
	t.setPriority(c, p)
	return nil
}

func (t *Ticket) setPriority(c Ctx, p Priority) {
	if t.Priority == p {
		return
	}
	t.log(c, TktPriority, p.nameOf(t.Priority), p.nameOf(p), "")
	t.Priority, t.KeptPriority = p, p
}

func (Priority) nameOf(p Priority) string { return p.Name() }

// CompleteInput is what closing a ticket (9) needs.
type CompleteInput struct {
	Resolution       string
	ChargesChecked   bool
	ContractRef      string
	CustomerApproved bool // the customer confirmed the problem is resolved
}

// Complete closes the ticket (9): with a resolution, the charges checked
// and the contract right. A pending ticket closes on the customer's
// approval, or after the fourth contact attempt went unanswered.
func (t *Ticket) Complete(c Ctx, in CompleteInput) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	var fe FieldErrors
	if strings.TrimSpace(in.Resolution) == "" {
		fe.Add("Resolution", "Describe the resolution.")
	}
	if !in.ChargesChecked {
		fe.Add("ChargesChecked", "Check that the charges entered are correct.")
	}
	if strings.TrimSpace(in.ContractRef) == "" {
		fe.Add("ContractRef", "Select the contract the work comes under.")
	}
	if len(fe) > 0 {
		return fe
	}
	if t.Status == TicketPending && !in.CustomerApproved && t.CA4At == nil {
		return Refuse("The customer has not approved yet: close after their approval or after the fourth contact attempt (CA4).")
	}
	t.Resolution, t.ChargesChecked, t.ContractRef = strings.TrimSpace(in.Resolution), true, strings.TrimSpace(in.ContractRef)
	t.setStatus(c, TicketCompleted, "")
	return nil
}

// Cancel cancels a ticket created in error (8); it is kept with its history.
func (t *Ticket) Cancel(c Ctx, reason string) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"CancelReason", M("Say why the ticket is cancelled.")}}
	}
	t.CancelReason = strings.TrimSpace(reason)
	t.setStatus(c, TicketCancelled, t.CancelReason)
	return nil
}

// MergeInto cancels a duplicate as merged into another open ticket.
func (t *Ticket) MergeInto(c Ctx, into *Ticket) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if into == nil || into.ID == t.ID || !into.Open {
		return FieldErrors{{"MergedIntoID", M("Choose another open ticket to merge this one into.")}}
	}
	t.MergedIntoID = &into.ID
	t.CancelReason = "merged into " + into.No
	t.log(c, TktMerged, t.No, into.No, "")
	t.setStatus(c, TicketCancelled, t.CancelReason)
	return nil
}

// MakeRecurring turns the ticket into a recurring task (7) that creates a
// new ticket every `every` days, the first on `first`.
func (t *Ticket) MakeRecurring(c Ctx, every int, first Date) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	if every < 1 || every > 366 {
		return FieldErrors{{"RecurDays", M("Repeat every 1 to 366 days.")}}
	}
	if first.IsZero() || first.Before(c.Today()) {
		return FieldErrors{{"NextRunOn", M("Choose the first day, today or later.")}}
	}
	t.RecurDays, t.NextRunOn = every, first
	t.setStatus(c, TicketRecurring, "")
	return nil
}

func uintText(n uint) string { return strconv.FormatUint(uint64(n), 10) }
