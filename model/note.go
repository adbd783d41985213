package model

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ObjectKind names what a note is attached to (seed 003: notes can be
// entered on any object).
type ObjectKind string

// The kinds of object a note can be attached to.
const (
	OnCustomer ObjectKind = "customer"
	OnVendor   ObjectKind = "vendor"
	OnProduct  ObjectKind = "product"
	OnOrder    ObjectKind = "order"
	OnShipment ObjectKind = "shipment"
	OnTicket   ObjectKind = "ticket"
)

// ObjectKinds lists the kinds in the order the screens show them.
var ObjectKinds = []ObjectKind{OnCustomer, OnVendor, OnProduct, OnOrder, OnShipment, OnTicket}

// Note is a note on an object (seed 003): a title, details (a pasted e-mail
// keeps its text), who wrote it and when. A note with a due date is an
// action item: someone — a person or a work group — must do something by
// then. With no assignee it is the author's own; a public one anyone may work.
type Note struct {
	Row
	ObjectKind ObjectKind `gorm:"size:12;not null;index:idx_notes_object,priority:1"`
	ObjectID   uint       `gorm:"not null;index:idx_notes_object,priority:2"`
	Title      string     `gorm:"size:200;not null"`
	Body       string     `gorm:"type:text;not null;default:''"`
	// AuthorID is who wrote it; nil for the items OrderDesk makes itself.
	AuthorID *uint     `gorm:"index"`
	Author   *Employee `gorm:"constraint:OnDelete:RESTRICT"`

	// The action item, when IsAction.
	IsAction bool `gorm:"not null"`
	DueOn    Date `gorm:"size:10;index:idx_notes_person_queue,priority:3;index:idx_notes_group_queue,priority:3;index:idx_notes_public_queue,priority:3"`
	// AssigneeID is the person who must act; AssignedGroupID the work group
	// instead. Exactly one is set on an action item.
	AssigneeID      *uint     `gorm:"index:idx_notes_person_queue,priority:2"`
	Assignee        *Employee `gorm:"constraint:OnDelete:RESTRICT"`
	AssignedGroupID *uint     `gorm:"index:idx_notes_group_queue,priority:2"`
	AssignedGroup   *Group    `gorm:"constraint:OnDelete:RESTRICT"`
	Public          bool      `gorm:"not null;index:idx_notes_public_queue,priority:1"`
	// Pending is true while an action item is not done: the queues and the
	// dashboard look only at pending items. It leads the queue indexes
	// (pending, assignee, due), which serve a person's queue and, read
	// whole, the dashboard's count per person without touching the rows.
	Pending bool       `gorm:"not null;index:idx_notes_person_queue,priority:1;index:idx_notes_group_queue,priority:1;index:idx_notes_public_queue,priority:2"`
	DoneAt  *time.Time `diff:"-"`
	DoneBy  string     `gorm:"size:80;not null;default:''" diff:"-"`
	// Key identifies an item another capability created (a ticket's AES
	// notice, a late sign-back), so it is made once and not twice.
	Key string `gorm:"column:item_key;size:80;not null;default:'';index"`
}

func (n *Note) label() string {
	if n.IsAction {
		return "action item"
	}
	return "note"
}
func (n *Note) entity() string { return "note" }

// Actions written on the events of notes and action items.
const (
	ActDone       = "done"
	ActReopened   = "reopened"
	ActReassigned = "reassigned"
)

// Validate returns every problem with the note's fields.
func (n *Note) Validate() FieldErrors {
	var fe FieldErrors
	if strings.TrimSpace(n.Title) == "" {
		fe.Add("Title", "Enter a title, for example: Customer called and asked for rush shipping.")
	}
	if len([]rune(n.Title)) > 200 {
		fe.Add("Title", "The title is at most 200 characters; put the rest in the details.")
	}
	known := false
	for _, k := range ObjectKinds {
		known = known || k == n.ObjectKind
	}
	if !known || n.ObjectID == 0 {
		fe.Add("ObjectID", "A note belongs to a customer, vendor, product, order, shipment or ticket.")
	}
	if n.IsAction {
		if n.DueOn.IsZero() {
			fe.Add("DueOn", "Choose when the action item is due.")
		}
		if n.AssigneeID != nil && n.AssignedGroupID != nil {
			fe.Add("AssigneeID", "Assign the action item to a person or to a group, not both.")
		}
	}
	return fe
}

// ItemInput is a new note or action item as a clerk enters it.
type ItemInput struct {
	Object   ObjectKind
	ObjectID uint
	Title    string
	Body     string
	// Action makes it an action item, due on DueOn.
	Action bool
	DueOn  Date
	// Assignee or Group receives it; neither means the author.
	Assignee *uint
	Group    *uint
	Public   bool
	// Key, when set, makes the item once only (see Note.Key).
	Key string
}

// AddNote stores a note or an action item written by `by` (an employee).
// An action item with nobody named is the author's own (seed 003), and a
// person who has left cannot be given new work.
func (s *Store) AddNote(ctx context.Context, by Actor, in ItemInput) (*Note, error) {
	var n *Note
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		n, err = addNote(tx, by, s.now(), in)
		return err
	})
	return n, err
}

// addNote is AddNote inside a transaction, for the capabilities that create
// action items as part of their own change (one mechanism, one kind of reminder).
func addNote(tx *gorm.DB, by Actor, now time.Time, in ItemInput) (*Note, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	if by.ID == 0 && by != System {
		return nil, FieldErrors{{"AuthorID", M("Choose who you are before writing a note.")}}
	}
	if in.Key != "" {
		var n int64
		if err := tx.Model(&Note{}).Where("item_key = ? AND pending = ?", in.Key, true).Count(&n).Error; err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, nil // already there, still to do
		}
	}
	n := &Note{ObjectKind: in.Object, ObjectID: in.ObjectID, Title: strings.TrimSpace(in.Title), Body: in.Body,
		IsAction: in.Action, Key: in.Key}
	if by.ID != 0 {
		id := by.ID
		n.AuthorID = &id
	}
	if in.Action {
		n.DueOn, n.Public, n.Pending = in.DueOn, in.Public, true
		n.AssigneeID, n.AssignedGroupID = in.Assignee, in.Group
		if n.AssigneeID == nil && n.AssignedGroupID == nil {
			if by.ID == 0 {
				return nil, FieldErrors{{"AssigneeID", M("Choose who must do this.")}}
			}
			id := by.ID
			n.AssigneeID = &id
		}
	}
	if fe := n.Validate(); len(fe) > 0 {
		return nil, fe
	}
	if n.AssigneeID != nil {
		if err := requireActiveEmployee(tx, *n.AssigneeID, "AssigneeID"); err != nil {
			return nil, err
		}
	}
	if n.AssignedGroupID != nil {
		if err := requireActiveGroup(tx, *n.AssignedGroupID); err != nil {
			return nil, err
		}
	}
	if err := insertRow(tx, by, now, n); err != nil {
		return nil, err
	}
	if n.Pending {
		d := itemDays{}
		d.add(n.AssigneeID, n.AssignedGroupID, n.DueOn, 1)
		if err := d.apply(tx); err != nil {
			return nil, err
		}
	}
	what := M("note on {{.Kind}} {{.ID}}: {{.Title}}", "Kind", M(string(n.ObjectKind)), "ID", n.ObjectID, "Title", n.Title)
	if n.IsAction {
		what = M("action item on {{.Kind}} {{.ID}}: {{.Title}}", "Kind", M(string(n.ObjectKind)), "ID", n.ObjectID, "Title", n.Title)
	}
	return n, logEvent(tx, eventWith(Event{Entity: "note", EntityID: n.ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated}, what))
}

func requireActiveGroup(tx *gorm.DB, id uint) error {
	var g Group
	if err := tx.Select("id, active").Take(&g, id).Error; err != nil || !g.Active {
		return FieldErrors{{"AssignedGroupID", M("This work group does not exist or is no longer used.")}}
	}
	return nil
}

// MarkDone marks an action item done by `by` (anyone may work a public item
// or a group's item; the queues decide who sees it).
func (s *Store) MarkDone(ctx context.Context, by Actor, id uint) error {
	return s.setDone(ctx, by, id, true)
}

// Reopen puts a done action item back in its queue.
func (s *Store) Reopen(ctx context.Context, by Actor, id uint) error {
	return s.setDone(ctx, by, id, false)
}

func (s *Store) setDone(ctx context.Context, by Actor, id uint, done bool) error {
	if err := by.valid(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var n Note
		if err := tx.Take(&n, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if !n.IsAction {
			return Refuse("A note without a due date is not an action item: there is nothing to mark done.")
		}
		if n.Pending != done {
			return nil // already so
		}
		now := s.now()
		upd := map[string]any{"pending": !done, "version": gorm.Expr("version + 1"), "updated_at": now, "updated_by": by.Name}
		action := ActReopened
		if done {
			upd["done_at"], upd["done_by"], action = now, by.Name, ActDone
		} else {
			upd["done_at"], upd["done_by"] = nil, ""
		}
		// Only if it is still as read: another desk may have just done it.
		changed, err := updateItems(tx, upd, "id = ? AND pending = ?", id, done)
		if err != nil || len(changed) == 0 {
			return err
		}
		delta := int64(1)
		if done {
			delta = -1
		}
		d := itemDays{}
		d.add(changed[0].AssigneeID, changed[0].AssignedGroupID, changed[0].DueOn, delta)
		if err := d.apply(tx); err != nil {
			return err
		}
		if err := logSignatureCheck(tx, by, now, &n, done); err != nil {
			return err
		}
		return logEvent(tx, Event{Entity: "note", EntityID: id, At: now, By: by.Name, ByID: by.ID, Action: action})
	})
}

// NotesOn returns the notes and action items on one object, newest first.
func (s *Store) NotesOn(ctx context.Context, kind ObjectKind, id uint) ([]Note, error) {
	var out []Note
	err := s.reader(ctx).Preload("Author").Preload("Assignee").Preload("AssignedGroup").
		Where("object_kind = ? AND object_id = ?", kind, id).Order("created_at DESC, id DESC").Find(&out).Error
	return out, err
}
