package model

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"orderdesk/internal/testkit"
)

// benchNotes is the number of notes of the target (1,000,000), or ORDERDESK_BENCH_NOTES.
func benchNotes(b *testing.B) int { return testkit.BenchCount(b, "ORDERDESK_BENCH_NOTES", 1_000_000) }

// notesDataVersion names the generated notes file: raise it when the notes schema or filler changes.
const notesDataVersion = 3

// benchNotesStore opens a database with 1,000,000 notes (benchNotes) and action items over
// 250,000 objects, built once into the temp folder. Person "Clerk 03" owns
// 10,000 pending items (the handover benchmark moves them).
func benchNotesStore(b *testing.B) *Store {
	b.Helper()
	n := benchNotes(b)
	name := fmt.Sprintf("notes-%d-schema%d-data%d.db", n, LatestSchema(), notesDataVersion)
	path := testkit.BuildOnce(b, filepath.Join(testkit.BenchDir(), name), func(tmp string) error {
		s, err := Open(context.Background(), tmp, Options{Create: true})
		if err != nil {
			return err
		}
		defer s.Close()
		benchOffice(b, s, 40, 30)
		if err := fillNotes(s, n); err != nil {
			return err
		}
		return s.db.Exec("ANALYZE").Error
	})
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// fillNotes makes five groups of the office's people, then writes n notes
// and action items.
func fillNotes(s *Store, n int) error {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(3))
	var people []Employee
	var groups []Group
	err := s.write(ctx, func(tx *gorm.DB) error {
		tx.Order("id").Find(&people)
		for i, name := range []string{"Customer Service", "Finance", "Shipping", "Sales", "Technical"} {
			g := Group{Code: fmt.Sprintf("G%d", i), Name: name, Active: true}
			if err := insertRow(tx, Actor{Name: "bench"}, s.now(), &g); err != nil {
				return err
			}
			groups = append(groups, g)
			for j := range people {
				if j%len(groups) == i%5 {
					tx.Create(&GroupMember{GroupID: g.ID, EmployeeID: people[j].ID})
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.bulkLoad(ctx, func(w bulkSink) error { return fillNoteRows(w, s, n, rng, people, groups) }); err != nil {
		return err
	}
	// The rows went in beside the store's writes: count them once.
	return s.write(ctx, rebuildItemDays)
}

func fillNoteRows(w bulkSink, s *Store, n int, rng *rand.Rand, people []Employee, groups []Group) error {
	today := s.Today()
	kinds := []ObjectKind{OnCustomer, OnOrder, OnOrder, OnOrder, OnProduct, OnTicket, OnShipment}
	now := s.now()
	batch := make([]Note, 0, 5000)
	for i := 0; i < n; i++ {
		author := people[rng.Intn(len(people))].ID
		nt := Note{Row: Row{ID: uint(i + 1), CreatedAt: now, UpdatedAt: now, CreatedBy: "bench", UpdatedBy: "bench", Version: 1},
			ObjectKind: kinds[rng.Intn(len(kinds))], ObjectID: uint(1 + rng.Intn(250000)), Title: "客戶來電要求提前出貨 Customer called",
			Body: "bench", AuthorID: &author}
		switch {
		case i < 10000: // Clerk 03's pending items, for the handover
			id := people[3].ID
			nt.IsAction, nt.Pending, nt.AssigneeID, nt.DueOn = true, true, &id, today.AddDays(rng.Intn(60)-30)
		case rng.Intn(10) < 4:
			nt.IsAction, nt.DueOn = true, today.AddDays(rng.Intn(240)-200)
			nt.Pending = rng.Intn(100) < 12
			if rng.Intn(4) == 0 {
				g := groups[rng.Intn(len(groups))].ID
				nt.AssignedGroupID = &g
			} else {
				p := people[rng.Intn(len(people))].ID
				nt.AssigneeID = &p
			}
			nt.Public = rng.Intn(20) == 0
		}
		batch = append(batch, nt)
		if len(batch) == cap(batch) || i == n-1 {
			if err := w.insert(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

func BenchmarkQueues(b *testing.B) {
	s := benchNotesStore(b)
	ctx := context.Background()
	var person Employee
	s.read.Where("name = ?", "Clerk 05").Take(&person)
	for _, q := range []QueueFilter{
		{Queue: QueueMine, PersonID: person.ID, Limit: 100},
		{Queue: QueueMine, PersonID: person.ID, All: true, Limit: 100},
		{Queue: QueueGroups, PersonID: person.ID, Limit: 100},
		{Queue: QueuePublic, Limit: 100},
	} {
		b.Run(fmt.Sprintf("%s-all=%v", q.Queue, q.All), func(b *testing.B) {
			p95(b, func() error { _, err := s.QueueItems(ctx, q); return err })
		})
	}
	b.Run("counts", func(b *testing.B) {
		p95(b, func() error { _, err := s.CountQueues(ctx, person.ID); return err })
	})
	b.Run("dashboard", func(b *testing.B) {
		p95(b, func() error { _, err := s.ManagerDashboard(ctx); return err })
	})
}

func BenchmarkHandover10000(b *testing.B) {
	s := benchNotesStore(b)
	ctx := context.Background()
	var a, c, manager Employee
	s.read.Where("name = ?", "Clerk 03").Take(&a)
	s.read.Where("name = ?", "Clerk 04").Take(&c)
	s.read.Where("manager = ?", true).Order("id").Take(&manager)
	from, to := a.ID, c.ID
	// Whoever holds the 10,000 items now hands them to the other.
	if p, _ := s.PreviewHandover(ctx, to); len(p.ActionItems) > len(mustPreview(b, s, from).ActionItems) {
		from, to = to, from
	}
	p95(b, func() error {
		p, err := s.PreviewHandover(ctx, from)
		if err != nil {
			return err
		}
		if len(p.ActionItems) < 10000 {
			return fmt.Errorf("%d items to move", len(p.ActionItems))
		}
		dest := to
		if err := s.Handover(ctx, manager.Actor(), Handover{From: from, ToPerson: &dest}, p); err != nil {
			return err
		}
		from, to = to, from
		return nil
	})
}

func mustPreview(b *testing.B, s *Store, id uint) HandoverPreview {
	p, err := s.PreviewHandover(context.Background(), id)
	if err != nil {
		b.Fatal(err)
	}
	return p
}
