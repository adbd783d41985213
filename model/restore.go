package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"gorm.io/gorm"
)

// Summary is what a database holds, in brief: a restore shows the
// backup's beside the one it replaces, so the person restoring sees what
// they are about to put in place.
type Summary struct {
	Path      string
	Schema    int
	Orders    int64
	Customers int64
	// Newest is the day the newest order was received (zero: no orders).
	Newest Date
}

// Summary returns the store's summary.
func (s *Store) Summary(ctx context.Context) (Summary, error) {
	sum := Summary{Path: s.Path, Schema: s.SchemaVersion}
	db := s.reader(ctx)
	if err := db.Model(&Order{}).Count(&sum.Orders).Error; err != nil {
		return sum, err
	}
	if err := db.Model(&Customer{}).Count(&sum.Customers).Error; err != nil {
		return sum, err
	}
	var newest []Order
	if err := db.Select("id", "received_at").Order("received_at DESC").Limit(1).Find(&newest).Error; err != nil {
		return sum, err
	}
	if len(newest) == 1 {
		sum.Newest = DateOf(newest[0].ReceivedAt.In(s.Location()))
	}
	return sum, nil
}

// InspectDatabaseFile checks that the file at path is an OrderDesk
// database a restore may put in place, and returns its summary: a SQLite
// file with OrderDesk's schema (an older one is upgraded, on a copy), all
// its tables and indexes, and a clean check. It works on a copy in the
// system's temporary folder: the file itself is never changed.
func InspectDatabaseFile(ctx context.Context, path string) (Summary, error) {
	copy, err := newPartial(filepath.Join(os.TempDir(), "orderdesk-inspect.db"))
	if err != nil {
		return Summary{}, err
	}
	defer copy.discard()
	if err := copyInto(path, copy.path); err != nil {
		return Summary{}, fmt.Errorf("read %s: %w", path, err)
	}
	sum, err := inspectCopy(ctx, copy.path, path, Options{})
	sum.Path = path
	return sum, err
}

// inspectCopy opens copy, a private copy of a file (it takes no desk
// lock: no desk knows its name), checks it and returns its summary.
// Opening an older schema upgrades the copy; the copy the upgrade makes
// of itself is removed. A refusal names the file as shownAs, the file the
// person chose, not the private copy they never saw.
func inspectCopy(ctx context.Context, copy, shownAs string, opt Options) (Summary, error) {
	opt.Create, opt.lockHeld, opt.migrateTo = false, true, 0
	s, err := Open(ctx, copy, opt)
	if err != nil {
		var r *Refusal
		if errors.As(err, &r) && r.Data["Path"] == copy {
			r.Data["Path"] = shownAs
		}
		return Summary{}, err
	}
	if s.BackupBeforeMigration != "" {
		defer removeFile(s.BackupBeforeMigration)
	}
	defer s.Close()
	problems, err := s.Check(ctx)
	if err != nil {
		return Summary{}, err
	}
	if len(problems) > 0 {
		return Summary{}, Refuse("The file is damaged or not OrderDesk's ({{.Problem}}; {{.N}} problems in all).", "Problem", problems[0], "N", len(problems))
	}
	return s.Summary(ctx)
}

// RestorePlan is a restore checked and ready: the backup, checked, waits
// beside the database under a temporary name, and the database is locked
// against every desk until Apply or Cancel.
type RestorePlan struct {
	// Current is the database now in place; Backup is what would replace it.
	Current, Backup Summary
	target          string
	trial           *partial
	at              time.Time
	lock            *deskLock
}

// PrepareRestore checks that the backup at from may replace the SQLite
// database at target and returns the plan, holding the database's lock
// exclusively. It refuses while OrderDesk is open on target anywhere (see
// desklock.go for why refusing), when by is not a manager there, and when
// the backup is not an OrderDesk database with every table and index of
// its schema and a clean check (InspectDatabaseFile). Nothing is changed
// until Apply.
func PrepareRestore(ctx context.Context, from, target string, by Actor, opt Options) (plan *RestorePlan, err error) {
	if IsPostgresURL(target) {
		return nil, Refuse("A PostgreSQL database is restored on its server with pg_restore; see the README.")
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	if err := probeOrderDeskFile(abs); err != nil {
		return nil, err
	}
	p := &RestorePlan{target: abs}
	if p.lock, err = lockDatabase(abs, true); errors.Is(err, errLockHeld) {
		return nil, refuseRestoreWhileOpen(abs)
	} else if err != nil {
		return nil, fmt.Errorf("lock %s: %w", abs, err)
	}
	defer func() {
		if err != nil {
			p.Cancel()
		}
	}()
	if p.Current, p.at, err = currentForRestore(ctx, abs, by, opt); err != nil {
		return nil, err
	}
	// Check a copy beside the database, so that opening it (which may
	// migrate an older schema) never changes the backup, and the checked
	// copy is renamed into place as it is.
	if p.trial, err = newPartial(abs + ".restoring"); err != nil {
		return nil, err
	}
	if err := copyInto(from, p.trial.path); err != nil {
		return nil, fmt.Errorf("read the backup: %w", err)
	}
	if p.Backup, err = inspectCopy(ctx, p.trial.path, from, opt); err != nil {
		return nil, fmt.Errorf("the backup %s cannot be restored; nothing was replaced: %w", from, err)
	}
	p.Backup.Path = from
	return p, nil
}

// currentForRestore checks that by is a manager of the database at abs
// (whose lock the caller holds) and returns its summary and the time.
func currentForRestore(ctx context.Context, abs string, by Actor, opt Options) (Summary, time.Time, error) {
	opt.Create, opt.lockHeld = false, true
	cur, err := Open(ctx, abs, opt)
	if err != nil {
		return Summary{}, time.Time{}, err
	}
	defer cur.Close()
	err = cur.write(ctx, func(tx *gorm.DB) error {
		return requireManager(tx, by, M("Only a manager may restore a backup."))
	})
	if err != nil {
		return Summary{}, time.Time{}, err
	}
	sum, err := cur.Summary(ctx)
	return sum, cur.now(), err
}

// Apply puts the checked backup in place; the replaced file is kept beside
// it as TARGET.replaced-TIME, which no desk can have open (the lock says
// none has), so nothing is saved into it afterwards. It returns the kept
// file's path.
func (p *RestorePlan) Apply() (kept string, err error) {
	defer p.Cancel()
	if p.trial == nil {
		return "", errors.New("restore: the plan was cancelled")
	}
	kept = fmt.Sprintf("%s.replaced-%s", p.target, p.at.Format("20060102-150405"))
	if err := os.Rename(p.target, kept); err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		os.Rename(p.target+ext, kept+ext)
	}
	if err := p.trial.moveTo(p.target); err != nil {
		os.Rename(kept, p.target) // put the old file back
		return "", err
	}
	p.trial = nil
	return kept, nil
}

// Cancel gives the plan up: the checked copy is removed and desks may open
// the database again. It does nothing after Apply.
func (p *RestorePlan) Cancel() {
	if p.trial != nil {
		p.trial.discard()
		p.trial = nil
	}
	p.lock.release()
	p.lock = nil
}

// Restore checks the backup at from and puts it in place of the SQLite
// file at target at once (PrepareRestore, then Apply), returning where the
// replaced file is kept.
func Restore(ctx context.Context, from, target string, by Actor, opt Options) (kept string, err error) {
	p, err := PrepareRestore(ctx, from, target, by, opt)
	if err != nil {
		return "", err
	}
	return p.Apply()
}
