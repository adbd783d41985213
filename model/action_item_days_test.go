package model

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// dashboardByCount is the dashboard counted straight from the notes, as it
// was before the kept counts: what ManagerDashboard must always equal.
func dashboardByCount(t *testing.T, s *Store) (people, groups []PastDue) {
	t.Helper()
	today := s.Today()
	err := s.db.Model(&Note{}).Select("employees.id, employees.name, COUNT(*) AS count, MIN(notes.due_on) AS oldest").
		Joins("JOIN employees ON employees.id = notes.assignee_id").
		Where("notes.pending = ? AND notes.due_on < ?", true, today).
		Group("employees.id, employees.name").Order("count DESC, employees.name").Scan(&people).Error
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Model(&Note{}).Select("groups.id, groups.name, COUNT(*) AS count, MIN(notes.due_on) AS oldest").
		Joins("JOIN groups ON groups.id = notes.assigned_group_id").
		Where("notes.pending = ? AND notes.due_on < ?", true, today).
		Group("groups.id, groups.name").Order("count DESC, groups.name").Scan(&groups).Error
	if err != nil {
		t.Fatal(err)
	}
	return people, groups
}

// sameAsCount fails the test when the dashboard or any kept count differs
// from the notes.
func sameAsCount(t *testing.T, s *Store, after string) {
	t.Helper()
	d, err := s.ManagerDashboard(context.Background())
	if err != nil {
		t.Fatalf("after %s: %v", after, err)
	}
	people, groups := dashboardByCount(t, s)
	if !reflect.DeepEqual(d.People, people) || !reflect.DeepEqual(d.Groups, groups) {
		t.Errorf("after %s: the dashboard says\n people %+v\n groups %+v\nthe notes say\n people %+v\n groups %+v", after, d.People, d.Groups, people, groups)
	}
	if problems, err := itemDayProblems(s.db); err != nil || len(problems) > 0 {
		t.Errorf("after %s: %v %v", after, err, problems)
	}
}

// TestDashboardCountsFollowEveryWrite: on a generated set of action items,
// every kind of write that changes a pending item leaves the dashboard
// equal to a count of the notes themselves. A write path that forgot the
// kept counts fails here.
func TestDashboardCountsFollowEveryWrite(t *testing.T) {
	f := newDesk(t)
	today := f.today()
	cs := f.group("CS", f.clerk, f.sales)
	people := []*Employee{f.clerk, f.sales, f.tech, f.qc}
	rng := rand.New(rand.NewSource(24))
	var items []*Note
	for i := 0; i < 120; i++ {
		in := ItemInput{Object: OnCustomer, ObjectID: f.custA.ID, Title: fmt.Sprintf("item %d", i), Action: true, DueOn: today.AddDays(rng.Intn(30) - 24)}
		if rng.Intn(4) == 0 {
			in.Group = &cs.ID
		} else {
			in.Assignee = &people[rng.Intn(len(people))].ID
		}
		n, err := f.s.AddNote(f.ctx, f.super.Actor(), in)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, n)
		if rng.Intn(5) == 0 {
			if err := f.s.MarkDone(f.ctx, f.clerk.Actor(), n.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	sameAsCount(t, f.s, "the generated items")
	pendingOf := func(e *Employee) *Note {
		for _, n := range items {
			var now Note
			f.s.db.Take(&now, n.ID)
			if now.Pending && now.AssigneeID != nil && *now.AssigneeID == e.ID && now.DueOn.Before(today) {
				return &now
			}
		}
		t.Fatalf("%s has no past-due item", e.Name)
		return nil
	}
	handover := func(from uint, h Handover) error {
		p, err := f.s.PreviewHandover(f.ctx, from)
		if err != nil {
			return err
		}
		h.From = from
		return f.s.Handover(f.ctx, f.super.Actor(), h, p)
	}
	late := f.toConfirmationSent(f.intake(f.custB, 100))
	for _, w := range []struct {
		name  string
		write func() error
	}{
		{"an item for a person, past due", func() error {
			_, err := f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "call back", Action: true, DueOn: today.AddDays(-3), Assignee: &f.tech.ID})
			return err
		}},
		{"an item for a group", func() error {
			_, err := f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "ship", Action: true, DueOn: today.AddDays(-40), Group: &cs.ID})
			return err
		}},
		{"an item of the author's own", func() error {
			_, err := f.s.AddNote(f.ctx, f.qc.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "check", Action: true, DueOn: today.AddDays(-1)})
			return err
		}},
		{"a plain note", func() error {
			_, err := f.s.AddNote(f.ctx, f.qc.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "FYI"})
			return err
		}},
		{"an item done", func() error { return f.s.MarkDone(f.ctx, f.clerk.Actor(), pendingOf(f.clerk).ID) }},
		{"an item done twice", func() error {
			n := pendingOf(f.sales)
			if err := f.s.MarkDone(f.ctx, f.sales.Actor(), n.ID); err != nil {
				return err
			}
			return f.s.MarkDone(f.ctx, f.sales.Actor(), n.ID)
		}},
		{"an item reopened", func() error { return f.s.Reopen(f.ctx, f.clerk.Actor(), items[0].ID) }},
		{"a handover to a person", func() error { return handover(f.clerk.ID, Handover{ToPerson: &f.sales.ID}) }},
		{"a handover to a group", func() error {
			return handover(f.sales.ID, Handover{ToGroup: &cs.ID, OrdersTo: &f.clerk.ID})
		}},
		{"the slip rule's late sign-back item", func() error {
			f.advance(2 * day)
			_, err := f.s.ApplySlips(f.ctx)
			return err
		}},
		{"a late sign-back item closing itself", func() error { f.signBack(f.reload(late)); return nil }},
		{"a day passing", func() error { f.advance(day); return nil }},
	} {
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		sameAsCount(t, f.s, w.name)
	}
	d, _ := f.s.ManagerDashboard(f.ctx)
	if len(d.People) == 0 || len(d.Groups) == 0 {
		t.Errorf("nothing past due at the end: %+v", d)
	}
}

// TestItemCountsOfConcurrentDesks: desks adding and finishing items of the
// same person and day at the same moment lose no count (on PostgreSQL the
// transactions overlap; on SQLite they take turns).
func TestItemCountsOfConcurrentDesks(t *testing.T) {
	f := newDesk(t)
	due := f.today().AddDays(-2)
	const desks, each = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, desks*each)
	for k := 0; k < desks; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				n, err := f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "rush", Action: true, DueOn: due, Assignee: &f.clerk.ID})
				if err == nil && i%3 == 0 {
					err = f.s.MarkDone(f.ctx, f.clerk.Actor(), n.ID)
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	d, _ := f.s.ManagerDashboard(f.ctx)
	if want := desks * (each - 5); len(d.People) != 1 || d.People[0].Count != want {
		t.Errorf("dashboard %+v, want %d items of %s", d.People, want, f.clerk.Name)
	}
	sameAsCount(t, f.s, "concurrent desks")
}

// TestUpgradeCountsPendingItems: step 24 fills the counts from the items a
// database already holds, pending ones only, by person or group and day.
func TestUpgradeCountsPendingItems(t *testing.T) {
	ctx := context.Background()
	path := testTarget(t)
	clock := clockAt(at(2026, 3, 10, 9, 0))
	old, err := Open(ctx, path, Options{Create: true, Clock: clock.Now, Location: taipei, migrateTo: 21})
	if err != nil {
		t.Fatal(err)
	}
	yc := clerk(t, old, "Chen Yi-chun", "YC", true)
	g := &Group{Code: "CS", Name: "Customer Service", Active: true}
	if err := old.SaveGroup(ctx, yc.Actor(), g); err != nil {
		t.Fatal(err)
	}
	today := old.Today()
	for _, n := range []Note{
		{IsAction: true, Pending: true, DueOn: today.AddDays(-3), AssigneeID: &yc.ID},
		{IsAction: true, Pending: true, DueOn: today.AddDays(-3), AssigneeID: &yc.ID},
		{IsAction: true, Pending: true, DueOn: today.AddDays(-9), AssigneeID: &yc.ID},
		{IsAction: true, Pending: true, DueOn: today.AddDays(4), AssigneeID: &yc.ID},
		{IsAction: true, Pending: false, DueOn: today.AddDays(-20), AssigneeID: &yc.ID},
		{IsAction: true, Pending: true, DueOn: today.AddDays(-1), AssignedGroupID: &g.ID},
		{Title: "a plain note"},
	} {
		n.ObjectKind, n.ObjectID, n.CreatedBy, n.UpdatedBy = OnCustomer, 1, "old desk", "old desk"
		if n.Title == "" {
			n.Title = "call back"
		}
		if err := old.db.Create(&n).Error; err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, path, Options{Clock: clock.Now, Location: taipei})
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	var rows []ActionItemDay
	s.db.Order("owner_kind, owner_id, due_on").Find(&rows)
	want := []ActionItemDay{
		{ownerGroup, g.ID, today.AddDays(-1), 1},
		{ownerPerson, yc.ID, today.AddDays(-9), 1},
		{ownerPerson, yc.ID, today.AddDays(-3), 2},
		{ownerPerson, yc.ID, today.AddDays(4), 1},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("counts after the upgrade %+v, want %+v", rows, want)
	}
	d, _ := s.ManagerDashboard(ctx)
	if len(d.People) != 1 || d.People[0].Count != 3 || d.People[0].Oldest != today.AddDays(-9) || len(d.Groups) != 1 || d.Groups[0].Count != 1 {
		t.Errorf("dashboard after the upgrade %+v", d)
	}
}

// TestCheckAndRepairItemCounts: check names a kept count that differs from
// the notes, and check -repair (RebuildDerived) puts it right.
func TestCheckAndRepairItemCounts(t *testing.T) {
	f := newDesk(t)
	for i := 0; i < 3; i++ {
		if _, err := f.s.AddNote(f.ctx, f.super.Actor(), ItemInput{Object: OnOrder, ObjectID: 1, Title: "call", Action: true, DueOn: f.today().AddDays(-i), Assignee: &f.clerk.ID}); err != nil {
			t.Fatal(err)
		}
	}
	f.s.db.Exec("UPDATE action_item_days SET n = n + 5 WHERE due_on = ?", f.today())
	problems, err := f.s.Check(f.ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "action item count") {
		t.Fatalf("check: %v %v", err, problems)
	}
	if err := f.s.RebuildDerived(f.ctx); err != nil {
		t.Fatal(err)
	}
	if problems, _ := f.s.Check(f.ctx); len(problems) > 0 {
		t.Errorf("after the repair: %v", problems)
	}
	sameAsCount(t, f.s, "the repair")
}
