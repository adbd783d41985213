package model

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// PastDue is one line of the manager dashboard: a person or a group and
// how many of their action items are past due (seed 003: review how many
// past-due actions each person has open).
type PastDue struct {
	ID     uint
	Name   string
	Count  int
	Oldest Date
}

// Dashboard is the manager's view of the queues.
type Dashboard struct {
	People []PastDue
	Groups []PastDue
	// OverdueRMAs counts the returns whose step is past due (OverdueRMAs lists them).
	OverdueRMAs int
}

// ManagerDashboard returns the past-due counts per person and per group,
// the most past due first. It sums the kept counts by due day
// (ActionItemDay) of the days before today: a few rows per person and
// day instead of every past-due item.
func (s *Store) ManagerDashboard(ctx context.Context) (Dashboard, error) {
	db, today := s.reader(ctx), s.Today()
	var d Dashboard
	if err := pastDueBy(db, ownerPerson, "employees", today, &d.People); err != nil {
		return d, err
	}
	if err := pastDueBy(db, ownerGroup, "groups", today, &d.Groups); err != nil {
		return d, err
	}
	var n int64
	err := db.Table("rmas").Where("state IN ? AND due_on < ?", openRMAStates, today).Count(&n).Error
	d.OverdueRMAs = int(n)
	return d, err
}

// pastDueBy reads the past-due lines of one kind of owner, whose names
// are in table (employees or groups).
func pastDueBy(db *gorm.DB, kind, table string, today Date, out *[]PastDue) error {
	return db.Raw(`SELECT o.id, o.name, d.count, d.oldest FROM (
			SELECT owner_id, CAST(SUM(n) AS bigint) AS count, MIN(due_on) AS oldest FROM action_item_days
			WHERE owner_kind = ? AND due_on < ? GROUP BY owner_id) d
		JOIN `+table+` o ON o.id = d.owner_id ORDER BY d.count DESC, o.name`, kind, today).Scan(out).Error
}

// PastDueItems returns the past-due items of one person (or, with group
// set, one group): the dashboard's drill-down, oldest first.
func (s *Store) PastDueItems(ctx context.Context, id uint, group bool, limit int) ([]Note, error) {
	q := s.reader(ctx).Preload("Author").Preload("Assignee").Preload("AssignedGroup").
		Where("pending = ? AND due_on < ?", true, s.Today())
	if group {
		q = q.Where("assigned_group_id = ?", id)
	} else {
		q = q.Where("assignee_id = ?", id)
	}
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []Note
	return out, q.Order("due_on, id").Find(&out).Error
}

// Handover says where one person's work goes when they leave or are away:
// to another person, or to a work group. Orders always need a person: when
// the work goes to a group, OrdersTo names who takes the orders.
type Handover struct {
	From     uint
	ToPerson *uint
	ToGroup  *uint
	OrdersTo *uint
}

// HandoverPreview is everything that would move, by kind, as ids.
type HandoverPreview struct {
	ActionItems []uint
	Orders      []uint
	// Others are the kinds other capabilities add (tickets they manage...).
	Others map[string][]uint
}

// Total returns how many things would move.
func (p HandoverPreview) Total() int {
	n := len(p.ActionItems) + len(p.Orders)
	for _, ids := range p.Others {
		n += len(ids)
	}
	return n
}

// handoverKind is work of another capability that moves with a handover
// (tickets register one). preview lists the ids; move reassigns them.
type handoverKind struct {
	name    string
	preview func(tx *gorm.DB, from uint) ([]uint, error)
	move    func(tx *gorm.DB, ids []uint, h Handover, by Actor, now time.Time) error
}

var handoverKinds []handoverKind

// PreviewHandover lists what a handover from a person would move: their
// pending action items, the open orders they are the clerk of, and the
// work other capabilities register.
func (s *Store) PreviewHandover(ctx context.Context, from uint) (HandoverPreview, error) {
	return previewHandover(s.reader(ctx), from)
}

func previewHandover(db *gorm.DB, from uint) (HandoverPreview, error) {
	p := HandoverPreview{Others: map[string][]uint{}}
	if err := db.Model(&Note{}).Where("pending = ? AND assignee_id = ?", true, from).Order("id").Pluck("id", &p.ActionItems).Error; err != nil {
		return p, err
	}
	if err := db.Model(&Order{}).Where("open = ? AND clerk_id = ?", true, from).Order("id").Pluck("id", &p.Orders).Error; err != nil {
		return p, err
	}
	for _, k := range handoverKinds {
		ids, err := k.preview(db, from)
		if err != nil {
			return p, err
		}
		p.Others[k.name] = ids
	}
	return p, nil
}

// Handover moves everything a person has to someone else in one
// transaction, recorded with who did it. Only a manager may do it. It moves
// exactly what the preview listed: if anything changed since, it refuses and
// the manager reviews the new preview.
func (s *Store) Handover(ctx context.Context, by Actor, h Handover, preview HandoverPreview) error {
	if err := by.valid(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := requireManager(tx, by, M("Only a manager may hand one person's work to another.")); err != nil {
			return err
		}
		if err := checkHandover(tx, h, preview); err != nil {
			return err
		}
		now := s.now()
		to, toName, err := handoverTarget(tx, h)
		if err != nil {
			return err
		}
		to["updated_at"], to["updated_by"] = now, by.Name
		var from Employee
		if err := tx.Select("id, name").Take(&from, h.From).Error; err != nil {
			return err
		}
		note := fmt.Sprintf("work of %s handed over by %s", from.Name, by.Name)
		// The preview was just checked to be exactly what the person has now,
		// so whole sets move in one statement each: an event per record
		// first, then the records.
		items := tx.Model(&Note{}).Where("pending = ? AND assignee_id = ?", true, h.From)
		if err := logMovesOf(tx, "note", items, by, now, fieldChange("Assignee", from.Name, toName), note); err != nil {
			return err
		}
		moved, err := updateItems(tx, to, "pending = ? AND assignee_id = ?", true, h.From)
		if err != nil {
			return err
		}
		d := itemDays{}
		for _, it := range moved {
			d.add(&h.From, nil, it.DueOn, -1)
			d.add(it.AssigneeID, it.AssignedGroupID, it.DueOn, 1)
		}
		if err := d.apply(tx); err != nil {
			return err
		}
		if len(preview.Orders) > 0 {
			var clerkName string
			tx.Model(&Employee{}).Where("id = ?", *ordersTo(h)).Pluck("name", &clerkName)
			orders := tx.Model(&Order{}).Where("open = ? AND clerk_id = ?", true, h.From)
			if err := logMovesOf(tx, "order", orders, by, now, fieldChange("Clerk", from.Name, clerkName), note); err != nil {
				return err
			}
			clerk := map[string]any{"clerk_id": *ordersTo(h), "updated_at": now, "updated_by": by.Name, "version": gorm.Expr("version + 1")}
			if err := tx.Model(&Order{}).Where("open = ? AND clerk_id = ?", true, h.From).Updates(clerk).Error; err != nil {
				return err
			}
		}
		for _, k := range handoverKinds {
			if err := k.move(tx, preview.Others[k.name], h, by, now); err != nil {
				return err
			}
		}
		return logEvent(tx, eventWith(Event{Entity: "employee", EntityID: h.From, At: now, By: by.Name, ByID: by.ID, Action: ActReassigned, Note: note},
			M("{{.Items}} action items and {{.Orders}} orders to {{.To}}", "Items", len(preview.ActionItems), "Orders", len(preview.Orders), "To", toName)))
	})
}

// checkHandover refuses a handover to nobody, to someone who left, or one
// whose preview is out of date.
func checkHandover(tx *gorm.DB, h Handover, preview HandoverPreview) error {
	var fe FieldErrors
	if (h.ToPerson == nil) == (h.ToGroup == nil) {
		fe.Add("ToPerson", "Choose one person or one group to take the work.")
	}
	if h.ToPerson != nil && *h.ToPerson == h.From {
		fe.Add("ToPerson", "Choose someone else than the person whose work is handed over.")
	}
	for _, id := range []*uint{h.ToPerson, h.OrdersTo} {
		if id != nil {
			if err := requireActiveEmployee(tx, *id, "ToPerson"); err != nil {
				fe = append(fe, err.(FieldErrors)...)
			}
		}
	}
	if h.ToGroup != nil {
		if err := requireActiveGroup(tx, *h.ToGroup); err != nil {
			fe = append(fe, err.(FieldErrors)...)
		}
	}
	if len(preview.Orders) > 0 && ordersTo(h) == nil {
		fe.Add("OrdersTo", "Orders need a clerk, not a group: choose who takes the {{.N}} open orders.", "N", len(preview.Orders))
	}
	if err := fe.Err(); err != nil {
		return err
	}
	now, err := previewHandover(tx, h.From)
	if err != nil {
		return err
	}
	same := slices.Equal(now.ActionItems, preview.ActionItems) && slices.Equal(now.Orders, preview.Orders)
	for _, k := range handoverKinds {
		same = same && slices.Equal(now.Others[k.name], preview.Others[k.name])
	}
	if !same {
		return Refuse("The work changed since the preview ({{.Then}} things then, {{.Now}} now): look at the new preview and confirm again.",
			"Then", preview.Total(), "Now", now.Total())
	}
	return nil
}

func ordersTo(h Handover) *uint {
	if h.OrdersTo != nil {
		return h.OrdersTo
	}
	return h.ToPerson
}

// handoverTarget returns the columns an action item gets and the name of who takes it.
func handoverTarget(tx *gorm.DB, h Handover) (map[string]any, string, error) {
	upd := map[string]any{"version": gorm.Expr("version + 1")}
	var name string
	if h.ToPerson != nil {
		upd["assignee_id"], upd["assigned_group_id"] = *h.ToPerson, nil
		err := tx.Model(&Employee{}).Where("id = ?", *h.ToPerson).Pluck("name", &name).Error
		return upd, name, err
	}
	upd["assignee_id"], upd["assigned_group_id"] = nil, *h.ToGroup
	err := tx.Model(&Group{}).Where("id = ?", *h.ToGroup).Pluck("name", &name).Error
	return upd, name, err
}

// logMovesOf writes one "reassigned" event for each record rows selects,
// in one INSERT … SELECT.
func logMovesOf(tx *gorm.DB, entity string, rows *gorm.DB, by Actor, now time.Time, line Msg, note string) error {
	sel := rows.Session(&gorm.Session{}).Select("? , id, ?, ?, ?, ?, '', '', ?, ?", entity, now, by.Name, by.ID, ActReassigned, encodeLines([]Msg{line}), note)
	return tx.Exec(`INSERT INTO events (entity, entity_id, at, "by", by_id, action, "from", "to", lines, note) ?`, sel).Error
}
