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

// TestBroadCustomerSearchWalksNewestFirst: a search matching several
// customers' many orders ("金鼎": five customers) reads its page newest
// first and stops when it is full, instead of gathering every order of
// those customers through their index and sorting them.
func TestBroadCustomerSearchWalksNewestFirst(t *testing.T) {
	f := newDesk(t)
	if err := f.s.GenerateOrders(f.ctx, 300, 1, nil); err != nil {
		t.Fatal(err)
	}
	var cust []Customer
	if err := f.s.db.Order("id").Limit(2).Find(&cust).Error; err != nil || len(cust) < 2 {
		t.Fatalf("customers: %v", err)
	}
	defer func(b int) { broadAt = b }(broadAt)
	broadAt = 1
	text := cust[0].Code[:1] // the customers' codes share their first letter
	var rows []OrderRow
	plans := queryPlans(t, f.s, func() {
		var err error
		if rows, err = f.s.Orders(f.ctx, OrderFilter{View: ViewAll, Text: text, Limit: 20}); err != nil {
			t.Fatal(err)
		}
	})
	if len(rows) == 0 {
		t.Fatalf("searching %q found nothing", text)
	}
	for _, p := range reading(plans, "customer_code") {
		if strings.Contains(p, "idx_orders_customer") || strings.Contains(p, "TEMP B-TREE FOR ORDER BY") {
			t.Errorf("the page gathers by customer and sorts:\n%s", p)
		}
	}
	for i := 1; i < len(rows); i++ {
		if rows[i-1].ID < rows[i].ID {
			t.Errorf("%s before %s: not newest first", rows[i-1].No, rows[i].No)
		}
	}
}

// TestTicketBoardOpensOnIndexes: the board's first pages walk each open
// column's index to its page, reading only the index, and a person's
// column counts read an index alone (schema step 23).
func TestTicketBoardOpensOnIndexes(t *testing.T) {
	f := newDesk(t)
	if err := f.s.GenerateTickets(f.ctx, 1200, 1); err != nil {
		t.Fatal(err)
	}
	var open, closed []TicketStatus
	for _, st := range TicketStatuses {
		if st.Closed() {
			closed = append(closed, st)
		} else {
			open = append(open, st)
		}
	}
	plans := queryPlans(t, f.s, func() {
		if _, err := f.s.Tickets(f.ctx, TicketFilter{Statuses: open, PerStatus: 50}); err != nil {
			t.Fatal(err)
		}
	})
	walks := reading(plans, "UNION ALL")
	if len(walks) != 1 || strings.Count(walks[0], "COVERING INDEX idx_tickets_column") != len(open) {
		t.Errorf("want one read walking idx_tickets_column once per open column:\n%s", strings.Join(plans, "\n"))
	}
	mgr := f.clerk.ID
	for _, statuses := range [][]TicketStatus{open, closed} {
		plans := queryPlans(t, f.s, func() {
			if _, err := f.s.CountTicketsByStatus(f.ctx, TicketFilter{Statuses: statuses, Manager: &mgr}); err != nil {
				t.Fatal(err)
			}
		})
		planUses(t, plans, "COVERING INDEX idx_tickets_manager_status")
	}
}
