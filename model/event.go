package model

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Event is one change to one record: who, when, what. Every write in
// OrderDesk leaves one, and events are never changed or removed, so the
// history of a customer, an order or a ticket can always be read back.
type Event struct {
	ID       uint      `gorm:"primaryKey"`
	Entity   string    `gorm:"size:20;not null;index:idx_events_entity,priority:1"`
	EntityID uint      `gorm:"not null;index:idx_events_entity,priority:2"`
	At       time.Time `gorm:"not null;index:idx_events_entity,priority:3"`
	By       string    `gorm:"size:80;not null"`
	ByID     uint      `gorm:"not null;default:0"`
	Action   string    `gorm:"size:40;not null"`
	From     string    `gorm:"size:40;not null;default:''"`
	To       string    `gorm:"size:40;not null;default:''"`
	// Changes lists the fields that changed, one per line: "Phone: 02-1111 → 02-2222".
	Changes string `gorm:"type:text;not null;default:''"`
	Note    string `gorm:"type:text;not null;default:''"`
}

// Actions written on events by the master-data saves; other aggregates add their own.
const (
	ActCreated     = "created"
	ActUpdated     = "updated"
	ActDeactivated = "deactivated"
	ActReactivated = "reactivated"
	ActImported    = "imported"
)

func logEvent(tx *gorm.DB, e Event) error {
	if e.By == "" {
		return fmt.Errorf("event %s on %s %d: no actor", e.Action, e.Entity, e.EntityID)
	}
	return tx.Create(&e).Error
}

// EventsFor returns the history of one record, oldest first.
func (s *Store) EventsFor(ctx context.Context, entity string, id uint) ([]Event, error) {
	var out []Event
	err := s.reader(ctx).Where("entity = ? AND entity_id = ?", entity, id).
		Order("at, id").Find(&out).Error
	return out, err
}

// Changes lists the fields whose values differ between two records of the
// same type, one "Field: old → new" per line. The Row stamps, associations
// and fields tagged `diff:"-"` are left out.
func Changes(old, new any) string {
	ov, nv := reflect.Indirect(reflect.ValueOf(old)), reflect.Indirect(reflect.ValueOf(new))
	if ov.Type() != nv.Type() || ov.Kind() != reflect.Struct {
		return ""
	}
	var lines []string
	collectChanges(ov, nv, &lines, "")
	return strings.Join(lines, "\n")
}

func collectChanges(ov, nv reflect.Value, lines *[]string, prefix string) {
	t := ov.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("diff") == "-" {
			continue
		}
		if f.Anonymous {
			if f.Type == reflect.TypeOf(Row{}) {
				continue
			}
			if f.Type.Kind() == reflect.Struct {
				collectChanges(ov.Field(i), nv.Field(i), lines, prefix)
			}
			continue
		}
		if isAssociation(f.Type) {
			continue
		}
		if isRecord(f.Type) {
			// A gate (TechnicalCheck, Signature...): list its own fields.
			collectChanges(ov.Field(i), nv.Field(i), lines, prefix+f.Name+".")
			continue
		}
		a, b := showValue(ov.Field(i)), showValue(nv.Field(i))
		if a != b {
			*lines = append(*lines, fmt.Sprintf("%s%s: %s → %s", prefix, f.Name, quoteShort(a), quoteShort(b)))
		}
	}
}

// isRecord reports whether t is a struct of fields rather than a value like a time or a date.
func isRecord(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t == reflect.TypeOf(time.Time{}) || t == reflect.TypeOf(Date{}) {
		return false
	}
	return !t.Implements(reflect.TypeOf((*fmt.Stringer)(nil)).Elem())
}

// isAssociation reports whether a field holds related records rather than a value.
func isAssociation(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice:
		return t.Elem().Kind() != reflect.Uint8
	case reflect.Pointer:
		e := t.Elem()
		return e.Kind() == reflect.Struct && e != reflect.TypeOf(time.Time{}) && e != reflect.TypeOf(Date{})
	}
	return false
}

func showValue(v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	switch x := v.Interface().(type) {
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.UTC().Format(time.RFC3339)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v.Interface())
}

func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
