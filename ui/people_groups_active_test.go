package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestPeopleGroupDeactivateAndReactivate: a manager deactivates a group
// from the People section's groups, with a reason: its box goes; the
// group that signs the finance clearance is refused with the model's
// sentence; the group comes back by Reactivate group….
func TestPeopleGroupDeactivateAndReactivate(t *testing.T) {
	store, boss, _, _ := peopleOffice(t)
	ctx := context.Background()
	qa := &model.Group{Code: "QA", Name: "Quality", Active: true}
	if err := store.SaveGroup(ctx, boss.Actor(), qa); err != nil {
		t.Fatal(err)
	}
	d := newDeskTest(t, store, boss)
	d.show(SectionPeople)
	s := d.shell.people
	d.settle()
	if !slices.Contains(s.groups.Options, "Quality") {
		t.Fatalf("the group boxes before: %v", s.groups.Options)
	}

	deactivate := func(name, reason string) *groupActiveDialog {
		t.Helper()
		test.Tap(s.tools.offGroup)
		d.settle()
		g := s.tools.active
		if g == nil || g.reason == nil {
			t.Fatal("Deactivate group… opened no dialog asking a reason")
		}
		d.do(func() { g.which.SetSelected(name); g.reason.SetText(reason) })
		test.Tap(g.save)
		d.settle()
		return g
	}
	g := deactivate("FIN Finance", "merged")
	if want := "Group FIN signs the finance clearance: while it is inactive nobody could sign that gate, so it stays active."; g.problem.Text != want {
		t.Errorf("deactivating Finance says %q, want %q", g.problem.Text, want)
	}
	d.do(func() { g.dialog.Hide() })
	s.tools.active = nil
	deactivate("QA Quality", "QC does it")
	if got, _ := store.GroupByCode(ctx, "QA"); got.Active {
		t.Fatalf("QA still active; the dialog says %q", s.tools.active.problem.Text)
	}
	if slices.Contains(s.groups.Options, "Quality") || !strings.Contains(s.form.status.Text, "Group Quality deactivated") {
		t.Errorf("after deactivating QA: boxes %v, status %q", s.groups.Options, s.form.status.Text)
	}

	test.Tap(s.tools.onGroup)
	d.settle()
	g = s.tools.active
	if g.reason != nil || len(g.which.Options) != 1 || g.which.Options[0] != "QA Quality" {
		t.Fatalf("Reactivate group… offers %v", g.which.Options)
	}
	d.do(func() { g.which.SetSelected("QA Quality") })
	test.Tap(g.save)
	d.settle()
	if !slices.Contains(s.groups.Options, "Quality") {
		t.Errorf("after reactivating QA the boxes are %v (dialog says %q)", s.groups.Options, g.problem.Text)
	}
	if evs, _ := store.EventsFor(ctx, "group", qa.ID); len(evs) != 3 {
		t.Errorf("QA's events: %d, want created, deactivated, reactivated", len(evs))
	}
}
