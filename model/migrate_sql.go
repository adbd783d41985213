package model

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"gorm.io/gorm"
)

// The schema's steps are frozen SQL, one file per step and dialect:
// migrations/sqlite/0008_order_tallies.sql and
// migrations/postgres/0008_order_tallies.sql. File 0000 creates the
// bookkeeping table (schema_versions) when it is missing. The SQL of steps
// 1–11 is what GORM's AutoMigrate of the structs made on each dialect when
// the steps were frozen, so a database made by them and one made before
// have the same schema, to the text of each statement; no struct tag
// changes the schema any more. migrations/SUMS holds each file's SHA-256:
// a released file never changes.

//go:embed migrations
var migrationFiles embed.FS

// migrationFile returns the name and text of step version's file for d.
func migrationFile(d Dialect, version int) (string, string, error) {
	dir := path.Join("migrations", string(d))
	matches, err := fs.Glob(migrationFiles, path.Join(dir, fmt.Sprintf("%04d_*.sql", version)))
	if err != nil {
		return "", "", err
	}
	if len(matches) != 1 {
		return "", "", fmt.Errorf("schema step %d has %d files in %s, want one", version, len(matches), dir)
	}
	b, err := migrationFiles.ReadFile(matches[0])
	return matches[0], string(b), err
}

// ifNoColumn is a statement's guard: "-- if no column events.lines" runs
// the statement only when the table lacks that column. SQLite has no ADD
// COLUMN IF NOT EXISTS, and a step that adds a column which a later
// build's earlier step already creates needs one.
var ifNoColumn = regexp.MustCompile(`(?m)^--\s*if no column (\w+)\.(\w+)\s*$`)

// sqlStatements splits a file into its statements: each ends with a ";"
// at the end of a line. Comment lines stay with the statement they precede.
// A statement that holds statements of its own runs to its end: a
// PostgreSQL DO block to its closing $$, an SQLite trigger to its END;.
func sqlStatements(text string) []string {
	var out []string
	cur := ""
	for _, st := range strings.SplitAfter(text, ";\n") {
		cur += st
		if unfinishedBody(cur) {
			continue
		}
		if hasCode(cur) {
			out = append(out, strings.TrimSpace(cur))
		}
		cur = ""
	}
	if hasCode(cur) {
		// Never dropped: a statement left open at the end of the file runs
		// as it is, and fails for all to see if it is incomplete.
		out = append(out, strings.TrimSpace(cur))
	}
	return out
}

// hasCode reports whether st holds a line that is not a comment.
func hasCode(st string) bool {
	for _, l := range strings.Split(st, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
			return true
		}
	}
	return false
}

// createTrigger finds an SQLite CREATE TRIGGER with a body (BEGIN at the
// end of a line); a PostgreSQL trigger names a function and has none.
var createTrigger = regexp.MustCompile(`(?m)^\s*CREATE TRIGGER\b`)
var beginBody = regexp.MustCompile(`(?mi)\bBEGIN\s*$`)

// unfinishedBody reports whether st stops inside a body whose statements
// end with ";" too: an open $$ quote, or a trigger before its END;.
func unfinishedBody(st string) bool {
	if strings.Count(st, "$$")%2 == 1 {
		return true
	}
	return createTrigger.MatchString(st) && beginBody.MatchString(st) && !strings.HasSuffix(strings.TrimSpace(st), "END;")
}

// runSQL executes step version's file on tx, statement by statement
// (PostgreSQL's extended protocol takes one at a time).
func (s *Store) runSQL(tx *gorm.DB, version int) error {
	name, text, err := migrationFile(s.Dialect, version)
	if err != nil {
		return err
	}
	for _, st := range sqlStatements(text) {
		if g := ifNoColumn.FindStringSubmatch(st); g != nil {
			has, err := hasColumn(tx, s.Dialect, g[1], g[2])
			if err != nil {
				return err
			}
			if has {
				continue
			}
		}
		if err := tx.Exec(st).Error; err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// hasColumn reports whether table has column, read from the database.
func hasColumn(tx *gorm.DB, d Dialect, table, column string) (bool, error) {
	q := "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?"
	if d == Postgres {
		q = "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?"
	}
	var n int64
	err := tx.Raw(q, table, column).Scan(&n).Error
	return n > 0, err
}
