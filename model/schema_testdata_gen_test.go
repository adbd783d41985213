package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// oldSchemaSteps are the schema steps of which model/testdata/schema holds a
// database (schema-N.db): the first, the last of the AutoMigrate era, and
// the one before each step that moves data (8's tallies, 10's event lines,
// 11's import journal).
var oldSchemaSteps = []int{1, 5, 7, 8, 9, 10}

// TestGenerateOldSchemaFiles writes model/testdata/schema/schema-N.db, a
// small database stopped at step N with a few rows, when
// ORDERDESK_GEN_SCHEMA_TESTDATA=1. The checked-in files are what the
// migrations of their time wrote (they were made before the steps were
// frozen) and are never made again; a new step that moves data adds the
// file of the step before it (GEN_STEP=N writes only that one).
func TestGenerateOldSchemaFiles(t *testing.T) {
	if os.Getenv("ORDERDESK_GEN_SCHEMA_TESTDATA") != "1" {
		t.Skip("writes testdata; set ORDERDESK_GEN_SCHEMA_TESTDATA=1")
	}
	steps := oldSchemaSteps
	if n := os.Getenv("GEN_STEP"); n != "" {
		steps = []int{atoi(n)}
	}
	for _, n := range steps {
		path, _ := filepath.Abs(filepath.Join("testdata", "schema", fmt.Sprintf("schema-%d.db", n)))
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.Remove(path)
		writeOldSchemaFile(t, path, n)
		shrink(t, path)
	}
}

func writeOldSchemaFile(t *testing.T, path string, step int) {
	ctx := context.Background()
	clock := clockAt(at(2026, 3, 2, 9, 0))
	s, err := Open(ctx, path, Options{Create: true, Clock: clock.Now, Location: taipei, migrateTo: step})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("schema %d: %v", step, err)
		}
	}
	by := Actor{Name: "setup"}
	clerkA := &Employee{Name: "Chen Yi-chun", Initials: "YC", Active: true}
	must(s.SaveEmployee(ctx, by, clerkA))
	must(s.SaveEmployee(ctx, by, &Employee{Name: "Wang Mei-ling", Initials: "ML", Active: true, Manager: true}))
	c := NewCustomer()
	c.Code, c.NameZH, c.Tier, c.DepositPercent = "B001", "大同紙品行", TierB, 30
	must(s.SaveCustomer(ctx, by, c))
	p := &Product{Code: "WF-80-1060", NameZH: "道林紙 80g", Unit: "ream", Active: true}
	must(s.SaveProduct(ctx, by, p))
	must(s.SavePrice(ctx, by, &Price{ProductID: p.ID, UnitPrice: MoneyOf(2500), ValidFrom: NewDate(2026, 1, 1), ValidTo: NewDate(2026, 12, 31)}))
	if step >= 2 {
		now := clock.Now().UTC()
		due := now.Add(48 * time.Hour)
		for i, st := range []State{StateChecking, StateConfirmationSent, StateDelivered} {
			o := &Order{No: fmt.Sprintf("SO-2026-%05d", i+1), CustomerID: c.ID, Channel: "phone", ReceivedAt: now,
				TakenByID: clerkA.ID, ClerkID: clerkA.ID, Currency: "TWD", State: st, StateSince: now, Open: !st.Closed(),
				Total: MoneyOf(25000), DepositDue: MoneyOf(7500)}
			if st == StateChecking {
				o.AnswerPromisedBy, o.DueAt = &due, &due
			}
			o.Row.CreatedBy, o.Row.UpdatedBy, o.Row.Version = "setup", "setup", 1
			must(s.db.Omit(clause.Associations).Create(o).Error)
			l := &OrderLine{OrderID: o.ID, LineNo: 1, ProductID: p.ID, Qty: QtyOf(10), Unit: "ream", UnitPrice: MoneyOf(2500), Amount: MoneyOf(25000)}
			l.Row.CreatedBy, l.Row.UpdatedBy, l.Row.Version = "setup", "setup", 1
			must(s.db.Omit(clause.Associations).Create(l).Error)
		}
	}
	if step < 10 {
		// History as the writers before step 10 kept it: English sentences.
		for i, changes := range []string{"revision 2 faxed", "Phone: \"02-1234\" → \"02-5678\"", "something no pattern reads"} {
			must(s.db.Exec(`INSERT INTO events (entity, entity_id, "at", "by", by_id, action, "from", "to", lines, changes, note) VALUES (?, ?, ?, 'old clerk', 0, 'updated', '', '', '', ?, '')`,
				"order", i+1, clock.Now().UTC(), changes).Error)
		}
	}
}

// shrink rewrites the file with 512-byte pages and no WAL: a page per
// table and index of 4 KiB made each file half a megabyte. The page size
// is not part of the schema.
func shrink(t *testing.T, path string) {
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: gormLogger(false)})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	for _, q := range []string{"PRAGMA journal_mode = DELETE", "PRAGMA page_size = 512", "VACUUM"} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	os.Remove(path + ".lock")
}
