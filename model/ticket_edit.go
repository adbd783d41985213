package model

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// TicketEdit is what a clerk may correct on a ticket after it was created:
// a mail's subject, a customer the intake could not match, the wrong type,
// a due date agreed later.
type TicketEdit struct {
	Subject    string
	Type       string
	CustomerID *uint
	ContactID  *uint
	DueOn      Date
}

// EditFrom returns the ticket's editable fields as they are now.
func (t *Ticket) EditFrom() TicketEdit {
	return TicketEdit{Subject: t.Subject, Type: t.Type, CustomerID: t.CustomerID, ContactID: t.ContactID, DueOn: t.DueOn}
}

// recordName names a customer or contact in a line of history.
type recordName func(field string, id *uint) any

// Edit changes the ticket's subject, type, customer, contact and due date,
// one line of history for each field that changed. A closed ticket is kept
// as it was closed; a ticket on hold keeps a due date after today.
func (t *Ticket) Edit(c Ctx, in TicketEdit, name recordName) error {
	if err := t.refuseClosed(); err != nil {
		return err
	}
	in.Subject = strings.TrimSpace(in.Subject)
	typ, ok := TicketTypeOf(in.Type)
	var fe FieldErrors
	if in.Subject == "" {
		fe.Add("Subject", "Enter the subject.")
	}
	if !ok {
		fe.Add("Type", "Choose the ticket's type.")
	}
	if t.Status == TicketHold && (in.DueOn.IsZero() || !c.Today().Before(in.DueOn)) {
		fe.Add("DueOn", "A ticket on hold needs a new due date after today.")
	}
	if len(fe) > 0 {
		return fe
	}
	var lines []Msg
	if in.Subject != t.Subject {
		lines = append(lines, fieldChange("Subject", quoteShort(t.Subject), quoteShort(in.Subject)))
		t.Subject = in.Subject
	}
	if in.Type != t.Type {
		old, _ := TicketTypeOf(t.Type)
		lines = append(lines, fieldChange("Type", old.word(), typ.word()))
		t.Type = in.Type
	}
	if !sameID(in.CustomerID, t.CustomerID) {
		lines = append(lines, fieldChange("CustomerID", name("CustomerID", t.CustomerID), name("CustomerID", in.CustomerID)))
		t.CustomerID, t.Customer = in.CustomerID, nil
	}
	if !sameID(in.ContactID, t.ContactID) {
		lines = append(lines, fieldChange("ContactID", name("ContactID", t.ContactID), name("ContactID", in.ContactID)))
		t.ContactID, t.Contact = in.ContactID, nil
	}
	if in.DueOn != t.DueOn {
		lines = append(lines, fieldChange("DueOn", dateWord(t.DueOn), dateWord(in.DueOn)))
		t.DueOn = in.DueOn
	}
	if len(lines) > 0 {
		t.log(c, TktUpdated, "", "", "", lines...)
	}
	return nil
}

func sameID(a, b *uint) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func dateWord(d Date) any {
	if d.IsZero() {
		return M("none")
	}
	return d.String()
}

// EditTicket corrects a ticket's subject, type, customer, contact and due
// date (Ticket.Edit); the contact must be one of the customer's.
func (s *Store) EditTicket(ctx context.Context, by Actor, id uint, version int64, in TicketEdit) (*Ticket, error) {
	return s.applyTicket(ctx, by, id, version, func(tx *gorm.DB, t *Ticket, c Ctx) error {
		if in.ContactID != nil {
			var ct Contact
			if tx.Select("id, customer_id").Take(&ct, *in.ContactID).Error != nil || !sameID(ct.CustomerID, in.CustomerID) {
				return FieldErrors{{"ContactID", M("Choose a contact of the ticket's customer.")}}
			}
		}
		return t.Edit(c, in, recordNamer(tx))
	})
}
