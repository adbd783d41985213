package csvio

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestExportNeutralisesFormulas: a name or phone typed as a formula is
// exported as text Excel will not run, and importing that export gives back
// exactly what was typed.
func TestExportNeutralisesFormulas(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	typed := map[string]string{ // customer code → name as typed
		"F001": `=cmd|' /C calc'!A0`,
		"F002": "+1+1",
		"F003": "@SUM(1+1)*cmd|' /C calc'!A0",
		"F004": `=HYPERLINK("http://evil.example","發票")`,
	}
	for code, name := range typed {
		c := model.NewCustomer()
		c.Code, c.NameZH, c.Phone, c.DepositPercent = code, name, "+886 2 2345 6789", 30
		if err := s.SaveCustomer(ctx, by, c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := ExportCustomers(ctx, s, &buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, rec := range recs[1:] {
		name, ok := typed[rec[0]]
		if !ok {
			continue
		}
		seen++
		if rec[1] != "'"+name {
			t.Errorf("%s: name exported as %q, want a quote before %q", rec[0], rec[1], name)
		}
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
				t.Errorf("%s: cell %q would run as a formula", rec[0], cell)
			}
		}
	}
	if seen != len(typed) {
		t.Fatalf("%d of %d customers exported", seen, len(typed))
	}
	for code := range typed {
		c, _ := s.CustomerByCode(ctx, code)
		c.NameZH, c.Phone = "changed", ""
		if err := s.SaveCustomer(ctx, by, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ImportCustomers(ctx, s, by, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	for code, name := range typed {
		c, _ := s.CustomerByCode(ctx, code)
		if c.NameZH != name || c.Phone != "+886 2 2345 6789" {
			t.Errorf("%s came back as %q, %q", code, c.NameZH, c.Phone)
		}
	}
}
