package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// releasedSums reads migrations/SUMS: file (under migrations/) → SHA-256.
func releasedSums(t *testing.T) map[string]string {
	t.Helper()
	b, err := migrationFiles.ReadFile("migrations/SUMS")
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 2 {
			t.Fatalf("SUMS: bad line %q", l)
		}
		sums[f[1]] = f[0]
	}
	return sums
}

// TestMigrationFilesAreFrozen: a schema step's SQL, once released, is what
// every database that took the step ran; editing it makes new databases
// differ from upgraded ones without anyone noticing. Each file must match
// its sum in migrations/SUMS.
func TestMigrationFilesAreFrozen(t *testing.T) {
	sums := releasedSums(t)
	seen := map[string]bool{}
	err := fs.WalkDir(migrationFiles, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") {
			return err
		}
		b, err := migrationFiles.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "migrations/")
		seen[name] = true
		sum := sha256.Sum256(b)
		got := hex.EncodeToString(sum[:])
		switch want, ok := sums[name]; {
		case !ok:
			t.Errorf("%s is not in model/migrations/SUMS; once its step is final, add the line:\n%s  %s", name, got, name)
		case got != want:
			t.Errorf("model/migrations/%s was released and has changed: databases that took the step ran the old text. Put the file back as it was (git checkout) and add a new step instead (see CONTRIBUTING.md)", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range sums {
		if !seen[name] {
			t.Errorf("model/migrations/%s was released and is gone: put it back; add a new step instead", name)
		}
	}
}

// TestMigrationFilesOnePerStep: each dialect has one file for each step
// (and 0000, the bookkeeping table), named alike, and none beyond the last;
// only a step whose data function moves the rows may hold no statement.
func TestMigrationFilesOnePerStep(t *testing.T) {
	steps := append([]migration{{}}, migrations...)
	for _, m := range steps {
		v := m.version
		var names []string
		for _, d := range []Dialect{SQLite, Postgres} {
			name, text, err := migrationFile(d, v)
			if err != nil {
				t.Fatal(err)
			}
			if v > 0 && len(sqlStatements(text)) == 0 && m.data == nil {
				t.Errorf("%s has no statement", name)
			}
			names = append(names, path.Base(name))
		}
		if names[0] != names[1] {
			t.Errorf("step %d: %s on SQLite but %s on PostgreSQL", v, names[0], names[1])
		}
	}
	for _, d := range []Dialect{SQLite, Postgres} {
		extra, _ := fs.Glob(migrationFiles, path.Join("migrations", string(d), fmt.Sprintf("%04d_*", LatestSchema()+1)))
		if len(extra) > 0 {
			t.Errorf("%v: a file beyond the last step; add the step to migrations in migrate.go", extra)
		}
	}
}

func TestSQLStatements(t *testing.T) {
	text := "-- a comment\n\nCREATE TABLE a (x text);\n\n-- if no column a.y\nALTER TABLE a ADD COLUMN y text;\n-- trailing\n"
	got := sqlStatements(text)
	want := []string{"-- a comment\n\nCREATE TABLE a (x text);", "-- if no column a.y\nALTER TABLE a ADD COLUMN y text;"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	if g := ifNoColumn.FindStringSubmatch(got[1]); g == nil || g[1] != "a" || g[2] != "y" {
		t.Errorf("guard read as %q", g)
	}
	// A trigger's body and a DO block hold statements of their own: each is
	// one statement to its end.
	body := "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  INSERT INTO b VALUES (2);\nEND;\n" +
		"DO $$\nBEGIN\n  CREATE EXTENSION x;\nEND\n$$;\nCREATE INDEX i ON a (x);\n"
	got = sqlStatements(body)
	want = []string{"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  INSERT INTO b VALUES (2);\nEND;",
		"DO $$\nBEGIN\n  CREATE EXTENSION x;\nEND\n$$;", "CREATE INDEX i ON a (x);"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	// A PostgreSQL trigger names its function and has no body: it ends at
	// its ";" (it swallowed the file's rest, which was then dropped).
	pg := "CREATE TRIGGER t AFTER INSERT ON a\n  FOR EACH ROW EXECUTE FUNCTION f();\nINSERT INTO b SELECT 1;\n"
	got = sqlStatements(pg)
	want = []string{"CREATE TRIGGER t AFTER INSERT ON a\n  FOR EACH ROW EXECUTE FUNCTION f();", "INSERT INTO b SELECT 1;"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	// Whatever is left open at the end of a file runs (and fails) rather
	// than vanish.
	if got = sqlStatements("CREATE TABLE a (x text);\nDO $$\nBEGIN\n"); len(got) != 2 {
		t.Errorf("an open body at the end: %q", got)
	}
}
