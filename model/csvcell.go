package model

import (
	"encoding/csv"
	"io"
)

// Files a clerk opens in Excel are written through CSVWriter, so that a
// cell typed into OrderDesk can never run as a spreadsheet formula on
// another clerk's machine (CSV injection: "=cmd|' /C calc'!A0",
// "=HYPERLINK(…)", "@SUM(…)"). Following OWASP's advice, a cell that
// starts with = + - @ TAB or CR is written with a single quote in front,
// which Excel shows as text. A plain number ("-5", "+12", "-1,234.50") is
// left as it is: Excel reads it as that number and nothing else, and
// quoting it would put a visible quote before every negative amount. A
// phone number such as "+886 2 2345 6789" is not a plain number and is
// quoted: Excel would otherwise read it as a formula and show #NAME?.
// Importing our own export takes exactly that quote off again
// (RestoreCell), so a round trip gives back the value as it was.

// formulaStart reports whether Excel would read a cell starting with c as a formula.
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// plainNumber reports whether s is an optionally signed decimal number,
// with thousands commas allowed: what Excel reads as a number, not a formula.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' && digits > 0 && !point:
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] != ','
}

// needsQuote reports whether s is written with a quote in front. A value
// that already starts with a quote before such a cell is quoted again, so
// that RestoreCell never takes off a quote the value itself had.
func needsQuote(s string) bool {
	switch {
	case s == "":
		return false
	case formulaStart(s[0]):
		return !plainNumber(s)
	case s[0] == '\'':
		return needsQuote(s[1:])
	}
	return false
}

// NeutraliseCell returns s as it is written to a CSV file for Excel.
func NeutraliseCell(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// RestoreCell undoes NeutraliseCell: it takes off the one quote that
// NeutraliseCell would have put in front of the rest.
func RestoreCell(s string) string {
	if s != "" && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// CSVWriter writes a CSV file for Excel: UTF-8 with a byte-order mark (so
// Excel on a Chinese Windows shows the right characters), CRLF line ends,
// and every cell neutralised.
type CSVWriter struct {
	cw  *csv.Writer
	rec []string
}

// NewCSVWriter starts a file for Excel on w, writing its byte-order mark.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel on Windows writes and expects
	return &CSVWriter{cw: cw}, nil
}

// Write writes one row, each cell neutralised.
func (w *CSVWriter) Write(rec []string) error {
	w.rec = w.rec[:0]
	for _, c := range rec {
		w.rec = append(w.rec, NeutraliseCell(c))
	}
	return w.cw.Write(w.rec)
}

// Flush writes what is buffered and returns the first error of the file.
func (w *CSVWriter) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
