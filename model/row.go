package model

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Row is what every stored record carries: its id, who made it and who last
// changed it (names as they were at the time, so history reads right after a
// rename), and a version for optimistic locking.
type Row struct {
	ID        uint      `gorm:"primaryKey"`
	CreatedAt time.Time `gorm:"not null"`
	CreatedBy string    `gorm:"size:80;not null;default:''"`
	UpdatedAt time.Time `gorm:"not null"`
	UpdatedBy string    `gorm:"size:80;not null;default:''"`
	Version   int64     `gorm:"not null;default:1"`
}

// row lets the save helpers reach the Row embedded in any entity.
func (r *Row) row() *Row { return r }

// IsNew reports whether the record has not been saved yet.
func (r *Row) IsNew() bool { return r.ID == 0 }

type versioned interface {
	row() *Row
}

// Actor is the person at the desk who makes a change, recorded on every
// row and event. The zero Actor is refused: every write names somebody.
type Actor struct {
	ID   uint
	Name string
}

// System is the actor for changes OrderDesk makes by itself, such as the
// automatic slip of a promised date.
var System = Actor{Name: "OrderDesk"}

func (a Actor) valid() error {
	if a.Name == "" {
		return errors.New("no actor: every change must name who made it")
	}
	return nil
}

// insertRow stores a new record, stamping who and when.
func insertRow(tx *gorm.DB, by Actor, now time.Time, v versioned) error {
	r := v.row()
	r.CreatedAt, r.UpdatedAt = now, now
	r.CreatedBy, r.UpdatedBy = by.Name, by.Name
	r.Version = 1
	if fe := checkText(v); len(fe) > 0 {
		return fe
	}
	return tx.Omit(clause.Associations).Create(v).Error
}

// insertRows inserts new records of one kind in one statement (a line a
// statement costs a parse each), with who and when as insertRow does.
func insertRows[T any, P interface {
	*T
	versioned
}](tx *gorm.DB, by Actor, now time.Time, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	for i := range rows {
		r := P(&rows[i]).row()
		r.CreatedAt, r.UpdatedAt = now, now
		r.CreatedBy, r.UpdatedBy = by.Name, by.Name
		r.Version = 1
		if fe := checkText(P(&rows[i])); len(fe) > 0 {
			return fe
		}
	}
	return tx.Omit(clause.Associations).CreateInBatches(&rows, batchRows(tx, P(&rows[0]))).Error
}

// updateRow writes every column of v only if nobody changed the row since v
// was read (its Version); otherwise it returns a *ConflictError naming who
// did and when, and writes nothing.
func updateRow(tx *gorm.DB, by Actor, now time.Time, v versioned, what string) error {
	if fe := checkText(v); len(fe) > 0 {
		return fe
	}
	r := v.row()
	read := r.Version
	r.Version, r.UpdatedAt, r.UpdatedBy = read+1, now, by.Name
	res := tx.Model(v).Where("version = ?", read).
		Select("*").Omit("id", "created_at", "created_by", clause.Associations).
		Updates(v)
	if res.Error != nil {
		r.Version = read
		return res.Error
	}
	if res.RowsAffected == 0 {
		r.Version = read
		return conflictFor(tx, v, what, by)
	}
	return nil
}

// updateChanged is updateRow writing only the columns whose values differ
// from old, the row as read in the same transaction, and the stamps. A
// gate step changes a few of an order's 130 columns, and the SQLite driver
// parses every statement anew: the full-width UPDATE cost more than the
// rest of the step's writes (issue 21). The version check is updateRow's.
func updateChanged(tx *gorm.DB, by Actor, now time.Time, v, old versioned, what string) error {
	if fe := checkText(v); len(fe) > 0 {
		return fe
	}
	cols, err := changedColumns(tx, v, old)
	if err != nil {
		return err
	}
	r := v.row()
	read := r.Version
	r.Version, r.UpdatedAt, r.UpdatedBy = read+1, now, by.Name
	res := tx.Model(v).Where("version = ?", read).
		Select(append(cols, "version", "updated_at", "updated_by")).Omit(clause.Associations).
		Updates(v)
	if res.Error != nil {
		r.Version = read
		return res.Error
	}
	if res.RowsAffected == 0 {
		r.Version = read
		return conflictFor(tx, v, what, by)
	}
	return nil
}

// changedColumns lists the columns of v whose values differ from old's,
// leaving out the row's id and stamps.
func changedColumns(tx *gorm.DB, v, old versioned) ([]string, error) {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(v); err != nil {
		return nil, err
	}
	sch, ctx := stmt.Schema, tx.Statement.Context
	nv, ov := reflect.ValueOf(v), reflect.ValueOf(old)
	var cols []string
	for _, f := range sch.Fields {
		switch f.DBName {
		case "", "id", "created_at", "created_by", "updated_at", "updated_by", "version":
			continue
		}
		a, _ := f.ValueOf(ctx, nv)
		b, _ := f.ValueOf(ctx, ov)
		if !reflect.DeepEqual(a, b) {
			cols = append(cols, f.DBName)
		}
	}
	return cols, nil
}

// conflictFor reads who last changed the row so the refusal can name them.
func conflictFor(tx *gorm.DB, v versioned, what string, by Actor) error {
	var cur Row
	err := tx.Model(v).Select("id, version, updated_at, updated_by").
		Where("id = ?", v.row().ID).Take(&cur).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	if err != nil {
		return err
	}
	return conflict(what, cur, by)
}
