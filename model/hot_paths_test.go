package model

import (
	"strings"
	"testing"
)

// The hot paths of issue 21 read through indexes that stop at what they
// show: their plans, read on a small generated office, are the plans of a
// big one (the benchmarks time them at size).

// planUses fails unless each plan names index and sorts nothing on the side.
func planUses(t *testing.T, plans []string, index string) {
	t.Helper()
	if len(plans) == 0 {
		t.Fatal("no reads")
	}
	for _, p := range plans {
		if !strings.Contains(p, index) || strings.Contains(p, "TEMP B-TREE FOR ORDER BY") {
			t.Errorf("want a walk of %s and no sort:\n%s", index, p)
		}
	}
}

// reading keeps the plans of the reads whose SQL contains from.
func reading(plans []string, from string) []string {
	var out []string
	for _, p := range plans {
		if strings.Contains(p, from) {
			out = append(out, p)
		}
	}
	return out
}

// TestTicketColumnPageWalksItsIndex: a column's page reads its 50 cards in
// the index's order instead of sorting every ticket of the status.
func TestTicketColumnPageWalksItsIndex(t *testing.T) {
	f := newDesk(t)
	if err := f.s.GenerateTickets(f.ctx, 1200, 1); err != nil {
		t.Fatal(err)
	}
	for _, st := range TicketStatuses {
		if st.Closed() {
			continue
		}
		var rows []Ticket
		plans := queryPlans(t, f.s, func() {
			var err error
			if rows, err = f.s.Tickets(f.ctx, TicketFilter{Statuses: []TicketStatus{st}, Limit: 50}); err != nil {
				t.Fatal(err)
			}
		})
		planUses(t, reading(plans, "FROM `tickets`"), "idx_tickets_column") // the preloads read by id
		for i := 1; i < len(rows); i++ {
			a, b := rows[i-1], rows[i]
			if a.Priority < b.Priority || a.Priority == b.Priority && a.DueOn.IsZero() && !b.DueOn.IsZero() {
				t.Errorf("status %d: %s before %s", st, a.No, b.No)
			}
		}
	}
}

// TestDashboardReadsCountsNotItems: the manager's dashboard reads the kept
// counts by owner and day, never the notes, and seeks the open returns'
// past-due part of their index instead of reading every return.
func TestDashboardReadsCountsNotItems(t *testing.T) {
	f := newDesk(t)
	for i := 0; i < 20; i++ {
		if _, err := f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "call", Action: true, DueOn: f.today().AddDays(-i), Assignee: &f.clerk.ID}); err != nil {
			t.Fatal(err)
		}
	}
	plans := queryPlans(t, f.s, func() {
		if _, err := f.s.ManagerDashboard(f.ctx); err != nil {
			t.Fatal(err)
		}
	})
	if len(plans) != 3 {
		t.Fatalf("%d reads, want 3:\n%s", len(plans), strings.Join(plans, "\n"))
	}
	for _, p := range plans {
		if strings.Contains(p, "notes") {
			t.Errorf("the dashboard reads the notes:\n%s", p)
		}
	}
	for _, p := range reading(plans, "rmas") {
		if !strings.Contains(p, "SEARCH rmas USING COVERING INDEX idx_rmas_due (state=? AND due_on<?)") {
			t.Errorf("want a seek of each open state's past-due returns:\n%s", p)
		}
	}
}
