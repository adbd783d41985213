package model

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"text/template"
	"time"
)

// Msg is a sentence for a clerk: an English template with {{.Name}} placeholders
// and the data to fill them. The model never translates; the UI passes Text and
// Data to lang.L, so every sentence the model says can be put in Chinese.
//
// A data value may itself be a Msg (a word such as M("signed")): it is filled
// in first, in the same language, so a sentence never mixes languages.
type Msg struct {
	Text string         `json:"t"`
	Data map[string]any `json:"d,omitempty"`
}

// M makes a Msg from its English template and name/value pairs:
// M("Deposit {{.Pct}}% not received", "Pct", 30).
func M(text string, kv ...any) Msg {
	m := Msg{Text: text}
	if len(kv) > 0 {
		m.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Data[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return m
}

// String returns the sentence in English, with its placeholders filled.
func (m Msg) String() string {
	if len(m.Data) == 0 || !strings.Contains(m.Text, "{{") {
		return m.Text
	}
	t, err := template.New("msg").Option("missingkey=zero").Parse(m.Text)
	if err != nil {
		return m.Text
	}
	data := make(map[string]any, len(m.Data))
	for k, v := range m.Data {
		if n, ok := v.(Msg); ok {
			v = n.String()
		}
		data[k] = v
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return m.Text
	}
	return b.String()
}

// IsZero reports whether the Msg says nothing.
func (m Msg) IsZero() bool { return m.Text == "" }

// Refusal is the reason a rule says no, in words a clerk can act on
// ("Tier B customer: the signed confirmation has not been received").
type Refusal struct{ Msg }

// Refuse returns a Refusal with the given sentence.
func Refuse(text string, kv ...any) *Refusal { return &Refusal{M(text, kv...)} }

func (r *Refusal) Error() string { return r.Msg.String() }

// FieldError is a problem with one field of a form, named by the Go field
// name of the entity ("Code", "NameZH") so the UI can put it next to that field.
type FieldError struct {
	Field string
	Msg   Msg
}

// Line returns the order line the problem is about (its "Line"), or 0.
func (e FieldError) Line() int {
	n, _ := e.Msg.Data["Line"].(int)
	return n
}

// FieldErrors is every problem found in one record; it is an error when not empty.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	parts := make([]string, len(fe))
	for i, e := range fe {
		parts[i] = e.Field + ": " + e.Msg.String()
	}
	return strings.Join(parts, "; ")
}

// Add records a problem with field.
func (fe *FieldErrors) Add(field, text string, kv ...any) {
	*fe = append(*fe, FieldError{Field: field, Msg: M(text, kv...)})
}

// For returns the first problem with field, or a zero Msg.
func (fe FieldErrors) For(field string) Msg {
	for _, e := range fe {
		if e.Field == field {
			return e.Msg
		}
	}
	return Msg{}
}

// Fields returns the names of the fields with problems, sorted.
func (fe FieldErrors) Fields() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range fe {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e.Field)
		}
	}
	sort.Strings(out)
	return out
}

// Err returns fe as an error, or nil when there is no problem.
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// ConflictError says a record was changed by someone else since it was read:
// the save was refused and nothing was overwritten.
type ConflictError struct {
	What string // "customer C0012"
	By   string
	At   time.Time
	// Mine is set when the later save was the same clerk's, from another
	// section or window of her desk: she is not told someone else did it.
	Mine bool
}

// conflict returns the refusal of a save by over a record that r, as
// stored now, shows was saved by someone since it was read.
func conflict(what string, r Row, by Actor) *ConflictError {
	return &ConflictError{What: what, By: r.UpdatedBy, At: r.UpdatedAt, Mine: by.Name != "" && r.UpdatedBy == by.Name}
}

func (c *ConflictError) Error() string { return c.Msg().String() }

// Msg returns the conflict as a sentence for the clerk.
func (c *ConflictError) Msg() Msg {
	if c.Mine {
		return M("You saved {{.What}} at {{.At}} in another section or window since this was opened. Nothing was overwritten: reload to see it as it is now, then make this change again.",
			"What", c.What, "At", c.At.Local().Format("2006-01-02 15:04"))
	}
	return M("{{.What}} was changed by {{.By}} at {{.At}} while you were editing it. Nothing was overwritten: reload to see their change, then make yours again.",
		"What", c.What, "By", c.By, "At", c.At.Local().Format("2006-01-02 15:04"))
}

// ErrNotFound is returned when a record asked for by id or number does not exist.
var ErrNotFound = errors.New("not found")

// Say returns the sentence a clerk should read when saving failed with
// err: the Msg of a Refusal, FieldErrors or ConflictError, or the cause in
// plain words (busy, disk full, read-only, connection lost) and otherwise a
// sentence naming the log file (a driver error never reaches a clerk as raw
// text). Every error that is not a clerk's own mistake is written to the
// log with its cause chain.
func Say(err error) Msg { return say(opSave, err) }

// SayLoad is Say for a failed read: "Could not load", never "Could not save".
func SayLoad(err error) Msg { return say(opLoad, err) }

type op string

const (
	opSave op = "save"
	opLoad op = "load"
)

// causeWords are the sentences for each known cause, by what was being done.
var causeWords = map[op]map[Cause]Msg{
	opSave: {
		CauseBusy:     M("The database is busy at another desk. Nothing was lost; try again in a moment."),
		CauseDiskFull: M("Could not save: the disk is full. Nothing you entered was lost; free some space on the disk that holds the database, then save again."),
		CauseReadOnly: M("Could not save: the database cannot be written here (the file or its folder is read-only). Nothing you entered was lost; ask whoever looks after this computer to make it writable, then save again."),
		CauseNetwork:  M("Could not save: the connection to the database was lost (the network or the shared folder went away). Nothing you entered was lost; save again once the connection is back."),
	},
	opLoad: {
		CauseBusy:     M("The database is busy at another desk; try again in a moment."),
		CauseDiskFull: M("Could not load: the disk is full. Free some space on the disk that holds the database, then try again."),
		CauseReadOnly: M("Could not load: the database cannot be opened here (the file or its folder is read-only). Ask whoever looks after this computer to make it writable, then try again."),
		CauseNetwork:  M("Could not load: the connection to the database was lost (the network or the shared folder went away). Try again once the connection is back."),
	},
}

// Expected reports whether err is one the model means a clerk to read (a
// refusal, a field problem, a conflict, a record not found) rather than a
// fault to be logged.
func Expected(err error) bool {
	var r *Refusal
	var fe FieldErrors
	var c *ConflictError
	return errors.As(err, &r) || errors.As(err, &fe) || errors.As(err, &c) || errors.Is(err, ErrNotFound)
}

func say(o op, err error) Msg {
	var r *Refusal
	var fe FieldErrors
	var c *ConflictError
	switch {
	case err == nil:
		return Msg{}
	case errors.As(err, &r):
		return r.Msg
	case errors.As(err, &fe):
		if len(fe) == 1 {
			return fe[0].Msg
		}
		return M("{{.N}} fields need attention.", "N", len(fe))
	case errors.As(err, &c):
		return c.Msg()
	case errors.Is(err, ErrNotFound):
		return M("The record was not found; it may have been merged or the number is wrong.")
	}
	cause := CauseOf(err)
	if cause != CauseBusy {
		LogError(string(o), err)
	}
	if m, ok := causeWords[o][cause]; ok {
		return m
	}
	path := LogPath()
	switch {
	case o == opLoad && path != "":
		return M("Could not load: a problem with the database. The details are in {{.Path}}.", "Path", path)
	case o == opLoad:
		return M("Could not load: a problem with the database.")
	case path != "":
		return M("Could not save: a problem with the database. Nothing you entered was lost; the details are in {{.Path}}.", "Path", path)
	default:
		return M("Could not save: a problem with the database. Nothing you entered was lost.")
	}
}
