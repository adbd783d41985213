package model

import "testing"

func TestGenerateTicketsFillsTheBoard(t *testing.T) {
	f := newDesk(t)
	if err := f.s.GenerateTickets(f.ctx, 1200, 1); err != nil {
		t.Fatal(err)
	}
	counts, err := f.s.CountTicketsByStatus(f.ctx, TicketFilter{Statuses: TicketStatuses})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	if total != 1200 || counts[TicketCompleted] == 0 || counts[TicketNew] == 0 {
		t.Fatalf("generated %v", counts)
	}
	// The generated tickets are ordinary tickets: the rules and the numbering go on from them.
	tk := f.ticket("QUESTION")
	if tk.ID != 1201 {
		t.Errorf("next ticket id %d", tk.ID)
	}
	page, _ := f.s.Tickets(f.ctx, TicketFilter{Statuses: []TicketStatus{TicketNew}, Limit: 1})
	if _, err := f.onTicket(&page[0], func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) }); err != nil {
		t.Errorf("assign a generated ticket: %v", err)
	}
	if events, _ := f.s.EventsFor(f.ctx, "ticket", 1); len(events) != 1 {
		t.Errorf("a generated ticket's history: %+v", events)
	}
}
