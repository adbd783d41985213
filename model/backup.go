package model

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Automatic backups: one copy of the SQLite file a day, the first time
// OrderDesk runs that day, under the app's storage. The last 7 days are
// kept, and for the 4 weeks before them the newest copy of each week.

const backupPrefix, backupSuffix = "orderdesk-", ".db"

// BackupDir is where the automatic backups of the store's file go: under
// the app's storage, in a folder named after the file ("orderdesk").
func (s *Store) BackupDir() string {
	return filepath.Join(AppDir(), "backups", backupFolderName(s.Path, runtime.GOOS == "windows"))
}

// backupFolderName is the database file's name without its extension
// (C:\Users\陳怡君\Documents\訂單 資料.db → "訂單 資料"). On Windows both
// \ and / separate folders; it is written without path/filepath so that
// tests on Linux see Windows' rule.
func backupFolderName(dbPath string, windows bool) string {
	seps := "/"
	if windows {
		seps = `\/`
	}
	name := dbPath[strings.LastIndexAny(dbPath, seps)+1:]
	if dot := strings.LastIndex(name, "."); dot > 0 {
		name = name[:dot]
	}
	return name
}

// BackupFile is one file of the backup folder.
type BackupFile struct {
	Path string
	Day  Date
}

// Backups lists the automatic backups in dir, newest first.
func Backups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, backupSuffix) {
			continue
		}
		day, err := ParseDate(strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), backupSuffix))
		if err != nil || day.IsZero() {
			continue // not one of ours
		}
		out = append(out, BackupFile{Path: filepath.Join(dir, name), Day: day})
	}
	sort.Slice(out, func(i, j int) bool { return out[j].Day.Before(out[i].Day) })
	return out, nil
}

// keepBackups returns which of the backups (newest first) the rotation
// keeps on day today: every one of the last 7 days, and the newest of each
// of the 4 ISO weeks before those.
func keepBackups(backups []BackupFile, today Date) map[string]bool {
	keep := map[string]bool{}
	dailyFrom := today.AddDays(-6)
	weeks := map[string]bool{}
	for _, b := range backups {
		if !b.Day.Before(dailyFrom) {
			keep[b.Path] = true
			continue
		}
		y, w := b.Day.Time(time.UTC).ISOWeek()
		week := fmt.Sprintf("%d-%02d", y, w)
		if !weeks[week] && len(weeks) < 4 {
			weeks[week] = true
			keep[b.Path] = true
		}
	}
	return keep
}

// AutoBackup makes today's backup in dir unless there is one already, then
// removes the backups the rotation no longer keeps. It returns the new
// backup's path ("" when there was nothing to do). PostgreSQL is backed up
// on its server; there it does nothing.
func (s *Store) AutoBackup(ctx context.Context, dir string) (string, error) {
	if s.Dialect != SQLite {
		return "", nil
	}
	existing, err := Backups(dir)
	if err != nil {
		return "", err
	}
	if len(existing) > 0 && !existing[0].Day.Before(s.Today()) {
		return "", nil
	}
	return s.backupToday(ctx, dir)
}

// BackupNow makes today's backup in the store's backup folder now,
// replacing one made earlier today, and returns its path.
func (s *Store) BackupNow(ctx context.Context) (string, error) {
	if s.Dialect != SQLite {
		return "", Refuse("Backups of a PostgreSQL database are made with pg_dump on the server; see the README.")
	}
	return s.backupToday(ctx, s.BackupDir())
}

// backupToday writes today's backup (through a temporary name, so a failed
// backup never replaces a good one) and applies the rotation.
func (s *Store) backupToday(ctx context.Context, dir string) (string, error) {
	today := s.Today()
	dest := filepath.Join(dir, backupPrefix+today.String()+backupSuffix)
	tmp := dest + ".new"
	os.Remove(tmp)
	if err := s.Backup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return "", err
	}
	existing, err := Backups(dir)
	if err != nil {
		return dest, err
	}
	keep := keepBackups(existing, today)
	for _, b := range existing {
		if !keep[b.Path] {
			if err := os.Remove(b.Path); err != nil {
				return dest, err
			}
		}
	}
	return dest, nil
}

// Restore replaces the SQLite file at target with the backup at from. The
// backup is checked first (it opens, passes integrity and foreign-key
// checks, and was not written by a newer OrderDesk); the file it replaces
// is kept beside it as target.replaced-<time>. by must be a manager of the
// database being replaced. Every desk must have closed the file.
func Restore(ctx context.Context, from, target string, by Actor, opt Options) (kept string, err error) {
	if IsPostgresURL(target) {
		return "", Refuse("A PostgreSQL database is restored on its server with pg_restore; see the README.")
	}
	cur, err := Open(ctx, target, opt)
	if err != nil {
		return "", err
	}
	err = cur.write(ctx, func(tx *gorm.DB) error {
		return requireManager(tx, by, M("Only a manager may restore a backup."))
	})
	path, now := cur.Path, cur.now()
	cur.Close()
	if err != nil {
		return "", err
	}

	// Check a copy, so that opening it (which may migrate an older schema)
	// never changes the backup itself.
	trial := path + ".restoring"
	os.Remove(trial)
	if err := copyFile(from, trial); err != nil {
		return "", fmt.Errorf("read the backup: %w", err)
	}
	defer os.Remove(trial)
	b, err := Open(ctx, trial, opt)
	if err != nil {
		return "", fmt.Errorf("the backup cannot be used: %w", err)
	}
	problems, err := b.Check(ctx)
	b.Close()
	os.Remove(trial + "-wal")
	os.Remove(trial + "-shm")
	if old, _ := filepath.Glob(trial + ".before-schema-*"); len(old) > 0 {
		os.Remove(old[0]) // the copy an older backup's migration made of itself
	}
	if err != nil {
		return "", err
	}
	if len(problems) > 0 {
		return "", Refuse("The backup is damaged ({{.Problem}}); nothing was replaced.", "Problem", problems[0])
	}

	kept = fmt.Sprintf("%s.replaced-%s", path, now.Format("20060102-150405"))
	if err := os.Rename(path, kept); err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		os.Rename(path+ext, kept+ext)
	}
	if err := os.Rename(trial, path); err != nil {
		os.Rename(kept, path) // put the old file back
		return "", err
	}
	return kept, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
