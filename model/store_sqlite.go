package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"

	"orderdesk/model/internal/sqlitebulk"
)

// sqlitePragmas are set on every connection. WAL lets the list screens read
// while a save is written; NORMAL synchronous is safe with WAL (a power cut
// may lose the last transaction, never corrupt the file); busy_timeout makes
// a second process wait for the lock instead of failing at once. Temporary
// data (statement journals, sorts) stays in memory, and each connection may
// cache 32 MB of pages, which holds a busy office's working set.
var sqlitePragmas = []string{
	"busy_timeout(" + strconv.Itoa(busyTimeoutMS) + ")",
	"journal_mode(WAL)",
	"synchronous(NORMAL)",
	"foreign_keys(1)",
	"temp_store(MEMORY)",
	"cache_size(-32000)",
}

func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		// BEGIN IMMEDIATE takes the write lock at the start of a transaction,
		// so two writers queue on busy_timeout instead of one failing midway.
		// (Do not add _time_format: glebarez/go-sqlite stops reading the DSN
		// after it and would silently ignore _txlock.)
		q.Add("_txlock", "immediate")
		// No checkpoint inside a commit: the checkpointer does it beside
		// the writer (store_sqlite_checkpoint.go).
		q.Add("_pragma", "wal_autocheckpoint(0)")
	}
	return path + "?" + q.Encode()
}

func (s *Store) openSQLite(path string, cfg *gorm.Config, opt Options) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("database path %q: %w", path, err)
	}
	if strings.ContainsAny(abs, "?#") {
		return Refuse("The database path may not contain ? or #: {{.Path}}", "Path", abs)
	}
	s.Dialect, s.Path = SQLite, abs
	if !opt.Create {
		// Before anything is created or written: not the folder, not a
		// lock file, not a WAL.
		if err := probeOrderDeskFile(abs); err != nil {
			return err
		}
	} else {
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return fmt.Errorf("create folder for %s: %w", abs, err)
		}
		// Create the file ourselves so it is readable by this user only
		// (mode 0600). Windows has no modes (0600 only means "not
		// read-only"): there the folder's ACL protects it, which under the
		// user's profile admits the user, SYSTEM and administrators
		// (README, Windows).
		if f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600); err == nil {
			f.Close()
		}
	}
	// Copies a killed process left half-written beside the file.
	cleanPartials(filepath.Dir(abs), filepath.Base(abs))
	if !opt.lockHeld {
		if s.lock, err = lockDatabase(abs, false); errors.Is(err, errLockHeld) {
			return refuseOpenDuringRestore(abs)
		} else if err != nil {
			return fmt.Errorf("lock %s: %w", abs, err)
		}
	}
	if network, how := IsNetworkPath(abs); network {
		s.Warnings = append(s.Warnings, M("The database file {{.Path}} is on a network share ({{.How}}). SQLite's file locking is not reliable over a network, and a file shared this way can be corrupted when two desks write at once. For several desks, use the shared PostgreSQL database option (Settings → Database).", "Path", abs, "How", how))
	}

	sqlitebulk.KeepAllocatorPages()
	// gorm.Open returns a half-made handle with its error (a file that is
	// no database, say); keep it out of s so that Close does not use it.
	db, err := gorm.Open(sqlite.Open(sqliteDSN(abs, false)), cfg)
	if err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	s.db = db
	w, _ := s.db.DB()
	w.SetMaxOpenConns(1) // one writer: SQLite allows no more
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.Ping(); err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	read, err := gorm.Open(sqlite.Open(sqliteDSN(abs, true)), cfg)
	if err != nil {
		return fmt.Errorf("open %s for reading: %w", abs, err)
	}
	s.read = read
	r, _ := s.read.DB()
	r.SetMaxOpenConns(readConns)
	r.SetMaxIdleConns(readConns)
	if s.checkpoints, err = startCheckpointer(abs, s.truncateWAL); err != nil {
		return fmt.Errorf("open %s for checkpoints: %w", abs, err)
	}
	return nil
}

// readConns is the size of the SQLite reader pool.
const readConns = 4

// probeOrderDeskFile refuses, without changing it, a file that is missing,
// empty, not SQLite, or a SQLite file OrderDesk never set up. It reads
// sqlite_master on a query-only connection that sets no journal mode, so
// a stranger's file is not turned to WAL.
func probeOrderDeskFile(abs string) error {
	info, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return Refuse("There is no database at {{.Path}}; nothing was created. (orderdesk demo creates a demo office; the window creates a new one on its first start.)", "Path", abs)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	if info.IsDir() || info.Size() == 0 {
		return Refuse("{{.Path}} is empty or not a file: not an OrderDesk database; nothing was changed.", "Path", abs)
	}
	db, err := sql.Open(sqlite.DriverName, abs+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'").Scan(&n)
	if err != nil {
		var c sqliteCode
		if errors.As(err, &c) && (c.Code()&0xff == 26 || c.Code()&0xff == 11) { // SQLITE_NOTADB, SQLITE_CORRUPT
			return Refuse("{{.Path}} is not an OrderDesk database (not a SQLite file, or a damaged one); nothing was changed.", "Path", abs)
		}
		return fmt.Errorf("open %s: %w", abs, err)
	}
	if n == 0 {
		return notOrderDesk(abs)
	}
	return nil
}

// sqliteCode is the SQLite result code carried by the driver's errors.
type sqliteCode interface{ Code() int }

// isBusy reports whether err means another connection holds the database
// for a moment (SQLite BUSY or LOCKED, a PostgreSQL serialisation failure):
// worth waiting and trying again, not worth telling a clerk about.
func isBusy(err error) bool {
	if err == nil {
		return false
	}
	var c sqliteCode
	if errors.As(err, &c) {
		switch c.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return true
		}
	}
	if isPostgresRetryable(err) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY")
}

// Backup writes a consistent copy of the whole database to dest while the
// app keeps running (SQLite's VACUUM INTO). dest must not exist yet.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.Dialect != SQLite {
		return Refuse("Backups of a PostgreSQL database are made with pg_dump on the server; see the README.")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		if err := CheckOutputPath(abs, s, true); err != nil {
			return err // the database itself: say so, not merely that it exists
		}
		return Refuse("{{.Path}} already exists; choose a new file name for the backup.", "Path", abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return err
	}
	return s.copyTo(ctx, abs)
}

// copyTo writes a consistent copy of the database to a .partial file
// beside abs (partial.go) and renames it to abs, replacing what is there,
// only once it is whole; a failed copy leaves nothing under abs.
func (s *Store) copyTo(ctx context.Context, abs string) error {
	tmp, err := newPartial(abs)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	if err := s.vacuumInto(ctx, tmp.path); err != nil {
		tmp.discard()
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	return tmp.moveTo(abs)
}

// backupCacheKB is the page cache of the connection that writes a backup.
// VACUUM INTO reads each page once, so a cache buys it nothing, and with
// the desks' 32 MB it took 133 MB more at its peak on a 340 MB database
// (30,000 orders; 622 MB for the window at 250,000), and was no faster.
const backupCacheKB = 2000

// backupDSN is the DSN of the connection that writes a backup.
func backupDSN(path string) string {
	return sqliteDSN(path, false) + "&_pragma=" + url.QueryEscape(fmt.Sprintf("cache_size(-%d)", backupCacheKB))
}

// vacuumInto writes the copy into tmp, an empty file.
func (s *Store) vacuumInto(ctx context.Context, tmp string) error {
	// On a connection of its own: VACUUM INTO only reads the database, in
	// one read transaction that WAL lets run beside the writer, so desks
	// keep saving during a backup of a large file. (The reader pool is
	// query_only, which SQLite counts VACUUM INTO as breaking.)
	conn, err := gorm.Open(sqlite.Open(backupDSN(s.Path)), &gorm.Config{Logger: gormLogger(false)})
	if err != nil {
		return err
	}
	defer func() {
		if db, err := conn.DB(); err == nil {
			db.Close()
		}
	}()
	if err := conn.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return err
	}
	// VACUUM INTO does not sync what it wrote; the rename must not put in
	// place a file whose pages are still in the cache.
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Check runs the consistency checks and returns every problem found (none
// means the data is sound): the schema's tables, columns and indexes
// against the schema's own (SchemaProblems), the order counts and gate
// deadlines against the orders, the action item counts against the notes,
// and every shipped order's shipment, on both databases; integrity_check and foreign_key_check on SQLite
// (PostgreSQL enforces both itself).
func (s *Store) Check(ctx context.Context) ([]string, error) {
	schema, err := s.SchemaProblems(ctx)
	if err != nil {
		return nil, err
	}
	tallies, err := orderTallyProblems(s.reader(ctx), s.Location())
	if err != nil {
		return nil, fmt.Errorf("order counts and deadlines: %w", err)
	}
	problems := append(schema, tallies...)
	items, err := itemDayProblems(s.reader(ctx))
	if err != nil {
		return nil, fmt.Errorf("action item counts: %w", err)
	}
	problems = append(problems, items...)
	tickets, err := ticketCountProblems(s.reader(ctx))
	if err != nil {
		return nil, fmt.Errorf("ticket counts: %w", err)
	}
	problems = append(problems, tickets...)
	unshipped, err := shipmentProblems(s.reader(ctx))
	if err != nil {
		return nil, fmt.Errorf("shipped orders: %w", err)
	}
	problems = append(problems, unshipped...)
	if s.Dialect != SQLite {
		return problems, nil
	}
	var integrity []string
	if err := s.db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&integrity).Error; err != nil {
		return nil, fmt.Errorf("integrity_check: %w", err)
	}
	for _, line := range integrity {
		if line != "ok" {
			problems = append(problems, "integrity: "+line)
		}
	}
	fk, err := foreignKeyProblems(s.db.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	return append(problems, fk...), nil
}

type fkViolation struct {
	Table  string
	Rowid  int64
	Parent string
	Fkid   int64
}

func foreignKeyProblems(db *gorm.DB) ([]string, error) {
	var rows []fkViolation
	if err := db.Raw(`PRAGMA foreign_key_check`).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("foreign_key_check: %w", err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("foreign key: %s row %d refers to a missing %s", r.Table, r.Rowid, r.Parent))
	}
	return out, nil
}

// EngineVersion returns the database engine and its version, e.g. "SQLite 3.50.4".
func (s *Store) EngineVersion(ctx context.Context) (string, error) {
	var v string
	if s.Dialect == SQLite {
		err := s.reader(ctx).Raw("select sqlite_version()").Scan(&v).Error
		return "SQLite " + v, err
	}
	err := s.reader(ctx).Raw("select version()").Scan(&v).Error
	return v, err
}

// isForeignKeyViolation reports whether err is a refused delete or write of
// a row another row refers to. glebarez/sqlite does not translate it into
// gorm's error, and reports it as a constraint (19) with extended codes
// that vary (787, 1811), so the message says which constraint.
func isForeignKeyViolation(err error) bool {
	if errors.Is(err, gorm.ErrForeignKeyViolated) {
		return true
	}
	var c sqliteCode
	return errors.As(err, &c) && c.Code()&0xff == 19 && strings.Contains(err.Error(), "FOREIGN KEY")
}
