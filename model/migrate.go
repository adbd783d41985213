package model

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// AppVersion is this build's version, set at link time from FyneApp.toml
// (-ldflags "-X orderdesk/model.AppVersion=…"); it is written beside each
// schema step so a file tells which OrderDesk upgraded it.
var AppVersion = "dev"

// migration is one step of the schema. Steps are never edited once released:
// a change to the schema is a new step at the end of the list.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB) error
	// upIn is a step that computes from times, in the office's time zone.
	upIn func(tx *gorm.DB, loc *time.Location) error
}

// migrations is the schema's history, oldest first; its length is the
// schema version this build writes.
var migrations = []migration{
	{1, "master data: people, groups, teams, customers, contacts, vendors, products, prices, events, settings", migrateMasterData, nil},
	{2, "orders: lines, confirmation revisions, payments, production progress and exceptions, shipment requests, number counters, last prices", migrateOrders, nil},
	{3, "notes and action items, drafts", migrateNotes, nil},
	{4, "shipments: lines, notices, arrivals, receipt scans", migrateShipments, nil},
	{5, "tickets", migrateTickets, nil},
	{6, "orders: an index for the newest-first list of all orders", migrateOrderListIndex, nil},
	{7, "customers and products: indexes for their lists (active, by code)", migrateMasterListIndexes, nil},
	{8, "orders: counts by state and deadlines by gate, for the list's counts and the overdue views", nil, migrateOrderTallies},
	{9, "orders: the awaiting-sign-back and overdue indexes hold only the orders that owe something; two indexes no query reads are gone", migrateOrderPartialIndexes, nil},
	{10, "events: history lines as Msgs (template and data) to show in the reader's language; old English sentences read back", migrateEventLines, nil},
	{importJournalSchema, "imports: a journal of each import's batches, so that an import that dies half-way is undone", migrateImportJournal, nil},
	{scanReturnsSchema, "returned scans: signed confirmations faxed or scanned back, matched by their barcode or waiting on the Unmatched returns list", migrateScanReturns, nil},
}

// LatestSchema is the schema version this build of OrderDesk writes.
func LatestSchema() int { return len(migrations) }

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
// copied with VACUUM INTO beside itself; then all steps run in one
// transaction on the single writer connection with foreign keys off (a step
// that rebuilds a table would otherwise cascade-delete its children), and
// PRAGMA foreign_key_check must come back empty before the commit.
func (s *Store) migrate(ctx context.Context, opt Options) error {
	stopAt := opt.migrateTo
	db := s.db.WithContext(ctx)
	if !opt.Create {
		if err := s.requireSchema(db); err != nil {
			return err
		}
	}
	if err := db.AutoMigrate(&SchemaStep{}); err != nil {
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
		if err := s.Backup(ctx, bak); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
		s.BackupBeforeMigration = bak
	}
	if s.Dialect == SQLite {
		if err := db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
			return err
		}
		defer db.Exec("PRAGMA foreign_keys = ON")
	}
	err = db.Transaction(func(tx *gorm.DB) error {
		if s.Dialect == Postgres {
			// Two desks starting at once: the second waits, then finds nothing to do.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(7301001)").Error; err != nil {
				return err
			}
		}
		from, err := currentSchema(tx)
		if err != nil {
			return err
		}
		for _, m := range migrations[from:target] {
			run := func() error { return m.up(tx) }
			if m.upIn != nil {
				run = func() error { return m.upIn(tx, s.Loc) }
			}
			if err := run(); err != nil {
				return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
			}
			step := SchemaStep{Version: m.version, Name: m.name, AppVersion: AppVersion, AppliedAt: s.now()}
			if err := tx.Create(&step).Error; err != nil {
				return err
			}
		}
		if s.Dialect == SQLite {
			problems, err := foreignKeyProblems(tx)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return fmt.Errorf("migration would leave broken references, rolled back:\n%s", strings.Join(problems, "\n"))
			}
		}
		return nil
	})
	if err != nil {
		if s.BackupBeforeMigration != "" {
			return fmt.Errorf("%w (the database is unchanged; a copy from before is at %s)", err, s.BackupBeforeMigration)
		}
		return err
	}
	s.SchemaVersion = target
	return nil
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

func migrateMasterData(tx *gorm.DB) error {
	return tx.AutoMigrate(&Event{}, &Setting{}, &Employee{}, &Group{}, &GroupMember{},
		&Team{}, &TeamMember{}, &Customer{}, &Contact{}, &Vendor{}, &Product{}, &Price{})
}

func migrateOrders(tx *gorm.DB) error {
	return tx.AutoMigrate(&Counter{}, &Order{}, &OrderLine{}, &ConfirmationRevision{}, &Payment{},
		&ProgressEntry{}, &ProductionException{}, &ShipmentRequest{}, &LastPrice{})
}

func migrateNotes(tx *gorm.DB) error {
	return tx.AutoMigrate(&Note{}, &Draft{})
}

// migrateOrderListIndex adds the index the "all orders" list pages along
// (newest first); without it every page sorted the whole table.
func migrateOrderListIndex(tx *gorm.DB) error {
	if tx.Migrator().HasIndex(&Order{}, "idx_orders_received") {
		return nil
	}
	return tx.Migrator().CreateIndex(&Order{}, "idx_orders_received")
}

// migrateOrderPartialIndexes makes the indexes of the awaiting-sign-back
// and overdue views partial: they held a NULL for every order that owes
// nothing (most of them), and SQLite's sampled statistics of such an index
// (PRAGMA optimize samples) could tell the planner that the few orders
// that do owe were a quarter of the table, so it sorted every order for a
// page of 100 (seconds, at 250,000 orders). Holding only the orders that
// owe, the index is small and the planner knows it; and an order saved
// with nothing owed no longer writes an entry. The indexes on who took an
// order and its salesperson are dropped: no query reads them, and every
// new order paid for two more index entries.
func migrateOrderPartialIndexes(tx *gorm.DB) error {
	for _, name := range []string{"idx_orders_due_at", "idx_orders_sign_back_owed_since"} {
		if tx.Migrator().HasIndex(&Order{}, name) {
			if err := tx.Migrator().DropIndex(&Order{}, name); err != nil {
				return err
			}
		}
		if err := tx.Migrator().CreateIndex(&Order{}, name); err != nil {
			return err
		}
	}
	for _, name := range []string{"idx_orders_taken_by_id", "idx_orders_salesperson_id"} {
		if err := tx.Exec("DROP INDEX IF EXISTS " + name).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrateMasterListIndexes lets the customer and product lists walk their
// rows in code order, so a page needs no sort of the whole table.
func migrateMasterListIndexes(tx *gorm.DB) error {
	for _, ix := range []struct {
		model any
		name  string
	}{{&Customer{}, "idx_customers_list"}, {&Product{}, "idx_products_list"}} {
		if !tx.Migrator().HasIndex(ix.model, ix.name) {
			if err := tx.Migrator().CreateIndex(ix.model, ix.name); err != nil {
				return err
			}
		}
	}
	return nil
}
