package model

import (
	"context"
	"errors"
	"reflect"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"orderdesk/model/internal/sqlitebulk"
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

// bulkWrites returns how a generator writes each chunk, in a transaction
// of its own: through the bulk loader on SQLite, a GORM transaction on
// PostgreSQL. done releases the loader; call it before anything else
// writes in bulk (the indexes built again after a load).
func (s *Store) bulkWrites(ctx context.Context) (write func(fn func(bulkSink) error) error, done func(), err error) {
	if s.Dialect != SQLite {
		return func(fn func(bulkSink) error) error {
			return s.write(ctx, func(tx *gorm.DB) error { return fn(gormSink{tx}) })
		}, func() {}, nil
	}
	loader, err := s.openBulkLoader(ctx)
	if err != nil {
		return nil, nil, err
	}
	return func(fn func(bulkSink) error) error {
		return loader.Transaction(func() error { return fn(loaderSink{loader}) })
	}, loader.Close, nil
}

// openBulkLoader opens the bulk loader (package sqlitebulk) on s's SQLite file.
func (s *Store) openBulkLoader(ctx context.Context) (*sqlitebulk.Loader, error) {
	if s.Dialect != SQLite || s.Path == "" {
		return nil, errors.New("bulk loader: SQLite files only")
	}
	return sqlitebulk.Open(ctx, s.Path, s.db)
}

// bulkLoad runs fn with a loader on s's SQLite file, in one transaction.
func (s *Store) bulkLoad(ctx context.Context, fn func(w bulkSink) error) error {
	b, err := s.openBulkLoader(ctx)
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Transaction(func() error { return fn(loaderSink{b}) })
}

// loaderSink writes through the SQLite bulk loader.
type loaderSink struct{ l *sqlitebulk.Loader }

func (w loaderSink) insert(rows any) error                { return w.l.Insert(rows) }
func (w loaderSink) exec(query string, args ...any) error { return w.l.Exec(query, args...) }
func (w loaderSink) scan(dest *int64, query string, args ...any) error {
	return w.l.Scan(dest, query, args...)
}

// firstFreeID returns the id after the highest in table, for a generator
// that numbers its rows itself on SQLite so that their records can be
// written before the rows' ids are read back.
func firstFreeID(w bulkSink, table string) (uint, error) {
	var last int64
	err := w.scan(&last, "SELECT MAX(id) FROM "+table)
	return uint(last) + 1, err
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
