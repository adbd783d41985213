package model

import (
	"context"
	"strings"
	"testing"
)

// TestSaveEmployeeWithGroupsOneTransaction: a person and their groups are
// saved together under one event, and a refused group leaves the person
// as they were.
func TestSaveEmployeeWithGroupsOneTransaction(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	ml := clerk(t, s, "Wang Mei-ling", "ML", true)
	kw := clerk(t, s, "Huang Kuo-wei", "KW", true)
	var ids []uint
	for _, g := range []Group{{Code: "FIN", Name: "Finance", Active: true}, {Code: "QC", Name: "QC", Active: true}} {
		if err := s.SaveGroup(ctx, ml.Actor(), &g); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, g.ID)
	}
	groupEvents := func() int64 {
		var n int64
		s.reader(ctx).Model(&Event{}).Where("entity = ?", "group").Count(&n)
		return n
	}
	groupsBefore := groupEvents()

	yc := &Employee{Name: "Chen Yi-chun", Initials: "YC", Active: true}
	if err := s.SaveEmployeeWithGroups(ctx, ml.Actor(), yc, ids); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.EventsFor(ctx, "employee", yc.ID)
	if len(evs) != 1 || evs[0].Action != ActCreated || !strings.Contains(evs[0].English(), "Groups:  → FIN, QC") {
		t.Fatalf("events of a new person with two groups: %v", evs)
	}
	if got := groupEvents(); got != groupsBefore {
		t.Errorf("group events written: %d, want none beyond the %d before", got, groupsBefore)
	}

	// A change of phone and of groups is one event.
	yc.Phone = "02-1234"
	if err := s.SaveEmployeeWithGroups(ctx, ml.Actor(), yc, ids[:1]); err != nil {
		t.Fatal(err)
	}
	evs, _ = s.EventsFor(ctx, "employee", yc.ID)
	if len(evs) != 2 || !strings.Contains(evs[1].English(), "Phone") || !strings.Contains(evs[1].English(), "Groups: FIN, QC → FIN") {
		t.Fatalf("events after phone and groups: %v", evs)
	}

	// KW joining Finance of his own accord is refused, and his phone
	// change with it: one transaction.
	me := *kw
	me.Phone = "0912"
	if err := s.SaveEmployeeWithGroups(ctx, kw.Actor(), &me, ids[:1]); err == nil || !strings.Contains(err.Error(), "Nobody grants themselves") {
		t.Fatalf("KW puts himself in Finance: %v", err)
	}
	got, _ := s.Employee(ctx, kw.ID)
	if got.Phone != "" {
		t.Errorf("KW's phone saved although his groups were refused: %q", got.Phone)
	}
	if gs, _ := s.GroupsOf(ctx, kw.ID); len(gs) != 0 {
		t.Errorf("KW's groups: %v", gs)
	}
}
