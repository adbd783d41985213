package model

import (
	"context"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// bulkInsertSQLite writes rows (a slice of structs or of pointers to them,
// ids already set) with multi-row INSERTs whose values are written into the
// SQL text. It exists for the order generator: glebarez/go-sqlite re-parses
// a statement on every execution and binds each parameter by a linear scan
// of all of them, so parameters cost more than the SQLite work itself.
// Values are written exactly as the driver would store them (a test compares
// rows written both ways), so reading them back is no different.
func bulkInsertSQLite(tx *gorm.DB, rows any) error {
	v := reflect.ValueOf(rows)
	if v.Len() == 0 {
		return nil
	}
	st := &gorm.Statement{DB: tx}
	if err := st.Parse(v.Index(0).Interface()); err != nil {
		return err
	}
	var fields []*schema.Field
	for _, f := range st.Schema.Fields {
		if f.DBName != "" && f.Creatable {
			fields = append(fields, f)
		}
	}
	table := strconv.Quote(st.Schema.Table)
	// The statements are written on another goroutine while SQLite runs
	// the ones before: building the text costs about as much as executing
	// it, and a desk has at least two cores.
	const perStatement = 400
	statements := make(chan string, 2)
	built := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(statements)
		b := &bulkStatement{ctx: tx.Statement.Context, table: table, fields: fields, zeroLit: make([]string, len(fields))}
		for start := 0; start < v.Len(); start += perStatement {
			text, err := b.build(v, start, min(start+perStatement, v.Len()))
			if err != nil {
				built <- fmt.Errorf("%s: %w", st.Schema.Table, err)
				return
			}
			select {
			case statements <- text:
			case <-stop:
				return
			}
		}
		built <- nil
	}()
	// Straight to the transaction: gorm's Exec would scan the whole text
	// for placeholders first, and there are none.
	conn := tx.Statement.ConnPool
	for sqlText := range statements {
		if _, err := conn.ExecContext(tx.Statement.Context, sqlText); err != nil {
			return err
		}
	}
	return <-built
}

// bulkStatement writes the multi-row INSERTs of one table.
type bulkStatement struct {
	ctx     context.Context
	table   string
	fields  []*schema.Field
	zeroLit []string // each field's zero value as a literal, once known
}

// build returns the INSERT of rows [from, to) of v. A column whose value
// is its default in every one of those rows is left out: SQLite parses
// and compiles each value written, and most orders leave a third of their
// columns at the default.
func (b *bulkStatement) build(v reflect.Value, from, to int) (string, error) {
	keep := make([]bool, len(b.fields))
	for j, f := range b.fields {
		for i := from; i < to && !keep[j]; i++ {
			_, zero := f.ValueOf(b.ctx, reflect.Indirect(v.Index(i)))
			if !zero {
				keep[j] = true
			} else if ok, err := b.defaultWhenZero(j, reflect.Indirect(v.Index(i))); err != nil {
				return "", err
			} else {
				keep[j] = !ok
			}
		}
	}
	var sb strings.Builder
	var cols []string
	for j, f := range b.fields {
		if keep[j] {
			cols = append(cols, strconv.Quote(f.DBName))
		}
	}
	if len(cols) == 0 {
		// Rows that are their defaults throughout, one statement each.
		return strings.Repeat("INSERT INTO "+b.table+" DEFAULT VALUES;", to-from), nil
	}
	sb.WriteString("INSERT INTO " + b.table + " (" + strings.Join(cols, ",") + ") VALUES ")
	for i := from; i < to; i++ {
		if i > from {
			sb.WriteByte(',')
		}
		rv := reflect.Indirect(v.Index(i))
		sb.WriteByte('(')
		n := 0
		for j, f := range b.fields {
			if !keep[j] {
				continue
			}
			if n > 0 {
				sb.WriteByte(',')
			}
			n++
			if err := writeFieldLiteral(b.ctx, &sb, f, rv); err != nil {
				return "", fmt.Errorf("%s: %w", f.DBName, err)
			}
		}
		sb.WriteByte(')')
	}
	return sb.String(), nil
}

// defaultWhenZero reports whether field j's zero value is what the column
// gets when it is left out: its declared default, NULL for a nullable
// column, or the next id for an auto-increment key.
func (b *bulkStatement) defaultWhenZero(j int, row reflect.Value) (bool, error) {
	f := b.fields[j]
	switch {
	case f.PrimaryKey && f.AutoIncrement:
		return true, nil
	case f.HasDefaultValue && f.DefaultValueInterface != nil:
		return true, nil // a zero value is written as the default
	case f.NotNull:
		return false, nil
	}
	if b.zeroLit[j] == "" {
		var sb strings.Builder
		if err := writeFieldLiteral(b.ctx, &sb, f, row); err != nil {
			return false, err
		}
		b.zeroLit[j] = sb.String()
	}
	return b.zeroLit[j] == "NULL", nil
}

// writeFieldLiteral writes field f of row as the driver would store it.
func writeFieldLiteral(ctx context.Context, b *strings.Builder, f *schema.Field, row reflect.Value) error {
	val, zero := f.ValueOf(ctx, row)
	if zero && f.HasDefaultValue && f.DefaultValueInterface != nil {
		val = f.DefaultValueInterface
	}
	return writeSQLiteLiteral(b, val)
}

// writeSQLiteLiteral writes one value as glebarez/go-sqlite stores it.
func writeSQLiteLiteral(b *strings.Builder, val any) error {
	if vr, ok := val.(driver.Valuer); ok {
		if rv := reflect.ValueOf(val); rv.Kind() == reflect.Pointer && rv.IsNil() {
			b.WriteString("NULL")
			return nil
		}
		var err error
		if val, err = vr.Value(); err != nil {
			return err
		}
	}
	rv := reflect.ValueOf(val)
	if !rv.IsValid() {
		b.WriteString("NULL")
		return nil
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			b.WriteString("NULL")
			return nil
		}
		return writeSQLiteLiteral(b, rv.Elem().Interface())
	}
	switch x := val.(type) {
	case time.Time:
		// The driver's own default format (glebarez/go-sqlite formatTime).
		quoteSQL(b, x.Format("2006-01-02 15:04:05.999999999-07:00"))
		return nil
	case []byte:
		fmt.Fprintf(b, "X'%x'", x)
		return nil
	}
	switch rv.Kind() {
	case reflect.String:
		quoteSQL(b, rv.String())
	case reflect.Bool:
		if rv.Bool() {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(rv.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(strconv.FormatFloat(rv.Float(), 'g', -1, 64))
	default:
		return fmt.Errorf("cannot write %T as a literal", val)
	}
	return nil
}

func quoteSQL(b *strings.Builder, s string) {
	b.WriteByte('\'')
	b.WriteString(strings.ReplaceAll(s, "'", "''"))
	b.WriteByte('\'')
}
