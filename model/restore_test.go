package model

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// fooDatabase writes a SQLite file that is not OrderDesk's: one table foo.
func fooDatabase(t testing.TB, path string) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: gormLogger(false)})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)").Error; err != nil {
		t.Fatal(err)
	}
	db.Exec("INSERT INTO foo (name) VALUES ('bar')")
	sqlDB, _ := db.DB()
	sqlDB.Close()
}

// realBackup backs up a desk with two orders and returns the backup's path.
func realBackup(t testing.TB, f *deskFixture) string {
	t.Helper()
	f.intake(f.custA, 10)
	f.intake(f.custB, 20)
	bak := filepath.Join(t.TempDir(), "real.db")
	if err := f.s.Backup(f.ctx, bak); err != nil {
		t.Fatal(err)
	}
	return bak
}

// badBackups are the files a restore must refuse, by name: a 0-byte file,
// a SQLite file of another program, a backup cut off half-way (a copy
// killed mid-write), and one that lacks a table.
func badBackups(t *testing.T, good string) map[string]string {
	dir := t.TempDir()
	files := map[string]string{}
	files["empty"] = filepath.Join(dir, "empty.db")
	os.WriteFile(files["empty"], nil, 0o600)
	files["foo"] = filepath.Join(dir, "foo.db")
	fooDatabase(t, files["foo"])
	data, _ := os.ReadFile(good)
	files["truncated"] = filepath.Join(dir, "truncated.db")
	os.WriteFile(files["truncated"], data[:len(data)/2], 0o600)
	files["no tickets table"] = filepath.Join(dir, "notickets.db")
	os.WriteFile(files["no tickets table"], data, 0o600)
	db, _ := gorm.Open(sqlite.Open(files["no tickets table"]), &gorm.Config{Logger: gormLogger(false)})
	if err := db.Exec("DROP TABLE tickets").Error; err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	sqlDB.Close()
	return files
}

func TestRestoreRefusesWhatIsNotAWholeOrderDeskDatabase(t *testing.T) {
	sqliteOnly(t, "restoring a SQLite file")
	f := newDesk(t)
	good := realBackup(t, f)
	f.intake(f.custA, 5)
	path := f.s.Path
	f.s.Close()
	for name, bad := range badBackups(t, good) {
		before, _ := os.ReadFile(bad)
		_, err := Restore(f.ctx, bad, path, f.super.Actor(), Options{})
		if !isRefusal(err) {
			t.Errorf("%s: restored (or failed without a refusal: %v)", name, err)
		}
		if err != nil && (strings.Contains(err.Error(), ".partial") || strings.Contains(err.Error(), ".restoring")) {
			t.Errorf("%s: the refusal names the private copy, not the backup: %v", name, err)
		}
		if after, _ := os.ReadFile(bad); !bytes.Equal(before, after) {
			t.Errorf("%s: the restore changed the file it refused", name)
		}
		s, err := Open(f.ctx, path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n, _ := s.CountOrders(f.ctx, OrderFilter{View: ViewAll}); n.N != 3 {
			t.Errorf("%s: the office holds %d orders after a refused restore, want 3", name, n.N)
		}
		s.Close()
		if left, _ := filepath.Glob(path + ".*"); len(left) != 1 || !strings.HasSuffix(left[0], deskLockSuffix) {
			t.Errorf("%s: left beside the database: %v", name, left)
		}
	}
}

func TestRestoreShowsBothSummaries(t *testing.T) {
	sqliteOnly(t, "restoring a SQLite file")
	f := newDesk(t)
	good := realBackup(t, f)
	f.clock.Add(72 * time.Hour)
	f.intake(f.custA, 5)
	path := f.s.Path
	f.s.Close()
	p, err := PrepareRestore(f.ctx, good, path, f.super.Actor(), Options{Location: taipei})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Cancel()
	if p.Current.Orders != 3 || p.Backup.Orders != 2 || p.Current.Customers != p.Backup.Customers || p.Current.Customers == 0 {
		t.Errorf("summaries: now %+v, backup %+v", p.Current, p.Backup)
	}
	if !p.Backup.Newest.Before(p.Current.Newest) || p.Backup.Newest.IsZero() {
		t.Errorf("newest order: now %s, backup %s", p.Current.Newest, p.Backup.Newest)
	}
}

func TestInspectDatabaseFileChangesNothing(t *testing.T) {
	sqliteOnly(t, "SQLite files")
	f := newDesk(t)
	good := realBackup(t, f)
	before, _ := os.ReadFile(good)
	sum, err := InspectDatabaseFile(f.ctx, good)
	if err != nil || sum.Orders != 2 || sum.Path != good {
		t.Fatalf("%+v %v", sum, err)
	}
	if after, _ := os.ReadFile(good); sha256.Sum256(before) != sha256.Sum256(after) {
		t.Error("inspecting the file changed it")
	}
	if left, _ := filepath.Glob(good + "?*"); len(left) > 0 {
		t.Errorf("left beside the file: %v", left)
	}
	for name, bad := range badBackups(t, good) {
		if _, err := InspectDatabaseFile(f.ctx, bad); err == nil {
			t.Errorf("%s passed the inspection", name)
		}
	}
}

// FuzzInspectDatabaseFile feeds the restore's file check arbitrary bytes:
// it must refuse or accept, never panic, and never change the file.
func FuzzInspectDatabaseFile(f *testing.F) {
	sqliteOnly(f, "SQLite files")
	d := newDesk(f)
	good, _ := os.ReadFile(realBackup(f, d))
	foo := filepath.Join(f.TempDir(), "foo.db")
	fooDatabase(f, foo)
	fooBytes, _ := os.ReadFile(foo)
	f.Add([]byte{})
	f.Add(fooBytes)
	f.Add(good[:len(good)/2])
	f.Add(good[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		os.WriteFile(path, data, 0o600)
		InspectDatabaseFile(context.Background(), path)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
			t.Fatal("the inspection changed the file")
		}
	})
}

// TestRestoreIsExclusive: a restore is refused while a desk has the
// database open, and a desk cannot open while a restore is prepared.
func TestRestoreIsExclusive(t *testing.T) {
	sqliteOnly(t, "desk locks on a SQLite file")
	f := newDesk(t)
	good := realBackup(t, f)
	path := f.s.Path
	if _, err := PrepareRestore(f.ctx, good, path, f.super.Actor(), Options{}); !isRefusal(err) || !strings.Contains(err.Error(), "close it everywhere") {
		t.Fatalf("restored under an open desk: %v", err)
	}
	other, err := Open(f.ctx, path, Options{}) // a second desk: shared locks agree
	if err != nil {
		t.Fatal(err)
	}
	f.s.Close()
	if _, err := PrepareRestore(f.ctx, good, path, f.super.Actor(), Options{}); !isRefusal(err) {
		t.Fatalf("restored under the second desk: %v", err)
	}
	other.Close()
	p, err := PrepareRestore(f.ctx, good, path, f.super.Actor(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(f.ctx, path, Options{}); !isRefusal(err) || !strings.Contains(err.Error(), "restore is under way") {
		t.Fatalf("a desk opened during a restore: %v", err)
	}
	if _, err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(f.ctx, path, Options{})
	if err != nil {
		t.Fatalf("after the restore: %v", err)
	}
	s.Close()
}

// TestRestoreRefusedWhileAnotherProcessHasItOpen: the lock holds across
// processes, and goes away with a process that is killed.
func TestRestoreRefusedWhileAnotherProcessHasItOpen(t *testing.T) {
	sqliteOnly(t, "desk locks on a SQLite file")
	f := newDesk(t)
	good := realBackup(t, f)
	path := f.s.Path
	f.s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$")
	cmd.Env = append(os.Environ(), childEnv+"=hold", "ORDERDESK_CHILD_DB="+path)
	stdin, _ := cmd.StdinPipe()
	defer stdin.Close()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); !strings.HasPrefix(line, "ready") {
		cmd.Process.Kill()
		t.Fatalf("the child said %q", line)
	}
	if _, err := Restore(f.ctx, good, path, f.super.Actor(), Options{}); !isRefusal(err) {
		t.Fatalf("restored while another process had the database open: %v", err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := Restore(f.ctx, good, path, f.super.Actor(), Options{}); err != nil {
		t.Fatalf("after the other process died: %v", err)
	}
}

// childHold keeps the store open until its stdin closes.
func childHold() {
	os.Stdout.WriteString("ready\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
}
