package ui

import (
	"context"
	"slices"
	"testing"

	"orderdesk/model"
)

// TestDashboardOnlyForManagers shows a clerk a sentence instead of the
// dashboard, and a manager the past-due counts.
func TestDashboardOnlyForManagers(t *testing.T) {
	store := demoOffice(t, 0)
	d := newItemsDesk(t, store, person(t, store, "YC"))
	d.do(func() {
		d.shell.Show(SectionActionItems)
		d.sec.tabs.SelectIndex(1)
	})
	s := d.sec.dashboard
	if s.board.Visible() || !s.forManagers.Visible() {
		t.Fatal("a clerk sees the manager dashboard")
	}
	if len(s.dash.People) != 0 || len(s.handover.everyone) != 0 {
		t.Error("the dashboard was loaded for a clerk")
	}

	ml := person(t, store, "ML")
	d.do(func() { d.shell.setEmployee(ml) })
	if !s.board.Visible() || s.forManagers.Visible() {
		t.Fatal("a manager does not see the dashboard")
	}
	want, err := store.ManagerDashboard(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.dash.People) == 0 || len(s.dash.People) != len(want.People) || len(s.dash.Groups) != len(want.Groups) {
		t.Errorf("dashboard shows %+v, store has %+v", s.dash, want)
	}
}

// TestReassignPreviewMatchesWhatMoves drills into a person's past-due
// items, previews handing their work to a colleague, and confirms: exactly
// the previewed action items and orders move. Handing orders to a group is
// refused by the model, and the refusal is shown next to the field.
func TestReassignPreviewMatchesWhatMoves(t *testing.T) {
	store := demoOffice(t, 60)
	ctx := context.Background()
	yc, ks := person(t, store, "YC"), person(t, store, "KS")
	d := newItemsDesk(t, store, person(t, store, "ML"))
	d.do(func() {
		d.shell.Show(SectionActionItems)
		d.sec.tabs.SelectIndex(1)
	})
	s := d.sec.dashboard

	row := slices.IndexFunc(s.dash.People, func(p model.PastDue) bool { return p.ID == yc.ID })
	if row < 0 {
		t.Fatalf("YC is not on the past-due table: %+v", s.dash.People)
	}
	d.do(func() { s.peopleList.Select(row) })
	past, _ := store.PastDueItems(ctx, yc.ID, false, 0)
	if len(s.drill) != len(past) || len(past) == 0 || s.drill[0].ID != past[0].ID {
		t.Errorf("drill-down %d items, store %d", len(s.drill), len(past))
	}
	h := s.handover
	if h.from.Selected != yc.Display() {
		t.Errorf("whose work: %q", h.from.Selected)
	}

	want, err := store.PreviewHandover(ctx, yc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Orders) > 0 { // orders need a person: the model refuses a group
		if !h.chooseTarget("Customer Service 客服 (group)") {
			t.Fatalf("no CS group among %v", h.to.Options)
		}
		d.do(h.onPreview)
		d.do(func() { h.onConfirm(); h.ask.Confirm() })
		if h.fields.Problem("OrdersTo") == "" {
			t.Errorf("handing orders to a group was not refused (other: %q)", h.fields.Other.Text)
		}
	}

	if !h.chooseTarget(ks.Display()) {
		t.Fatalf("no KS among %v", h.to.Options)
	}
	d.do(h.onPreview)
	if h.shown == nil || !slices.Equal(h.shown.ActionItems, want.ActionItems) || !slices.Equal(h.shown.Orders, want.Orders) {
		t.Fatalf("preview %+v, want %+v", h.shown, want)
	}
	if len(h.text) != want.Total() || h.confirm.Disabled() {
		t.Errorf("the preview lists %d lines for %d things", len(h.text), want.Total())
	}
	d.do(func() { h.onConfirm(); h.ask.Confirm() })
	if h.fields.Other.Visible() {
		t.Fatalf("handover refused: %q", h.fields.Other.Text)
	}
	for _, id := range want.ActionItems {
		n, _ := store.NotesByID(ctx, []uint{id})
		if len(n) != 1 || n[0].AssigneeID == nil || *n[0].AssigneeID != ks.ID {
			t.Errorf("action item %d did not move to KS", id)
		}
	}
	for _, id := range want.Orders {
		o, err := store.Order(ctx, id)
		if err != nil || o.ClerkID != ks.ID {
			t.Errorf("order %d did not move to KS", id)
		}
	}
	left, _ := store.PreviewHandover(ctx, yc.ID)
	if left.Total() != 0 {
		t.Errorf("YC still has %+v", left)
	}
	if slices.ContainsFunc(s.dash.People, func(p model.PastDue) bool { return p.ID == yc.ID }) {
		t.Error("the dashboard still shows YC's past-due items")
	}
	t.Logf("moved %d action items and %d orders", len(want.ActionItems), len(want.Orders))
}
