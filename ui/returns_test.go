package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestReturnsTabTakesTheNextStep: Andy of the Repair & Returns team opens
// the Returns tab, sees the open returns with the overdue one marked, opens
// the one waiting for its authorization and authorizes it with the button
// the model's next step names; QC's inspection asks for the findings and
// refuses him with the model's reason.
func TestReturnsTabTakesTheNextStep(t *testing.T) {
	store := demoOffice(t, 400)
	ctx := context.Background()
	open, err := store.RMAs(ctx, true)
	if err != nil || len(open) == 0 {
		t.Fatalf("the demo has no open returns: %v", err)
	}
	d := newItemsDesk(t, store, person(t, store, "AN"))
	r := d.sec.returns
	d.do(func() { d.sec.tabs.SelectIndex(4) })
	if len(r.rows) != len(open) {
		t.Fatalf("the Returns tab lists %d returns, want the %d open ones", len(r.rows), len(open))
	}
	overdue := 0
	for _, row := range r.rows {
		if row.Overdue(r.today) {
			overdue++
		}
	}
	if overdue != 1 {
		t.Errorf("%d overdue returns listed, want the demo's one", overdue)
	}
	pick := func(st model.RMAState) model.RMARow {
		for i, row := range r.rows {
			if row.State == st {
				d.do(func() { r.list.Select(i) })
				return row
			}
		}
		t.Fatalf("no %s return listed", st)
		return model.RMARow{}
	}
	opened := pick(model.RMAOpened)
	if !r.next.Visible() || r.next.Text != "Authorize the return" || !strings.Contains(r.detail.Text, "History") {
		t.Fatalf("an opened return offers %q (shown %v); detail:\n%s", r.next.Text, r.next.Visible(), r.detail.Text)
	}
	d.do(func() { test.Tap(r.next) })
	got, err := store.RMA(ctx, opened.ID)
	if err != nil || got.State != model.RMAAuthorized || got.Authorized.By != "Andy" {
		t.Fatalf("after Authorize: %+v %v", got, err)
	}
	if r.next.Text != "Receive the goods" {
		t.Errorf("after authorizing, the next step offered is %q", r.next.Text)
	}

	pick(model.RMAReceived)
	d.do(func() { test.Tap(r.next) })
	if r.findings == nil {
		t.Fatal("QC's inspection asked for no findings")
	}
	d.do(func() { r.findings.reason.SetText("ok"); test.Tap(r.findings.confirm) })
	if !strings.Contains(r.findings.problem.Text, "not in group QC") {
		t.Errorf("Andy's inspection was not refused for QC: %q", r.findings.problem.Text)
	}
}

// TestDashboardCountsOverdueReturns: the manager's dashboard says how many
// returns are past their step's due date.
func TestDashboardCountsOverdueReturns(t *testing.T) {
	store := demoOffice(t, 400)
	d := newItemsDesk(t, store, person(t, store, "ML"))
	d.do(func() { d.sec.tabs.SelectIndex(1) })
	if got := d.sec.dashboard.overdueRMAs.Text; got != "Overdue returns (RMA): 1" {
		t.Errorf("the dashboard says %q", got)
	}
}
