package model

import (
	"reflect"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// bulkSink is where a generator writes: the bulk loader on SQLite, a GORM
// transaction on PostgreSQL. Queries use ? for their parameters.
type bulkSink interface {
	// insert writes rows, a slice of structs or of pointers to them.
	insert(rows any) error
	exec(query string, args ...any) error
	// scan stores the first column of the first row (0 for none or NULL).
	scan(dest *int64, query string, args ...any) error
}

// gormSink writes through a GORM transaction, in batches of about 300
// parameters.
type gormSink struct{ tx *gorm.DB }

func (g gormSink) insert(rows any) error {
	v := reflect.ValueOf(rows)
	if v.Len() == 0 {
		return nil
	}
	return g.tx.Omit(clause.Associations).CreateInBatches(rows, batchRows(g.tx, v.Index(0).Interface())).Error
}

func (g gormSink) exec(query string, args ...any) error { return g.tx.Exec(query, args...).Error }

func (g gormSink) scan(dest *int64, query string, args ...any) error {
	var v *int64
	if err := g.tx.Raw(query, args...).Scan(&v).Error; err != nil {
		return err
	}
	*dest = 0
	if v != nil {
		*dest = *v
	}
	return nil
}

// batchRows returns how many rows of model to insert per statement: about
// 300 parameters. glebarez/go-sqlite binds each parameter by scanning all
// the statement's arguments, so binding costs grow with the square of the
// parameters in one statement; small multi-row inserts are fastest.
func batchRows(tx *gorm.DB, model any) int {
	st := &gorm.Statement{DB: tx}
	if err := st.Parse(model); err != nil {
		return 10
	}
	return max(1, 300/max(1, len(st.Schema.DBNames)))
}
