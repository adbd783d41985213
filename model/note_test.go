package model

import (
	"errors"
	"strings"
	"testing"
)

func TestActionItemsAndQueues(t *testing.T) {
	f := newDesk(t)
	cs := &Group{Code: "CS", Name: "Customer Service", NameZH: "客服部", Active: true}
	if err := f.s.SaveGroup(f.ctx, f.super.Actor(), cs); err != nil {
		t.Fatal(err)
	}
	f.s.SetGroupMembers(f.ctx, f.super.Actor(), cs.ID, []uint{f.clerk.ID, f.sales.ID})
	today := f.today()
	add := func(by *Employee, in ItemInput) *Note {
		t.Helper()
		in.Object, in.ObjectID = OnCustomer, f.custB.ID
		n, err := f.s.AddNote(f.ctx, by.Actor(), in)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	note := add(f.clerk, ItemInput{Title: "Customer called and requested rush shipping", Body: "From: 林經理\n> 請儘快出貨"})
	mineOld := add(f.clerk, ItemInput{Title: "Call customer about the card", Action: true, DueOn: today.AddDays(-3)})
	mineToday := add(f.super, ItemInput{Title: "Follow up on shipping", Action: true, DueOn: today, Assignee: &f.clerk.ID})
	mineLater := add(f.clerk, ItemInput{Title: "Follow up in 3 weeks", Action: true, DueOn: today.AddDays(21)})
	group := add(f.super, ItemInput{Title: "Check all faxes", Action: true, DueOn: today.AddDays(-1), Group: &cs.ID})
	public := add(f.super, ItemInput{Title: "Tidy the archive", Action: true, DueOn: today, Public: true, Assignee: &f.super.ID})

	if note.IsAction || note.Pending || !strings.Contains(note.Body, "請儘快出貨") {
		t.Errorf("plain note: %+v", note)
	}
	if *mineOld.AssigneeID != f.clerk.ID || *mineOld.AuthorID != f.clerk.ID {
		t.Error("an action item with nobody named is not the author's")
	}
	ids := func(ns []Note) []uint {
		var out []uint
		for _, n := range ns {
			out = append(out, n.ID)
		}
		return out
	}
	cases := []struct {
		f    QueueFilter
		want []uint
	}{
		{QueueFilter{Queue: QueueMine, PersonID: f.clerk.ID}, []uint{mineOld.ID, mineToday.ID}},
		{QueueFilter{Queue: QueueMine, PersonID: f.clerk.ID, All: true}, []uint{mineOld.ID, mineToday.ID, mineLater.ID}},
		{QueueFilter{Queue: QueueGroups, PersonID: f.clerk.ID}, []uint{group.ID}},
		{QueueFilter{Queue: QueueGroups, PersonID: f.super.ID}, nil},
		{QueueFilter{Queue: QueuePublic}, []uint{public.ID}},
	}
	for _, c := range cases {
		got, err := f.s.QueueItems(f.ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if idList(ids(got)) != idList(c.want) {
			t.Errorf("%+v: %v, want %v", c.f, ids(got), c.want)
		}
	}
	counts, _ := f.s.CountQueues(f.ctx, f.clerk.ID)
	if counts.Mine != 2 || counts.MineAll != 3 || counts.Groups != 1 || counts.Public != 1 || counts.Overdue != 1 {
		t.Errorf("counts %+v", counts)
	}
	// Done and reopen, with their events.
	if err := f.s.MarkDone(f.ctx, f.sales.Actor(), group.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueGroups, PersonID: f.clerk.ID}); len(got) != 0 {
		t.Error("a done item stayed in the group queue")
	}
	f.s.Reopen(f.ctx, f.sales.Actor(), group.ID)
	ev, _ := f.s.EventsFor(f.ctx, "note", group.ID)
	if len(ev) != 3 || ev[1].Action != ActDone || ev[2].Action != ActReopened || ev[1].By != f.sales.Name {
		t.Errorf("events %+v", ev)
	}
	if err := f.s.MarkDone(f.ctx, f.sales.Actor(), note.ID); err == nil {
		t.Error("a plain note was marked done")
	}
}

func TestActionItemRules(t *testing.T) {
	f := newDesk(t)
	gone := clerk(t, f.s, "Left Already", "LA", false)
	f.s.SetEmployeeActive(f.ctx, f.super.Actor(), gone.ID, false, "left")
	cases := []struct {
		name  string
		by    Actor
		in    ItemInput
		field string
	}{
		{"no title", f.clerk.Actor(), ItemInput{Object: OnOrder, ObjectID: 1}, "Title"},
		{"no object", f.clerk.Actor(), ItemInput{Title: "x"}, "ObjectID"},
		{"no due date", f.clerk.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "x", Action: true}, "DueOn"},
		{"inactive person", f.clerk.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "x", Action: true, DueOn: f.today(), Assignee: &gone.ID}, "AssigneeID"},
		{"person and group", f.clerk.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "x", Action: true, DueOn: f.today(), Assignee: &f.sales.ID, Group: &f.sales.ID}, "AssigneeID"},
		{"no author", Actor{Name: "command line"}, ItemInput{Object: OnOrder, ObjectID: 1, Title: "x"}, "AuthorID"},
	}
	for _, c := range cases {
		_, err := f.s.AddNote(f.ctx, c.by, c.in)
		var fe FieldErrors
		if !errors.As(err, &fe) || fe.For(c.field).IsZero() {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// A keyed item is made once while it is pending.
	in := ItemInput{Object: OnOrder, ObjectID: 7, Title: "Sign-back late", Action: true, DueOn: f.today(), Key: "order:7:signback:1"}
	first, _ := f.s.AddNote(f.ctx, f.clerk.Actor(), in)
	second, err := f.s.AddNote(f.ctx, f.clerk.Actor(), in)
	if first == nil || second != nil || err != nil {
		t.Errorf("keyed item twice: %v %v %v", first, second, err)
	}
}

func TestDashboardAndHandover(t *testing.T) {
	f := newDesk(t)
	today := f.today()
	for i := 0; i < 5; i++ {
		f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnCustomer, ObjectID: f.custA.ID, Title: "late", Action: true, DueOn: today.AddDays(-i - 1), Assignee: &f.clerk.ID})
	}
	f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnCustomer, ObjectID: f.custA.ID, Title: "today", Action: true, DueOn: today, Assignee: &f.clerk.ID})
	f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnCustomer, ObjectID: f.custA.ID, Title: "late too", Action: true, DueOn: today.AddDays(-1), Assignee: &f.sales.ID})
	o1, o2 := f.intake(f.custA, 1), f.intake(f.custB, 1)
	f.do(o2, func(o *Order, c Ctx) error { return o.Cancel(c, "closed orders stay") })

	d, err := f.s.ManagerDashboard(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) != 2 || d.People[0].Name != f.clerk.Name || d.People[0].Count != 5 || d.People[0].Oldest != today.AddDays(-5) || d.People[1].Count != 1 {
		t.Errorf("dashboard %+v", d.People)
	}
	// A day later the item due today is past due too.
	f.advance(day)
	if d, _ = f.s.ManagerDashboard(f.ctx); d.People[0].Count != 6 {
		t.Errorf("a day later: %+v", d.People)
	}
	if items, _ := f.s.PastDueItems(f.ctx, f.clerk.ID, false, 0); len(items) != 6 {
		t.Errorf("drill-down: %d items", len(items))
	}

	p, err := f.s.PreviewHandover(f.ctx, f.clerk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ActionItems) != 6 || len(p.Orders) != 1 || p.Orders[0] != o1.ID {
		t.Fatalf("preview %+v", p)
	}
	h := Handover{From: f.clerk.ID, ToPerson: &f.sales.ID}
	if err := f.s.Handover(f.ctx, f.clerk.Actor(), h, p); err == nil {
		t.Fatal("a clerk handed over work")
	}
	// New work since the preview: refused, nothing moved.
	f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnCustomer, ObjectID: 1, Title: "new", Action: true, DueOn: today, Assignee: &f.clerk.ID})
	if err := f.s.Handover(f.ctx, f.super.Actor(), h, p); err == nil || !strings.Contains(err.Error(), "changed since the preview") {
		t.Fatalf("stale preview: %v", err)
	}
	if left, _ := f.s.PreviewHandover(f.ctx, f.clerk.ID); len(left.ActionItems) != 7 {
		t.Fatal("a refused handover moved items")
	}
	p, _ = f.s.PreviewHandover(f.ctx, f.clerk.ID)
	if err := f.s.Handover(f.ctx, f.super.Actor(), h, p); err != nil {
		t.Fatal(err)
	}
	if left, _ := f.s.PreviewHandover(f.ctx, f.clerk.ID); left.Total() != 0 {
		t.Errorf("left behind: %+v", left)
	}
	got, _ := f.s.PreviewHandover(f.ctx, f.sales.ID)
	if len(got.ActionItems) != 8 || len(got.Orders) != 1 {
		t.Errorf("received: %+v", got)
	}
	if o := f.reload(o1); o.ClerkID != f.sales.ID || o.TakenByID != f.clerk.ID {
		t.Errorf("order clerk %d, taken by %d", o.ClerkID, o.TakenByID)
	}
	ev, _ := f.s.EventsFor(f.ctx, "order", o1.ID)
	if last := ev[len(ev)-1]; last.Action != ActReassigned || last.By != f.super.Name {
		t.Errorf("order event %+v", last)
	}
	// To a group, orders need a person.
	cs := &Group{Code: "CS", Name: "Customer Service", Active: true}
	f.s.SaveGroup(f.ctx, f.super.Actor(), cs)
	p, _ = f.s.PreviewHandover(f.ctx, f.sales.ID)
	err = f.s.Handover(f.ctx, f.super.Actor(), Handover{From: f.sales.ID, ToGroup: &cs.ID}, p)
	if fe, ok := err.(FieldErrors); !ok || fe.For("OrdersTo").IsZero() {
		t.Errorf("orders to a group: %v", err)
	}
	if err := f.s.Handover(f.ctx, f.super.Actor(), Handover{From: f.sales.ID, ToGroup: &cs.ID, OrdersTo: &f.clerk.ID}, p); err != nil {
		t.Fatal(err)
	}
	if g, _ := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueGroups, GroupID: cs.ID, All: true}); len(g) != 8 {
		t.Errorf("group received %d items", len(g))
	}
}
