package model

import (
	"fmt"
	"reflect"
	"testing"
)

// TestTicketColumnsReadAsOnePerColumn: the board's first pages read in one
// statement (PerStatus) are, column by column and card by card, the pages
// Tickets reads for each status on its own, under every filter the board
// sets, on a generated desk with undated tickets and ties of priority and
// due date.
func TestTicketColumnsReadAsOnePerColumn(t *testing.T) {
	f := newDesk(t)
	acme := f.customer("C0001", "萬國紙業", TierB, 30)
	f.customer("C0002", "大同印刷", TierB, 30)
	if err := f.s.GenerateTickets(f.ctx, 1500, 7); err != nil {
		t.Fatal(err)
	}
	// Undated tickets sort after the dated ones of their priority; same-day
	// ones by number.
	for i := range 30 {
		in := TicketInput{Type: "QUESTION", Subject: fmt.Sprintf("undated quote %d", i), CustomerID: &acme.ID, Priority: Priority(1 + i%4)}
		if i%3 == 0 {
			in.DueOn = f.today().AddDays(3)
		}
		if _, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), in); err != nil {
			t.Fatal(err)
		}
	}
	var open []TicketStatus
	for _, st := range TicketStatuses {
		if !st.Closed() {
			open = append(open, st)
		}
	}
	mgr, cust := f.clerk.ID, acme.ID
	for _, tc := range []struct {
		name string
		f    TicketFilter
		per  int
	}{
		{"all", TicketFilter{}, 50},
		{"small pages", TicketFilter{}, 7},
		{"second page", TicketFilter{Offset: 7}, 7},
		{"manager", TicketFilter{Manager: &mgr}, 50},
		{"new queue", TicketFilter{NewQueue: true}, 50},
		{"customer", TicketFilter{Customer: &cust}, 20},
		{"type", TicketFilter{Type: "QUESTION"}, 50},
		{"text", TicketFilter{Text: "quote"}, 50},
		{"overdue", TicketFilter{OverdueOn: f.today()}, 50},
		{"some columns", TicketFilter{Statuses: []TicketStatus{TicketHold, TicketNew, TicketInProgress}}, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			statuses := open
			if len(tc.f.Statuses) > 0 {
				statuses = tc.f.Statuses
			}
			var want []Ticket
			for _, st := range statuses {
				g := tc.f
				g.Statuses, g.Limit = []TicketStatus{st}, tc.per
				page, err := f.s.Tickets(f.ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, page...)
			}
			g := tc.f
			g.Statuses, g.PerStatus = statuses, tc.per
			got, err := f.s.Tickets(f.ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 {
				t.Fatal("the filter keeps no ticket: nothing compared")
			}
			// The columns' order on the board is the statuses' order.
			sortedWant := byStatus(want)
			if len(got) != len(sortedWant) {
				t.Fatalf("%d cards, want %d", len(got), len(sortedWant))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], sortedWant[i]) {
					t.Fatalf("card %d: %s (status %d), want %s (status %d)", i, got[i].No, got[i].Status, sortedWant[i].No, sortedWant[i].Status)
				}
			}
		})
	}
	if _, err := f.s.Tickets(f.ctx, TicketFilter{Statuses: []TicketStatus{TicketNew, TicketCompleted}, PerStatus: 50}); err == nil {
		t.Error("a closed column read with the open ones' order")
	}
}

// byStatus orders the pages by status number (the order PerStatus returns
// them in), each page kept in its own order.
func byStatus(rows []Ticket) []Ticket {
	var out []Ticket
	for _, st := range TicketStatuses {
		for _, r := range rows {
			if r.Status == st {
				out = append(out, r)
			}
		}
	}
	return out
}
