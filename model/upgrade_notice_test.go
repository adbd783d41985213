package model

import (
	"context"
	"path/filepath"
	"testing"
)

// TestOpenNoticesAnUpgrade: opening a file of an older schema tells the
// context's notice, before the copy is made, which steps and where the copy
// goes, once; opening it again (up to date) tells nothing.
func TestOpenNoticesAnUpgrade(t *testing.T) {
	sqliteOnly(t, "the copy before upgrading is SQLite's")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(ctx, path, Options{Create: true, migrateTo: 20})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	var told []Upgrade
	notice := WithUpgradeNotice(ctx, func(u Upgrade) { told = append(told, u) })
	s, err := Open(notice, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(told) != 1 || told[0].From != 20 || told[0].To != LatestSchema() || told[0].Copy != s.BackupBeforeMigration || told[0].Copy == "" {
		t.Errorf("told %+v for an upgrade from 20 to %d copied to %q", told, LatestSchema(), s.BackupBeforeMigration)
	}
	told = nil
	s, err = Open(notice, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(told) != 0 {
		t.Errorf("an up-to-date file told %+v", told)
	}
}
