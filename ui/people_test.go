package ui

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// peopleOffice is an office with a manager, a clerk and a Finance group.
func peopleOffice(t *testing.T) (*model.Store, *model.Employee, *model.Employee, *model.Group) {
	t.Helper()
	store := openTestStore(t)
	boss := addEmployee(t, store, "Wang Mei-ling", "王美玲", "ML", true)
	yc := addEmployee(t, store, "Chen Yi-chun", "", "YC", false)
	fin := &model.Group{Code: "FIN", Name: "Finance", Active: true}
	if err := store.SaveGroup(context.Background(), boss.Actor(), fin); err != nil {
		t.Fatal(err)
	}
	return store, boss, yc, fin
}

// TestPeopleManagerAddsPersonWithGroups: a manager adds a person in the
// People section (Ctrl+N, the fields, a group box, Ctrl+S): the person is
// in the list and in the group.
func TestPeopleManagerAddsPersonWithGroups(t *testing.T) {
	store, boss, _, fin := peopleOffice(t)
	ctx := context.Background()
	d := newDeskTest(t, store, boss)
	d.shortcut(ShortcutSection(SectionPeople))
	d.settle()
	s := d.shell.people
	if s.list.Count() != 2 || s.count.Text != "2 people" {
		t.Fatalf("the list shows %d people (%q), want 2", s.list.Count(), s.count.Text)
	}
	d.shortcut(ShortcutNew)
	d.settle()
	f := s.form
	if f.heading.Text != "New person" || d.focused() != f.code {
		t.Fatalf("Ctrl+N shows %q with the focus on %T", f.heading.Text, d.focused())
	}
	d.do(func() {
		f.code.SetText("lh")
		f.name.SetText("Lin Hui-ting")
		f.nameZH.SetText("林慧婷")
		f.email.SetText("lh@example.tw")
		f.phone.SetText("02-2345 6789")
		f.roles.SetText("Finance clerk\nCS backup")
		f.languages.SetText("zh-TW, en")
		f.partTime.SetChecked(true)
		s.checkGroup("FIN")
	})
	d.shortcut(ShortcutSave)
	d.settle()

	got, err := store.EmployeeByName(ctx, "LH")
	if err != nil {
		t.Fatalf("not saved: %v (form says %q / %q)", err, f.status.Text, f.fields.Other.Text)
	}
	want := model.Employee{Name: "Lin Hui-ting", NameZH: "林慧婷", Initials: "LH", Email: "lh@example.tw",
		Phone: "02-2345 6789", Roles: "Finance clerk\nCS backup", Languages: "zh-TW, en", PartTime: true, Active: true}
	want.Row = got.Row
	if diff := model.Changes(&want, got); diff != "" {
		t.Errorf("stored person differs from what was typed:\n%s", diff)
	}
	members, err := store.MembersOf(ctx, fin.ID)
	if err != nil || len(members) != 1 || members[0].ID != got.ID {
		t.Errorf("Finance's members %v (%v), want only Lin Hui-ting", members, err)
	}
	if f.status.Text != "Saved." || s.list.Count() != 3 {
		t.Errorf("after the save: %q, %d in the list", f.status.Text, s.list.Count())
	}
	if len(s.groups.Selected) != 1 || s.groups.Selected[0] != "Finance" {
		t.Errorf("the saved person shows groups %v", s.groups.Selected)
	}
}

// TestPeopleClerkReadsOnly: a clerk opening the People section sees the
// form read-only (fields, group boxes and the buttons that write are
// disabled, with a sentence saying why); a manager sees it editable.
func TestPeopleClerkReadsOnly(t *testing.T) {
	store, boss, yc, _ := peopleOffice(t)
	for _, tc := range []struct {
		who      *model.Employee
		editable bool
	}{{yc, false}, {boss, true}} {
		t.Run(tc.who.Initials, func(t *testing.T) {
			d := newDeskTest(t, store, tc.who)
			d.show(SectionPeople)
			s := d.shell.people
			s.openRecord(boss.ID)
			d.settle()
			if s.form.stored.ID != boss.ID {
				t.Fatalf("the form shows %q", s.form.heading.Text)
			}
			f := s.form
			for name, w := range map[string]fyne.Disableable{"initials": f.code, "name": f.name, "phone": f.phone,
				"roles": f.roles, "manager": f.manager, "part time": f.partTime, "groups": s.groups,
				"save": s.save, "deactivate": s.deactivate, "new": s.newButton, "password": s.password,
				"import": s.tools.importer.button, "new group": s.tools.newGroup, "rename group": s.tools.editGroup,
				"deactivate group": s.tools.offGroup, "reactivate group": s.tools.onGroup} {
				if w.Disabled() == tc.editable {
					t.Errorf("%s: disabled %v, want %v", name, w.Disabled(), !tc.editable)
				}
			}
			if s.readOnly.Visible() == tc.editable {
				t.Errorf("the read-only sentence shown: %v", s.readOnly.Visible())
			}
			d.shortcut(ShortcutNew)
			d.settle()
			if got := f.stored.ID == 0; got != tc.editable {
				t.Errorf("Ctrl+N started a new person: %v", got)
			}
		})
	}
}

// TestPeopleDeactivateOffersHandover: deactivating a person with open
// action items first offers the hand-over, which opens the manager
// dashboard with their work chosen; a person with none is asked the
// reason at once.
func TestPeopleDeactivateOffersHandover(t *testing.T) {
	store, boss, yc, _ := peopleOffice(t)
	ctx := context.Background()
	cust := addCustomer(t, store, "C001", "萬國紙業", "Wan Kuo Paper")
	if _, err := store.AddNote(ctx, yc.Actor(), model.ItemInput{Object: model.OnCustomer, ObjectID: cust.ID,
		Title: "Call back about the quote", Action: true, DueOn: model.DateOf(testNow), Assignee: &yc.ID}); err != nil {
		t.Fatal(err)
	}
	lh := addEmployee(t, store, "Lin Hui-ting", "", "LH", false)
	d := newDeskTest(t, store, boss)
	d.show(SectionPeople)
	s := d.shell.people

	s.openRecord(lh.ID)
	d.settle()
	test.Tap(s.deactivate)
	d.settle()
	if s.offer != nil || s.reason == nil {
		t.Fatal("a person with no open work was not asked the reason at once")
	}
	s.reason.dialog.Hide()

	s.openRecord(yc.ID)
	d.settle()
	test.Tap(s.deactivate)
	d.settle()
	if s.offer == nil {
		t.Fatal("deactivating a person with an open action item did not offer the hand-over")
	}
	test.Tap(s.toHandover)
	d.settle()
	settle(t)
	if got := d.shell.tabs.SelectedIndex(); got != SectionActionItems {
		t.Fatalf("the hand-over opened section %d", got)
	}
	h := d.shell.items.dashboard.handover
	if got := h.from.Selected; got != yc.Display() {
		t.Errorf("the hand-over chose %q, want %q", got, yc.Display())
	}
	if got, _ := store.Employee(ctx, yc.ID); !got.Active {
		t.Error("offering the hand-over deactivated the person")
	}
}

// TestPeopleManagerSetsPassword: a manager resets a person's forgotten
// password from the People form; the person signs in with the new one.
func TestPeopleManagerSetsPassword(t *testing.T) {
	store, boss, yc, _ := peopleOffice(t)
	d := newDeskTest(t, store, boss)
	d.show(SectionPeople)
	s := d.shell.people
	s.openRecord(yc.ID)
	d.settle()
	test.Tap(s.password)
	if s.setPw == nil || d.focused() != s.setPw.entry {
		t.Fatal("Set password… did not ask for the new password")
	}
	d.typeText("new-secret")
	test.Tap(s.setPw.set)
	d.settle()
	if got := s.form.status.Text; got != "The password of "+yc.Display()+" is set." {
		t.Errorf("after the reset the form says %q / %q", got, s.form.fields.Other.Text)
	}
	if _, err := store.SignIn(context.Background(), yc.Initials, "new-secret"); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
}

// TestPeopleClerkCannotSetAnothersPassword: the clerk's Set password… is
// disabled (TestPeopleClerkReadsOnly); were it reached all the same, on
// someone else it shows the model's refusal and changes nothing.
func TestPeopleClerkCannotSetAnothersPassword(t *testing.T) {
	store, boss, yc, _ := peopleOffice(t)
	d := newDeskTest(t, store, yc)
	d.show(SectionPeople)
	s := d.shell.people
	s.openRecord(boss.ID)
	d.settle()
	s.onSetPassword()
	d.typeText("taken-over")
	test.Tap(s.setPw.set)
	d.settle()
	if got := s.setPw.problem.Text; got != "Only a manager may set another person's password." || d.win.Canvas().Overlays().Top() == nil {
		t.Errorf("the clerk's reset shows %q (the dialog open: %v)", got, d.win.Canvas().Overlays().Top() != nil)
	}
	if _, err := store.SignIn(context.Background(), boss.Initials, "taken-over"); err == nil {
		t.Error("the clerk's reset changed the manager's password")
	}
}

// TestPeopleCSVAndGroups: a manager exports the people to a CSV file,
// imports a file of people, adds a group and renames it, each an event;
// the group boxes list the new name.
func TestPeopleCSVAndGroups(t *testing.T) {
	store, boss, _, fin := peopleOffice(t)
	ctx := context.Background()
	d := newDeskTest(t, store, boss)
	d.show(SectionPeople)
	s := d.shell.people
	s.tools.docsDir = t.TempDir()

	test.Tap(s.tools.export)
	d.settle()
	if !strings.Contains(s.form.status.Text, "2 people written to ") {
		t.Fatalf("the export says %q / %q", s.form.status.Text, s.form.fields.Other.Text)
	}
	path := strings.TrimPrefix(s.form.status.Text, "2 people written to ")
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "YC,Chen Yi-chun") {
		t.Errorf("the exported file: %v\n%s", err, b)
	}

	imp := s.tools.importer
	d.do(func() {
		imp.opened(csvFile(t, "people.csv", "code,name,groups,part_time\nLH,Lin Hui-ting,FIN,yes\n"), nil)
	})
	if got := textOf(imp.said); !strings.HasPrefix(got, "Imported 1 rows from people.csv") {
		t.Fatalf("the import says %q", got)
	}
	if members, _ := store.MembersOf(ctx, fin.ID); len(members) != 1 || members[0].Initials != "LH" {
		t.Errorf("Finance after the import: %v", members)
	}

	test.Tap(s.tools.newGroup)
	g := s.tools.group
	d.do(func() { g.code.SetText("qa"); g.name.SetText("Quality assurance") })
	test.Tap(g.save)
	d.settle()
	qa, err := store.GroupByCode(ctx, "QA")
	if err != nil || qa.Name != "Quality assurance" {
		t.Fatalf("the new group: %+v, %v (dialog says %q)", qa, err, g.problem.Text)
	}
	test.Tap(s.tools.editGroup)
	g = s.tools.group
	d.do(func() { g.which.SetSelected("QA Quality assurance") })
	if g.name.Text != "Quality assurance" {
		t.Fatalf("choosing the group shows the name %q", g.name.Text)
	}
	d.do(func() { g.name.SetText("Quality"); g.nameZH.SetText("品保") })
	test.Tap(g.save)
	d.settle()
	if qa, _ = store.GroupByCode(ctx, "QA"); qa.Name != "Quality" || qa.NameZH != "品保" {
		t.Errorf("after the rename: %+v (dialog says %q)", qa, g.problem.Text)
	}
	if evs, _ := store.EventsFor(ctx, "group", qa.ID); len(evs) != 2 {
		t.Errorf("the group's events: %v, want created and renamed", evs)
	}
	if !slices.Contains(s.groups.Options, "Quality 品保") {
		t.Errorf("the group boxes: %v", s.groups.Options)
	}
}

// TestAnotherPersonOpensAtTheTop: the form scrolled down to one person's
// groups opens the next person at its top.
func TestAnotherPersonOpensAtTheTop(t *testing.T) {
	store, boss, _, _ := peopleOffice(t)
	d := newDeskTest(t, store, boss)
	d.win.Resize(fyne.NewSize(1200, 500)) // a small screen, so the form scrolls
	d.shortcut(ShortcutSection(SectionPeople))
	d.settle()
	s := d.shell.people
	d.do(func() { s.list.Open(0) })
	sc := s.form.fields.scroll
	d.do(func() {
		sc.Offset = fyne.NewPos(0, 200)
		sc.Refresh()
	})
	if sc.Offset.Y == 0 {
		t.Fatal("the form did not scroll: the test shows nothing")
	}
	d.do(func() { s.list.Open(1) })
	if sc.Offset.Y != 0 {
		t.Errorf("the next person's form opened scrolled %v down", sc.Offset.Y)
	}
}
