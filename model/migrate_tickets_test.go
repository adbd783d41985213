package model

import (
	"context"
	"testing"
)

// TestUpgradeAssignsManagedNewTicketsInHouse: a database of the step before
// held requests for quote at New (0) with their quoting person as manager;
// the upgrade assigns them in house with an event, and leaves a New ticket
// nobody manages, and a managed ticket of another status, as they were.
func TestUpgradeAssignsManagedNewTicketsInHouse(t *testing.T) {
	ctx := context.Background()
	path := testTarget(t)
	old, err := Open(ctx, path, Options{Create: true, Location: taipei, migrateTo: managedNewTicketsSchema - 1})
	if err != nil {
		t.Fatal(err)
	}
	yt := clerk(t, old, "Chang Ya-ting", "YT", false)
	at := at(2026, 3, 2, 9, 0)
	rows := []struct {
		no      string
		status  TicketStatus
		manager any
	}{
		{"TK-2026-00001", TicketNew, yt.ID},      // the old RFQ: moves
		{"TK-2026-00002", TicketNew, nil},        // the New queue: stays
		{"TK-2026-00003", TicketInternal, yt.ID}, // managed, not New: stays
	}
	for _, r := range rows {
		err := old.db.Exec(`INSERT INTO tickets (created_at, created_by, updated_at, updated_by, version, no, type, status, priority, kept_priority, open, manager_id, subject, charges_checked, in_house_tried, to_be_dispatched, visit_scheduled)
			VALUES (?, 'old clerk', ?, 'old clerk', 1, ?, 'QUOTE-RFQ', ?, 2, 2, ?, ?, 'Price for 80g paper', ?, ?, ?, ?)`,
			at, at, r.no, r.status, true, r.manager, false, false, false, false).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, path, Options{Location: taipei})
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	want := map[string]TicketStatus{"TK-2026-00001": TicketInHouse, "TK-2026-00002": TicketNew, "TK-2026-00003": TicketInternal}
	for no, st := range want {
		var tk Ticket
		if err := s.db.Where("no = ?", no).Take(&tk).Error; err != nil {
			t.Fatal(err)
		}
		ev, _ := s.EventsFor(ctx, "ticket", tk.ID)
		moved := st == TicketInHouse
		if tk.Status != st || tk.InHouseTried != moved || (len(ev) == 1) != moved {
			t.Errorf("%s: status %d, in house tried %v, %d events; want status %d", no, tk.Status, tk.InHouseTried, len(ev), st)
		}
		if moved && len(ev) == 1 && (ev[0].Action != TktStatus || ev[0].From != "0" || ev[0].To != "1" || ev[0].By != System.Name || tk.Version != 2) {
			t.Errorf("%s: event %+v, version %d", no, ev[0], tk.Version)
		}
	}
	if queue, _ := s.Tickets(ctx, TicketFilter{NewQueue: true}); len(queue) != 1 || queue[0].No != "TK-2026-00002" {
		t.Errorf("the New queue after upgrading: %+v", queue)
	}
}
