package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"
)

// AppVersion is this build's version, set at link time from FyneApp.toml
// (-ldflags "-X orderdesk/model.AppVersion=…"); it is written beside each
// schema step so a file tells which OrderDesk upgraded it.
var AppVersion = "dev"

// migration is one step of the schema: its SQL, one file per dialect in
// migrations/<dialect>/NNNN_*.sql, and for a step that moves data a Go
// function run after it in the same transaction. A released step is never
// edited (TestMigrationFilesAreFrozen): a change to the schema is a new
// step at the end of the list.
type migration struct {
	version int
	name    string
	// data moves what SQL alone cannot, after the step's SQL; loc is the
	// office's time zone, for a step that computes from times.
	data func(tx *gorm.DB, loc *time.Location) error
}

// migrations is the schema's history, oldest first; the last one's version
// is the schema version this build writes. Versions rise but may skip a
// number: branches worked on side by side each take their own numbers,
// and a number not taken is a step that does nothing.
var migrations = []migration{
	{1, "master data: people, groups, teams, customers, contacts, vendors, products, prices, events, settings", nil},
	{2, "orders: lines, confirmation revisions, payments, production progress and exceptions, shipment requests, number counters, last prices", nil},
	{3, "notes and action items, drafts", nil},
	{4, "shipments: lines, notices, arrivals, receipt scans", nil},
	{5, "tickets", nil},
	{6, "orders: an index for the newest-first list of all orders", nil},
	{7, "customers and products: indexes for their lists (active, by code)", nil},
	{8, "orders: counts by state and deadlines by gate, for the list's counts and the overdue views", rebuildOrderTallies},
	{9, "orders: the awaiting-sign-back and overdue indexes hold only the orders that owe something; two indexes no query reads are gone", nil},
	{10, "events: history lines as Msgs (template and data) to show in the reader's language; old English sentences read back", migrateEventLines},
	{importJournalSchema, "imports: a journal of each import's batches, so that an import that dies half-way is undone", nil},
	{12, "people: roles, part time and languages; passwords to sign in with", nil},
	{scanReturnsSchema, "returned scans: signed confirmations faxed or scanned back, matched by their barcode or waiting on the Unmatched returns list", nil},
	{14, "documents: the customer's tax ID (統一編號); why a confirmation revision was replaced", nil},
	{15, "orders: the first day the slip rule may move each promised date, indexed for the hourly pass; an index to count a customer's open orders", nil},
	{16, "delivery terms: a customer's default Incoterm and named place, and each order's", nil},
	{17, "returns (RMA): return authorizations of shipped goods, their lines, and the Repair & Returns group", nil},
	{managedNewTicketsSchema, "tickets: a New ticket that has a manager (a request for quote of an earlier version) is assigned in house, as a ticket with a manager starts", moveManagedNewTickets},
	{19, "quotes: the lines of a Quote ticket by revision, its currency, validity and outcome; the order made from a quote names its ticket", nil},
	{20, "customers: the managed-service contract, to which no Project ticket may be charged", nil},
	{21, "tickets: an index in the board's column order, so a column's page stops at its 50 cards", nil},
	{22, "tickets: a text index of the numbers and subjects the board's search looks in (FTS5 trigrams on SQLite, pg_trgm on PostgreSQL)", nil},
	{23, "tickets: an index on the manager and the status, so a person's board counts its columns from the index alone", nil},
	{24, "action items: the pending items counted by who must act and the day due, for the manager's dashboard", nil},
	{25, "tickets: the number of tickets in each status, kept by triggers, for the board's collapsed columns", nil},
}

// LatestSchema is the schema version this build of OrderDesk writes.
func LatestSchema() int { return migrations[len(migrations)-1].version }

// SchemaStep is one applied migration, kept in the schema_versions table.
type SchemaStep struct {
	Version    int       `gorm:"primaryKey;autoIncrement:false"`
	Name       string    `gorm:"size:200;not null"`
	AppVersion string    `gorm:"size:40;not null"`
	AppliedAt  time.Time `gorm:"not null"`
}

// TableName keeps the table's name stable whatever GORM's naming does.
func (SchemaStep) TableName() string { return "schema_versions" }

func currentSchema(db *gorm.DB) (int, error) {
	var v *int
	if err := db.Model(&SchemaStep{}).Select("MAX(version)").Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	return *v, nil
}

// migrate brings the schema up to date. An existing SQLite file is first
// copied with VACUUM INTO beside itself; then each step runs in a
// transaction of its own (its SQL, its data, its schema_versions row) on
// the single writer connection with foreign keys off (a step that rebuilds
// a table would otherwise cascade-delete its children), and PRAGMA
// foreign_key_check must come back empty before each commit.
func (s *Store) migrate(ctx context.Context, opt Options) error {
	stopAt := opt.migrateTo
	db := s.db.WithContext(ctx)
	if !opt.Create {
		if err := s.requireSchema(db); err != nil {
			return err
		}
	}
	if err := s.runSQL(db, 0); err != nil {
		return fmt.Errorf("create schema_versions: %w", err)
	}
	cur, err := currentSchema(db)
	if err != nil {
		return err
	}
	target := LatestSchema()
	if stopAt > 0 && stopAt < target {
		target = stopAt
	}
	if cur > LatestSchema() {
		return Refuse("This database was written by a newer OrderDesk (schema {{.Have}}; this version reads schema {{.Max}} at most). Install the newer OrderDesk; the file was not changed.",
			"Have", cur, "Max", LatestSchema())
	}
	if cur >= target {
		s.SchemaVersion = cur
		return nil
	}
	if cur > 0 && s.Dialect == SQLite {
		bak := fmt.Sprintf("%s.before-schema-%d-%s.bak", s.Path, cur+1, s.now().Format("20060102-150405"))
		noticeUpgrade(ctx, Upgrade{From: cur, To: target, Copy: bak})
		if err := s.Backup(ctx, bak); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
		s.BackupBeforeMigration = bak
	} else if cur > 0 {
		noticeUpgrade(ctx, Upgrade{From: cur, To: target})
	}
	if s.Dialect == SQLite {
		if err := db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
			return err
		}
		defer db.Exec("PRAGMA foreign_keys = ON")
	}
	for _, m := range migrations {
		if m.version <= cur || m.version > target {
			continue
		}
		if err := s.migrateStep(db, m); err != nil {
			s.SchemaVersion, _ = currentSchema(db)
			if s.BackupBeforeMigration != "" {
				return fmt.Errorf("%w (the database is at schema %d, the steps before this one applied; a copy from before migrating is at %s)",
					err, s.SchemaVersion, s.BackupBeforeMigration)
			}
			return err
		}
	}
	s.SchemaVersion, err = currentSchema(db)
	if err == nil && s.BackupBeforeMigration != "" {
		s.removeOlderUpgradeCopies()
	}
	return err
}

// upgradeCopyName matches what follows "FILE.before-schema-" in the name of
// a copy an upgrade kept: the step and the time it was made.
var upgradeCopyName = regexp.MustCompile(`^[0-9]+-[0-9]{8}-[0-9]{6}\.bak$`)

// removeOlderUpgradeCopies deletes the copies earlier upgrades kept beside
// the file, once this upgrade has succeeded and kept its own. Each is the
// whole file, so every new version left one more (2.8 GB at 250,000
// orders) and nothing ever removed them. The newest copy stays: everything
// in an older one is in the file and in it (upgrades add, never drop), and
// the daily backups keep the days before. A copy that cannot be removed is
// left, said in the log; the desk opens all the same.
func (s *Store) removeOlderUpgradeCopies() {
	dir, base := filepath.Split(s.Path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		LogError("look for older upgrade copies", err)
		return
	}
	keep := filepath.Base(s.BackupBeforeMigration)
	prefix := base + ".before-schema-"
	for _, e := range entries {
		name := e.Name()
		if name == keep || e.IsDir() || !strings.HasPrefix(name, prefix) || !upgradeCopyName.MatchString(name[len(prefix):]) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			LogError("remove an older upgrade copy", err)
		}
	}
}

// migrateStep applies one step in its own transaction. A step another
// desk applied meanwhile is skipped.
func (s *Store) migrateStep(db *gorm.DB, m migration) error {
	return db.Transaction(func(tx *gorm.DB) error {
		if s.Dialect == Postgres {
			// Two desks starting at once: the second waits, then finds nothing to do.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(7301001)").Error; err != nil {
				return err
			}
		}
		from, err := currentSchema(tx)
		if err != nil || from >= m.version {
			return err
		}
		err = s.runSQL(tx, m.version)
		if err == nil && m.data != nil {
			err = m.data(tx, s.Location())
		}
		if err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
		}
		step := SchemaStep{Version: m.version, Name: m.name, AppVersion: AppVersion, AppliedAt: s.now()}
		if err := tx.Create(&step).Error; err != nil {
			return err
		}
		if s.Dialect == SQLite {
			problems, err := foreignKeyProblems(tx)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return fmt.Errorf("schema step %d would leave broken references, rolled back:\n%s", m.version, strings.Join(problems, "\n"))
			}
		}
		return nil
	})
}

// requireSchema refuses a database that OrderDesk never set up (no
// schema_versions, or no step recorded in it), before anything is written.
func (s *Store) requireSchema(db *gorm.DB) error {
	v := 0
	if db.Migrator().HasTable(&SchemaStep{}) {
		var err error
		if v, err = currentSchema(db); err != nil {
			return err
		}
	}
	if v > 0 {
		return nil
	}
	if s.Dialect == Postgres {
		return Refuse("The PostgreSQL database has no OrderDesk tables; nothing was created. Create the office from the window's first start, or with orderdesk demo.")
	}
	return notOrderDesk(s.Path)
}

// notOrderDesk refuses a file that is not an OrderDesk database.
func notOrderDesk(path string) error {
	return Refuse("{{.Path}} is not an OrderDesk database (it has no OrderDesk tables); nothing was changed.", "Path", path)
}
