package model

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database behind a Store.
type Dialect string

// The databases OrderDesk runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is OrderDesk's database: every query and every write of the model
// goes through it. On SQLite it keeps one writer connection (SQLite allows one
// writer at a time; queuing in Go is kinder than "database is locked") and a
// small pool of read-only connections; on PostgreSQL both are one pool.
type Store struct {
	db      *gorm.DB // writes, and reads inside a write
	read    *gorm.DB // reads outside a write
	Dialect Dialect
	// Path is the SQLite file, or "" on PostgreSQL.
	Path string
	// Target is what Open was given (a file or a postgres:// URL), to open
	// the same database again.
	Target string
	// Clock says what time it is; tests pass a fixed clock.
	Clock func() time.Time
	// loc is the office's time zone: the calendar day of a time is taken
	// there. It is the office's setting, not the desk's (a desk on UTC
	// numbers and dates orders as the office does), and it changes under
	// running work when a manager saves another: hence atomic.
	loc atomic.Pointer[time.Location]
	// Warnings are said once to the clerk after opening (a file on a network share).
	Warnings []Msg
	// BackupBeforeMigration is the copy made before the schema was upgraded, if any.
	BackupBeforeMigration string
	// SchemaVersion is the schema version of the database after opening.
	SchemaVersion int
	// checkpoints folds the WAL into the file beside the writer (SQLite).
	checkpoints *checkpointer
	// lock is this desk's shared lock on the SQLite file (desklock.go).
	lock *deskLock
	// notices are told what each committed write changed (changes.go).
	notices changeNotices
}

// Options tune Open; the zero value is what the app uses.
type Options struct {
	Clock    func() time.Time
	Location *time.Location
	// LogSQL writes every statement to the log (for debugging).
	LogSQL bool
	// Create makes a new database when target has none: a missing or empty
	// file, or a PostgreSQL database without OrderDesk's tables. Only the
	// window's first start, demo and tests set it; every other command
	// refuses what is not already an OrderDesk database, creating nothing.
	Create bool
	// lockHeld says the caller holds the database's lock already (a restore).
	lockHeld bool
	// migrateTo stops migrations at a version; tests use it to build an old schema.
	migrateTo int
}

// DefaultFile is the name of the database file under the app's storage root.
const DefaultFile = "orderdesk.db"

// AppID is the application's unique id, as in FyneApp.toml.
const AppID = "com.orderdesk.app"

// AppDir returns the app's per-user storage root: the same folder Fyne uses
// for the app's Preferences and Storage, so the command line and the window
// open the same database without starting a GUI.
func AppDir() string {
	return filepath.Join(rootConfigDir(), "fyne", AppID)
}

// DefaultTarget returns the database the app opens when -db is not given.
func DefaultTarget() string { return filepath.Join(AppDir(), DefaultFile) }

// IsPostgresURL reports whether target names a PostgreSQL server rather than a file.
func IsPostgresURL(target string) bool {
	t := strings.ToLower(strings.TrimSpace(target))
	return strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://")
}

// Open opens (migrating as needed, and creating it if opt.Create) the
// database named by target: a SQLite file path, "" for the default file,
// or a postgres:// URL. Indexes of the schema found missing (a bulk load
// killed half-way) are built again.
func Open(ctx context.Context, target string, opt Options) (*Store, error) {
	if strings.TrimSpace(target) == "" {
		target = DefaultTarget()
	}
	s := &Store{Clock: opt.Clock, Target: target}
	if s.Clock == nil {
		s.Clock = time.Now
	}
	// Until the settings can be read (the migration may create them), the
	// default office's zone; Options.Location (tests) overrides the setting.
	s.loc.Store(DefaultOffice().Location())
	if opt.Location != nil {
		s.loc.Store(opt.Location)
	}
	cfg := &gorm.Config{
		TranslateError:         true,
		NowFunc:                s.now,
		SkipDefaultTransaction: true, // every write is already in our own transaction
		Logger:                 gormLogger(opt.LogSQL),
	}
	var err error
	if IsPostgresURL(target) {
		if u, perr := url.Parse(target); perr == nil && u.User != nil {
			if pw, ok := u.User.Password(); ok {
				AddSecret(pw) // never into the log, whatever error quotes the URL
			}
		}
		err = s.openPostgres(target, cfg)
	} else {
		err = s.openSQLite(target, cfg, opt)
	}
	if err == nil {
		err = registerUTC(s.db)
		if err == nil && s.read != s.db {
			err = registerUTC(s.read)
		}
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	s.useOfficeZone(opt) // an older schema's data steps date as the office does
	if err := s.migrate(ctx, opt); err != nil {
		s.Close()
		return nil, err
	}
	s.useOfficeZone(opt)
	if opt.migrateTo == 0 {
		if err := s.repairIndexes(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	if s.read != s.db {
		// The reader pool's connection was opened before the migration;
		// SQLite re-reads the schema after a step adds a column, but the
		// first SELECT * on it came back with the old column set (an
		// empty events.lines). Idle connections are closed so every read
		// starts on the schema as migrated.
		if r, err := s.read.DB(); err == nil {
			r.SetMaxIdleConns(0)
			r.SetMaxIdleConns(readConns)
		}
	}
	if s.SchemaVersion >= importJournalSchema {
		if err := s.undoDeadImports(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

func gormLogger(verbose bool) logger.Interface {
	if verbose {
		return logger.New(log.New(os.Stderr, "", log.LstdFlags), logger.Config{LogLevel: logger.Info})
	}
	return logger.New(log.New(io.Discard, "", 0), logger.Config{LogLevel: logger.Silent})
}

// now is the store's clock in UTC to the microsecond: what both databases keep.
func (s *Store) now() time.Time { return s.Clock().UTC().Truncate(time.Microsecond) }

// useOfficeZone takes the office's time zone from its settings, unless the
// caller named one. A database without settings yet (before the first
// migration) keeps the default's.
func (s *Store) useOfficeZone(opt Options) {
	if opt.Location != nil {
		return
	}
	if o, err := loadOffice(s.db); err == nil {
		s.loc.Store(o.Location())
	}
}

// Location returns the office's time zone: the one its settings name
// (Options.Location, if given, instead).
func (s *Store) Location() *time.Location { return s.loc.Load() }

// Now returns the current time in the office's time zone.
func (s *Store) Now() time.Time { return s.Clock().In(s.Location()) }

// Today returns the office's calendar day now.
func (s *Store) Today() Date { return DateOf(s.Now()) }

// Close closes the database; on SQLite it first folds the WAL back into the file.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	defer s.lock.release() // after the connections: nothing may write once it is gone
	if s.db == nil {
		return nil
	}
	if s.Dialect == SQLite {
		// Keep the planner's statistics fresh (SQLite's advice for every
		// close), then fold the WAL back into the file. optimize=0x02 is
		// the default without its analysis_limit: a sampled ANALYZE sees one
		// value of a column with few (state, customer) and tells the
		// planner that a value matches 1,001 rows however many do, which
		// turned a page of the order list into a sort of every order.
		// optimize analyzes a table only when it has grown tenfold since.
		s.checkpoints.close()
		s.db.Exec("PRAGMA optimize=0x02")
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	var errs []error
	for _, g := range []*gorm.DB{s.read, s.db} {
		if g == nil {
			continue
		}
		if sqlDB, err := g.DB(); err == nil {
			errs = append(errs, sqlDB.Close())
		}
		if s.read == s.db {
			break
		}
	}
	return errors.Join(errs...)
}

// reader returns the connection for a query that is not part of a write.
func (s *Store) reader(ctx context.Context) *gorm.DB { return s.read.WithContext(ctx) }

// write runs fn in one transaction. When another desk or process holds the
// database it waits and tries again, for at most writeWaitLimit, so
// "database is locked" never reaches a clerk and no clerk waits longer;
// any other error rolls everything back.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if tx, ok := ctx.Value(batchKey{}).(*gorm.DB); ok {
		// Inside a Batch: a savepoint of the batch's transaction, so one
		// failed write is undone alone and the batch decides the rest.
		return tx.Transaction(fn)
	}
	ctx, changed := tracked(ctx)
	if err := s.commit(ctx, fn); err != nil {
		return err
	}
	s.publish(changed)
	return nil
}

// commit runs fn in a transaction of its own, waiting while another desk writes.
func (s *Store) commit(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.Dialect == SQLite {
		return s.writeSQLite(ctx, fn)
	}
	deadline := time.Now().Add(writeWaitLimit)
	delay := 20 * time.Millisecond
	for {
		err := s.db.WithContext(ctx).Transaction(fn)
		if err == nil || !isBusy(err) || time.Now().Add(delay).After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// saveable is an entity the generic save can store.
type saveable interface {
	versioned
	// label names the record for a clerk: "customer C0012".
	label() string
	// entity is the kind written on its events: "customer".
	entity() string
}

// save stores v in one transaction: an insert when new, otherwise an update
// that is refused if someone else changed the row since it was read. check
// runs first inside the same transaction (uniqueness, references). An event
// records who, when and which fields changed; an update that changes nothing
// writes nothing. If the transaction fails, v's Row is put back as it was,
// so the clerk can simply save again.
func (s *Store) save(ctx context.Context, by Actor, v saveable, check func(tx *gorm.DB) error) error {
	return s.saveWith(ctx, by, v, check, nil)
}

// saveWith is save with more to write in the same transaction: after runs
// once v has its id (a new record inserted) and returns lines of history
// for v's one event, so a record and what hangs on it (a person's groups)
// change together, under one event.
func (s *Store) saveWith(ctx context.Context, by Actor, v saveable, check func(tx *gorm.DB) error, after func(tx *gorm.DB) ([]Msg, error)) error {
	if err := by.valid(); err != nil {
		return err
	}
	before := *v.row()
	err := s.write(ctx, func(tx *gorm.DB) error {
		*v.row() = before
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		now := s.now()
		if before.ID == 0 {
			if err := insertRow(tx, by, now, v); err != nil {
				return translateDup(err)
			}
			if err := journal(ctx, tx, v, nil); err != nil {
				return err
			}
			more, err := runAfter(tx, after)
			if err != nil {
				return err
			}
			return logEvent(tx, eventWith(Event{Entity: v.entity(), EntityID: v.row().ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated}, more...))
		}
		old := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		if err := tx.Take(old, before.ID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("%s: %w", v.label(), ErrNotFound)
			}
			return err
		}
		diff := changeMsgs(old, v)
		more, err := runAfter(tx, after)
		if err != nil {
			return err
		}
		if len(diff) == 0 {
			// Nothing to write; take the stored row's stamps so the next save is not stale.
			*v.row() = *old.(versioned).row()
			if len(more) == 0 {
				return nil
			}
			return logEvent(tx, eventWith(Event{Entity: v.entity(), EntityID: before.ID, At: now, By: by.Name, ByID: by.ID, Action: ActUpdated}, more...))
		}
		if err := journal(ctx, tx, v, old); err != nil {
			return err
		}
		if err := updateRow(tx, by, now, v, v.label()); err != nil {
			return translateDup(err)
		}
		return logEvent(tx, eventWith(Event{Entity: v.entity(), EntityID: before.ID, At: now, By: by.Name, ByID: by.ID, Action: ActUpdated}, append(diff, more...)...))
	})
	if err != nil {
		*v.row() = before
	}
	return err
}

// runAfter runs a save's after step, if any.
func runAfter(tx *gorm.DB, after func(tx *gorm.DB) ([]Msg, error)) ([]Msg, error) {
	if after == nil {
		return nil, nil
	}
	return after(tx)
}

// translateDup turns a unique-index violation the checks did not catch
// (another desk saved the same code a moment ago) into a field error.
func translateDup(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		var fe FieldErrors
		fe.Add("Code", "This code is already in use.")
		return fe
	}
	return err
}

// byID loads one record of type T by id.
func byID[T any](ctx context.Context, s *Store, id uint) (*T, error) {
	var v T
	err := s.reader(ctx).Take(&v, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// byCode returns the record of type T with this code (normalised as a save
// does); what names the kind of record in the error when there is none.
func byCode[T any](ctx context.Context, s *Store, what, code string) (*T, error) {
	var v T
	err := s.reader(ctx).Where("code = ?", normaliseCode(code)).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("%s %s: %w", what, code, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}
