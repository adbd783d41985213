package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// openedDialog is what a kind of dialog shows a test: the input typed in,
// the line or form that says a failure, and the confirm button.
type openedDialog struct {
	input   *Entry
	problem func() string
	confirm *widget.Button
}

// TestEveryDialogKeepsAFailedSave: each kind of dialog that saves through
// submitDialog, given what the model refuses, stays open saying why with
// what was typed still in it (a password box alone is emptied, on
// purpose); given what it takes, it closes and the save is stored.
func TestEveryDialogKeepsAFailedSave(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		// open opens the dialog on a desk signed in as a manager.
		open      func(t *testing.T, d *deskTest) openedDialog
		bad, good string // typed one after the other into the input
		emptied   bool   // the input is emptied after a failure (a password)
		saved     func(t *testing.T, d *deskTest) bool
	}{
		{name: "reason (deactivate a customer)", bad: "   ", good: "Merged into C0002",
			open: func(t *testing.T, d *deskTest) openedDialog {
				addCustomer(t, d.store, "C0001", "萬國紙業", "Wan Kuo Paper")
				d.show(SectionCustomers)
				s := d.shell.customers
				d.do(s.list.Reload)
				d.settle()
				d.do(func() { s.list.Open(0) })
				d.settle()
				test.Tap(s.deactivate)
				return openedDialog{s.reason.reason, func() string { return s.reason.problem.Text }, s.reason.confirm}
			},
			saved: func(t *testing.T, d *deskTest) bool {
				c, _ := d.store.Customer(ctx, d.shell.customers.form.stored.ID)
				return c != nil && !c.Active
			}},
		{name: "reason over the contact dialog (deactivate a contact)", bad: " ", good: "Left the company",
			open: func(t *testing.T, d *deskTest) openedDialog {
				c := addCustomer(t, d.store, "C0001", "萬國紙業", "Wan Kuo Paper")
				ct := &model.Contact{CustomerID: &c.ID, Name: "王小明"}
				if err := d.store.SaveContact(ctx, d.clerk.Actor(), ct); err != nil {
					t.Fatal(err)
				}
				d.show(SectionCustomers)
				s := d.shell.customers
				d.do(s.list.Reload)
				d.settle()
				d.do(func() { s.list.Open(0) })
				d.settle()
				d.do(func() { s.contacts.edit(ct) })
				dlg := s.contacts.editor
				d.do(func() { dlg.title.SetText("採購經理") }) // typed, not saved: kept while the reason is asked
				test.Tap(dlg.deactivate)
				if dlg.reason == nil || dlg.title.Text != "採購經理" {
					t.Fatal("Deactivate did not ask the reason over the contact as typed")
				}
				return openedDialog{dlg.reason.reason, func() string { return dlg.reason.problem.Text }, dlg.reason.confirm}
			},
			saved: func(t *testing.T, d *deskTest) bool {
				cs, _ := d.store.ContactsOf(ctx, d.shell.customers.form.stored.ID)
				return len(cs) == 0
			}},
		{name: "new group", bad: "Q A!", good: "",
			open: func(t *testing.T, d *deskTest) openedDialog {
				d.show(SectionPeople)
				s := d.shell.people
				test.Tap(s.tools.newGroup)
				g := s.tools.group
				d.do(func() { g.name.SetText("Quality assurance") })
				return openedDialog{g.code, func() string { return g.problem.Text }, g.save}
			},
			saved: func(t *testing.T, d *deskTest) bool {
				g, err := d.store.GroupByCode(ctx, "QA")
				return err == nil && g.Name == "Quality assurance"
			}},
		{name: "set a password", bad: "abc", good: "d-new",
			open: func(t *testing.T, d *deskTest) openedDialog {
				yc := addEmployee(t, d.store, "Chen Yi-chun", "", "YC", false)
				d.show(SectionPeople)
				s := d.shell.people
				s.openRecord(yc.ID)
				d.settle()
				test.Tap(s.password)
				return openedDialog{s.setPw.entry, func() string { return s.setPw.problem.Text }, s.setPw.set}
			},
			saved: func(t *testing.T, d *deskTest) bool {
				_, err := d.store.SignIn(ctx, "YC", "abcd-new")
				return err == nil
			}},
		{name: "sign in (switch person)", bad: "wrong", good: testPassword, emptied: true,
			open: func(t *testing.T, d *deskTest) openedDialog {
				d.shell.askPassword(*d.clerk, true)
				d.settle()
				si := d.shell.signin
				return openedDialog{si.password, func() string { return si.problem.Text }, si.ok}
			},
			saved: func(t *testing.T, d *deskTest) bool { return d.shell.desk.Employee() != nil }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			store := openTestStore(t)
			boss := addEmployee(t, store, "Wang Mei-ling", "王美玲", "ML", true)
			d := newDeskTest(t, store, boss)
			dlg := tc.open(t, d)
			open := len(d.canvas().Overlays().List())
			if open == 0 {
				t.Fatal("no dialog opened")
			}
			d.do(func() { d.canvas().Focus(dlg.input) })
			d.typeText(tc.bad)
			test.Tap(dlg.confirm)
			d.settle()
			if n := len(d.canvas().Overlays().List()); n != open {
				t.Fatalf("a refused save left %d dialogs open, want %d", n, open)
			}
			if dlg.problem() == "" {
				t.Error("the dialog does not say why the save failed")
			}
			want := tc.bad
			if tc.emptied {
				want = ""
			}
			if dlg.input.Text != want {
				t.Errorf("after the failure the input holds %q, want %q", dlg.input.Text, want)
			}
			if dlg.confirm.Disabled() {
				t.Error("confirm stays disabled after the failure")
			}
			if tc.name == "new group" {
				d.do(func() { dlg.input.SetText("qa") })
			} else {
				d.do(func() { d.canvas().Focus(dlg.input) })
				d.typeText(tc.good)
			}
			test.Tap(dlg.confirm)
			d.settle()
			if n := len(d.canvas().Overlays().List()); n != 0 { // the contact's own dialog closes too
				t.Errorf("after a good save %d dialogs are open, want none (says %q)", n, dlg.problem())
			}
			if !tc.saved(t, d) {
				t.Errorf("the good save is not stored (the dialog says %q)", dlg.problem())
			}
		})
	}
}
