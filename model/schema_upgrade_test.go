package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// sqliteMasterDump is a file's sqlite_master, normalised: one line per
// table and index (type, name, table, statement with white space
// collapsed), sorted; SQLite's own sqlite_* objects left out. Two files
// with the same dump have the same schema to the text of each statement,
// which is what SchemaProblems cannot see (the order of a table's columns,
// its constraints). The foreign keys of a table are sorted: GORM's
// AutoMigrate wrote them in the order of a map, so files made before the
// steps were frozen have them in any order (what they mean is the same).
func sqliteMasterDump(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var rows []struct {
		Type, Name, TblName string
		SQL                 *string
	}
	if err := db.Raw(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		def := ""
		if r.SQL != nil {
			def = sortedConstraints(space.ReplaceAllString(strings.TrimSpace(*r.SQL), " "))
		}
		out = append(out, strings.Join([]string{r.Type, r.Name, r.TblName, def}, " | "))
	}
	sort.Strings(out)
	return out
}

// sortedConstraints sorts the ",CONSTRAINT …" clauses that end a CREATE
// TABLE statement.
func sortedConstraints(def string) string {
	i := strings.Index(def, ",CONSTRAINT ")
	if i < 0 || !strings.HasSuffix(def, ")") {
		return def
	}
	cons := strings.Split(strings.TrimSuffix(def[i+1:], ")"), ",CONSTRAINT ")
	for j := range cons {
		cons[j] = strings.TrimPrefix(cons[j], "CONSTRAINT ")
	}
	sort.Strings(cons)
	return def[:i] + ",CONSTRAINT " + strings.Join(cons, ",CONSTRAINT ") + ")"
}

// trgmOpsSchema is pg_trgm's operator class named with its schema.
var trgmOpsSchema = regexp.MustCompile(`("?\w+"?\.)gin_trgm_ops`)

// postgresDump is the schema's columns (information_schema) and indexes
// (pg_indexes, schema name taken out), sorted.
func postgresDump(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var cols []struct {
		TableName, ColumnName, DataType, IsNullable string
		ColumnDefault                               *string
		Length                                      *int
		Position                                    int
	}
	if err := db.Raw(`SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length AS length, ordinal_position AS position
		FROM information_schema.columns WHERE table_schema = current_schema()`).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cols {
		dflt, n := "none", 0
		if c.ColumnDefault != nil {
			dflt = *c.ColumnDefault
		}
		if c.Length != nil {
			n = *c.Length
		}
		out = append(out, fmt.Sprintf("column %s.%s #%d %s(%d) nullable %s default %s", c.TableName, c.ColumnName, c.Position, c.DataType, n, c.IsNullable, dflt))
	}
	var schema string
	db.Raw("SELECT current_schema()").Scan(&schema)
	var idx []struct{ Indexname, Indexdef string }
	if err := db.Raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()`).Scan(&idx).Error; err != nil {
		t.Fatal(err)
	}
	for _, i := range idx {
		def := strings.ReplaceAll(strings.ReplaceAll(i.Indexdef, " ON "+schema+".", " ON "), ` ON "`+schema+`".`, " ON ")
		// pg_trgm lives in one schema of the database (here the first
		// test's): an index in another names its operator class with it.
		def = trgmOpsSchema.ReplaceAllString(def, "gin_trgm_ops")
		out = append(out, "index "+i.Indexname+" "+def)
	}
	sort.Strings(out)
	return out
}

// schemaDump is the dialect's dump of s's schema.
func schemaDump(t *testing.T, s *Store) []string {
	if s.Dialect == SQLite {
		return sqliteMasterDump(t, s.db)
	}
	return postgresDump(t, s.db)
}

// sameDump reports the lines only one of two dumps has.
func sameDump(t *testing.T, what string, got, fresh []string) {
	t.Helper()
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	g, f := in(got), in(fresh)
	for _, x := range got {
		if !f[x] {
			t.Errorf("%s has, a fresh database has not:\n  %s", what, x)
		}
	}
	for _, x := range fresh {
		if !g[x] {
			t.Errorf("%s lacks, a fresh database has:\n  %s", what, x)
		}
	}
}

// freshDump is the schema of a database made by today's migrations.
func freshDump(t *testing.T) []string {
	t.Helper()
	s, _ := openTestStore(t)
	return schemaDump(t, s)
}

// upgradedClean opens target (migrating it to the latest schema) and checks
// that its schema is exactly a fresh one's: SchemaProblems and the dump.
func upgradedClean(t *testing.T, target, what string, fresh []string) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, target, Options{Location: taipei})
	if err != nil {
		t.Fatalf("%s: upgrade: %v", what, err)
	}
	t.Cleanup(func() { s.Close() })
	if s.SchemaVersion != LatestSchema() {
		t.Errorf("%s: schema %d after upgrading, want %d", what, s.SchemaVersion, LatestSchema())
	}
	problems, err := s.SchemaProblems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
	sameDump(t, what, schemaDump(t, s), fresh)
	return s
}

// TestOldSchemaFilesUpgradeToTheFreshSchema upgrades each checked-in
// database of an earlier schema (testdata/schema/schema-N.db, written by
// the migrations before they were frozen) and requires exactly the schema
// of a fresh database, and its rows kept and moved.
func TestOldSchemaFilesUpgradeToTheFreshSchema(t *testing.T) {
	sqliteOnly(t, "the checked-in old databases are SQLite files")
	fresh := freshDump(t)
	ctx := context.Background()
	for _, n := range oldSchemaSteps {
		t.Run(fmt.Sprintf("schema-%d", n), func(t *testing.T) {
			src := filepath.Join("testdata", "schema", fmt.Sprintf("schema-%d.db", n))
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "old.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s := upgradedClean(t, path, src, fresh)
			if s.BackupBeforeMigration == "" {
				t.Error("no backup before migrating")
			}
			if c, err := s.CustomerByCode(ctx, "B001"); err != nil || c.NameZH != "大同紙品行" {
				t.Errorf("customer after upgrading: %+v, %v", c, err)
			}
			var orders, counted, deadlines int64
			s.db.Table("orders").Count(&orders)
			s.db.Raw("SELECT COALESCE(SUM(n), 0) FROM order_state_counts").Scan(&counted)
			s.db.Table("order_deadlines").Count(&deadlines)
			if n < 8 && counted != orders {
				// Step 8 counted the orders already stored.
				t.Errorf("state counts add up to %d, there are %d orders", counted, orders)
			}
			if n >= 2 && n < 8 && (orders != 3 || deadlines == 0) {
				t.Errorf("%d orders, %d deadlines after upgrading; want 3 orders and the checking one's deadline", orders, deadlines)
			}
			if n < 10 {
				// Step 10 read the old English sentences into Msgs.
				ev, err := s.EventsFor(ctx, "order", 1)
				if err != nil || len(ev) == 0 || ev[len(ev)-1].English() != "revision 2 faxed" || ev[len(ev)-1].Changes != "" {
					t.Errorf("old event after upgrading: %+v, %v", ev, err)
				}
			}
		})
	}
}

// TestEveryStepUpgradesToTheFreshSchema stops a new database at each step
// N, then upgrades it, on the dialect under test; the schema must be a
// fresh database's exactly. On PostgreSQL it is the only upgrade test
// (there are no old files), so it covers every step.
func TestEveryStepUpgradesToTheFreshSchema(t *testing.T) {
	fresh := freshDump(t)
	ctx := context.Background()
	for _, m := range migrations[:len(migrations)-1] {
		n := m.version
		t.Run(fmt.Sprintf("from-%d", n), func(t *testing.T) {
			target := testTarget(t)
			old, err := Open(ctx, target, Options{Create: true, Location: taipei, migrateTo: n})
			if err != nil {
				t.Fatal(err)
			}
			if old.SchemaVersion != n {
				t.Fatalf("stopped at schema %d, want %d", old.SchemaVersion, n)
			}
			old.Close()
			upgradedClean(t, target, fmt.Sprintf("schema %d upgraded", n), fresh)
		})
	}
}
