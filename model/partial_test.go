package model

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// TestBackupIsWrittenAsAPartialFile: while a backup is being written it
// is a .partial file readable by the user only, and a backup that fails
// half-way leaves nothing under its name.
func TestBackupIsWrittenAsAPartialFile(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	s, _ := openTestStore(t)
	// Enough data that the copy takes a moment to write.
	s.db.Exec("CREATE TABLE scratch (b BLOB)")
	blob := make([]byte, 1<<20)
	for range 12 {
		rand.Read(blob)
		s.db.Exec("INSERT INTO scratch VALUES (?)", blob)
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	ctx, cancel := context.WithCancel(context.Background())
	seen := make(chan os.FileInfo, 1)
	go func() {
		for {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				// The copy's lock file comes first; the copy itself is
				// the file without the lock's suffix.
				if strings.HasSuffix(e.Name(), ".lock") {
					continue
				}
				if info, err := e.Info(); err == nil {
					cancel() // kill the backup half-way
					seen <- info
					return
				}
			}
			time.Sleep(100 * time.Microsecond)
		}
	}()
	err := s.Backup(ctx, dest)
	info := <-seen
	if info.Mode().Perm() != 0o600 || !strings.HasSuffix(info.Name(), partialSuffix) {
		t.Errorf("the backup was written as %s, mode %v: want a .partial file of mode 600", info.Name(), info.Mode().Perm())
	}
	if err == nil {
		t.Skip("the backup finished before it could be cancelled")
	}
	left, _ := os.ReadDir(dir)
	if len(left) > 0 {
		t.Errorf("a failed backup left %s", left[0].Name())
	}
}

// TestStalePartialFilesAreCleanedUp: the .partial file of a desk killed
// while backing up is removed at the next backup, never listed as one.
func TestStalePartialFilesAreCleanedUp(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	s, _ := openTestStore(t)
	dir := filepath.Join(t.TempDir(), "backups")
	os.MkdirAll(dir, 0o700)
	stale := filepath.Join(dir, backupPrefix+"2026-11-19.db.0a1b2c.partial")
	fresh := filepath.Join(dir, backupPrefix+"2026-11-19.db.3d4e5f.partial") // another desk's, being written
	os.WriteFile(stale, []byte("half"), 0o600)
	os.WriteFile(fresh, []byte("half"), 0o600)
	old := time.Now().Add(-2 * partialStale)
	os.Chtimes(stale, old, old)
	if backups, _ := Backups(dir); len(backups) != 0 {
		t.Errorf("partial files listed as backups: %v", backups)
	}
	if _, err := s.AutoBackup(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale partial file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a partial file being written was removed")
	}
	if backups, _ := Backups(dir); len(backups) != 1 {
		t.Errorf("backups: %v", backups)
	}
}

// TestKilledBackupIsRemovedAtTheNextStart: a desk killed while writing
// the first backup of the day leaves its .partial file, minutes old, and
// its unheld lock; the next start removes it at once, whether or not a
// backup is due, and leaves alone one another desk is writing.
func TestKilledBackupIsRemovedAtTheNextStart(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	for _, due := range []bool{true, false} {
		t.Run(map[bool]string{true: "backup due", false: "backup made"}[due], func(t *testing.T) {
			s, _ := openTestStore(t)
			ctx := context.Background()
			dir := filepath.Join(t.TempDir(), "backups")
			if !due {
				if _, err := s.AutoBackup(ctx, dir); err != nil {
					t.Fatal(err)
				}
			}
			os.MkdirAll(dir, 0o700)
			today := filepath.Join(dir, backupPrefix+s.Today().String()+backupSuffix)
			killed, err := newPartial(today)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(killed.path, make([]byte, 1<<20), 0o600)
			killed.lock.release() // what the system does when the desk dies
			writing, err := newPartial(today)
			if err != nil {
				t.Fatal(err)
			}
			defer writing.discard()

			if _, err := s.AutoBackup(ctx, dir); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(killed.path); err == nil {
				t.Error("the killed backup's partial file is still there")
			}
			if _, err := os.Stat(killed.path + deskLockSuffix); err == nil {
				t.Error("the killed backup's lock file is still there")
			}
			if _, err := os.Stat(writing.path); err != nil {
				t.Errorf("a partial file being written was removed: %v", err)
			}
			if backups, _ := Backups(dir); len(backups) != 1 {
				t.Errorf("backups: %v", backups)
			}
		})
	}
}

// TestSchemaUpgradeCopyIsPrivate: the copy made before a schema upgrade is
// mode 600 and no partial file remains beside it.
func TestSchemaUpgradeCopyIsPrivate(t *testing.T) {
	sqliteOnly(t, "the copy before an upgrade is a SQLite file")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(ctx, path, Options{Create: true, migrateTo: LatestSchema() - 1})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := os.Stat(s.BackupBeforeMigration)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the copy before the upgrade: %v, mode %v", err, info.Mode().Perm())
	}
	if left, _ := filepath.Glob(path + "*" + partialSuffix); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

// TestBackupConnectionCachesLittle: the connection that writes a backup
// keeps a small page cache, not the desks' 32 MB (the backup's peak).
func TestBackupConnectionCachesLittle(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	s, _ := openTestStore(t)
	conn, err := gorm.Open(sqlite.Open(backupDSN(s.Path)), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	db, _ := conn.DB()
	defer db.Close()
	var kb int
	if err := conn.Raw("PRAGMA cache_size").Scan(&kb).Error; err != nil {
		t.Fatal(err)
	}
	if kb != -backupCacheKB {
		t.Errorf("the backup's connection caches %d (PRAGMA cache_size), want %d", kb, -backupCacheKB)
	}
}
