package model

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SeriesTicket numbers tickets: "TK-2026-00042".
const SeriesTicket = "TK"

func init() {
	// The open tickets a person manages move with a manager's handover.
	handoverKinds = append(handoverKinds, handoverKind{
		name: "tickets",
		preview: func(tx *gorm.DB, from uint) ([]uint, error) {
			var ids []uint
			err := tx.Model(&Ticket{}).Where("open = ? AND manager_id = ?", true, from).Order("id").Pluck("id", &ids).Error
			return ids, err
		},
		move: func(tx *gorm.DB, ids []uint, h Handover, by Actor, now time.Time) error {
			if len(ids) == 0 {
				return nil
			}
			// A ticket goes to the person, or to the group with nobody managing it.
			set := map[string]any{"manager_id": h.ToPerson, "updated_at": now, "updated_by": by.Name, "version": gorm.Expr("version + 1")}
			if h.ToPerson == nil {
				set["group_id"] = h.ToGroup
			}
			rows := tx.Model(&Ticket{}).Where("id IN ?", ids)
			if err := logMovesOf(tx, "ticket", rows.Session(&gorm.Session{}), by, now, M("handover"), ""); err != nil {
				return err
			}
			return tx.Model(&Ticket{}).Where("id IN ?", ids).Updates(set).Error
		},
	})
}

// TicketInput is a new ticket as a clerk, an order screen or the mail
// intake opens it.
type TicketInput struct {
	Type        string
	Subject     string
	Description string
	CustomerID  *uint
	ContactID   *uint
	OrderID     *uint
	VendorID    *uint
	ShipmentNo  string
	ContractRef string
	DueOn       Date
	Priority    Priority
	// StartedByCS says customer service started the conversation (it asked
	// the customer): a type that needs no response then is recorded as done.
	StartedByCS bool
}

// CreateTicket opens a ticket. It starts New, managed by the New tickets
// queue, in its type's default group; a type with a default manager (an
// office setting) goes to them, assigned in house. A type that needs no
// response is recorded as done on creation: assigned to customer service
// and completed (seed 000).
func (s *Store) CreateTicket(ctx context.Context, by Actor, in TicketInput) (*Ticket, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	typ, ok := TicketTypeOf(in.Type)
	var fe FieldErrors
	if !ok {
		fe.Add("Type", "Choose the ticket's type.")
	}
	if strings.TrimSpace(in.Subject) == "" {
		fe.Add("Subject", "Enter the subject.")
	}
	if len(fe) > 0 {
		return nil, fe
	}
	if in.Priority == PriorityNA {
		in.Priority = PriorityNormal
	}
	var out *Ticket
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.ruleCtx(tx, by)
		if err != nil {
			return err
		}
		no, err := nextNumber(tx, SeriesTicket, c.Now.Year())
		if err != nil {
			return err
		}
		t := &Ticket{No: no, Type: typ.Code, Status: TicketNew, Open: true, Priority: in.Priority, KeptPriority: in.Priority,
			Subject: strings.TrimSpace(in.Subject), Description: in.Description, CustomerID: in.CustomerID, ContactID: in.ContactID,
			OrderID: in.OrderID, VendorID: in.VendorID, ShipmentNo: in.ShipmentNo, ContractRef: strings.TrimSpace(in.ContractRef), DueOn: in.DueOn}
		def := c.Office.TicketDefault(typ.Code)
		noResponse := def.NoResponse || (typ.NoResponseIfCSStarted && in.StartedByCS)
		if noResponse {
			def.Group = "CS"
		}
		if g := groupByCode(tx, def.Group); g != 0 {
			t.GroupID = &g
		}
		t.log(c, TktCreated, "", statusCode(TicketNew), "", typ.word())
		switch {
		case noResponse:
			why := M("no response needed")
			if !def.NoResponse {
				why = M("no response needed: customer service started the conversation")
			}
			t.Resolution, t.ChargesChecked = "No response needed: recorded for the file.", true
			t.setStatus(c, TicketCompleted, "", why)
		case def.ManagerID != 0 && requireActiveEmployee(tx, def.ManagerID, "ManagerID") == nil:
			// A ticket with a manager is not in the New queue: its type's
			// default manager takes it in house at once (seed 001, status 1).
			t.assign(c, def.ManagerID)
			t.setStatus(c, TicketInHouse, "")
		}
		if err := insertRow(tx, by, s.now(), t); err != nil {
			return translateDup(err)
		}
		if err := s.writeTicketEffects(tx, by, t); err != nil {
			return err
		}
		out = t
		return nil
	})
	return out, err
}

func groupByCode(tx *gorm.DB, code string) uint {
	var g Group
	if code == "" || tx.Select("id").Where("code = ? AND active = ?", code, true).Take(&g).Error != nil {
		return 0
	}
	return g.ID
}

// ApplyTicket runs a rule on a ticket in one transaction and stores what
// it changed with its events; version 0 skips the stale-edit check.
//
//	s.ApplyTicket(ctx, by, id, version, func(t *Ticket, c Ctx) error { return t.Hold(c, until, "") })
func (s *Store) ApplyTicket(ctx context.Context, by Actor, id uint, version int64, rule func(t *Ticket, c Ctx) error) (*Ticket, error) {
	return s.applyTicket(ctx, by, id, version, func(_ *gorm.DB, t *Ticket, c Ctx) error { return rule(t, c) })
}

// applyTicket is ApplyTicket for a rule that reads other records in the
// same transaction (the names an edit shows in its history).
func (s *Store) applyTicket(ctx context.Context, by Actor, id uint, version int64, rule func(tx *gorm.DB, t *Ticket, c Ctx) error) (*Ticket, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *Ticket
	err := s.write(ctx, func(tx *gorm.DB) error {
		var t Ticket
		if err := tx.Take(&t, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("ticket %d: %w", id, ErrNotFound)
			}
			return err
		}
		if version != 0 && t.Version != version {
			return conflict(t.label(), t.Row, by)
		}
		c, err := s.ruleCtx(tx, by)
		if err != nil {
			return err
		}
		before := t.projectContractKey()
		if err := rule(tx, &t, c); err != nil {
			return err
		}
		if err := checkProjectContract(tx, before, &t); err != nil {
			return err
		}
		if t.ManagerID != nil {
			if err := requireActiveEmployee(tx, *t.ManagerID, "ManagerID"); err != nil && t.assignedNow() {
				return err
			}
		}
		if len(t.pending) == 0 && len(t.items) == 0 {
			return nil // nothing changed
		}
		if err := updateRow(tx, by, s.now(), &t, t.label()); err != nil {
			return err
		}
		if err := s.writeTicketEffects(tx, by, &t); err != nil {
			return err
		}
		out = &t
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		return s.Ticket(ctx, id)
	}
	return out, nil
}

// assignedNow reports whether the rule just gave the ticket a manager.
func (t *Ticket) assignedNow() bool {
	for _, e := range t.pending {
		if e.Action == TktAssigned {
			return true
		}
	}
	return false
}

// writeTicketEffects writes the events and action items a rule recorded.
func (s *Store) writeTicketEffects(tx *gorm.DB, by Actor, t *Ticket) error {
	for _, e := range t.pending {
		e.EntityID = t.ID
		if err := logEvent(tx, e); err != nil {
			return err
		}
	}
	t.pending = nil
	for _, in := range t.items {
		in.ObjectID = t.ID
		if _, err := addNote(tx, by, s.now(), in); err != nil {
			return err
		}
	}
	t.items = nil
	return nil
}

// Ticket loads one ticket with its people and links.
func (s *Store) Ticket(ctx context.Context, id uint) (*Ticket, error) {
	var t Ticket
	err := s.reader(ctx).Preload("Manager").Preload("Group").Preload("Customer").Preload("Contact").
		Preload("Order").Preload("Vendor").Take(&t, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("ticket %d: %w", id, ErrNotFound)
	}
	return &t, err
}

// TicketFilter picks the tickets of a board column or queue.
type TicketFilter struct {
	Statuses []TicketStatus // none: every open status
	Manager  *uint          // a person's tickets
	NewQueue bool           // the New tickets queue: status 0, nobody manages them yet
	Group    *uint
	Customer *uint
	Order    *uint
	Type     string // a type code of TicketTypes
	// OverdueOn keeps the open tickets whose due date is before this day.
	OverdueOn Date
	Text      string // number or subject
	Offset    int
	Limit     int
	// PerStatus, with open Statuses, reads the page of each status's
	// column (Limit is then ignored) in one statement: the board as it
	// opens. The cards come by status number, each column's in its order.
	PerStatus int
}

func (s *Store) ticketQuery(ctx context.Context, f TicketFilter) *gorm.DB {
	q := s.reader(ctx).Model(&Ticket{})
	if len(f.Statuses) > 0 {
		q = q.Where("status IN ?", f.Statuses)
	} else {
		q = q.Where("open = ?", true)
	}
	if f.Manager != nil {
		q = q.Where("manager_id = ?", *f.Manager)
	}
	if f.NewQueue {
		// New (0) is the queue itself: a ticket on hold or a recurring task
		// nobody manages yet is not new work waiting to be taken up.
		q = q.Where("status = ? AND manager_id IS NULL", TicketNew)
	}
	if f.Group != nil {
		q = q.Where("group_id = ?", *f.Group)
	}
	if f.Customer != nil {
		q = q.Where("customer_id = ?", *f.Customer)
	}
	if f.Order != nil {
		q = q.Where("order_id = ?", *f.Order)
	}
	if f.Type != "" {
		q = q.Where("type = ?", f.Type)
	}
	if !f.OverdueOn.IsZero() {
		q = q.Where("open = ? AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?", true, f.OverdueOn)
	}
	if text := strings.TrimSpace(f.Text); text != "" {
		q = whereTicketText(q, text)
	}
	return q
}

// Tickets returns one page of tickets: most urgent first, then by due date and number.
func (s *Store) Tickets(ctx context.Context, f TicketFilter) ([]Ticket, error) {
	if f.PerStatus > 0 {
		return s.ticketColumns(ctx, f)
	}
	var out []Ticket
	// The lists and the board show neither the description nor the
	// resolution, which may be long (an e-mail's text): rows come without
	// them, and Ticket(id) reads them for the detail.
	q := s.ticketQuery(ctx, f).Omit("description", "resolution")
	if closedOnly(f.Statuses) {
		// Done work has no urgency: the most recently closed first.
		q = q.Order("updated_at DESC, id DESC")
	} else {
		q = q.Order(ticketColumnOrder)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	if err := q.Find(&out).Error; err != nil {
		return nil, err
	}
	return out, withNames(s.reader(ctx), out)
}

// ticketColumnOrder is an open column's order: the most urgent first, then
// by due date (undated last) and number. Index idx_tickets_column (schema
// step 21) holds these terms to the letter after the status: change one,
// and a page sorts the whole column again.
const ticketColumnOrder = "priority DESC, CASE WHEN due_on IS NULL OR due_on = '' THEN 1 ELSE 0 END, due_on, no"

func closedOnly(statuses []TicketStatus) bool {
	for _, st := range statuses {
		if !st.Closed() {
			return false
		}
	}
	return len(statuses) > 0
}

// CountTicketsByStatus returns how many tickets match f in each status, for the board's columns.
func (s *Store) CountTicketsByStatus(ctx context.Context, f TicketFilter) (map[TicketStatus]int, error) {
	if out, ok, err := s.countTicketsBySearch(ctx, f); ok {
		return out, err
	}
	if out, ok, err := s.countTicketsKept(ctx, f); ok {
		return out, err
	}
	var rows []struct {
		Status TicketStatus
		N      int
	}
	err := s.ticketQuery(ctx, f).Select("status, COUNT(*) AS n").Group("status").Scan(&rows).Error
	out := map[TicketStatus]int{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, err
}

// RunRecurring creates today's tickets of every recurring task due by
// today (status 7 templates) and moves each template to its next day. It
// is safe to run at every start and every hour: a day is created once.
func (s *Store) RunRecurring(ctx context.Context) (int, error) {
	made := 0
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.ruleCtx(tx, System)
		if err != nil {
			return err
		}
		today := c.Today()
		var due []Ticket
		if err := tx.Where("status = ? AND next_run_on <= ? AND next_run_on <> ''", TicketRecurring, today).Find(&due).Error; err != nil {
			return err
		}
		for i := range due {
			tpl := &due[i]
			for !tpl.NextRunOn.IsZero() && !today.Before(tpl.NextRunOn) {
				no, err := nextNumber(tx, SeriesTicket, c.Now.Year())
				if err != nil {
					return err
				}
				t := &Ticket{No: no, Type: tpl.Type, Status: TicketNew, Open: true, Priority: max(tpl.KeptPriority, PriorityNormal),
					KeptPriority: max(tpl.KeptPriority, PriorityNormal), ManagerID: tpl.ManagerID, GroupID: tpl.GroupID,
					CustomerID: tpl.CustomerID, ContactID: tpl.ContactID, ContractRef: tpl.ContractRef,
					Subject: tpl.Subject + " (" + tpl.NextRunOn.String() + ")", Description: tpl.Description,
					DueOn: tpl.NextRunOn, RecurFromID: &tpl.ID}
				if t.ManagerID != nil {
					// The task's manager does it: assigned in house, not New (seed 001).
					t.Status, t.InHouseTried = TicketInHouse, true
				}
				t.log(c, TktCreated, "", statusCode(t.Status), "", M("recurring task {{.No}}", "No", tpl.No))
				if err := insertRow(tx, System, s.now(), t); err != nil {
					return err
				}
				if err := s.writeTicketEffects(tx, System, t); err != nil {
					return err
				}
				made++
				tpl.log(c, TktRecurred, tpl.NextRunOn.String(), tpl.NextRunOn.AddDays(tpl.RecurDays).String(), t.No)
				tpl.NextRunOn = tpl.NextRunOn.AddDays(tpl.RecurDays)
			}
			if err := updateRow(tx, System, s.now(), tpl, tpl.label()); err != nil {
				return err
			}
			if err := s.writeTicketEffects(tx, System, tpl); err != nil {
				return err
			}
		}
		return nil
	})
	return made, err
}
