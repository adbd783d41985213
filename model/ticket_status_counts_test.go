package model

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestTicketCountsFollowEveryWrite: the kept counts by status equal a count
// of the tickets after generated tickets, a new one, moves, a cancel and a
// merge, and the board's unfiltered counts come from them; check names a
// count that drifted and check -repair mends it.
func TestTicketCountsFollowEveryWrite(t *testing.T) {
	f := newDesk(t)
	same := func(when string) {
		t.Helper()
		problems, err := ticketCountProblems(f.s.db)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			t.Errorf("%s: %s", when, strings.Join(problems, "; "))
		}
		want, _ := ticketCountsFromTickets(f.s.db)
		got, err := f.s.CountTicketsByStatus(f.ctx, TicketFilter{Statuses: TicketStatuses})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range TicketStatuses {
			if int64(got[st]) != want[st] {
				t.Errorf("%s: status %d counted %d, has %d", when, st, got[st], want[st])
			}
		}
	}
	if err := f.s.GenerateTickets(f.ctx, 300, 1); err != nil {
		t.Fatal(err)
	}
	same("after generating 300")
	by := f.clerk.Actor()
	a, err := f.s.CreateTicket(f.ctx, by, TicketInput{Type: "QUESTION", Subject: "kraft board sample"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.s.CreateTicket(f.ctx, by, TicketInput{Type: "QUESTION", Subject: "kraft board sample, again"})
	if err != nil {
		t.Fatal(err)
	}
	same("after two new tickets")
	if a, err = f.s.ApplyTicket(f.ctx, by, a.ID, a.Version, func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) }); err != nil {
		t.Fatal(err)
	}
	same("after a move in house")
	if _, err = f.s.ApplyTicket(f.ctx, by, a.ID, a.Version, func(t *Ticket, c Ctx) error { return t.SetPriority(c, PriorityHigh) }); err != nil {
		t.Fatal(err)
	}
	same("after a change that keeps the status")
	if _, err = f.s.ApplyTicket(f.ctx, by, b.ID, b.Version, func(t *Ticket, c Ctx) error { return t.Cancel(c, "asked twice") }); err != nil {
		t.Fatal(err)
	}
	same("after a cancel")
	if err := f.s.db.Exec("UPDATE ticket_status_counts SET n = n + 5 WHERE status = ?", TicketCompleted).Error; err != nil {
		t.Fatal(err)
	}
	if problems, _ := ticketCountProblems(f.s.db); len(problems) != 1 {
		t.Errorf("a count off by 5: %q", problems)
	}
	if err := f.s.RebuildDerived(f.ctx); err != nil {
		t.Fatal(err)
	}
	same("after check -repair")
}

// TestTicketCountsOfConcurrentDesks: desks creating and moving tickets at
// once lose no count (on PostgreSQL the trigger's increment locks the
// count's row; SQLite has one writer).
func TestTicketCountsOfConcurrentDesks(t *testing.T) {
	f := newDesk(t)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for d := 0; d < 4; d++ {
		wg.Add(1)
		go func(d int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				tk, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "QUESTION", Subject: fmt.Sprintf("desk %d ticket %d", d, i)})
				if err != nil {
					errs <- err
					return
				}
				if i%2 == 0 {
					if _, err := f.s.ApplyTicket(f.ctx, f.clerk.Actor(), tk.ID, tk.Version, func(t *Ticket, c Ctx) error { return t.Cancel(c, "test") }); err != nil {
						errs <- err
						return
					}
				}
			}
		}(d)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if problems, err := ticketCountProblems(f.s.db); err != nil || len(problems) > 0 {
		t.Errorf("after 4 desks: %v %q", err, problems)
	}
}

// TestTicketCountsAfterUpgrade: step 25 counts the tickets written before
// it, and its triggers count the ones after.
func TestTicketCountsAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	target := testTarget(t)
	old, err := Open(ctx, target, Options{Create: true, Location: taipei, migrateTo: 24})
	if err != nil {
		t.Fatal(err)
	}
	yc := clerk(t, old, "Chen Yi-chun", "YC", false)
	for i := 0; i < 3; i++ {
		tk, err := old.CreateTicket(ctx, yc.Actor(), TicketInput{Type: "QUESTION", Subject: fmt.Sprintf("old %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := old.ApplyTicket(ctx, yc.Actor(), tk.ID, tk.Version, func(t *Ticket, c Ctx) error { return t.Cancel(c, "test") }); err != nil {
				t.Fatal(err)
			}
		}
	}
	old.Close()
	s, err := Open(ctx, target, Options{Location: taipei})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateTicket(ctx, yc.Actor(), TicketInput{Type: "QUESTION", Subject: "new"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.CountTicketsByStatus(ctx, TicketFilter{Statuses: TicketStatuses})
	if err != nil {
		t.Fatal(err)
	}
	if got[TicketNew] != 3 || got[TicketCancelled] != 1 {
		t.Errorf("after the upgrade: %v, want 3 new and 1 cancelled", got)
	}
	if problems, err := s.SchemaProblems(ctx); err != nil || len(problems) > 0 {
		t.Errorf("schema after the upgrade: %v %v", problems, err)
	}
}
