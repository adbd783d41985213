package model

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

func TestOpenSetsPragmasAndSchema(t *testing.T) {
	sqliteOnly(t, "pragmas")
	s, _ := openTestStore(t)
	ctx := context.Background()
	if s.SchemaVersion != LatestSchema() {
		t.Fatalf("schema %d, want %d", s.SchemaVersion, LatestSchema())
	}
	pragmas := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "10000",
		"wal_autocheckpoint": "0"}
	for p, want := range pragmas {
		var got string
		if err := s.db.Raw("PRAGMA " + p).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(got, want) {
			t.Errorf("PRAGMA %s = %q, want %q", p, got, want)
		}
	}
	var readOnly string
	s.read.Raw("PRAGMA query_only").Scan(&readOnly)
	if readOnly != "1" {
		t.Errorf("reader connections are not query_only")
	}
	v, err := s.EngineVersion(ctx)
	if err != nil || !strings.HasPrefix(v, "SQLite 3.") {
		t.Fatalf("EngineVersion = %q, %v", v, err)
	}
	st, err := os.Stat(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Errorf("database file mode %v is readable by others", st.Mode().Perm())
	}
}

// TestCheckpointsInTheBackground: the writer never checkpoints in a
// commit, so the database file grows only when the checkpointer copies the
// WAL into it, which it must do soon after saves without the store closing.
func TestCheckpointsInTheBackground(t *testing.T) {
	sqliteOnly(t, "WAL checkpoints")
	f := newDesk(t)
	size := func() int64 {
		st, err := os.Stat(f.s.Path)
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	// Let the checkpoint of the desk's own setup land first.
	time.Sleep(2 * checkpointDelay)
	before := size()
	for i := 0; i < 40; i++ {
		f.intake(f.custA, 5)
	}
	deadline := time.Now().Add(5 * time.Second)
	for size() <= before {
		if time.Now().After(deadline) {
			t.Fatalf("database file still %d bytes 5 s after 40 orders: the WAL was not checkpointed", before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestImmediateTransactions(t *testing.T) {
	sqliteOnly(t, "BEGIN IMMEDIATE on one writer connection")
	s, _ := openTestStore(t)
	// Under BEGIN IMMEDIATE a second connection cannot even start a write
	// transaction while the first holds one; under DEFERRED it could.
	other, err := Open(context.Background(), s.Path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	otherDB, _ := other.db.DB()
	otherDB.Exec("PRAGMA busy_timeout = 0")
	var inner error
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var tx2 interface{ Rollback() error }
		tx2, inner = otherDB.Begin()
		if inner == nil {
			tx2.Rollback()
		}
		return nil
	})
	if err != nil {
		t.Fatalf("outer transaction: %v", err)
	}
	if !isBusy(inner) {
		t.Fatalf("a second writer began a transaction while the first held one: %v", inner)
	}
	tx, err := otherDB.Begin()
	if err != nil {
		t.Fatalf("second writer after the first committed: %v", err)
	}
	tx.Rollback()
}

func TestMigrateFromPreviousSchemaKeepsDataAndBacksUp(t *testing.T) {
	if LatestSchema() < 2 {
		t.Skip("only one schema step so far")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(ctx, path, Options{Create: true, migrateTo: LatestSchema() - 1})
	if err != nil {
		t.Fatal(err)
	}
	// Written with SQL of the old schema: the structs of this build may
	// have columns the step before lacks.
	if err := old.db.Exec(`INSERT INTO customers (created_at, updated_at, code, name_zh, tier, deposit_percent, currency, doc_language, active)
		VALUES (?, ?, 'C0001', '萬國紙業', 'B', 0, 'TWD', 'zh-TW', true)`, time.Now(), time.Now()).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion != LatestSchema() {
		t.Errorf("schema %d after migrating, want %d", s.SchemaVersion, LatestSchema())
	}
	got, err := s.CustomerByCode(ctx, "C0001")
	if err != nil || got.NameZH != "萬國紙業" {
		t.Fatalf("customer after migration: %+v, %v", got, err)
	}
	if s.BackupBeforeMigration == "" {
		t.Fatal("no backup made before migrating")
	}
	bak, err := Open(ctx, s.BackupBeforeMigration, Options{migrateTo: LatestSchema() - 1})
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer bak.Close()
	var n int64
	if err := bak.db.Raw(`SELECT count(*) FROM customers WHERE code = 'C0001'`).Scan(&n).Error; err != nil || n != 1 {
		t.Errorf("backup lacks the data: %d rows, %v", n, err)
	}
}

// TestMigrationMakesOrderIndexesPartial: schema 9 turns the overdue and
// awaiting-sign-back indexes of a schema-8 file into partial ones and drops
// the two indexes no query reads.
func TestMigrationMakesOrderIndexesPartial(t *testing.T) {
	sqliteOnly(t, "index definitions in sqlite_master")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "eight.db")
	old, err := Open(ctx, path, Options{Create: true, migrateTo: 8})
	if err != nil {
		t.Fatal(err)
	}
	// The indexes as schema 8 made them.
	for _, q := range []string{
		"DROP INDEX idx_orders_due_at", "CREATE INDEX idx_orders_due_at ON orders (due_at)",
		"DROP INDEX idx_orders_sign_back_owed_since", "CREATE INDEX idx_orders_sign_back_owed_since ON orders (sign_back_owed_since)",
		"CREATE INDEX idx_orders_taken_by_id ON orders (taken_by_id)", "CREATE INDEX idx_orders_salesperson_id ON orders (salesperson_id)",
	} {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, where := range map[string]string{"idx_orders_due_at": "WHERE due_at IS NOT NULL",
		"idx_orders_sign_back_owed_since": "WHERE sign_back_owed_since IS NOT NULL"} {
		var def string
		s.read.Raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", name).Scan(&def)
		if !strings.Contains(def, where) {
			t.Errorf("%s after migrating: %q, want %s", name, def, where)
		}
	}
	var left int64
	s.read.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('idx_orders_taken_by_id', 'idx_orders_salesperson_id')").Scan(&left)
	if left != 0 {
		t.Errorf("%d of the unread indexes are left", left)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	s, _ := openTestStore(t)
	path := s.Path
	s.db.Create(&SchemaStep{Version: LatestSchema() + 1, Name: "from the future", AppVersion: "9.9", AppliedAt: s.now()})
	s.Close()
	before, _ := os.ReadFile(path)

	_, err := Open(context.Background(), s.Target, Options{})
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Error(), "newer OrderDesk") {
		t.Fatalf("opening a newer file: %v", err)
	}
	after, _ := os.ReadFile(path)
	if len(after) != len(before) {
		t.Errorf("the newer file was changed")
	}
}

func TestBackupAndCheck(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	s, _ := openTestStore(t)
	ctx := context.Background()
	c := NewCustomer()
	c.Code, c.NameEN = "C1", "Acme"
	if err := s.SaveCustomer(ctx, Actor{Name: "t"}, c); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest); err == nil {
		t.Error("backup over an existing file was allowed")
	}
	copy, err := Open(ctx, dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	if _, err := copy.CustomerByCode(ctx, "C1"); err != nil {
		t.Errorf("backup lacks the customer: %v", err)
	}
	problems, err := copy.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Errorf("check on a sound file: %v %v", problems, err)
	}

	// A broken reference is found.
	copy.db.Exec("PRAGMA foreign_keys = OFF")
	copy.db.Exec("UPDATE customers SET salesperson_id = 999")
	copy.db.Exec("PRAGMA foreign_keys = ON")
	problems, err = copy.Check(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "customers") {
		t.Errorf("check with a dangling salesperson: %v %v", problems, err)
	}
}

func TestOptimisticLockConflict(t *testing.T) {
	s, clock := openTestStore(t)
	ctx := context.Background()
	ann := clerk(t, s, "Ann Lee", "AL", false)
	bob := clerk(t, s, "Bob Wu", "BW", false)

	c := NewCustomer()
	c.Code, c.NameZH, c.Phone = "C0007", "大同紙品", "02-2345-6789"
	if err := s.SaveCustomer(ctx, ann.Actor(), c); err != nil {
		t.Fatal(err)
	}
	// Two desks read the same customer.
	deskA, _ := s.Customer(ctx, c.ID)
	deskB, _ := s.Customer(ctx, c.ID)

	clock.Add(60e9)
	deskA.Phone = "02-1111-2222"
	if err := s.SaveCustomer(ctx, ann.Actor(), deskA); err != nil {
		t.Fatalf("first save: %v", err)
	}
	clock.Add(60e9)
	deskB.Fax = "02-9999-8888"
	err := s.SaveCustomer(ctx, bob.Actor(), deskB)
	var conflict *ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("stale save: got %v, want a conflict", err)
	}
	if conflict.By != "Ann Lee" || !conflict.At.Equal(at(2026, 11, 20, 9, 1)) {
		t.Errorf("conflict names %q at %v", conflict.By, conflict.At)
	}
	if !strings.Contains(conflict.Msg().String(), "Ann Lee") {
		t.Errorf("conflict message does not name who: %s", conflict.Msg())
	}
	if deskB.Version != 1 {
		t.Errorf("refused save changed the clerk's version to %d", deskB.Version)
	}
	now, _ := s.Customer(ctx, c.ID)
	if now.Phone != "02-1111-2222" || now.Fax != "" || now.Version != 2 {
		t.Errorf("after the conflict: phone %q fax %q version %d", now.Phone, now.Fax, now.Version)
	}

	// Reloading and saving again works, and both changes are in the history.
	now.Fax = "02-9999-8888"
	if err := s.SaveCustomer(ctx, bob.Actor(), now); err != nil {
		t.Fatal(err)
	}
	events, _ := s.EventsFor(ctx, "customer", c.ID)
	if len(events) != 3 {
		t.Fatalf("%d events, want created + 2 updates", len(events))
	}
	if events[1].By != "Ann Lee" || !strings.Contains(events[1].English(), `Phone: "02-2345-6789" → "02-1111-2222"`) {
		t.Errorf("event 2: %+v", events[1])
	}
	if events[2].By != "Bob Wu" || !strings.Contains(events[2].English(), "Fax") {
		t.Errorf("event 3: %+v", events[2])
	}
}

func TestSaveWithoutChangeWritesNothing(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	c := NewCustomer()
	c.Code, c.NameEN = "C2", "Same"
	s.SaveCustomer(ctx, Actor{Name: "t"}, c)
	if err := s.SaveCustomer(ctx, Actor{Name: "t"}, c); err != nil {
		t.Fatal(err)
	}
	events, _ := s.EventsFor(ctx, "customer", c.ID)
	if len(events) != 1 || c.Version != 1 {
		t.Errorf("an unchanged save wrote %d events, version %d", len(events), c.Version)
	}
}

func TestWriteNeedsAnActor(t *testing.T) {
	s, _ := openTestStore(t)
	c := NewCustomer()
	c.Code, c.NameEN = "C3", "Nobody"
	if err := s.SaveCustomer(context.Background(), Actor{}, c); err == nil {
		t.Fatal("a save with no actor was accepted")
	}
}

func TestFailedInsertLeavesRecordNew(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	a := NewCustomer()
	a.Code, a.NameEN = "DUP", "First"
	s.SaveCustomer(ctx, Actor{Name: "t"}, a)
	b := NewCustomer()
	b.Code, b.NameEN = "dup", "Second"
	err := s.SaveCustomer(ctx, Actor{Name: "t"}, b)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For("Code").IsZero() {
		t.Fatalf("duplicate code: %v", err)
	}
	if b.ID != 0 || b.Version != 0 {
		t.Errorf("refused insert left id %d version %d", b.ID, b.Version)
	}
	b.Code = "DUP2"
	if err := s.SaveCustomer(ctx, Actor{Name: "t"}, b); err != nil || b.ID == 0 {
		t.Errorf("saving again after fixing the code: %v", err)
	}
}

func TestDeactivateKeepsTheRecord(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	c := NewCustomer()
	c.Code, c.NameEN = "OLD", "Gone Ltd"
	s.SaveCustomer(ctx, Actor{Name: "t"}, c)
	if err := s.SetCustomerActive(ctx, Actor{Name: "t"}, c.ID, false, ""); err == nil {
		t.Error("deactivating without a reason was accepted")
	}
	if err := s.SetCustomerActive(ctx, Actor{Name: "t"}, c.ID, false, "closed down"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountCustomers(ctx, ListFilter{}); n != 0 {
		t.Errorf("deactivated customer still listed")
	}
	if n, _ := s.CountCustomers(ctx, ListFilter{IncludeInactive: true}); n != 1 {
		t.Errorf("deactivated customer gone from the full list")
	}
	events, _ := s.EventsFor(ctx, "customer", c.ID)
	if last := events[len(events)-1]; last.Action != ActDeactivated || last.Note != "closed down" {
		t.Errorf("last event %+v", last)
	}
}

func TestNetworkShareDetection(t *testing.T) {
	unc := []struct {
		path string
		want bool
	}{
		{`\\fileserver\orders\orderdesk.db`, true},
		{`//fileserver/orders/orderdesk.db`, true},
		{`\\?\UNC\fileserver\orders\orderdesk.db`, true},
		{`\\?\C:\data\orderdesk.db`, false},
		{`\\.\pipe\x`, false},
		{`C:\Users\ann\orderdesk.db`, false},
		{`/home/ann/orderdesk.db`, false},
	}
	for _, c := range unc {
		if got := isUNC(c.path); got != c.want {
			t.Errorf("isUNC(%q) = %v", c.path, got)
		}
	}
	mountinfo := `22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
30 22 0:40 / /mnt/office rw,relatime - cifs //nas/office rw,vers=3.0
31 22 0:41 / /srv/nfs\040share rw - nfs4 nas:/export rw
32 30 8:2 / /mnt/office/local rw - ext4 /dev/sdb1 rw
`
	cases := []struct{ path, fs string }{
		{"/home/ann/orderdesk.db", "ext4"},
		{"/mnt/office/orderdesk.db", "cifs"},
		{"/mnt/officer/orderdesk.db", "ext4"},
		{"/srv/nfs share/orderdesk.db", "nfs4"},
		{"/mnt/office/local/orderdesk.db", "ext4"},
	}
	for _, c := range cases {
		fs, _ := mountFSType(strings.NewReader(mountinfo), c.path)
		if fs != c.fs {
			t.Errorf("mount of %s: %q, want %q", c.path, fs, c.fs)
		}
	}
	for fs, want := range map[string]bool{"cifs": true, "smbfs": true, "nfs": true, "NFS4": true, "fuse.sshfs": true, "ext4": false, "apfs": false, "tmpfs": false} {
		if isNetworkFSType(fs) != want {
			t.Errorf("isNetworkFSType(%q) != %v", fs, want)
		}
	}
	if net, _ := IsNetworkPath(filepath.Join(t.TempDir(), "x.db")); net {
		t.Error("a temp dir was taken for a network share")
	}
}

// TestUpgradeKeepsOneCopy: an upgrade that succeeds removes the copies
// earlier upgrades kept of the same file (each as big as the file) and
// keeps its own; other files beside it, another database's copies and a
// copy whose name only looks alike are left.
func TestUpgradeKeepsOneCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	old, err := Open(ctx, path, Options{Create: true, migrateTo: LatestSchema() - 1})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	older := []string{"office.db.before-schema-12-20260301-090000.bak", "office.db.before-schema-20-20261101-173012.bak"}
	others := []string{"office.db.before-schema-20-notes.bak", "other.db.before-schema-12-20260301-090000.bak",
		"office.db.before-schema-12-20260301-090000.bak.abc.partial", "office.db.backup-20261101.db"}
	for _, name := range append(append([]string{}, older...), others...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(s.BackupBeforeMigration); err != nil {
		t.Errorf("this upgrade's copy: %v", err)
	}
	for _, name := range older {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", name, err)
		}
	}
	for _, name := range others {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}
