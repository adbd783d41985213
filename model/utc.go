package model

import (
	"reflect"
	"time"

	"gorm.io/gorm"
)

// registerUTC makes every time written to the database UTC. SQLite keeps
// times as text and compares them as text, so "09:00 +0800" and "01:00 UTC"
// — the same instant — would sort wrongly side by side; one zone for all
// stored times makes text order time order. Screens show times in the
// office's zone again.
func registerUTC(db *gorm.DB) error {
	if err := db.Callback().Create().Before("gorm:create").Register("orderdesk:utc_create", toUTC); err != nil {
		return err
	}
	return db.Callback().Update().Before("gorm:update").Register("orderdesk:utc_update", toUTC)
}

func toUTC(db *gorm.DB) {
	if db.Statement.ReflectValue.IsValid() {
		utcValue(db.Statement.ReflectValue, 0)
	}
}

var timeType = reflect.TypeOf(time.Time{})

// utcValue converts the times in v (a struct, a slice of them, or a pointer)
// to UTC in place, descending into embedded and nested structs but not into
// associations.
func utcValue(v reflect.Value, depth int) {
	if depth > 4 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			utcValue(v.Elem(), depth)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			utcValue(v.Index(i), depth)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if v.CanSet() {
				t := v.Interface().(time.Time)
				if !t.IsZero() && t.Location() != time.UTC {
					v.Set(reflect.ValueOf(t.UTC()))
				}
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !v.Type().Field(i).IsExported() {
				continue
			}
			switch {
			case f.Type() == timeType:
				utcValue(f, depth)
			case f.Kind() == reflect.Pointer && f.Type().Elem() == timeType:
				if !f.IsNil() {
					t := f.Elem().Interface().(time.Time).UTC()
					f.Set(reflect.ValueOf(&t))
				}
			case f.Kind() == reflect.Struct:
				utcValue(f, depth+1)
			}
		}
	}
}
