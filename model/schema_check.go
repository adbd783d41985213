package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// The schema a database should have is the one today's migrations make in
// a fresh database: built once per process (in memory on SQLite; in a
// schema created and rolled back inside one transaction on PostgreSQL) and
// compared with the database's own tables, columns and indexes. check
// reports every difference, and Open builds missing indexes again (a bulk
// load killed half-way leaves its tables without them).

// schemaObject is one table column or index: what must match, as text.
type schemaObject struct {
	kind  string // "table", "column" or "index"
	name  string // table, table.column, or index name
	table string
	def   string // columns: type, nullability, default, key; indexes: CREATE statement
}

// schemaObjects are a database's objects by kind and name.
type schemaObjects map[string]schemaObject

func (m schemaObjects) add(o schemaObject) { m[o.kind+" "+o.name] = o }

var expected = struct {
	sync.Mutex
	by map[Dialect]schemaObjects
}{by: map[Dialect]schemaObjects{}}

// expectedSchema returns what a fresh database of s's dialect holds after
// today's migrations, made once per process.
func (s *Store) expectedSchema(ctx context.Context) (schemaObjects, error) {
	expected.Lock()
	defer expected.Unlock()
	if objs, ok := expected.by[s.Dialect]; ok {
		return objs, nil
	}
	var objs schemaObjects
	var err error
	if s.Dialect == SQLite {
		objs, err = freshSQLiteSchema(ctx)
	} else {
		objs, err = s.freshPostgresSchema(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("the expected schema: %w", err)
	}
	expected.by[s.Dialect] = objs
	return objs, nil
}

// migrateFresh runs every migration on db, an empty database.
func migrateFresh(ctx context.Context, db *gorm.DB, d Dialect) error {
	fresh := &Store{db: db, read: db, Dialect: d, Clock: time.Now}
	fresh.loc.Store(time.UTC)
	if err := registerUTC(db); err != nil && !strings.Contains(err.Error(), "already") {
		return err
	}
	return fresh.migrate(ctx, Options{Create: true})
}

func freshSQLiteSchema(ctx context.Context) (schemaObjects, error) {
	db, err := gorm.Open(sqlite.Open(":memory:?_pragma=foreign_keys(1)"), &gorm.Config{Logger: gormLogger(false)})
	if err != nil {
		return nil, err
	}
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(1) // one connection: one in-memory database
	defer sqlDB.Close()
	if err := migrateFresh(ctx, db, SQLite); err != nil {
		return nil, err
	}
	return readSchema(db.WithContext(ctx), SQLite)
}

// errRolledBack undoes the PostgreSQL schema built to read the expected one.
var errRolledBack = errors.New("rolled back on purpose")

func (s *Store) freshPostgresSchema(ctx context.Context) (schemaObjects, error) {
	var objs schemaObjects
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		name := fmt.Sprintf("orderdesk_expected_%d", os.Getpid())
		if err := tx.Exec("CREATE SCHEMA " + name).Error; err != nil {
			return err
		}
		if err := tx.Exec("SET LOCAL search_path TO " + name).Error; err != nil {
			return err
		}
		if err := migrateFresh(ctx, tx, Postgres); err != nil {
			return err
		}
		var err error
		objs, err = readSchema(tx, Postgres)
		if err != nil {
			return err
		}
		return errRolledBack
	})
	if !errors.Is(err, errRolledBack) {
		return nil, err
	}
	return objs, nil
}

// space collapses runs of white space in a definition.
var space = regexp.MustCompile(`\s+`)

// readSchema reads db's tables, columns and indexes (SQLite's own
// sqlite_* tables left out).
func readSchema(db *gorm.DB, d Dialect) (schemaObjects, error) {
	if d == SQLite {
		return readSQLiteSchema(db)
	}
	return readPostgresSchema(db)
}

func readSQLiteSchema(db *gorm.DB) (schemaObjects, error) {
	var rows []struct {
		Type, Name, TblName string
		SQL                 *string
	}
	err := db.Raw(`SELECT type, name, tbl_name, sql FROM sqlite_master
		WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	objs := schemaObjects{}
	for _, r := range rows {
		def := ""
		if r.SQL != nil {
			def = space.ReplaceAllString(strings.TrimSpace(*r.SQL), " ")
		}
		if r.Type == "index" {
			objs.add(schemaObject{kind: "index", name: r.Name, table: r.TblName, def: def})
			continue
		}
		objs.add(schemaObject{kind: "table", name: r.Name, table: r.Name})
		var cols []struct {
			Name, Type string
			Notnull    int
			DfltValue  *string
			Pk         int
		}
		if err := db.Raw(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`, r.Name).Scan(&cols).Error; err != nil {
			return nil, err
		}
		for _, c := range cols {
			dflt := "none"
			if c.DfltValue != nil {
				dflt = *c.DfltValue
			}
			objs.add(schemaObject{kind: "column", name: r.Name + "." + c.Name, table: r.Name,
				def: fmt.Sprintf("%s, not null %d, default %s, key %d", c.Type, c.Notnull, dflt, c.Pk)})
		}
	}
	return objs, nil
}

func readPostgresSchema(db *gorm.DB) (schemaObjects, error) {
	var schema string
	if err := db.Raw("SELECT current_schema()").Scan(&schema).Error; err != nil {
		return nil, err
	}
	objs := schemaObjects{}
	var tables []string
	if err := db.Raw(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`).Scan(&tables).Error; err != nil {
		return nil, err
	}
	for _, t := range tables {
		objs.add(schemaObject{kind: "table", name: t, table: t})
	}
	var cols []struct {
		TableName, ColumnName, DataType, IsNullable string
		Length                                      *int
	}
	if err := db.Raw(`SELECT table_name, column_name, data_type, is_nullable, character_maximum_length AS length
		FROM information_schema.columns WHERE table_schema = current_schema()`).Scan(&cols).Error; err != nil {
		return nil, err
	}
	for _, c := range cols {
		n := 0
		if c.Length != nil {
			n = *c.Length
		}
		objs.add(schemaObject{kind: "column", name: c.TableName + "." + c.ColumnName, table: c.TableName,
			def: fmt.Sprintf("%s(%d), nullable %s", c.DataType, n, c.IsNullable)})
	}
	var idx []struct{ Indexname, Tablename, Indexdef string }
	if err := db.Raw(`SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()`).Scan(&idx).Error; err != nil {
		return nil, err
	}
	for _, i := range idx {
		if i.Indexname == optionalTrigramIndex {
			continue
		}
		// The definition names the schema; the same index in another
		// schema is the same index.
		def := strings.ReplaceAll(i.Indexdef, " ON "+schema+".", " ON ")
		def = strings.ReplaceAll(def, ` ON "`+schema+`".`, " ON ")
		objs.add(schemaObject{kind: "index", name: i.Indexname, table: i.Tablename, def: space.ReplaceAllString(def, " ")})
	}
	return objs, nil
}

// optionalTrigramIndex is the ticket search's pg_trgm index (schema step
// 22), which an office whose role may not create the extension lacks: it
// is not part of the schema compared or rebuilt, or such an office would
// be told of it at every start (and the schema built to compare against,
// made once per process, would carry whichever the first database had).
const optionalTrigramIndex = "idx_tickets_search"

// SchemaProblems compares the database's tables, columns and indexes with
// the schema today's migrations make and returns one line for each
// difference: a missing table, column or index, one that differs, and one
// the schema does not have. None means the schema is OrderDesk's, exactly.
// A table the schema lacks is reported too ("is not OrderDesk's"): a
// restore or an upgrade must not carry what OrderDesk does not know.
func (s *Store) SchemaProblems(ctx context.Context) ([]string, error) {
	want, err := s.expectedSchema(ctx)
	if err != nil {
		return nil, err
	}
	have, err := readSchema(s.reader(ctx), s.Dialect)
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	return diffSchema(want, have), nil
}

// diffSchema lists the differences between want and have, sorted. A
// missing table is one line, not one more for each of its columns.
func diffSchema(want, have schemaObjects) []string {
	var out []string
	missingTable := func(t string) bool { _, ok := have["table "+t]; return !ok }
	for key, w := range want {
		h, ok := have[key]
		switch {
		case !ok && w.kind == "table":
			out = append(out, fmt.Sprintf("schema: table %s missing", w.name))
		case !ok && missingTable(w.table):
		case !ok && w.kind == "column":
			out = append(out, fmt.Sprintf("schema: column %s missing", w.name))
		case !ok:
			out = append(out, fmt.Sprintf("schema: index %s missing", w.name))
		case h.def != w.def || h.table != w.table:
			out = append(out, fmt.Sprintf("schema: %s %s differs (is %q, the schema has %q)", w.kind, w.name, h.def, w.def))
		}
	}
	for key, h := range have {
		if _, ok := want[key]; ok {
			continue
		}
		switch _, known := want["table "+h.table]; {
		case h.kind == "table":
			out = append(out, fmt.Sprintf("schema: table %s is not OrderDesk's", h.name))
		case !known:
		default:
			out = append(out, fmt.Sprintf("schema: %s %s is not in the schema", h.kind, h.name))
		}
	}
	sort.Strings(out)
	return out
}

// repairIndexes builds again every index of the schema that the database
// lacks on a table it has: a bulk load drops the indexes of the tables it
// fills and builds them at its end, and a load killed before its end left
// them dropped for good (four UNIQUE among them). When none is missing
// this is one read of the index names.
func (s *Store) repairIndexes(ctx context.Context) error {
	want, err := s.expectedSchema(ctx)
	if err != nil {
		return err
	}
	var names []string
	q := "SELECT name FROM sqlite_master WHERE type IN ('index', 'table')"
	if s.Dialect == Postgres {
		q = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	if err := s.reader(ctx).Raw(q).Scan(&names).Error; err != nil {
		return fmt.Errorf("read the index names: %w", err)
	}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	var missing []schemaObject
	for _, w := range want {
		if w.kind == "index" && !have[w.name] && have[w.table] {
			missing = append(missing, w)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].name < missing[j].name })
	for _, ix := range missing {
		// IF NOT EXISTS: another desk opening at the same moment may have
		// built it first.
		def := strings.Replace(ix.def, " INDEX ", " INDEX IF NOT EXISTS ", 1)
		err := s.write(ctx, func(tx *gorm.DB) error { return tx.Exec(def).Error })
		if err != nil {
			// A UNIQUE index that rows written meanwhile now break: the
			// office still opens (refusing would lock everyone out), the
			// clerk is told, and check lists the index until it is fixed.
			s.Warnings = append(s.Warnings, M("The index {{.Index}} of the database is missing and could not be built again ({{.Cause}}). Ask whoever looks after OrderDesk to run orderdesk check.", "Index", ix.name, "Cause", err.Error()))
		}
	}
	return nil
}
