package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

	// QC inspects: Andy of Repair & Returns is not offered the step, and
	// is told why, rather than refused after pressing it.
	pick(model.RMAReceived)
	if r.next.Text != "QC inspects the goods" || !r.next.Disabled() || !strings.Contains(r.status.Text, "not in group QC") {
		t.Errorf("Andy is offered %q (disabled %v), told %q", r.next.Text, r.next.Disabled(), r.status.Text)
	}
	qc := newItemsDesk(t, store, person(t, store, "LH"))
	rq := qc.sec.returns
	qc.do(func() { qc.sec.tabs.SelectIndex(4) })
	for i, row := range rq.rows {
		if row.State == model.RMAReceived {
			qc.do(func() { rq.list.Select(i) })
			break
		}
	}
	qc.do(func() { test.Tap(rq.next) })
	if rq.findings == nil {
		t.Fatal("QC's inspection asked for no findings")
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

// pickRMA selects the first listed return in state st.
func pickRMA(t *testing.T, d *itemsDesk, st model.RMAState) model.RMARow {
	t.Helper()
	r := d.sec.returns
	for i, row := range r.rows {
		if row.State == st {
			d.do(func() { r.list.Select(i) })
			return row
		}
	}
	t.Fatalf("no %s return listed", st)
	return model.RMARow{}
}

// TestReturnsTabDecidesAndShipsTheReplacement: the decision is one dialog
// whose problems the model names at their fields (no decision, a credit
// without its amount, a rejection without its reason) and whose refusal of
// Liu Hsin of QC stays in it; Andy's replacement is saved, then its
// shipment through "Ship replacement…", after which the return may close.
func TestReturnsTabDecidesAndShipsTheReplacement(t *testing.T) {
	store := demoOffice(t, 400)
	ctx := context.Background()

	qc := newItemsDesk(t, store, person(t, store, "LH"))
	qc.do(func() { qc.sec.tabs.SelectIndex(4) })
	row := pickRMA(t, qc, model.RMAInspected)
	r := qc.sec.returns
	if !r.decide.Visible() || r.next.Visible() || r.ship.Visible() {
		t.Fatalf("an inspected return offers decide %v, next %v (%q), ship %v", r.decide.Visible(), r.next.Visible(), r.next.Text, r.ship.Visible())
	}
	qc.do(func() { test.Tap(r.decide) })
	qc.do(func() { r.form.decision.SetSelectedIndex(0); test.Tap(r.form.confirm) })
	if got := r.form.form.Other.Text; !strings.Contains(got, "not in group RR") {
		t.Errorf("Liu Hsin's decision was not refused in the dialog: %q", got)
	}

	d := newItemsDesk(t, store, person(t, store, "AN"))
	d.do(func() { d.sec.tabs.SelectIndex(4) })
	pickRMA(t, d, model.RMAInspected)
	s := d.sec.returns
	d.do(func() { test.Tap(s.decide) })
	f := s.form
	cases := []struct {
		name     string
		decision int // index in model.RMADecisions, -1: none
		credit   string
		field    string
		want     string
	}{
		{"no decision", -1, "", "Decision", "Decide to replace, credit, repair or reject."},
		{"credit without its amount", 1, "", "Credit", "A credit names the credit note's amount for finance."},
		{"credit not an amount", 1, "abc", "Credit", "Enter an amount such as 1200 or 1,200.50."},
		{"reject without a reason", 3, "", "RejectReason", "Say why the claim is rejected; the customer reads it."},
	}
	for _, tc := range cases {
		d.do(func() {
			if tc.decision < 0 {
				f.decision.ClearSelected()
			} else {
				f.decision.SetSelectedIndex(tc.decision)
			}
			f.credit.SetText(tc.credit)
			test.Tap(f.confirm)
		})
		if got := f.form.Problem(tc.field); got != tc.want {
			t.Errorf("%s: the %s field says %q, want %q", tc.name, tc.field, got, tc.want)
		}
	}
	d.do(func() { f.decision.SetSelectedIndex(0); f.credit.SetText(""); test.Tap(f.confirm) })
	got, err := store.RMA(ctx, row.ID)
	if err != nil || got.State != model.RMADecided || got.Decision != model.DecideReplace || got.Decided.By != "Andy" {
		t.Fatalf("after deciding to replace: %+v %v", got, err)
	}
	if !s.ship.Visible() || s.decide.Visible() || s.next.Visible() {
		t.Fatalf("a replacement not shipped offers ship %v, decide %v, next %v", s.ship.Visible(), s.decide.Visible(), s.next.Visible())
	}
	d.do(func() { test.Tap(s.ship) })
	d.do(func() {
		s.form.carrier.SetText("新竹物流")
		s.form.tracking.SetText("HCT-77")
		test.Tap(s.form.confirm)
	})
	got, err = store.RMA(ctx, row.ID)
	if err != nil || got.ReplacementID == nil {
		t.Fatalf("no replacement shipped: %+v %v", got, err)
	}
	sh, err := store.Shipment(ctx, *got.ReplacementID)
	if err != nil || sh.Carrier != "新竹物流" || sh.TrackingNo != "HCT-77" {
		t.Fatalf("replacement shipment %+v %v", sh, err)
	}
	if s.ship.Visible() || !s.next.Visible() || s.next.Text != "Close the return" {
		t.Errorf("after the replacement shipped: ship %v, next %v %q", s.ship.Visible(), s.next.Visible(), s.next.Text)
	}
}

// TestReturnsTabCancelsWithAReason: "Cancel return…" is offered while the
// model allows it (goods not back yet) and not once they are back; the
// model's refusal of an empty reason stays in the dialog; with a reason the
// return is cancelled and leaves the open list.
func TestReturnsTabCancelsWithAReason(t *testing.T) {
	store := demoOffice(t, 400)
	d := newItemsDesk(t, store, person(t, store, "AN"))
	d.do(func() { d.sec.tabs.SelectIndex(4) })
	s := d.sec.returns
	pickRMA(t, d, model.RMAReceived)
	if s.cancel.Visible() {
		t.Error("a return whose goods are back offers Cancel return…")
	}
	row := pickRMA(t, d, model.RMAOpened)
	if !s.cancel.Visible() {
		t.Fatal("an opened return offers no Cancel return…")
	}
	d.do(func() { test.Tap(s.cancel) })
	d.do(func() { test.Tap(s.cancelling.confirm) })
	if got := s.cancelling.problem.Text; got != "Say why the return is cancelled." {
		t.Errorf("an empty reason says %q", got)
	}
	d.do(func() { s.cancelling.reason.SetText("the customer found the cartons"); test.Tap(s.cancelling.confirm) })
	got, err := store.RMA(context.Background(), row.ID)
	if err != nil || got.State != model.RMACancelled || got.CancelReason != "the customer found the cartons" || got.Cancelled.By != "Andy" {
		t.Fatalf("after cancelling: %+v %v", got, err)
	}
	for _, r := range s.rows {
		if r.ID == row.ID {
			t.Error("the cancelled return is still in the open list")
		}
	}
}

// TestReturnsListKeepsTheStateWhole: at the list's width in a 1280×800
// window the State column shows every open state whole ("Goods
// received" was cut to "Goods re…"); the customer gives way instead.
func TestReturnsListKeepsTheStateWhole(t *testing.T) {
	test.NewTempApp(t)
	l := returnsColumnsLayout()
	cells := make([]fyne.CanvasObject, len(returnsColumns))
	for i := range cells {
		cells[i] = widget.NewLabel("")
	}
	l.Layout(cells, fyne.NewSize(700, 36))
	for _, st := range []model.RMAState{model.RMAOpened, model.RMAAuthorized, model.RMAReceived, model.RMAInspected, model.RMADecided} {
		if need, got := wholeWidth(Say(st.Name())), cells[3].Size().Width; got < need {
			t.Errorf("State column %.0f wide: %q needs %.0f", got, Say(st.Name()), need)
		}
	}
}
