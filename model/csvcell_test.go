package model

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestNeutraliseCell: formula-looking cells get one quote in front, plain
// numbers stay numbers, and RestoreCell gives back every value exactly.
func TestNeutraliseCell(t *testing.T) {
	cases := []struct{ in, out string }{
		{`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`},
		{"+1+1", "'+1+1"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"-2+3", "'-2+3"},
		{"\tTAB", "'\tTAB"},
		{"\rCR", "'\rCR"},
		{"+886 2 2345 6789", "'+886 2 2345 6789"}, // Excel would read it as a formula
		{"-", "'-"},
		{"'=already", "''=already"}, // the value's own quote survives a round trip
		{"-5", "-5"},
		{"+12", "+12"},
		{"-1,234.50", "-1,234.50"},
		{"02-2345-6789", "02-2345-6789"},
		{"新順紙業", "新順紙業"},
		{"'quoted", "'quoted"},
		{"", ""},
	}
	for _, c := range cases {
		if got := NeutraliseCell(c.in); got != c.out {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", c.in, got, c.out)
		}
		if back := RestoreCell(NeutraliseCell(c.in)); back != c.in {
			t.Errorf("RestoreCell(NeutraliseCell(%q)) = %q", c.in, back)
		}
	}
}

// FuzzNeutraliseCell: whatever a clerk typed comes back from a round trip,
// and no written cell starts a formula.
func FuzzNeutraliseCell(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''+x", "-5", "-", "+886 2", "@", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := NeutraliseCell(s)
		if RestoreCell(out) != s {
			t.Fatalf("%q → %q → %q", s, out, RestoreCell(out))
		}
		if out != "" && formulaStart(out[0]) && !plainNumber(out) {
			t.Fatalf("%q is written as a formula: %q", s, out)
		}
	})
}

// TestShipmentsCSVNeutralisesFormulas: the monthly archive goes to customer
// service in Excel; a carrier or void reason typed as a formula stays text.
func TestShipmentsCSVNeutralisesFormulas(t *testing.T) {
	var b bytes.Buffer
	rows := []ShipmentRow{{ID: 1, No: "SH-2026-00001", OrderNo: "SO-2026-00001", CustomerNameZH: "金鼎印刷",
		Carrier: `=HYPERLINK("http://evil","click")`, TrackingNo: "+1+1", VoidReason: `=cmd|' /C calc'!A0`,
		ShipDate: NewDate(2026, 11, 20), Status: ShipInTransit}}
	if err := WriteShipmentsCSV(&b, rows, NewDate(2026, 11, 23)); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for _, cell := range recs[1] {
		if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) && !plainNumber(cell) {
			t.Errorf("cell %q would run as a formula in Excel", cell)
		}
	}
	if got := recs[1][5]; got != `'=HYPERLINK("http://evil","click")` {
		t.Errorf("carrier written as %q", got)
	}
}
