package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestShipmentsList lists the demo office's shipments by view and in the
// monthly archive: each view shows what the model counts for it.
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
	counts := map[model.ShipmentView]int{}
	for _, v := range []model.ShipmentView{model.ShipViewInTransit, model.ShipViewFollowUp, model.ShipViewOverdue, model.ShipViewAwaitReceipt, model.ShipViewToShip, model.ShipViewNoticeUnsent} {
		if counts[v], err = s.CountShipments(ctx, model.ShipmentFilter{View: v}); err != nil {
			t.Fatal(err)
		}
	}
	transit, _ := s.Shipments(ctx, model.ShipmentFilter{View: model.ShipViewInTransit, Limit: 1})
	month := s.Today().String()[:7]
	s.Close()
	if len(transit) == 0 || counts[model.ShipViewAwaitReceipt] == 0 || counts[model.ShipViewNoticeUnsent] == 0 {
		t.Fatalf("the demo office has no shipments in transit or awaiting a receipt: %v", counts)
	}
	rows := func(v model.ShipmentView) string { return fmt.Sprintf("%d of %d rows", counts[v], counts[v]) }
	csvFile := filepath.Join(dir, "archive.csv")
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"shipments", "list", "-db", db}, 0, transit[0].No},
		{[]string{"shipments", "list", "-db", db, "-view", "in-transit"}, 0, transit[0].TrackingNo},
		{[]string{"shipments", "list", "-db", db, "-view", "follow-up"}, 0, rows(model.ShipViewFollowUp)},
		{[]string{"shipments", "list", "-db", db, "-view", "overdue"}, 0, rows(model.ShipViewOverdue)},
		{[]string{"shipments", "list", "-db", db, "-view", "awaiting-receipt"}, 0, rows(model.ShipViewAwaitReceipt)},
		{[]string{"shipments", "list", "-db", db, "-view", "to-ship"}, 0, "(To ship)"},
		{[]string{"shipments", "list", "-db", db, "-view", "notice-unsent"}, 0, fmt.Sprintf("of %d rows (Notices not sent)", counts[model.ShipViewNoticeUnsent])},
		{[]string{"shipments", "list", "-db", db, "-view", "nope"}, 2, "the views are"},
		{[]string{"shipments", "list", "-db", db, "-month", month}, 0, "SH-"},
		{[]string{"shipments", "list", "-db", db, "-month", month, "-csv", csvFile}, 0, "shipments"},
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
	if err != nil || !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || !bytes.Contains(b, []byte("SH-")) {
		t.Errorf("archive CSV: %v\n%s", err, b)
	}
}
