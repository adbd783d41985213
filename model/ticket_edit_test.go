package model

import (
	"strings"
	"testing"
)

// TestTicketFieldsCanBeEditedAfterCreation: subject, type, customer,
// contact and due date are corrected after creation, each change a line of
// the ticket's history naming what it was and what it is.
func TestTicketFieldsCanBeEditedAfterCreation(t *testing.T) {
	f := newDesk(t)
	tk := f.ticket("QUESTION")
	ct := &Contact{CustomerID: &f.custC.ID, Name: "Mr. Lee", Active: true}
	if err := f.s.SaveContact(f.ctx, f.super.Actor(), ct); err != nil {
		t.Fatal(err)
	}
	due := DateOf(f.clock.Now()).AddDays(3)
	in := TicketEdit{Subject: "Roll curl on order 42", Type: "COMPLAINT-CUSTOMER", CustomerID: &f.custC.ID, ContactID: &ct.ID, DueOn: due}
	got, err := f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, tk.Version, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != in.Subject || got.Type != in.Type || *got.CustomerID != f.custC.ID || *got.ContactID != ct.ID || got.DueOn != due {
		t.Errorf("edited ticket %+v", got)
	}
	events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
	last := events[len(events)-1]
	if last.Action != TktUpdated {
		t.Fatalf("last event %+v", last)
	}
	for _, want := range []string{
		`Subject: "客戶來電 roll curl" → "Roll curl on order 42"`,
		"Type: Question → Customer complaint",
		"CustomerID: B001 大同紙品行 → C001 Pacific Pulp Trading",
		"ContactID: none → Mr. Lee",
		"DueOn: none → " + due.String(),
	} {
		if !strings.Contains(last.English(), want) {
			t.Errorf("history %q lacks %q", last.English(), want)
		}
	}

	// Nothing changed writes nothing; a stale edit, a contact of another
	// customer, an empty subject or a closed ticket are refused.
	again, err := f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, got.Version, in)
	if err != nil || again.Version != got.Version {
		t.Errorf("an edit that changes nothing: version %d → %d, %v", got.Version, again.Version, err)
	}
	if _, err := f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, tk.Version, in); err == nil {
		t.Error("a stale edit was accepted")
	}
	other := in
	other.CustomerID = &f.custA.ID
	_, err = f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, 0, other)
	refusedWith(t, err, "contact of the ticket's customer")
	blank := in
	blank.Subject = " "
	_, err = f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, 0, blank)
	refusedWith(t, err, "Enter the subject")
	f.mustTicket(got, func(t *Ticket, c Ctx) error { return t.Cancel(c, "duplicate") })
	_, err = f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, 0, TicketEdit{Subject: "x", Type: "TASK"})
	refusedWith(t, err, "reopen work on a new ticket")
}
