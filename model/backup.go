package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
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
	// At every start, whether or not a backup is due: a copy killed
	// half-way is as large as the database.
	cleanPartials(dir, backupPrefix)
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

// backupToday writes today's backup (through a .partial file, so a failed
// backup never replaces a good one) and applies the rotation.
func (s *Store) backupToday(ctx context.Context, dir string) (string, error) {
	today := s.Today()
	dest := filepath.Join(dir, backupPrefix+today.String()+backupSuffix)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	cleanPartials(dir, backupPrefix) // left by a killed desk (BackupNow)
	if err := s.copyTo(ctx, dest); err != nil {
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
