package model

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"gorm.io/gorm/clause"
)

// TestBulkInsertStoresWhatTheDriverStores writes the same records through
// GORM and through the generators' bulk loader, and requires every
// stored column to be identical in type and value.
func TestBulkInsertStoresWhatTheDriverStores(t *testing.T) {
	sqliteOnly(t, "the bulk loader")
	f := newDesk(t)
	o := f.signBack(f.toConfirmationSent(f.intake(f.custC, 10)))
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordPayment(c, PaymentDeposit, MoneyOf(1), c.Today(), "it's 'quoted'")
	})
	o = f.reload(o)
	// Times outside UTC, one with a fraction: GORM's callback stores them
	// in UTC, and so must the bulk path.
	odd := time.Date(2026, 11, 22, 3, 4, 5, 123456789, taipei)
	o.AnswerPromisedBy = &odd
	o.ReceivedAt = time.Date(2026, 11, 21, 23, 30, 0, 0, taipei)
	events := f.events(o)

	samples := []struct {
		table string
		rows  func(id uint) any
	}{
		{"orders", func(id uint) any { c := *o; c.ID, c.No = id, fmt.Sprintf("SO-2099-%05d", id); return []*Order{&c} }},
		{"order_lines", func(id uint) any { c := o.Lines[0]; c.ID, c.LineNo = id, int(id); return []OrderLine{c} }},
		{"confirmation_revisions", func(id uint) any { c := o.Revisions[0]; c.ID, c.Rev = id, int(id); return []ConfirmationRevision{c} }},
		{"payments", func(id uint) any { c := o.Payments[0]; c.ID = id; return []Payment{c} }},
		{"events", func(id uint) any { c := events[len(events)-1]; c.ID = id; return []Event{c} }},
	}
	for _, sm := range samples {
		viaGorm, viaBulk := uint(900001), uint(900002)
		if err := f.s.db.Omit(clause.Associations).Create(sm.rows(viaGorm)).Error; err != nil {
			t.Fatalf("%s via GORM: %v", sm.table, err)
		}
		if err := f.s.bulkLoad(context.Background(), func(w bulkSink) error { return w.insert(sm.rows(viaBulk)) }); err != nil {
			t.Fatalf("%s via bulk: %v", sm.table, err)
		}
		a, b := rawRow(t, f.s, sm.table, viaGorm), rawRow(t, f.s, sm.table, viaBulk)
		for col, va := range a {
			if col == "id" || col == "no" || col == "line_no" || col == "rev" {
				continue
			}
			if !reflect.DeepEqual(va, b[col]) {
				t.Errorf("%s.%s: GORM stored %#v, bulk stored %#v", sm.table, col, va, b[col])
			}
		}
	}
}

// rawRow returns every column of one row as SQLite's quote() renders it: a
// literal showing the stored type (text in quotes, integers bare, NULL).
func rawRow(t *testing.T, s *Store, table string, id uint) map[string]string {
	t.Helper()
	db, _ := s.db.DB()
	var cols []string
	rows, err := db.Query(fmt.Sprintf("SELECT name FROM pragma_table_info(%s)", quoteLit(table)))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, c)
	}
	rows.Close()
	out := map[string]string{}
	for _, c := range cols {
		var v string
		if err := db.QueryRow(fmt.Sprintf("SELECT quote(%q) FROM %q WHERE id = ?", c, table), id).Scan(&v); err != nil {
			t.Fatalf("%s.%s of %d: %v", table, c, id, err)
		}
		out[c] = v
	}
	if len(out) < 5 {
		t.Fatalf("%s: only %d columns read", table, len(out))
	}
	return out
}

func quoteLit(s string) string { return "'" + s + "'" }
