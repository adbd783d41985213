package model

import (
	"fmt"
	"sort"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ActionItemDay is how many pending action items one person or one work
// group must do by one day. The manager's dashboard sums the days before
// today instead of counting the items: "past due" moves with the clock, a
// count by due day does not. Every write that makes, finishes, reopens or
// moves a pending item changes these rows in its own transaction
// (itemDays.apply); a day whose count falls to nought is deleted, so the
// rows are the days someone still has work on.
type ActionItemDay struct {
	OwnerKind string `gorm:"primaryKey;size:6"`
	OwnerID   uint   `gorm:"primaryKey;autoIncrement:false"`
	DueOn     Date   `gorm:"primaryKey;size:10"`
	N         int64  `gorm:"not null;default:0"`
}

// TableName keeps the name the frozen schema step gave the table.
func (ActionItemDay) TableName() string { return "action_item_days" }

// The owners of counted items: an item assigned to a person, or to a group
// and nobody in it.
const (
	ownerPerson = "person"
	ownerGroup  = "group"
)

type itemDay struct {
	kind  string
	owner uint
	due   Date
}

// itemDays is a change to the counts: items added (positive) or taken
// away (negative) per owner and day.
type itemDays map[itemDay]int64

// add counts n items of an owner due on a day. An item with neither owner
// nor due date (none is stored: Note.Validate) counts nowhere, as in the
// step that filled the table.
func (d itemDays) add(assignee, group *uint, due Date, n int64) {
	if due.IsZero() {
		return
	}
	switch {
	case assignee != nil:
		d[itemDay{ownerPerson, *assignee, due}] += n
	case group != nil:
		d[itemDay{ownerGroup, *group, due}] += n
	}
}

// apply writes the change: an increment in place (INSERT … ON CONFLICT DO
// UPDATE), never a count read and written back, so two desks changing the
// same day on PostgreSQL both count. Rows are changed in the order of
// their keys, so two transactions cannot deadlock on them.
func (d itemDays) apply(tx *gorm.DB) error {
	keys := make([]itemDay, 0, len(d))
	for k, n := range d {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.owner != b.owner {
			return a.owner < b.owner
		}
		return a.due.Before(b.due)
	})
	for _, k := range keys {
		err := tx.Exec(`INSERT INTO action_item_days (owner_kind, owner_id, due_on, n) VALUES (?, ?, ?, ?)
			ON CONFLICT (owner_kind, owner_id, due_on) DO UPDATE SET n = action_item_days.n + excluded.n`, k.kind, k.owner, k.due, d[k]).Error
		if err != nil {
			return err
		}
		if d[k] < 0 {
			if err := tx.Exec(`DELETE FROM action_item_days WHERE owner_kind = ? AND owner_id = ? AND due_on = ? AND n = 0`, k.kind, k.owner, k.due).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// updateItems updates the notes where selects and returns them as they
// are after it (their owner and due date): the rows the statement itself
// changed, so the counts follow exactly what was written even when another
// desk changed the same items a moment before.
func updateItems(tx *gorm.DB, set map[string]any, where string, args ...any) ([]Note, error) {
	var out []Note
	err := tx.Model(&out).Clauses(clause.Returning{Columns: []clause.Column{{Name: "id"}, {Name: "pending"}, {Name: "assignee_id"}, {Name: "assigned_group_id"}, {Name: "due_on"}}}).
		Where(where, args...).Updates(set).Error
	return out, err
}

// itemDaysFromNotes counts the pending items of the notes table itself.
func itemDaysFromNotes(db *gorm.DB) (map[itemDay]int64, error) {
	var rows []struct {
		AssigneeID      *uint
		AssignedGroupID *uint
		DueOn           Date
		N               int64
	}
	err := db.Model(&Note{}).Select("assignee_id, assigned_group_id, due_on, COUNT(*) AS n").
		Where("pending = ?", true).Group("assignee_id, assigned_group_id, due_on").Scan(&rows).Error
	out := itemDays{}
	for _, r := range rows {
		out.add(r.AssigneeID, r.AssignedGroupID, r.DueOn, r.N)
	}
	return out, err
}

// rebuildItemDays replaces the counts with ones taken from the notes:
// after a bulk load or a repair.
func rebuildItemDays(tx *gorm.DB) error {
	want, err := itemDaysFromNotes(tx)
	if err != nil {
		return err
	}
	if err := tx.Where("1 = 1").Delete(&ActionItemDay{}).Error; err != nil {
		return err
	}
	rows := make([]ActionItemDay, 0, len(want))
	for k, n := range want {
		rows = append(rows, ActionItemDay{OwnerKind: k.kind, OwnerID: k.owner, DueOn: k.due, N: n})
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.CreateInBatches(&rows, batchRows(tx, &ActionItemDay{})).Error
}

// itemDayProblems compares the stored counts with the notes and names
// every difference.
func itemDayProblems(db *gorm.DB) ([]string, error) {
	want, err := itemDaysFromNotes(db)
	if err != nil {
		return nil, err
	}
	var stored []ActionItemDay
	if err := db.Find(&stored).Error; err != nil {
		return nil, err
	}
	var problems []string
	for _, r := range stored {
		k := itemDay{r.OwnerKind, r.OwnerID, r.DueOn}
		if want[k] != r.N {
			problems = append(problems, fmt.Sprintf("action item count: %s id %d has %d pending items due %s, the count says %d", k.kind, k.owner, want[k], k.due, r.N))
		}
		delete(want, k)
	}
	for k, n := range want {
		problems = append(problems, fmt.Sprintf("action item count: %s id %d has %d pending items due %s, none counted", k.kind, k.owner, n, k.due))
	}
	sort.Strings(problems)
	return problems, nil
}
