package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsCreateNoDatabase: only demo makes a database; check and the
// other commands refuse a missing or empty file and leave nothing behind.
func TestCommandsCreateNoDatabase(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, args := range [][]string{
		{"check", "-db", filepath.Join(dir, "missing.db")},
		{"check", "-db", empty},
		{"orders", "list", "-db", filepath.Join(dir, "missing.db")},
		{"gen", "-db", filepath.Join(dir, "missing.db"), "-orders", "5"},
	} {
		env, out, errOut := testEnv()
		if code := Run(context.Background(), env, args); code != 1 {
			t.Errorf("orderdesk %s: exit %d, want 1\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 1 {
		t.Errorf("files left: %v, want only empty.db", left)
	}
}

// TestRestoreCommand: restore refuses files that are not a whole OrderDesk
// database, shows both summaries, and replaces only after -yes.
func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	bak := filepath.Join(dir, "backup.db")
	run := func(args ...string) (int, string) {
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, args)
		return code, out.String() + errOut.String()
	}
	if code, out := run("demo", "-db", db, "-orders", "20"); code != 0 {
		t.Fatal(out)
	}
	if code, out := run("backup", "-db", db, bak); code != 0 {
		t.Fatal(out)
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	data, _ := os.ReadFile(bak)
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, data[:len(data)/2], 0o600)
	for _, bad := range []string{empty, truncated, filepath.Join(dir, "missing.db")} {
		if code, out := run("restore", "-db", db, "-as", "ML", "-yes", bad); code != 1 {
			t.Errorf("restore %s: exit %d\n%s", bad, code, out)
		}
		if code, out := run("orders", "list", "-db", db); code != 0 || !strings.Contains(out, "SO-") {
			t.Fatalf("after refusing %s the office has no orders:\n%s", bad, out)
		}
	}
	code, out := run("restore", "-db", db, "-as", "ML", bak)
	if code != 1 || !strings.Contains(out, "now in place") || !strings.Contains(out, "from the backup") || !strings.Contains(out, "newest order") {
		t.Errorf("restore without -yes and no terminal: exit %d\n%s", code, out)
	}
	if kept, _ := filepath.Glob(db + ".replaced-*"); len(kept) > 0 {
		t.Errorf("replaced without -yes: %v", kept)
	}
	if code, out := run("restore", "-db", db, "-as", "ML", "-yes", bak); code != 0 || !strings.Contains(out, "the replaced file is kept") {
		t.Errorf("restore -yes: exit %d\n%s", code, out)
	}
}
