package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"orderdesk/model"
)

// demoOffice makes a demo office of n orders in a temporary folder and
// returns its file and one order's number.
func demoOffice(t *testing.T, n int) (db, orderNo string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "office.db")
	env, _, errOut := testEnv()
	if code := Run(context.Background(), env, []string{"demo", "-db", db, "-orders", strconv.Itoa(n)}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	s, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Orders(context.Background(), model.OrderFilter{View: model.ViewOpen, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no order in the demo: %v", err)
	}
	return db, rows[0].No
}

// TestCommandsNeverOverwrite: every command that writes a file refuses an
// existing one unless -force, and the database, its -wal and -shm always,
// however they are named (the office once became a PDF).
func TestCommandsNeverOverwrite(t *testing.T) {
	db, no := demoOffice(t, 20)
	dir := filepath.Dir(db)
	link := filepath.Join(dir, "link-to-office.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, _ := filepath.Rel(wd, db)
	// A desk keeps the database open meanwhile, so its -wal and -shm exist.
	desk, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()

	writers := []struct {
		name  string
		write func(dest string) []string // the command writing dest
		force bool                       // it takes -force
	}{
		{"export customers", func(dest string) []string { return []string{"export", "-db", db, "customers", dest} }, true},
		{"export products", func(dest string) []string { return []string{"export", "-db", db, "products", dest} }, true},
		{"export prices", func(dest string) []string { return []string{"export", "-db", db, "prices", dest} }, true},
		{"print -o", func(dest string) []string { return []string{"print", "-db", db, "confirmation", no, "-o", dest} }, true},
		{"shipments -csv", func(dest string) []string {
			return []string{"shipments", "list", "-db", db, "-month", "2026-01", "-csv", dest}
		}, true},
		{"backup", func(dest string) []string { return []string{"backup", "-db", db, dest} }, false},
	}
	run := func(args []string) (int, string) {
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, args)
		return code, out.String() + errOut.String()
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			existing := filepath.Join(dir, strings.ReplaceAll(w.name, " ", "_")+".existing")
			os.WriteFile(existing, []byte("a person's file"), 0o600)
			if code, out := run(w.write(existing)); code != 1 || !strings.Contains(out, "already exists") {
				t.Errorf("over an existing file: exit %d, %s", code, out)
			}
			if b, _ := os.ReadFile(existing); string(b) != "a person's file" {
				t.Errorf("the existing file was replaced without -force")
			}
			if w.force {
				if code, out := run(append(w.write(existing), "-force")); code != 0 {
					t.Errorf("with -force: exit %d, %s", code, out)
				}
				if b, _ := os.ReadFile(existing); string(b) == "a person's file" {
					t.Errorf("-force did not replace the file")
				}
			}
			before, _ := os.ReadFile(db)
			for _, dest := range []string{db, rel, "./" + rel, link, db + "-wal", db + "-shm"} {
				args := w.write(dest)
				if w.force {
					args = append(args, "-force")
				}
				if code, out := run(args); code != 1 || !strings.Contains(out, "database") {
					t.Errorf("over %s: exit %d, %s", dest, code, out)
				}
			}
			if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
				t.Fatalf("the database changed")
			}
			if code, out := run([]string{"check", "-db", db}); code != 0 {
				t.Fatalf("check after the refusals: %s", out)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}
