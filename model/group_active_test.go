package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestSetGroupActive: only a manager deactivates or reactivates a group,
// with an event each; a group that signs a gate stays active, and a gate
// cannot be pointed at an inactive group; an inactive group is offered
// nowhere, nobody joins it, and its members sign nothing by it.
func TestSetGroupActive(t *testing.T) {
	f := newDesk(t)
	ctx, boss := f.ctx, f.super.Actor()
	mkt := f.group("MKT", f.clerk)
	qa := f.group("QA", f.qc)
	tech, err := f.s.GroupByCode(ctx, "TECH")
	if err != nil {
		t.Fatal(err)
	}
	refusal := func(err error) string {
		var r *Refusal
		if !errors.As(err, &r) {
			return ""
		}
		return r.Msg.String()
	}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"a clerk deactivates a group", f.s.SetGroupActive(ctx, f.clerk.Actor(), mkt.ID, false, "no marketing"), "Only a manager may deactivate or reactivate a group."},
		{"the group that signs the technical note", f.s.SetGroupActive(ctx, boss, tech.ID, false, "merged"), "Group TECH signs the technical note: while it is inactive nobody could sign that gate, so it stays active."},
	} {
		if got := refusal(tc.err); got != tc.want {
			t.Errorf("%s: %v, want the refusal %q", tc.name, tc.err, tc.want)
		}
	}
	if err := f.s.SetGroupActive(ctx, boss, mkt.ID, false, ""); err == nil {
		t.Error("deactivated with no reason")
	}

	if err := f.s.SetGroupActive(ctx, boss, mkt.ID, false, "marketing left for head office"); err != nil {
		t.Fatalf("deactivate MKT: %v", err)
	}
	groups, _ := f.s.Groups(ctx)
	inactive, _ := f.s.InactiveGroups(ctx)
	mine, _ := f.s.GroupsOf(ctx, f.clerk.ID)
	codes := func(gs []Group) (out []string) {
		for _, g := range gs {
			out = append(out, g.Code)
		}
		return out
	}
	if slices.Contains(codes(groups), "MKT") || !slices.Equal(codes(inactive), []string{"MKT"}) || slices.Contains(codes(mine), "MKT") {
		t.Errorf("after deactivating MKT: groups %v, inactive %v, the clerk's %v", codes(groups), codes(inactive), codes(mine))
	}
	c, _ := f.s.RuleCtx(ctx, System)
	if c.Staff.In(f.clerk.ID, "MKT") {
		t.Error("a member of an inactive group still counts as in it for signing")
	}
	e := *f.sales
	if err := f.s.SaveEmployeeWithGroups(ctx, boss, &e, []uint{mkt.ID}); err == nil {
		t.Error("someone joined an inactive group")
	}

	// QA, not a gate's group, may go; then no gate may be pointed at it.
	if err := f.s.SetGroupActive(ctx, boss, qa.ID, false, "QC does it"); err != nil {
		t.Fatalf("deactivate QA: %v", err)
	}
	office, _ := f.s.Office(ctx)
	office.SignOffGroups[SignOffQC] = "QA"
	if got, want := refusal(f.s.SaveOffice(ctx, boss, office)), "Group QA is inactive and cannot sign the QC inspection and stock-in: reactivate it first."; got != want {
		t.Errorf("QC gate pointed at inactive QA: %q, want %q", got, want)
	}

	if err := f.s.SetGroupActive(ctx, boss, mkt.ID, true, ""); err != nil {
		t.Fatalf("reactivate MKT: %v", err)
	}
	if mine, _ = f.s.GroupsOf(ctx, f.clerk.ID); !slices.Contains(codes(mine), "MKT") {
		t.Errorf("reactivated MKT without its members: the clerk is in %v", codes(mine))
	}
	ev, _ := f.s.EventsFor(ctx, "group", mkt.ID)
	var acts []string
	for _, e := range ev {
		acts = append(acts, e.Action+" "+e.Note)
	}
	if got := strings.Join(acts, "; "); !strings.Contains(got, "deactivated marketing left for head office") || !strings.Contains(got, "reactivated") {
		t.Errorf("MKT's events: %s", got)
	}
}
