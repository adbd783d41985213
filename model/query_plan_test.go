package model

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// queryPlans returns SQLite's plan (EXPLAIN QUERY PLAN, one line per step)
// of each read fn makes through s, in order: what a hot path's test reads
// to know it walks an index and stops, whatever the size of the table.
func queryPlans(t *testing.T, s *Store, fn func()) []string {
	t.Helper()
	sqliteOnly(t, "the plans are SQLite's")
	type read struct {
		sql  string
		vars []any
	}
	var reads []read
	name := "test:plan"
	record := func(db *gorm.DB) {
		reads = append(reads, read{db.Statement.SQL.String(), append([]any(nil), db.Statement.Vars...)})
	}
	cb := s.read.Callback()
	for _, err := range []error{cb.Query().After("gorm:query").Register(name, record), cb.Row().After("gorm:row").Register(name, record)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	fn()
	for _, err := range []error{cb.Query().Remove(name), cb.Row().Remove(name)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for _, r := range reads {
		var steps []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.db.Raw("EXPLAIN QUERY PLAN "+r.sql, r.vars...).Scan(&steps).Error; err != nil {
			t.Fatalf("plan of %s: %v", r.sql, err)
		}
		var lines []string
		for _, st := range steps {
			lines = append(lines, st.Detail)
		}
		out = append(out, r.sql+"\n  "+strings.Join(lines, "\n  "))
	}
	return out
}
