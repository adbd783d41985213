package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// TestControlCharactersAreAFieldError: a NUL (which PostgreSQL refuses and
// SQLite keeps) or another control character in any text field is refused
// as a problem with that field, the same on both databases; tab and new
// line are text.
func TestControlCharactersAreAFieldError(t *testing.T) {
	s, _ := openTestStore(t)
	// A manager, who may set payment terms, so the text check is what refuses.
	by := clerk(t, s, "Wang Mei-ling", "ML", true).Actor()
	ctx := context.Background()
	cases := []struct {
		name, field string
		set         func(c *Customer)
		refused     bool
	}{
		{"NUL in the name", "NameZH", func(c *Customer) { c.NameZH = "金鼎\x00印刷" }, true},
		{"escape in the address", "BillingAddress", func(c *Customer) { c.BillingAddress = "台北市\x1b[2J" }, true},
		{"bytes that are not UTF-8", "PaymentTerms", func(c *Customer) { c.PaymentTerms = "net \xff30" }, true},
		{"tab and new lines are text", "", func(c *Customer) { c.BillingAddress = "台北市\n信義路 5 段\t7 號\r\n" }, false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCustomer()
			c.Code, c.NameZH = fmt.Sprintf("N%03d", i), "客戶"
			tc.set(c)
			err := s.SaveCustomer(ctx, by, c)
			if !tc.refused {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe FieldErrors
			if !errors.As(err, &fe) || fe.For(tc.field).IsZero() {
				t.Fatalf("want a problem with %s, got %v", tc.field, err)
			}
			if !strings.Contains(Say(err).Text, "control character") {
				t.Errorf("the clerk reads %q", Say(err))
			}
			if _, err := s.CustomerByCode(ctx, c.Code); !errors.Is(err, ErrNotFound) {
				t.Errorf("the customer was stored anyway (%v)", err)
			}
		})
	}
}

// writerPragma runs a PRAGMA on the store's one writer connection.
func writerPragma(t *testing.T, s *Store, pragma string) {
	t.Helper()
	if err := s.db.Exec(pragma).Error; err != nil {
		t.Fatal(err)
	}
}

// TestSayNamesTheCause makes each cause happen for real and checks the
// sentence a clerk reads, for a save and for a load.
func TestSayNamesTheCause(t *testing.T) {
	sqliteOnly(t, "SQLite's own limits make the faults")
	ctx := context.Background()
	saveOne := func(s *Store, code, text string) error {
		c := NewCustomer()
		c.Code, c.NameZH, c.BillingAddress = code, "客戶", text
		return s.SaveCustomer(ctx, Actor{Name: "test"}, c)
	}
	cases := []struct {
		name  string
		fault func(t *testing.T, s *Store) error
		want  Cause
		save  string // the start of what a clerk reads
	}{
		{"disk full", func(t *testing.T, s *Store) error {
			// max_page_count stops the file growing: SQLITE_FULL, as
			// on a full disk.
			var pages int
			s.db.Raw("PRAGMA page_count").Scan(&pages)
			writerPragma(t, s, fmt.Sprintf("PRAGMA max_page_count = %d", pages+2))
			var err error
			for i := 0; err == nil && i < 50; i++ {
				err = saveOne(s, fmt.Sprintf("F%03d", i), strings.Repeat("紙", 4000))
			}
			return err
		}, CauseDiskFull, "Could not save: the disk is full."},
		{"read-only", func(t *testing.T, s *Store) error {
			// Tests run as root, whom chmod does not stop: query_only
			// makes SQLite refuse the write with SQLITE_READONLY.
			writerPragma(t, s, "PRAGMA query_only = 1")
			return saveOne(s, "R001", "")
		}, CauseReadOnly, "Could not save: the database cannot be written here"},
		{"busy past the wait", func(t *testing.T, s *Store) error {
			other, err := gorm.Open(sqlite.Open(sqliteDSN(s.Path, false)), &gorm.Config{Logger: gormLogger(false)})
			if err != nil {
				t.Fatal(err)
			}
			sqlDB, _ := other.DB()
			sqlDB.SetMaxOpenConns(1)
			defer sqlDB.Close()
			tx := other.Begin()
			defer tx.Rollback()
			start := time.Now()
			err = saveOne(s, "B001", "")
			if waited := time.Since(start); waited > writeWaitLimit+time.Second {
				t.Errorf("the save waited %s for the lock; at most %s", waited, writeWaitLimit)
			}
			return err
		}, CauseBusy, "The database is busy at another desk."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTestStore(t)
			err := tc.fault(t, s)
			if err == nil {
				t.Fatal("the fault did not happen")
			}
			if got := CauseOf(err); got != tc.want {
				t.Errorf("cause %q, want %q (%v)", got, tc.want, err)
			}
			if got := Say(err).String(); !strings.HasPrefix(got, tc.save) {
				t.Errorf("a clerk reads %q, want %q…", got, tc.save)
			}
			if got := SayLoad(err).String(); strings.Contains(got, "save") {
				t.Errorf("a failed load reads %q", got)
			}
		})
	}
}

// TestPostgresGoneIsNetwork points at a port where no server listens: the
// clerk reads that the connection is lost, and the password is in no log.
func TestPostgresGoneIsNetwork(t *testing.T) {
	dir := t.TempDir()
	path, err := StartLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer StopLog()
	_, err = Open(context.Background(), "postgres://clerk:hunter2-secret@127.0.0.1:1/office?connect_timeout=2", Options{})
	if err == nil {
		t.Fatal("opened a database on a closed port")
	}
	if CauseOf(err) != CauseNetwork {
		t.Errorf("cause %q for %v", CauseOf(err), err)
	}
	if got := SayLoad(err).String(); !strings.HasPrefix(got, "Could not load: the connection to the database was lost") {
		t.Errorf("a clerk reads %q", got)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "cause=\"network gone\"") {
		t.Errorf("the log does not say the cause:\n%s", data)
	}
	if strings.Contains(string(data), "hunter2") {
		t.Errorf("the log holds the password:\n%s", data)
	}
}

// TestLogFile: an unexpected error goes to orderdesk.log in the given
// folder, mode 0600, with what was done, where, and its cause chain; the
// clerk's sentence names the file; passwords never reach it; the file is
// rotated at 1 MiB and five files are kept.
func TestLogFile(t *testing.T) {
	dir := t.TempDir()
	path, err := StartLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer StopLog()
	if path != filepath.Join(dir, LogFile) {
		t.Errorf("log at %s", path)
	}
	AddSecret("kc-pass-77")
	inner := errors.New(`dial postgres://desk:s3cr3t@db.office:5432/od failed; dsn "host=db password=topsecret user=x"; keychain kc-pass-77`)
	err = fmt.Errorf("load customers: %w", inner)
	said := Say(err).String()
	if !strings.Contains(said, path) || !strings.HasPrefix(said, "Could not save") {
		t.Errorf("a failed save reads %q", said)
	}
	if got := SayLoad(err).String(); !strings.HasPrefix(got, "Could not load") || !strings.Contains(got, path) {
		t.Errorf("a failed load reads %q", got)
	}
	Say(Refuse("not a fault")) // a refusal is no fault: not logged
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	log := string(data)
	for _, want := range []string{"op=save", "op=load", "TestLogFile", "chain.0=", `chain.1="*errors.errorString`, "postgres://desk:xxxxx@db.office"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	for _, secret := range []string{"s3cr3t", "topsecret", "kc-pass-77", "not a fault"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds %q:\n%s", secret, log)
		}
	}
	big := errors.New(strings.Repeat("x", 64<<10))
	for range 200 { // about 13 MiB
		LogError("fill", big)
	}
	files, _ := filepath.Glob(filepath.Join(dir, LogFile+"*"))
	if len(files) != logKeep {
		t.Errorf("%d log files, want %d: %v", len(files), logKeep, files)
	}
	for _, f := range files {
		if st, _ := os.Stat(f); st.Size() > logMaxSize || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %d bytes, mode %v", f, st.Size(), st.Mode().Perm())
		}
	}
}
