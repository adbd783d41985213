package model

import (
	"bytes"
	"context"
	"encoding/json"
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
	// Lines is what happened, in no language: a JSON list of Msgs, one per
	// line of history ("revision {{.Rev}} faxed" with {"Rev":2}). The reader's
	// desk or command line renders each in its own language (see Msgs).
	Lines string `gorm:"type:text;not null;default:''"`
	// Changes is English text written before schema step 10 that the step
	// could not read back into Msgs; it is shown as written, never lost.
	// New events leave it empty.
	Changes string `gorm:"type:text;not null;default:''"`
	// Note is what the clerk typed (a reason, a reference): shown as written.
	Note string `gorm:"type:text;not null;default:''"`
}

// Words inside a line of history. A value that is itself a word of the
// model — a field name ("Phone"), a yes/no, how a revision came back
// ("signed"), a ticket type — is put in the line's data as a Msg of its
// own (M("signed")), never as an English string, so it is translated with
// the sentence around it; Msg.String and every renderer fill nested Msgs
// first. Codes, numbers, names, dates and amounts are plain values, shown
// as they are. A line written as English text before the change is the
// Msg literal(text): the template "{{.Text}}", shown as written.

// say records lines of history on the event.
func (e *Event) say(lines ...Msg) {
	all := e.msgs()
	for _, l := range lines {
		if !l.IsZero() {
			all = append(all, l)
		}
	}
	e.Lines = encodeLines(all)
}

// eventWith returns e with its lines set.
func eventWith(e Event, lines ...Msg) Event {
	e.say(lines...)
	return e
}

// Msgs returns the event's lines of history: its Msgs, then any English
// text kept from before schema step 10, one literal Msg per line.
func (e Event) Msgs() []Msg {
	out := e.msgs()
	for _, l := range strings.Split(e.Changes, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, literal(l))
		}
	}
	return out
}

func (e Event) msgs() []Msg {
	if e.Lines == "" {
		return nil
	}
	ms, err := decodeLines(e.Lines)
	if err != nil {
		return []Msg{literal(e.Lines)}
	}
	return ms
}

// English returns the event's lines in English, one per line.
func (e Event) English() string {
	ms := e.Msgs()
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, "\n")
}

// literal is text shown as written, whatever the reader's language.
func literal(text string) Msg { return M("{{.Text}}", "Text", text) }

func encodeLines(ms []Msg) string {
	if len(ms) == 0 {
		return ""
	}
	b, err := json.Marshal(ms)
	if err != nil {
		// Data is built by the model from numbers, strings and Msgs; a value
		// JSON cannot hold is a bug, and the line is still kept in English.
		b, _ = json.Marshal([]Msg{literal(fmt.Sprint(ms))})
	}
	return string(b)
}

// decodeLines reads what encodeLines wrote. Numbers stay json.Number, so a
// revision prints "2", not "2.000000"; an object with a "t" is a nested Msg.
func decodeLines(s string) ([]Msg, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	out := make([]Msg, 0, len(raw))
	for _, r := range raw {
		m, err := decodeMsg(r)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

func decodeMsg(r json.RawMessage) (Msg, error) {
	var w struct {
		T string                     `json:"t"`
		D map[string]json.RawMessage `json:"d"`
	}
	if err := json.Unmarshal(r, &w); err != nil {
		return Msg{}, err
	}
	m := Msg{Text: w.T}
	if len(w.D) > 0 {
		m.Data = make(map[string]any, len(w.D))
	}
	for k, v := range w.D {
		if t := bytes.TrimSpace(v); len(t) > 0 && t[0] == '{' {
			n, err := decodeMsg(v)
			if err != nil {
				return Msg{}, err
			}
			m.Data[k] = n
			continue
		}
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		var x any
		if err := d.Decode(&x); err != nil {
			return Msg{}, err
		}
		m.Data[k] = x
	}
	return m, nil
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
	if err := tx.Create(&e).Error; err != nil {
		return err
	}
	noteChange(tx, &e)
	return nil
}

// EventsFor returns the history of one record, oldest first.
func (s *Store) EventsFor(ctx context.Context, entity string, id uint) ([]Event, error) {
	var out []Event
	db := s.reader(ctx)
	err := db.Where("entity = ? AND entity_id = ?", entity, id).
		Order("at, id").Find(&out).Error
	if err == nil && entity == "ticket" {
		err = nameTicketManagers(db, out)
	}
	return out, err
}

// Changes lists the fields whose values differ between two records of the
// same type, one "Field: old → new" per line, in English. The Row stamps,
// associations and fields tagged `diff:"-"` are left out.
func Changes(old, new any) string {
	ms := changeMsgs(old, new)
	lines := make([]string, len(ms))
	for i, m := range ms {
		lines[i] = m.String()
	}
	return strings.Join(lines, "\n")
}

// changeMsgs is Changes as lines of history: the field's name is a word
// (M("Phone")), the values are shown as they are, yes/no for a flag.
func changeMsgs(old, new any) []Msg {
	ov, nv := reflect.Indirect(reflect.ValueOf(old)), reflect.Indirect(reflect.ValueOf(new))
	if ov.Type() != nv.Type() || ov.Kind() != reflect.Struct {
		return nil
	}
	var lines []Msg
	collectChanges(ov, nv, &lines, "")
	return lines
}

// fieldChange is one line of a change: "{{.Field}}: {{.From}} → {{.To}}".
func fieldChange(field string, from, to any) Msg {
	return M("{{.Field}}: {{.From}} → {{.To}}", "Field", M(field), "From", from, "To", to)
}

// FieldNames lists the names Changes may give the fields of v (a pointer to
// a record): the words a translation of its history needs.
func FieldNames(v any) []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			switch {
			case !f.IsExported() || f.Tag.Get("diff") == "-" || isAssociation(f.Type):
			case f.Anonymous && f.Type == reflect.TypeOf(Row{}):
			case f.Anonymous && f.Type.Kind() == reflect.Struct:
				walk(f.Type, prefix)
			case f.Anonymous:
			case isRecord(f.Type):
				walk(f.Type, prefix+f.Name+".")
			default:
				out = append(out, prefix+f.Name)
			}
		}
	}
	walk(reflect.Indirect(reflect.ValueOf(v)).Type(), "")
	return out
}

func collectChanges(ov, nv reflect.Value, lines *[]Msg, prefix string) {
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
			*lines = append(*lines, fieldChange(prefix+f.Name, changeValue(ov.Field(i), a), changeValue(nv.Field(i), b)))
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

// changeValue is a field's value on a line of change: yes or no for a flag
// (a word), the quoted text for anything else.
func changeValue(v reflect.Value, shown string) any {
	if v.Kind() == reflect.Bool {
		return yesNo(v.Bool())
	}
	return quoteShort(shown)
}

// yesNo is a flag as a word of history.
func yesNo(b bool) Msg {
	if b {
		return M("yes")
	}
	return M("no")
}

func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
