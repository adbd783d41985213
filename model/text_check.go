package model

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// badRune returns the first character of s that cannot be stored as text
// on both databases, and whether there is one: a control character other
// than tab, line feed and carriage return (PostgreSQL refuses NUL outright
// and SQLite keeps it, so the rule is the model's, the same on both), or
// bytes that are not UTF-8.
func badRune(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("byte 0x%02X", s[i]), true
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return fmt.Sprintf("U+%04X", r), true
		}
	}
	return "", false
}

// checkText returns a problem for every text field of the record v (a
// pointer to a struct) holding a character badRune refuses, named by its Go
// field name so the form can show it beside the field. The row helpers run
// it before every insert and update, so no entity can miss it.
func checkText(v any) FieldErrors {
	var fe FieldErrors
	walkText(reflect.Indirect(reflect.ValueOf(v)), func(field, s string) {
		if what, bad := badRune(s); bad {
			fe.Add(field, "This text contains an invisible control character ({{.Char}}) that cannot be stored. Delete it (type the text again rather than pasting it) and save again.", "Char", what)
		}
	})
	return fe
}

// walkText calls fn for every string field of the struct rv, looking into
// embedded and nested structs but not into slices (lines are rows of their
// own, checked when they are written) nor derived fields.
func walkText(rv reflect.Value, fn func(field, s string)) {
	if rv.Kind() != reflect.Struct {
		return
	}
	t := rv.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		// diff:"-" marks what the model derives (the search text from the
		// names): its source field is the one the clerk must fix.
		if !f.IsExported() || f.Tag.Get("diff") == "-" {
			continue
		}
		fv := rv.Field(i)
		switch fv.Kind() {
		case reflect.String:
			fn(f.Name, fv.String())
		case reflect.Struct:
			walkText(fv, fn)
		case reflect.Pointer:
			if !fv.IsNil() {
				switch fv.Elem().Kind() {
				case reflect.String:
					fn(f.Name, fv.Elem().String())
				case reflect.Struct:
					walkText(fv.Elem(), fn)
				}
			}
		}
	}
}

// plainText takes out of s what checkText would refuse, for text that no
// clerk typed (an e-mail): control characters go, bytes that are not UTF-8
// become U+FFFD.
func plainText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if _, bad := badRune(string(r)); bad {
			return -1
		}
		return r
	}, s)
}
