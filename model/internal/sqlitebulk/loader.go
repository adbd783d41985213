// Package sqlitebulk writes many rows into a SQLite file through SQLite's
// own C API (modernc.org/sqlite's transpiled library), on a connection of
// its own, statements prepared once. It holds the project's only unsafe
// pointer and libc calls, kept out of the domain package model, which
// calls it for its data generators and benchmark fixtures, and to keep
// SQLite's allocator from mapping and unmapping pages (allocator.go). It imports
// nothing of model: rows are GORM models, read through GORM's schema.
package sqlitebulk

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"gorm.io/gorm"
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// Loader writes the data generators' rows into a SQLite file through
// SQLite's own API, on a connection of its own. Each table's multi-row
// INSERT is prepared once and run again and again with new values bound.
//
// Why not database/sql: the driver (glebarez/go-sqlite) prepares a
// statement anew on every execution, so written as literals 250,000
// orders' seven million rows spent half the load in SQLite's parser, and
// written as parameters the driver's binding (a linear search of all the
// arguments for each one) grows with the square of a statement's width.
// Prepared once and bound by position, the same rows take about half the
// time. Values are bound exactly as the driver would store them (a test
// compares rows written both ways).
//
// It is for the generators and benchmarks only: the app's writes go
// through GORM. A loader is used by one goroutine at a time, and the
// store's own writer must not hold a transaction while the loader writes
// (the loader waits for it up to the busy timeout).
type Loader struct {
	ctx    context.Context
	schema *gorm.DB // parses the tables' schemas
	tls    *libc.TLS
	db     uintptr // sqlite3*
	out    uintptr // a C word for out-parameters
	tables map[reflect.Type]*table
	arena  cArena
}

// table is one table's prepared INSERT.
type table struct {
	name    string
	columns []column
	rows    int     // rows per statement
	full    uintptr // the prepared INSERT of rows rows
}

// bulkParams is about how many values one INSERT binds: enough rows that
// the statement's fixed cost (opening the table and its indexes) is shared
// among many, few enough that the statement stays small.
const bulkParams = 1000

// Open opens a loader on the SQLite file at path with the connection
// settings of the app's own connections, and a 512 MB page cache: the
// indexes kept up to date during a load and the pages being filled stay
// in memory. schema is a GORM handle that parses the models' tables.
func Open(ctx context.Context, path string, schema *gorm.DB) (*Loader, error) {
	if path == "" {
		return nil, errors.New("bulk loader: SQLite files only")
	}
	b := &Loader{ctx: ctx, schema: schema, tls: libc.NewTLS(), tables: map[reflect.Type]*table{}}
	b.arena.tls = b.tls
	if b.out = libc.Xmalloc(b.tls, 8); b.out == 0 {
		b.Close()
		return nil, errors.New("bulk loader: out of memory")
	}
	name, err := libc.CString(path)
	if err != nil {
		b.Close()
		return nil, err
	}
	rc := sqlite3.Xsqlite3_open_v2(b.tls, name, b.out, sqlite3.SQLITE_OPEN_READWRITE|sqlite3.SQLITE_OPEN_NOMUTEX, 0)
	libc.Xfree(b.tls, name)
	b.db = b.word()
	if rc != sqlite3.SQLITE_OK {
		err := b.error(rc, "open "+path)
		b.Close()
		return nil, err
	}
	pragmas := []string{"busy_timeout = 10000", "synchronous = NORMAL", "foreign_keys = ON", "temp_store = MEMORY", "cache_size = -524288"}
	for _, p := range pragmas {
		if err := b.execText("PRAGMA " + p); err != nil {
			b.Close()
			return nil, err
		}
	}
	return b, nil
}

// Close finalizes the statements and closes the connection.
func (b *Loader) Close() {
	for _, t := range b.tables {
		sqlite3.Xsqlite3_finalize(b.tls, t.full)
	}
	b.arena.free()
	if b.db != 0 {
		sqlite3.Xsqlite3_close_v2(b.tls, b.db)
	}
	if b.out != 0 {
		libc.Xfree(b.tls, b.out)
	}
	b.tls.Close()
}

// Transaction runs fn in a transaction that takes the write lock at once.
func (b *Loader) Transaction(fn func() error) error {
	if err := b.execText("BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		b.execText("ROLLBACK")
		return err
	}
	return b.execText("COMMIT")
}

// Insert writes rows, a slice of structs or of pointers to them, with
// their ids (a zero auto-increment id is numbered by SQLite). The rows'
// values are read on another goroutine (reflection, Valuers, times
// formatted) while SQLite writes the statement before: reading them costs
// a quarter of the load, and a desk has at least two cores.
func (b *Loader) Insert(rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("bulk insert: %T is not a slice", rows)
	}
	if v.Len() == 0 {
		return nil
	}
	t, err := b.prepared(v.Type().Elem())
	if err != nil {
		return err
	}
	batches := make(chan []value, 2)
	spare := make(chan []value, 3)
	stop := make(chan struct{})
	defer close(stop)
	var readErr error
	go func() {
		defer close(batches)
		for start := 0; start < v.Len(); start += t.rows {
			var vals []value
			select {
			case vals = <-spare:
			default:
			}
			if vals, readErr = t.values(b.ctx, v, start, min(start+t.rows, v.Len()), vals[:0]); readErr != nil {
				return
			}
			select {
			case batches <- vals:
			case <-stop:
				return
			}
		}
	}()
	for vals := range batches {
		if err := b.insertRows(t, vals); err != nil {
			return err
		}
		select {
		case spare <- vals:
		default:
		}
	}
	return readErr // set before batches was closed
}

// insertRows binds the values of whole rows to t's INSERT and runs it.
func (b *Loader) insertRows(t *table, vals []value) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	stmt := t.full
	if n := len(vals) / len(t.columns); n < t.rows {
		// The last few rows: a statement of their own, used once.
		var err error
		if stmt, err = b.prepare(t.insertSQL(n)); err != nil {
			return err
		}
		defer sqlite3.Xsqlite3_finalize(b.tls, stmt)
	}
	defer b.arena.reset()
	for i, bv := range vals {
		if err := b.bind(stmt, int32(i+1), bv); err != nil {
			return fmt.Errorf("%s.%s: %w", t.name, t.columns[i%len(t.columns)].field.DBName, err)
		}
	}
	if err := b.step(stmt, nil); err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	return nil
}

// prepared returns the prepared INSERT of elem's table, preparing it the first time.
func (b *Loader) prepared(elem reflect.Type) (*table, error) {
	if t, ok := b.tables[elem]; ok {
		return t, nil
	}
	model := reflect.New(elem).Interface()
	if elem.Kind() == reflect.Pointer {
		model = reflect.New(elem.Elem()).Interface()
	}
	st := &gorm.Statement{DB: b.schema}
	if err := st.Parse(model); err != nil {
		return nil, err
	}
	t := &table{name: st.Schema.Table}
	for _, f := range st.Schema.Fields {
		if f.DBName != "" && f.Creatable {
			t.columns = append(t.columns, newColumn(f))
		}
	}
	t.rows = max(1, bulkParams/len(t.columns))
	var err error
	if t.full, err = b.prepare(t.insertSQL(t.rows)); err != nil {
		return nil, err
	}
	b.tables[elem] = t
	return t, nil
}

// insertSQL is the INSERT of n rows of t, every value a parameter.
func (t *table) insertSQL(n int) string {
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = strconv.Quote(c.field.DBName)
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.columns)), ",") + ")"
	return "INSERT OR ROLLBACK INTO " + strconv.Quote(t.name) + " (" + strings.Join(cols, ",") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

// Exec runs one statement with args bound to its ? parameters.
func (b *Loader) Exec(query string, args ...any) error {
	return b.run(query, args, nil)
}

// Scan runs a query and stores the first column of its first row in dest:
// 0 when there is no row or the value is NULL.
func (b *Loader) Scan(dest *int64, query string, args ...any) error {
	*dest = 0
	return b.run(query, args, dest)
}

func (b *Loader) run(query string, args []any, dest *int64) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	stmt, err := b.prepare(query)
	if err != nil {
		return err
	}
	defer sqlite3.Xsqlite3_finalize(b.tls, stmt)
	defer b.arena.reset()
	for i, a := range args {
		bv, err := valueOf(a)
		if err == nil {
			err = b.bind(stmt, int32(i+1), bv)
		}
		if err != nil {
			return fmt.Errorf("argument %d: %w", i+1, err)
		}
	}
	return b.step(stmt, dest)
}

// step runs stmt to its end; dest, if not nil, receives the first column
// of the first row.
func (b *Loader) step(stmt uintptr, dest *int64) error {
	for {
		switch rc := sqlite3.Xsqlite3_step(b.tls, stmt); rc {
		case sqlite3.SQLITE_ROW:
			if dest != nil && sqlite3.Xsqlite3_column_type(b.tls, stmt, 0) != sqlite3.SQLITE_NULL {
				*dest = sqlite3.Xsqlite3_column_int64(b.tls, stmt, 0)
			}
			dest = nil
		case sqlite3.SQLITE_DONE:
			sqlite3.Xsqlite3_reset(b.tls, stmt)
			return nil
		default:
			err := b.error(rc, "")
			sqlite3.Xsqlite3_reset(b.tls, stmt)
			return err
		}
	}
}

// prepare compiles one statement.
func (b *Loader) prepare(query string) (uintptr, error) {
	q, err := libc.CString(query)
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(b.tls, q)
	if rc := sqlite3.Xsqlite3_prepare_v2(b.tls, b.db, q, -1, b.out, 0); rc != sqlite3.SQLITE_OK {
		return 0, b.error(rc, query)
	}
	return b.word(), nil
}

// execText runs statements without parameters.
func (b *Loader) execText(query string) error {
	q, err := libc.CString(query)
	if err != nil {
		return err
	}
	defer libc.Xfree(b.tls, q)
	if rc := sqlite3.Xsqlite3_exec(b.tls, b.db, q, 0, 0, 0); rc != sqlite3.SQLITE_OK {
		return b.error(rc, query)
	}
	return nil
}

// bind binds v to parameter i. Text and blobs are copied into the arena
// and read there by SQLite in place (SQLITE_STATIC): the arena is kept
// until the statement has run.
func (b *Loader) bind(stmt uintptr, i int32, v value) error {
	switch v.kind {
	case 'i':
		return b.bound(sqlite3.Xsqlite3_bind_int64(b.tls, stmt, i, v.i))
	case 'f':
		return b.bound(sqlite3.Xsqlite3_bind_double(b.tls, stmt, i, v.f))
	case 't', 'b':
		p, err := b.arena.alloc(len(v.s))
		if err != nil {
			return err
		}
		copy(unsafe.Slice((*byte)(unsafe.Add(nil, p)), len(v.s)), v.s)
		if v.kind == 'b' {
			return b.bound(sqlite3.Xsqlite3_bind_blob(b.tls, stmt, i, p, int32(len(v.s)), 0))
		}
		return b.bound(sqlite3.Xsqlite3_bind_text(b.tls, stmt, i, p, int32(len(v.s)), 0))
	}
	return b.bound(sqlite3.Xsqlite3_bind_null(b.tls, stmt, i))
}

func (b *Loader) bound(rc int32) error {
	if rc != sqlite3.SQLITE_OK {
		return b.error(rc, "")
	}
	return nil
}

// word reads the C word at b.out.
func (b *Loader) word() uintptr {
	return *(*uintptr)(unsafe.Add(nil, b.out))
}

// Error is an error of SQLite's, with its result code (so the store
// recognises a locked database as it does the driver's errors).
type Error struct {
	code int
	msg  string
}

func (e *Error) Error() string { return e.msg }

// Code returns SQLite's result code.
func (e *Error) Code() int { return e.code }

func (b *Loader) error(rc int32, query string) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(b.tls, rc))
	if b.db != 0 {
		msg = libc.GoString(sqlite3.Xsqlite3_errmsg(b.tls, b.db))
	}
	if len(query) > 200 {
		query = query[:200] + "…"
	}
	if query != "" {
		msg += " (" + query + ")"
	}
	return &Error{code: int(rc), msg: fmt.Sprintf("sqlite: %s (%d)", msg, rc)}
}

// cArena is C memory for the text and blob values bound to the statement
// being run: one malloc per block instead of one per value. Blocks are
// kept for the next statement; a value larger than a block gets its own,
// freed on reset.
type cArena struct {
	tls    *libc.TLS
	blocks []uintptr
	cur    int // the block being filled
	off    int // its bytes used
	big    []uintptr
}

const arenaBlock = 256 << 10

// alloc returns n bytes (never a null pointer: SQLite binds a null text
// pointer as NULL, and an empty string is not NULL).
func (a *cArena) alloc(n int) (uintptr, error) {
	if n > arenaBlock {
		p := libc.Xmalloc(a.tls, libc.Tsize_t(n))
		if p == 0 {
			return 0, errors.New("bulk loader: out of memory")
		}
		a.big = append(a.big, p)
		return p, nil
	}
	if len(a.blocks) > 0 && a.off+n > arenaBlock {
		a.cur, a.off = a.cur+1, 0
	}
	if a.cur == len(a.blocks) {
		p := libc.Xmalloc(a.tls, arenaBlock)
		if p == 0 {
			return 0, errors.New("bulk loader: out of memory")
		}
		a.blocks = append(a.blocks, p)
	}
	p := a.blocks[a.cur] + uintptr(a.off)
	a.off += (n + 7) &^ 7
	return p, nil
}

// reset makes the blocks free for the next statement.
func (a *cArena) reset() {
	a.cur, a.off = 0, 0
	for _, p := range a.big {
		libc.Xfree(a.tls, p)
	}
	a.big = a.big[:0]
}

func (a *cArena) free() {
	a.reset()
	for _, p := range a.blocks {
		libc.Xfree(a.tls, p)
	}
	a.blocks = nil
}
