package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestShipmentsList ships one cleared demo order and lists it by view and
// in the monthly archive.
func TestShipmentsList(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	env, _, errOut := testEnv()
	if code := Run(ctx, env, []string{"demo", "-db", db, "-orders", "400"}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	s, err := model.Open(ctx, db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateCleared, Limit: 1})
	if err != nil || len(rows) == 0 {
		s.Close()
		t.Fatalf("no cleared demo order: %v", err)
	}
	o, err := s.Order(ctx, rows[0].ID)
	if err == nil && len(o.Requests) == 0 && !o.Emergency.Active() {
		o, err = s.IssueShipmentRequest(ctx, model.Actor{Name: "test"}, o.ID, 0, model.ShipmentRequestInput{
			ShipTo: "台北市", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
	}
	if err != nil {
		s.Close()
		t.Fatal(err)
	}
	in := model.ShipmentInput{OrderID: o.ID, Lines: map[int]model.Qty{}, Carrier: "新竹物流", TrackingNo: "HCT-1", ShipDate: s.Today()}
	for _, l := range o.Lines {
		in.Lines[l.LineNo] = l.Qty
	}
	sh, err := s.CreateShipment(ctx, model.Actor{Name: "test"}, in)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	month := s.Today().String()[:7]
	csvFile := filepath.Join(dir, "archive.csv")
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"shipments", "list", "-db", db}, 0, sh.No},
		{[]string{"shipments", "list", "-db", db, "-view", "in-transit"}, 0, "HCT-1"},
		{[]string{"shipments", "list", "-db", db, "-view", "follow-up"}, 0, "0 of 0 rows"},
		{[]string{"shipments", "list", "-db", db, "-view", "overdue"}, 0, "0 of 0 rows"},
		{[]string{"shipments", "list", "-db", db, "-view", "awaiting-receipt"}, 0, "0 of 0 rows"},
		{[]string{"shipments", "list", "-db", db, "-view", "to-ship"}, 0, "to ship"},
		{[]string{"shipments", "list", "-db", db, "-view", "nope"}, 1, "unknown view"},
		{[]string{"shipments", "list", "-db", db, "-month", month}, 0, sh.No},
		{[]string{"shipments", "list", "-db", db, "-month", month, "-csv", csvFile}, 0, "1 shipments"},
		{[]string{"shipments"}, 2, "Usage"},
	}
	for _, st := range steps {
		env, out, errOut := testEnv()
		code := Run(ctx, env, st.args)
		all := out.String() + errOut.String()
		if code != st.code || !strings.Contains(all, st.want) {
			t.Errorf("orderdesk %s: exit %d (want %d), output:\n%s(want %q)", strings.Join(st.args, " "), code, st.code, all, st.want)
		}
	}
	b, err := os.ReadFile(csvFile)
	if err != nil || !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || !bytes.Contains(b, []byte(sh.No)) {
		t.Errorf("archive CSV: %v\n%s", err, b)
	}
}
