package model

import (
	"context"
	"sort"
)

// Dispatch is the dispatcher's view of a day (seed 001, status 3: work on
// site is marked to be dispatched "and the ticket must be used in the
// dispatcher"): what waits to be dispatched, oldest first, and each
// technician's load of visits that day.
type Dispatch struct {
	Day     Date
	Waiting []Ticket
	Load    []TechnicianLoad
}

// TechnicianLoad is one technician's calendar for the day: the visits of
// the tickets they manage that fall on it.
type TechnicianLoad struct {
	Technician Employee
	Visits     int
}

// Dispatch returns the open tickets to be dispatched, the one waiting
// longest first, and the load on day of every technician managing one of
// them (a technician with nothing that day shows 0: free to send).
func (s *Store) Dispatch(ctx context.Context, day Date) (*Dispatch, error) {
	d := &Dispatch{Day: day}
	err := s.reader(ctx).Preload("Manager").Preload("Customer").
		Where("open = ? AND status = ? AND to_be_dispatched = ?", true, TicketInProgress, true).
		Order("created_at, id").Find(&d.Waiting).Error
	if err != nil {
		return nil, err
	}
	load := map[uint]*TechnicianLoad{}
	for _, t := range d.Waiting {
		if t.Manager == nil {
			continue
		}
		l := load[t.Manager.ID]
		if l == nil {
			l = &TechnicianLoad{Technician: *t.Manager}
			load[t.Manager.ID] = l
		}
		if t.VisitOn == day {
			l.Visits++
		}
	}
	for _, l := range load {
		d.Load = append(d.Load, *l)
	}
	// The busiest first; alike, by name.
	sort.Slice(d.Load, func(i, j int) bool {
		a, b := d.Load[i], d.Load[j]
		if a.Visits != b.Visits {
			return a.Visits > b.Visits
		}
		return a.Technician.Name < b.Technician.Name
	})
	return d, nil
}
