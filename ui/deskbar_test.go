package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestDeskBarSaysWhoIsSignedIn: above the sections the desk names the
// person signed in (initials and name); Lock asks the same person's
// password over the screen as it was, and Sign out covers the desk and
// lets the next person pick themselves and sign in, whom the bar then names.
func TestDeskBarSaysWhoIsSignedIn(t *testing.T) {
	store := demoStore(t, 0)
	d := newDeskTest(t, store, employee(t, store, "YC"))
	bar := d.shell.bar
	if bar.initials.Text != "YC" || bar.name.Text == "" || !shownText(d.canvas(), bar.name.Text) {
		t.Fatalf("the bar shows %q %q", bar.initials.Text, bar.name.Text)
	}
	if !shownText(d.canvas(), "Sign out") || !shownText(d.canvas(), "Lock") {
		t.Error("Sign out and Lock are not on the desk")
	}

	d.do(func() { test.Tap(bar.lock) })
	if !d.shell.deskCovered() || d.shell.signin == nil || d.focused() != d.shell.signin.password {
		t.Fatalf("Lock did not cover the desk and ask for the password (covered %v)", d.shell.deskCovered())
	}
	d.typeText("demo")
	d.key(fyne.KeyReturn)
	if d.shell.deskCovered() || d.shell.desk.Employee().Initials != "YC" {
		t.Fatal("the password did not unlock the desk for the same person")
	}

	d.do(func() { test.Tap(bar.signOut) })
	if !d.shell.deskCovered() || d.shell.picker == nil || d.shell.cover.said.Text != "Signed out. Sign in to use the desk." {
		t.Fatalf("Sign out did not cover the desk (%v) and ask who comes next (%v): %q", d.shell.deskCovered(), d.shell.picker != nil, d.shell.cover.said.Text)
	}
	d.typeText("ML")
	d.key(fyne.KeyReturn)
	d.typeText("demo")
	d.key(fyne.KeyReturn)
	if e := d.shell.desk.Employee(); e == nil || e.Initials != "ML" || d.shell.deskCovered() {
		t.Fatalf("after Sign out ML signed in: %v (covered %v)", e, d.shell.deskCovered())
	}
	if bar.initials.Text != "ML" || !shownText(d.canvas(), bar.name.Text) {
		t.Errorf("the bar names %q %q after ML signed in", bar.initials.Text, bar.name.Text)
	}
}
