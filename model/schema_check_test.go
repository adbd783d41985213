package model

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenCreatesNothingUnlessAsked: only Options.Create makes a database;
// every other open of a missing, empty or foreign file is refused and
// leaves no file behind (no database, WAL, shared memory or lock file).
func TestOpenCreatesNothingUnlessAsked(t *testing.T) {
	ctx := context.Background()
	if onPostgres() {
		// An empty PostgreSQL database (a fresh schema here).
		if s, err := Open(ctx, testTarget(t), Options{}); !isRefusal(err) {
			s.Close()
			t.Fatalf("an empty PostgreSQL database opened without Create: %v", err)
		}
		return
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	foo := filepath.Join(dir, "foo.db")
	fooDatabase(t, foo)
	fooBefore, _ := os.ReadFile(foo)
	for _, path := range []string{filepath.Join(dir, "missing.db"), filepath.Join(dir, "no", "such", "folder.db"), empty, foo} {
		if s, err := Open(ctx, path, Options{}); !isRefusal(err) {
			s.Close()
			t.Errorf("%s opened without Create: %v", path, err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 2 {
		t.Errorf("files left: %v, want only empty.db and foo.db", left)
	}
	if after, _ := os.ReadFile(foo); string(after) != string(fooBefore) {
		t.Error("opening another program's SQLite file changed it")
	}
	s, err := Open(ctx, filepath.Join(dir, "new.db"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// dropIndex drops one index of the schema as a killed bulk load leaves it:
// through the loader's own dropBulkIndexes, never built again.
func dropBulkIndexesAsKilled(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.dropBulkIndexes(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestCheckComparesTheSchema(t *testing.T) {
	ctx := context.Background()
	s, _ := openTestStore(t)
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("a fresh database: %v %v", problems, err)
	}
	steps := []struct {
		sql  string
		want string
	}{
		{"DROP INDEX idx_tickets_status_updated", "schema: index idx_tickets_status_updated missing"},
		{"CREATE INDEX idx_tickets_status_updated ON tickets (status)", "schema: index idx_tickets_status_updated differs"},
		{"CREATE TABLE foo (id integer)", "schema: table foo is not OrderDesk's"},
		{"CREATE INDEX idx_extra ON orders (memo)", "schema: index idx_extra is not in the schema"},
		{"DROP TABLE drafts", "schema: table drafts missing"},
	}
	for _, st := range steps {
		if err := s.db.Exec(st.sql).Error; err != nil {
			t.Fatalf("%s: %v", st.sql, err)
		}
		problems, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(problems, "\n"), st.want) {
			t.Errorf("after %s: %q, want %q", st.sql, problems, st.want)
		}
	}
}

// TestKilledLoadLeavesNoIndexDropped: a bulk load killed after dropping
// its tables' indexes: check reports them, and the next open builds them.
func TestKilledLoadLeavesNoIndexDropped(t *testing.T) {
	ctx := context.Background()
	f := newDesk(t)
	f.intake(f.custA, 3)
	dropBulkIndexesAsKilled(t, f.s)
	problems, err := f.s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "\n")
	for _, unique := range []string{"idx_orders_no", "idx_line_no"} {
		if !strings.Contains(joined, "schema: index "+unique) {
			t.Errorf("check does not report %s dropped:\n%s", unique, joined)
		}
	}
	target := f.s.Target
	f.s.Close()
	s, err := Open(ctx, target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("after reopening: %v %v", problems, err)
	}
}

// TestCancelledGenerationBuildsItsIndexes: Ctrl-C on orderdesk gen cancels
// the load; the indexes it dropped are built before it returns.
func TestCancelledGenerationBuildsItsIndexes(t *testing.T) {
	f := newDesk(t)
	ctx, cancel := context.WithCancel(f.ctx)
	err := f.s.GenerateOrders(ctx, 3000, 1, func(done int) { cancel() })
	if err == nil {
		t.Fatal("the cancelled load finished")
	}
	if problems, err := f.s.Check(f.ctx); err != nil || len(problems) > 0 {
		t.Errorf("after a cancelled load: %v %v", problems, err)
	}
}
