package model

import (
	"context"

	"gorm.io/gorm"
)

// Queue names one of the action-item queues of seed 003.
type Queue string

// The queues.
const (
	QueueMine   Queue = "mine"   // my items
	QueueGroups Queue = "groups" // the items of the groups I belong to
	QueuePublic Queue = "public" // items anyone may work
)

// QueueFilter asks for one queue of one person.
type QueueFilter struct {
	Queue    Queue
	PersonID uint
	// All lists every pending item; otherwise only what is due today or
	// overdue ("what you need to do today", seed 003).
	All bool
	// GroupID narrows the groups queue to one group (0: all my groups).
	GroupID       uint
	Offset, Limit int
}

// queueQuery selects the pending action items of a queue as of today.
func queueQuery(db *gorm.DB, f QueueFilter, today Date) *gorm.DB {
	q := db.Model(&Note{}).Where("notes.pending = ?", true)
	switch f.Queue {
	case QueueGroups:
		if f.GroupID != 0 {
			q = q.Where("notes.assigned_group_id = ?", f.GroupID)
		} else {
			q = q.Where("notes.assigned_group_id IN (SELECT group_id FROM group_members WHERE employee_id = ?)", f.PersonID)
		}
	case QueuePublic:
		q = q.Where("notes.public = ?", true)
	default:
		q = q.Where("notes.assignee_id = ?", f.PersonID)
	}
	if !f.All {
		q = q.Where("notes.due_on <= ?", today)
	}
	return q
}

// QueueItems returns a page of a queue, oldest due first (seed 003: work
// from oldest to newest).
func (s *Store) QueueItems(ctx context.Context, f QueueFilter) ([]Note, error) {
	q := queueQuery(s.reader(ctx), f, s.Today()).Preload("Author").Preload("Assignee").Preload("AssignedGroup").
		Order("notes.due_on, notes.id")
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	var out []Note
	return out, q.Find(&out).Error
}

// QueueCounts is how many items wait in each of a person's queues: due
// today or overdue, and all pending.
type QueueCounts struct {
	Mine, MineAll     int
	Groups, GroupsAll int
	Public, PublicAll int
	// Overdue counts the person's own items due before today.
	Overdue int
}

// CountQueues returns the counts of a person's queues.
func (s *Store) CountQueues(ctx context.Context, personID uint) (QueueCounts, error) {
	db, today := s.reader(ctx), s.Today()
	var c QueueCounts
	counts := []struct {
		f   QueueFilter
		dst *int
	}{
		{QueueFilter{Queue: QueueMine, PersonID: personID}, &c.Mine},
		{QueueFilter{Queue: QueueMine, PersonID: personID, All: true}, &c.MineAll},
		{QueueFilter{Queue: QueueGroups, PersonID: personID}, &c.Groups},
		{QueueFilter{Queue: QueueGroups, PersonID: personID, All: true}, &c.GroupsAll},
		{QueueFilter{Queue: QueuePublic}, &c.Public},
		{QueueFilter{Queue: QueuePublic, All: true}, &c.PublicAll},
	}
	for _, k := range counts {
		var n int64
		if err := queueQuery(db, k.f, today).Count(&n).Error; err != nil {
			return c, err
		}
		*k.dst = int(n)
	}
	var n int64
	err := queueQuery(db, QueueFilter{Queue: QueueMine, PersonID: personID, All: true}, today).
		Where("notes.due_on < ?", today).Count(&n).Error
	c.Overdue = int(n)
	return c, err
}
