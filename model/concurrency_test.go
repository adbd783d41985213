package model

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentEditsLoseNothing: 8 desks edit the same 4 customers 1,000
// times each. Every save either lands (and is counted in the row's version
// and its history) or is refused as a conflict naming who changed it — no
// update is ever lost, no other error reaches a clerk. Runs on SQLite, and
// on PostgreSQL under make test-postgres.
func TestConcurrentEditsLoseNothing(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	const desks, rows = 8, 4
	edits := 1000
	if testing.Short() {
		edits = 100
	}
	var people []*Employee
	for i := range desks {
		people = append(people, clerk(t, s, fmt.Sprintf("Desk %d", i), fmt.Sprintf("D%d", i), false))
	}
	var ids []uint
	for i := range rows {
		c := NewCustomer()
		c.Code, c.NameZH = fmt.Sprintf("S%03d", i), "共用客戶"
		if err := s.SaveCustomer(ctx, people[0].Actor(), c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}

	var mu sync.Mutex
	saved := map[uint]int{}
	conflicts := 0
	var wg sync.WaitGroup
	for d := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range edits {
				id := ids[(d+i)%rows]
				c, err := s.Customer(ctx, id)
				if err != nil {
					t.Errorf("desk %d read: %v", d, err)
					return
				}
				c.ContractRef = fmt.Sprintf("desk %d edit %d", d, i)
				err = s.SaveCustomer(ctx, people[d].Actor(), c)
				var conflict *ConflictError
				mu.Lock()
				switch {
				case err == nil:
					saved[id]++
				case errors.As(err, &conflict) && conflict.By != "":
					conflicts++
				default:
					t.Errorf("desk %d edit %d: %v (a clerk would see: %s)", d, i, err, Say(err))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	total := 0
	for _, id := range ids {
		c, _ := s.Customer(ctx, id)
		events, _ := s.EventsFor(ctx, "customer", id)
		updates := len(events) - 1 // the first is the creation
		if c.Version != int64(1+saved[id]) || updates != saved[id] {
			t.Errorf("customer %s: %d saves succeeded, version %d, %d update events: an update was lost", c.Code, saved[id], c.Version, updates)
		}
		total += saved[id]
	}
	if total+conflicts != desks*edits {
		t.Errorf("%d saved + %d conflicts ≠ %d edits", total, conflicts, desks*edits)
	}
	t.Logf("%s: %d edits, %d saved, %d refused as conflicts, 0 lost", s.Dialect, desks*edits, total, conflicts)
}
