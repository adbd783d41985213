package ui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestNothingOfTheDeskBeforeSignIn: until someone signs in, the desk is
// covered: no order of the list is drawn, no section has the keyboard and
// Ctrl+N opens nothing, even while the sign-in has not appeared yet (a
// loaded machine). The menu's Switch person signs in, and the orders are
// there, with the cursor in their search.
func TestNothingOfTheDeskBeforeSignIn(t *testing.T) {
	store := demoStore(t, 5)
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(func() { forgetShortcuts(w.Canvas()); w.Close() })
	w.Resize(fyne.NewSize(1400, 900))
	d := &deskTest{t: t, app: a, win: w, store: store}
	d.shell = openDesk(w, store, NewSettings(a.Preferences()), nil) // as the window starts
	d.settle()
	if d.shell.picker == nil {
		t.Fatal("nobody was asked who they are")
	}
	d.do(func() { d.canvas().Overlays().Remove(d.canvas().Overlays().Top()) }) // the sign-in, not shown yet
	d.shortcut(ShortcutSection(SectionOrders))
	if shownText(d.canvas(), "SO-") {
		t.Error("an order can be read before anyone signed in")
	}
	if !shownText(d.canvas(), "Sign in to use the desk.") {
		t.Error("the cover does not say why the desk is hidden")
	}
	if f := d.focused(); f != nil {
		t.Errorf("%T has the keyboard before anyone signed in", f)
	}
	d.shortcut(ShortcutNew)
	if d.canvas().Overlays().Top() != nil || d.shell.orders.page() == d.shell.orders.intake.content {
		t.Error("Ctrl+N acted on the hidden desk before anyone signed in")
	}

	switchPerson := d.win.MainMenu().Items[0].Items[0]
	d.do(switchPerson.Action)
	d.typeText("YC")
	d.key(fyne.KeyReturn)
	d.typeText("demo")
	d.key(fyne.KeyReturn)
	if e := d.shell.desk.Employee(); e == nil || e.Initials != "YC" {
		t.Fatalf("Switch person did not sign YC in: %v", e)
	}
	if !shownText(d.canvas(), "SO-") || shownText(d.canvas(), "Sign in to use the desk.") {
		t.Error("the orders are not shown once someone signed in")
	}
	if d.focused() != d.shell.orders.list.search {
		t.Errorf("after the sign-in the keyboard is in %T, want the orders' search", d.focused())
	}
}

// failingRoster cannot list the people.
type failingRoster struct{}

func (failingRoster) Employees(context.Context, bool) ([]model.Employee, error) {
	return nil, errors.New("database is locked")
}

// TestCoverSaysWhyNobodyCanSignIn: when the people cannot be loaded the
// desk stays covered, saying why, and Try again asks again once they can.
func TestCoverSaysWhyNobodyCanSignIn(t *testing.T) {
	store := openTestStore(t)
	ken := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, nil)
	d.do(func() { d.canvas().Overlays().Remove(d.canvas().Overlays().Top()) })
	d.shell.roster = failingRoster{}
	d.do(d.shell.restoreEmployee)
	c := d.shell.cover
	if !d.shell.deskCovered() || !c.problem.Visible() || c.problem.Text == "" || !c.retry.Visible() {
		t.Fatalf("a failed load: covered %v, says %q, Try again shown %v", d.shell.deskCovered(), c.problem.Text, c.retry.Visible())
	}
	if d.canvas().Overlays().Top() != nil {
		t.Error("a dialog hides the reason")
	}
	d.shell.roster = store
	d.do(c.retry.OnTapped)
	if d.shell.picker == nil || d.canvas().Overlays().Top() == nil {
		t.Fatal("Try again did not ask who is at the desk")
	}
	d.typeText("KS")
	d.key(fyne.KeyReturn)
	d.typeText("ken-pass")
	d.key(fyne.KeyReturn)
	d.typeText("ken-pass")
	d.key(fyne.KeyReturn)
	if e := d.shell.desk.Employee(); e == nil || e.ID != ken.ID || d.shell.deskCovered() {
		t.Errorf("after Try again: %v at the desk, covered %v", e, d.shell.deskCovered())
	}
}
