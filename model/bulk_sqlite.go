package model

import (
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
	var cols []string
	for _, f := range st.Schema.Fields {
		if f.DBName == "" || !f.Creatable {
			continue
		}
		fields = append(fields, f)
		cols = append(cols, strconv.Quote(f.DBName))
	}
	head := "INSERT INTO " + strconv.Quote(st.Schema.Table) + " (" + strings.Join(cols, ",") + ") VALUES "
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
		for start := 0; start < v.Len(); start += perStatement {
			var b strings.Builder
			b.WriteString(head)
			for i := start; i < min(start+perStatement, v.Len()); i++ {
				if i > start {
					b.WriteByte(',')
				}
				rv := reflect.Indirect(v.Index(i))
				b.WriteByte('(')
				for j, f := range fields {
					if j > 0 {
						b.WriteByte(',')
					}
					val, zero := f.ValueOf(tx.Statement.Context, rv)
					if zero && f.HasDefaultValue && f.DefaultValueInterface != nil {
						val = f.DefaultValueInterface
					}
					if err := writeSQLiteLiteral(&b, val); err != nil {
						built <- fmt.Errorf("%s.%s: %w", st.Schema.Table, f.DBName, err)
						return
					}
				}
				b.WriteByte(')')
			}
			select {
			case statements <- b.String():
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
