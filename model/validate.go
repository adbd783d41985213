package model

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"unicode"
)

var codeRE = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,19}$`)

// codePattern reports whether s is a valid code: 1 to 20 capital letters,
// digits or dashes, starting with a letter or digit.
func codePattern(s string) bool { return codeRE.MatchString(s) }

// normaliseCode trims a code and puts it in capitals, full-width letters folded.
func normaliseCode(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		if r >= '！' && r <= '～' { // full-width ASCII from a Chinese IME
			r = r - '！' + '!'
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// checkEmail returns a problem with an e-mail address, or a zero Msg if it is fine or empty.
func checkEmail(s string) Msg {
	if s == "" {
		return Msg{}
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return M("{{.Value}} is not an e-mail address (name@example.com).", "Value", s)
	}
	return Msg{}
}

// checkPhone returns a problem with a phone or fax number, or a zero Msg if
// it is fine or empty. Digits, spaces, + - ( ) / # and "ext" are allowed.
func checkPhone(s string) Msg {
	if s == "" {
		return Msg{}
	}
	digits := 0
	rest := strings.ToLower(s)
	rest = strings.ReplaceAll(rest, "ext", "")
	rest = strings.ReplaceAll(rest, "分機", "")
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= '０' && r <= '９':
			digits++
		case strings.ContainsRune(" +-()/#.,", r):
		default:
			return M("{{.Value}} is not a phone number: only digits, spaces and + - ( ) # are allowed.", "Value", s)
		}
	}
	if digits < 6 {
		return M("{{.Value}} is too short for a phone number.", "Value", s)
	}
	return Msg{}
}

// digitsOf returns the ASCII digits of s, so "02-2345 6789" is found by "23456789".
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		}
	}
	return b.String()
}

// searchText builds the lower-case text a list filters on: the given
// fields joined, plus the digits of phone numbers.
func searchText(fields []string, phones ...string) string {
	var parts []string
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			parts = append(parts, strings.ToLower(f))
		}
	}
	for _, p := range phones {
		if d := digitsOf(p); d != "" {
			parts = append(parts, d)
		}
	}
	return strings.Join(parts, "|")
}

// likePattern turns what a clerk typed into a LIKE pattern matching it
// anywhere, with LIKE's own wildcards taken literally.
func likePattern(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

func idList(ids []uint) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// NormaliseCode returns a code as a save stores it (trimmed, upper case,
// full-width letters made ASCII), for comparing codes before saving.
func NormaliseCode(s string) string { return normaliseCode(s) }
