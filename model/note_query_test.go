package model

import (
	"testing"
)

func TestObjectNamesAndPendingItems(t *testing.T) {
	f := newDesk(t)
	today := f.today()
	add := func(in ItemInput) *Note {
		t.Helper()
		n, err := f.s.AddNote(f.ctx, f.super.Actor(), in)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	late := add(ItemInput{Object: OnCustomer, ObjectID: f.custA.ID, Title: "late", Action: true, DueOn: today.AddDays(-2), Assignee: &f.clerk.ID})
	soon := add(ItemInput{Object: OnProduct, ObjectID: f.paper.ID, Title: "soon", Action: true, DueOn: today.AddDays(3), Assignee: &f.clerk.ID})
	mine := add(ItemInput{Object: OnCustomer, ObjectID: f.custB.ID, Title: "mine", Action: true, DueOn: today.AddDays(-5)})
	add(ItemInput{Object: OnCustomer, ObjectID: f.custB.ID, Title: "plain note"})

	o := f.readyToShip(f.custA, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10)})
	names, err := f.s.ObjectNames(f.ctx, []ObjectRef{{OnCustomer, f.custA.ID}, {OnProduct, f.paper.ID}, {OnTicket, 7}, {OnCustomer, 9999},
		{OnShipment, sh.ID}, {OnShipment, sh.ID + 1}})
	if err != nil {
		t.Fatal(err)
	}
	if names[ObjectRef{OnCustomer, f.custA.ID}] != f.custA.Display() || names[ObjectRef{OnProduct, f.paper.ID}] != f.paper.Display() ||
		names[ObjectRef{OnShipment, sh.ID}] != sh.No+" ("+o.No+")" {
		t.Errorf("names %v", names)
	}
	if _, ok := names[ObjectRef{OnTicket, 7}]; ok || len(names) != 3 {
		t.Errorf("unknown objects named: %v", names)
	}

	// QC's stock-in told the salesperson, due today (seed 002).
	onOrder, _ := f.s.NotesOn(f.ctx, OnOrder, o.ID)
	if len(onOrder) != 1 || onOrder[0].AssigneeID == nil || *onOrder[0].AssigneeID != f.sales.ID {
		t.Fatalf("items on the order: %+v", onOrder)
	}
	stocked := onOrder[0]
	cases := []struct {
		f    ItemsFilter
		want []uint
	}{
		{ItemsFilter{}, []uint{mine.ID, late.ID, stocked.ID, soon.ID}},
		{ItemsFilter{PersonID: f.clerk.ID}, []uint{late.ID, soon.ID}},
		{ItemsFilter{PersonID: f.clerk.ID, Overdue: true}, []uint{late.ID}},
		{ItemsFilter{Overdue: true, Limit: 1}, []uint{mine.ID}},
	}
	for _, c := range cases {
		got, err := f.s.PendingItems(f.ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []uint
		for _, n := range got {
			ids = append(ids, n.ID)
		}
		if len(ids) != len(c.want) {
			t.Errorf("%+v: got %v, want %v", c.f, ids, c.want)
			continue
		}
		for i := range ids {
			if ids[i] != c.want[i] {
				t.Errorf("%+v: got %v, want %v", c.f, ids, c.want)
				break
			}
		}
	}
	notes, err := f.s.NotesByID(f.ctx, []uint{soon.ID, late.ID})
	if err != nil || len(notes) != 2 || notes[0].ID != late.ID || notes[1].Assignee == nil {
		t.Errorf("NotesByID: %v, %v", notes, err)
	}
}
