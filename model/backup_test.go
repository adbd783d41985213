package model

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

func TestKeepBackups(t *testing.T) {
	today := NewDate(2026, 11, 28) // a Saturday
	var all []BackupFile
	for i := 0; i < 60; i++ {
		d := today.AddDays(-i)
		all = append(all, BackupFile{Path: d.String(), Day: d})
	}
	keep := keepBackups(all, today)
	var kept []string
	for p := range keep {
		kept = append(kept, p)
	}
	sort.Strings(kept)
	want := []string{
		// older than the last 7 days: the newest of each of the 4 ISO weeks
		// (Monday to Sunday) they fall in, 11-21 for the week the window cuts
		"2026-11-01", "2026-11-08", "2026-11-15", "2026-11-21",
		// the last 7 days
		"2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28",
	}
	if len(kept) != len(want) {
		t.Fatalf("kept %v, want %v", kept, want)
	}
	for i := range want {
		if kept[i] != want[i] {
			t.Fatalf("kept %v, want %v", kept, want)
		}
	}
}

// TestAutoBackupOncePerDayAndRotates runs OrderDesk every day for 40 days.
func TestAutoBackupOncePerDayAndRotates(t *testing.T) {
	sqliteOnly(t, "VACUUM INTO backups")
	s, clock := openTestStore(t)
	dir := filepath.Join(t.TempDir(), "backups")
	ctx := context.Background()
	for day := 0; day < 40; day++ {
		first, err := s.AutoBackup(ctx, dir)
		if err != nil || first == "" {
			t.Fatalf("day %d: %q %v", day, first, err)
		}
		if again, err := s.AutoBackup(ctx, dir); err != nil || again != "" {
			t.Fatalf("day %d, second start: made %q (%v); one backup a day is enough", day, again, err)
		}
		if info, err := os.Stat(first); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("day %d: %v, mode %v: a backup must be readable by the user only", day, err, info.Mode())
		}
		clock.Add(24 * time.Hour)
	}
	left, _ := Backups(dir)
	if len(left) != 11 {
		t.Errorf("after 40 days %d backups are kept, want 7 daily + 4 weekly", len(left))
	}
}

func TestRestore(t *testing.T) {
	sqliteOnly(t, "restoring a SQLite file")
	ctx := context.Background()
	f := newDesk(t)
	o := f.intake(f.custA, 10)
	bak := filepath.Join(t.TempDir(), "bak.db")
	if err := f.s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	f.intake(f.custB, 20) // made after the backup: gone after the restore
	path := f.s.Path
	f.s.Close()

	if _, err := Restore(ctx, bak, path, f.clerk.Actor(), Options{}); !isRefusal(err) {
		t.Fatalf("a clerk restored a backup: %v", err)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.db")
	os.WriteFile(garbage, []byte("not a database at all"), 0o600)
	if _, err := Restore(ctx, garbage, path, f.super.Actor(), Options{}); err == nil {
		t.Fatal("a file that is no database was restored")
	}

	kept, err := Restore(ctx, bak, path, f.super.Actor(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, _ := s.CountOrders(ctx, OrderFilter{View: ViewAll})
	if _, err := s.OrderByNo(ctx, o.No); err != nil || n.N != 1 {
		t.Errorf("after the restore: %d orders, %s: %v", n.N, o.No, err)
	}
	replaced, err := Open(ctx, kept, Options{})
	if err != nil {
		t.Fatalf("the replaced file was not kept: %v", err)
	}
	defer replaced.Close()
	if m, _ := replaced.CountOrders(ctx, OrderFilter{View: ViewAll}); m.N != 2 {
		t.Errorf("the replaced file holds %d orders, want 2", m.N)
	}
}

func isRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r)
}
