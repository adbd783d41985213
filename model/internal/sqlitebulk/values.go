package sqlitebulk

import (
	"context"
	"database/sql/driver"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm/schema"
)

// value is one value to bind, in SQLite's terms.
type value struct {
	kind byte // 0 NULL, 'i' integer, 'f' real, 't' text, 'b' blob
	i    int64
	f    float64
	s    string
}

// valueOf converts val as glebarez/go-sqlite would: Valuers by their
// value, times as text in the driver's format, booleans as 0 and 1.
func valueOf(val any) (value, error) {
	if vr, ok := val.(driver.Valuer); ok {
		if rv := reflect.ValueOf(val); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return value{}, nil
		}
		var err error
		if val, err = vr.Value(); err != nil {
			return value{}, err
		}
	}
	rv := reflect.ValueOf(val)
	if !rv.IsValid() {
		return value{}, nil
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return value{}, nil
		}
		return valueOf(rv.Elem().Interface())
	}
	switch x := val.(type) {
	case time.Time:
		return value{kind: 't', s: string(appendStoredTime(nil, x))}, nil
	case []byte:
		return value{kind: 'b', s: string(x)}, nil
	}
	switch rv.Kind() {
	case reflect.String:
		return value{kind: 't', s: rv.String()}, nil
	case reflect.Bool:
		if rv.Bool() {
			return value{kind: 'i', i: 1}, nil
		}
		return value{kind: 'i'}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value{kind: 'i', i: rv.Int()}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return value{kind: 'i', i: int64(rv.Uint())}, nil
	case reflect.Float32, reflect.Float64:
		return value{kind: 'f', f: rv.Float()}, nil
	}
	return value{}, fmt.Errorf("cannot bind %T", val)
}

// column reads one column of a row as the driver would store it.
type column struct {
	field *schema.Field
	read  func(ctx context.Context, row reflect.Value) (value, error)
}

var (
	valuerType = reflect.TypeOf((*driver.Valuer)(nil)).Elem()
	timeType   = reflect.TypeOf(time.Time{})
)

// newColumn returns f's reader. Strings, numbers, booleans and times
// are read from the struct directly; GORM's ValueOf boxes every value in
// an interface, a garbage allocation per value that cost a tenth of a load.
// Anything else (pointers, Valuers, a default that is not the zero value)
// goes the general way.
func newColumn(f *schema.Field) column {
	general := func(ctx context.Context, row reflect.Value) (value, error) {
		val, zero := f.ValueOf(ctx, row)
		switch {
		case zero && f.PrimaryKey && f.AutoIncrement:
			val = nil // numbered by SQLite
		case zero && f.HasDefaultValue && f.DefaultValueInterface != nil:
			val = f.DefaultValueInterface
		}
		return valueOf(val)
	}
	t := f.FieldType
	switch {
	case f.PrimaryKey && f.AutoIncrement,
		f.HasDefaultValue && f.DefaultValueInterface != nil && !reflect.ValueOf(f.DefaultValueInterface).IsZero(),
		t.Implements(valuerType), reflect.PointerTo(t).Implements(valuerType):
		return column{f, general}
	case t == timeType:
		return column{f, func(ctx context.Context, row reflect.Value) (value, error) {
			v := f.ReflectValueOf(ctx, row)
			if !v.CanAddr() {
				return general(ctx, row)
			}
			return value{kind: 't', s: string(appendStoredTime(nil, *(*time.Time)(v.Addr().UnsafePointer())))}, nil
		}}
	}
	var read func(v reflect.Value) value
	switch t.Kind() {
	case reflect.String:
		read = func(v reflect.Value) value { return value{kind: 't', s: v.String()} }
	case reflect.Bool:
		read = func(v reflect.Value) value {
			if v.Bool() {
				return value{kind: 'i', i: 1}
			}
			return value{kind: 'i'}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		read = func(v reflect.Value) value { return value{kind: 'i', i: v.Int()} }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		read = func(v reflect.Value) value { return value{kind: 'i', i: int64(v.Uint())} }
	case reflect.Float32, reflect.Float64:
		read = func(v reflect.Value) value { return value{kind: 'f', f: v.Float()} }
	default:
		return column{f, general}
	}
	return column{f, func(ctx context.Context, row reflect.Value) (value, error) {
		return read(f.ReflectValueOf(ctx, row)), nil
	}}
}

// values appends the values of rows [from, to) of v, in t's columns.
func (t *table) values(ctx context.Context, v reflect.Value, from, to int, out []value) ([]value, error) {
	for i := from; i < to; i++ {
		row := reflect.Indirect(v.Index(i))
		for _, c := range t.columns {
			bv, err := c.read(ctx, row)
			if err != nil {
				return out, fmt.Errorf("%s.%s: %w", t.name, c.field.DBName, err)
			}
			out = append(out, bv)
		}
	}
	return out, nil
}

// appendStoredTime appends t as GORM stores it through the driver: in UTC
// (the orderdesk:utc_create callback) and in glebarez/go-sqlite's format,
// "2006-01-02 15:04:05.999999999-07:00", written out by hand because
// Format read the layout afresh for each of millions of times.
func appendStoredTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02 15:04:05.999999999-07:00")
	}
	h, mi, s := t.Clock()
	b = appendDigits(b, y, 4)
	b = append(b, '-')
	b = appendDigits(b, int(mo), 2)
	b = append(b, '-')
	b = appendDigits(b, d, 2)
	b = append(b, ' ')
	b = appendDigits(b, h, 2)
	b = append(b, ':')
	b = appendDigits(b, mi, 2)
	b = append(b, ':')
	b = appendDigits(b, s, 2)
	if ns := t.Nanosecond(); ns != 0 {
		digits := 9
		for ns%10 == 0 {
			ns, digits = ns/10, digits-1
		}
		b = append(b, '.')
		b = appendDigits(b, ns, digits)
	}
	return append(b, "+00:00"...)
}

// appendDigits appends n in decimal, zero-padded to width digits.
func appendDigits(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	return append(b, buf[i:]...)
}
