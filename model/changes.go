package model

import (
	"context"
	"sync"

	"gorm.io/gorm"
)

// Change names a record that a committed write at this desk changed: the
// entity its events are written under ("order", "shipment") and its id.
type Change struct {
	Entity string
	ID     uint
}

// ChangeSet is the records one committed write changed.
type ChangeSet []Change

// Has reports whether the write changed the record entity id.
func (cs ChangeSet) Has(entity string, id uint) bool {
	for _, c := range cs {
		if c.Entity == entity && c.ID == id {
			return true
		}
	}
	return false
}

// Touches reports whether any of the records changed is of one of these
// kinds ("order", "shipment"…), whichever record it was.
func (cs ChangeSet) Touches(entities ...string) bool {
	for _, c := range cs {
		for _, e := range entities {
			if c.Entity == e {
				return true
			}
		}
	}
	return false
}

// changeNotices are the listeners of a store's committed writes.
type changeNotices struct {
	mu   sync.Mutex
	next int
	subs map[int]func(ChangeSet)
}

// changesKey carries the records a write in progress changed, in its context.
type changesKey struct{}

// changeLog collects what one write changed; every event written names one.
type changeLog struct {
	mu   sync.Mutex
	list ChangeSet
}

func (l *changeLog) add(entity string, id uint) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.list.Has(entity, id) {
		l.list = append(l.list, Change{entity, id})
	}
}

// OnChange calls fn after every committed write made through this store
// with the records it changed (each record a write touches gets an event,
// so the events' subjects are the changes). It is the one change notice of
// the desk: every section showing a changed record reloads from it, instead
// of each screen polling. fn runs on the writer's goroutine and must not
// block. The returned function stops the notices.
func (s *Store) OnChange(fn func(ChangeSet)) (stop func()) {
	n := &s.notices
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.subs == nil {
		n.subs = map[int]func(ChangeSet){}
	}
	n.next++
	id := n.next
	n.subs[id] = fn
	return func() {
		n.mu.Lock()
		defer n.mu.Unlock()
		delete(n.subs, id)
	}
}

// tracked returns ctx carrying a fresh log of what the write changes.
func tracked(ctx context.Context) (context.Context, *changeLog) {
	l := &changeLog{}
	return context.WithValue(ctx, changesKey{}, l), l
}

// noteChange adds an event's record to the changes of the write tx belongs to.
func noteChange(tx *gorm.DB, e *Event) {
	if tx.Statement == nil || tx.Statement.Context == nil {
		return
	}
	if l, ok := tx.Statement.Context.Value(changesKey{}).(*changeLog); ok {
		l.add(e.Entity, e.EntityID)
	}
}

// publish tells the listeners what a committed write changed.
func (s *Store) publish(l *changeLog) {
	if len(l.list) == 0 {
		return
	}
	n := &s.notices
	n.mu.Lock()
	subs := make([]func(ChangeSet), 0, len(n.subs))
	for _, fn := range n.subs {
		subs = append(subs, fn)
	}
	n.mu.Unlock()
	for _, fn := range subs {
		fn(l.list)
	}
}
