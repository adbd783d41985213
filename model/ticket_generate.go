package model

import (
	"context"
	"fmt"
	"math/rand"
	"time"
)

// GenerateTickets writes n tickets spread over the last three years, for
// demos and the board's benchmarks: most of them closed, the open ones over
// statuses 0–7 with managers, customers, due dates and extensions as a
// busy desk has them. It needs the people and customers of an office
// (orderdesk demo). The tickets are written in bulk with their created
// event only; they did not walk the rules one by one.
func (s *Store) GenerateTickets(ctx context.Context, n int, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	var people, customers, groups []uint
	db := s.reader(ctx)
	if err := db.Model(&Employee{}).Where("active = ?", true).Order("id").Pluck("id", &people).Error; err != nil {
		return err
	}
	if err := db.Model(&Customer{}).Where("active = ?", true).Order("id").Pluck("id", &customers).Error; err != nil {
		return err
	}
	if err := db.Model(&Group{}).Order("id").Pluck("id", &groups).Error; err != nil {
		return err
	}
	if len(people) == 0 {
		return fmt.Errorf("generate tickets: the database has no active employees (run orderdesk demo first)")
	}
	now := s.Now()
	write, written, err := s.bulkWrites(ctx)
	if err != nil {
		return err
	}
	defer written()
	const chunk = 5000
	for done := 0; done < n; done += chunk {
		batch := make([]*Ticket, 0, min(chunk, n-done))
		for i := done; i < min(done+chunk, n); i++ {
			batch = append(batch, genTicket(rng, now, s.Location(), people, customers, groups, float64(i)/float64(max(n, 1))))
		}
		if err := write(func(w bulkSink) error { return insertGeneratedTickets(w, batch, s.Dialect == SQLite) }); err != nil {
			return fmt.Errorf("write generated tickets %d–%d: %w", done+1, done+len(batch), err)
		}
	}
	if s.Dialect == SQLite {
		return s.db.WithContext(ctx).Exec("ANALYZE").Error
	}
	return nil
}

// genTicket makes one ticket created at the fraction at of the last three
// years: old tickets are closed, recent ones mostly open.
func genTicket(rng *rand.Rand, now time.Time, loc *time.Location, people, customers, groups []uint, at float64) *Ticket {
	created := now.Add(-time.Duration((1 - at) * float64(3*365*24*time.Hour)))
	typ := TicketTypes[rng.Intn(len(TicketTypes))]
	t := &Ticket{Type: typ.Code, Open: true, Subject: fmt.Sprintf("%s #%d", typ.Name, rng.Intn(100000)),
		Description: "generated", ContractRef: "", InHouseTried: true}
	t.Priority = Priority(1 + rng.Intn(4))
	t.KeptPriority = t.Priority
	age := now.Sub(created)
	switch r := rng.Float64(); {
	case age > 60*24*time.Hour || r < 0.55:
		t.Status = TicketCompleted
		if rng.Intn(14) == 0 {
			t.Status = TicketCancelled
			t.CancelReason = "created in error"
		} else {
			t.Resolution, t.ChargesChecked, t.ContractRef = "resolved", true, "C-STD"
		}
	default:
		t.Status = []TicketStatus{TicketNew, TicketNew, TicketInHouse, TicketInHouse, TicketInHouse, TicketOnSite, TicketInProgress,
			TicketInProgress, TicketPending, TicketInternal, TicketHold, TicketRecurring}[rng.Intn(12)]
	}
	t.Open = !t.Status.Closed()
	if !t.Status.PriorityApplies() {
		t.Priority = PriorityNA
	}
	if t.Status != TicketNew {
		m := people[rng.Intn(len(people))]
		t.ManagerID = &m
	}
	if len(groups) > 0 {
		g := groups[rng.Intn(len(groups))]
		t.GroupID = &g
	}
	if len(customers) > 0 && rng.Intn(10) > 0 {
		c := customers[rng.Intn(len(customers))]
		t.CustomerID = &c
	}
	t.DueOn = DateOf(created.In(loc).AddDate(0, 0, 2+rng.Intn(20)))
	if t.Status == TicketHold {
		t.DueOn = DateOf(now.In(loc).AddDate(0, 0, 5+rng.Intn(30)))
	}
	if t.Status == TicketRecurring {
		t.RecurDays, t.NextRunOn = 7, DateOf(now.In(loc).AddDate(0, 0, 1+rng.Intn(7)))
	}
	if t.Open && rng.Intn(3) == 0 {
		t.Ext = []Extension{ExtAES, ExtWFC, ExtWFR, ExtWFV, ExtFCI}[rng.Intn(5)]
	}
	t.Row = Row{CreatedAt: created.UTC().Truncate(time.Microsecond), UpdatedAt: created.UTC().Truncate(time.Microsecond),
		CreatedBy: "generator", UpdatedBy: "generator", Version: 1}
	return t
}

// insertGeneratedTickets numbers and writes a batch of generated tickets
// with their created events. On SQLite the tickets are given their ids
// here; GORM reads them back on PostgreSQL.
func insertGeneratedTickets(w bulkSink, batch []*Ticket, sqlite bool) error {
	last := map[int]int{}
	for _, t := range batch {
		y := t.CreatedAt.Year()
		if _, ok := last[y]; !ok {
			n, err := readCounter(w, SeriesTicket, y)
			if err != nil {
				return err
			}
			last[y] = n
		}
		last[y]++
		t.No = FormatNumber(SeriesTicket, y, last[y])
	}
	for y, n := range last {
		if err := setCounter(w, SeriesTicket, y, n); err != nil {
			return err
		}
	}
	if sqlite {
		first, err := firstFreeID(w, "tickets")
		if err != nil {
			return err
		}
		for i, t := range batch {
			t.ID = first + uint(i)
		}
	}
	if err := w.insert(batch); err != nil {
		return err
	}
	events := make([]Event, 0, len(batch))
	for _, t := range batch {
		events = append(events, Event{Entity: "ticket", EntityID: t.ID, At: t.CreatedAt, By: "generator",
			Action: TktCreated, To: statusCode(t.Status), Lines: generatedLine})
	}
	return w.insert(events)
}

// generatedLine is the history line of every generated ticket, encoded once.
var generatedLine = encodeLines([]Msg{M("generated")})
