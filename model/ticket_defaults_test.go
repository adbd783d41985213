package model

import (
	"strings"
	"testing"
	"time"
)

// saveTicketDefault changes one type's default as by would in the settings.
func (f *deskFixture) saveTicketDefault(by *Employee, code string, d TicketDefault) error {
	o, err := f.s.Office(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	o.SetTicketDefault(code, d)
	return f.s.SaveOffice(f.ctx, by.Actor(), o)
}

// TestTicketDefaultsAreOfficeSettings: who a new ticket of a type goes to,
// and whether it needs a response, are settings only a manager changes,
// each change an event; a type's default manager takes the ticket in house.
func TestTicketDefaultsAreOfficeSettings(t *testing.T) {
	f := newDesk(t)
	// Nobody is wired in by initials: a "YT" in the office gets nothing.
	clerk(t, f.s, "Chang Ya-ting", "YT", false)
	if tk := f.ticket("QUOTE-RFQ"); tk.Status != TicketNew || tk.ManagerID != nil {
		t.Fatalf("a request for quote with no default manager set: status %d manager %v", tk.Status, tk.ManagerID)
	}

	err := f.saveTicketDefault(f.clerk, "QUOTE-RFQ", TicketDefault{Group: "SALES", ManagerID: f.sales.ID})
	refusedWith(t, err, "Only a manager")
	if err := f.saveTicketDefault(f.super, "QUOTE-RFQ", TicketDefault{Group: "SALES", ManagerID: f.sales.ID}); err != nil {
		t.Fatal(err)
	}
	o, _ := f.s.Office(f.ctx)
	if d := o.TicketDefault("QUOTE-RFQ"); d.ManagerID != f.sales.ID || d.Group != "SALES" {
		t.Fatalf("stored default %+v", d)
	}
	events, _ := f.s.EventsFor(f.ctx, "settings", 0)
	if len(events) == 0 || !strings.Contains(events[len(events)-1].English(), "Quote – Request for quote: default manager: nobody → Lin Chih-hao") {
		t.Errorf("the change's event: %+v", events)
	}

	tk := f.ticket("QUOTE-RFQ")
	if tk.ManagerID == nil || *tk.ManagerID != f.sales.ID || tk.Status != TicketInHouse || !tk.InHouseTried {
		t.Errorf("a request for quote goes to its default manager, in house: status %d manager %v", tk.Status, tk.ManagerID)
	}
	if queue, _ := f.s.Tickets(f.ctx, TicketFilter{NewQueue: true}); len(queue) != 1 {
		t.Errorf("the New queue holds %d tickets; want only the one nobody manages", len(queue))
	}

	// "No response needed" is a setting too, both ways.
	if err := f.saveTicketDefault(f.super, "QUOTE-LETTER", TicketDefault{Group: "CS"}); err != nil {
		t.Fatal(err)
	}
	if err := f.saveTicketDefault(f.super, "TASK", TicketDefault{Group: "CS", NoResponse: true}); err != nil {
		t.Fatal(err)
	}
	if tk := f.ticket("QUOTE-LETTER"); tk.Status != TicketNew {
		t.Errorf("a quote letter whose response is now needed: status %d", tk.Status)
	}
	if tk := f.ticket("TASK"); tk.Status != TicketCompleted {
		t.Errorf("a task set to need no response: status %d", tk.Status)
	}

	// A default manager who has left, or a group the office lacks, is refused.
	gone := clerk(t, f.s, "Gone Person", "GP", false)
	if err := f.s.SetEmployeeActive(f.ctx, f.super.Actor(), gone.ID, false, "left"); err != nil {
		t.Fatal(err)
	}
	if err := f.saveTicketDefault(f.super, "TASK", TicketDefault{ManagerID: gone.ID}); err == nil {
		t.Error("a default manager who has left was accepted")
	}
	if err := f.saveTicketDefault(f.super, "TASK", TicketDefault{Group: "NOPE"}); err == nil {
		t.Error("a default group the office lacks was accepted")
	}
}

// TestNewQueueHoldsOnlyNewTickets: status 0 is the New tickets queue; a
// ticket on hold or a recurring task nobody manages is not in it, and a
// recurring task's manager gets its tickets in house, not New.
func TestNewQueueHoldsOnlyNewTickets(t *testing.T) {
	f := newDesk(t)
	fresh := f.ticket("QUESTION")
	held := f.mustTicket(f.ticket("QUESTION"), func(t *Ticket, c Ctx) error { return t.Hold(c, c.Today().AddDays(5), "") })
	tomorrow := DateOf(f.clock.Now()).AddDays(1)
	f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error { return t.MakeRecurring(c, 1, tomorrow) })
	mine := f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.tech.ID) })
	f.mustTicket(mine, func(t *Ticket, c Ctx) error { return t.MakeRecurring(c, 1, tomorrow) })

	queue, err := f.s.Tickets(f.ctx, TicketFilter{NewQueue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(queue) != 1 || queue[0].ID != fresh.ID {
		var nos []string
		for _, q := range queue {
			nos = append(nos, q.No+" "+q.Status.Name())
		}
		t.Errorf("the New queue holds %v; want only %s (not the held %s)", nos, fresh.No, held.No)
	}
	counts, _ := f.s.CountTicketsByStatus(f.ctx, TicketFilter{NewQueue: true})
	if len(counts) != 1 || counts[TicketNew] != 1 {
		t.Errorf("the New queue's counts %v", counts)
	}

	f.clock.Add(24 * time.Hour)
	if _, err := f.s.RunRecurring(f.ctx); err != nil {
		t.Fatal(err)
	}
	made, _ := f.s.Tickets(f.ctx, TicketFilter{Manager: &f.tech.ID, Statuses: []TicketStatus{TicketNew, TicketInHouse}})
	for _, tk := range made {
		if tk.Status == TicketNew {
			t.Errorf("%s has a manager and is in New", tk.No)
		}
	}
	if len(made) != 1 {
		t.Errorf("the recurring task's manager has %d tickets; want the day's one", len(made))
	}
}

// TestNeedInfoStartedByCSNeedsNoResponse: seed 000 — a need-information
// ticket customer service itself started needs no response; one the
// customer started does.
func TestNeedInfoStartedByCSNeedsNoResponse(t *testing.T) {
	f := newDesk(t)
	for _, c := range []struct {
		ours bool
		want TicketStatus
	}{{false, TicketNew}, {true, TicketCompleted}} {
		tk, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "NEED-INFO", Subject: "PO number?", StartedByCS: c.ours})
		if err != nil {
			t.Fatal(err)
		}
		if tk.Status != c.want {
			t.Errorf("started by CS %v: status %d, want %d", c.ours, tk.Status, c.want)
		}
		if c.ours {
			events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
			if len(events) != 2 || !strings.Contains(events[1].English(), "customer service started the conversation") {
				t.Errorf("events %+v", events)
			}
		}
	}
	// Started by CS changes nothing for a type that always needs a response.
	tk, _ := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "QUESTION", Subject: "roll width?", StartedByCS: true})
	if tk.Status != TicketNew {
		t.Errorf("a question started by CS: status %d", tk.Status)
	}
}
