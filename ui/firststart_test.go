package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// firstStartTest is the first start on an empty database, with the demo
// maker counting its calls.
func firstStartTest(t *testing.T) (*firstStart, *model.Store, *[]*model.Store, *int) {
	t.Helper()
	test.NewTempApp(t)
	store := openTestStore(t)
	var readyWith []*model.Store
	demos := 0
	open := func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{Create: true})
	}
	makeDemo := func(ctx context.Context, s *model.Store) error {
		demos++
		m := &model.Employee{Name: "Demo Boss", Initials: "DB"}
		if err := s.SetUpOffice(ctx, model.DefaultOffice(), m, "demo"); err != nil {
			return err
		}
		o, _ := s.Office(ctx)
		o.Demo = true // as demo.Create marks it
		return s.SaveOffice(ctx, m.Actor(), o)
	}
	f := newFirstStart(store, open, makeDemo, func(s *model.Store, _ *model.Employee) { readyWith = append(readyWith, s) })
	w := test.NewWindow(f.Content())
	t.Cleanup(w.Close)
	return f, store, &readyWith, &demos
}

// TestFirstStartSetsUpTheOffice types the company and its first manager:
// the database gets that office and no demo data.
func TestFirstStartSetsUpTheOffice(t *testing.T) {
	f, store, ready, demos := firstStartTest(t)
	test.Tap(f.setUp)
	test.Type(f.nameZH, "大同紙業")
	test.Type(f.phone, "02-2345-6789")
	test.Type(f.taxID, "12345678")
	test.Type(f.managerName, "Ann Boss")
	test.Type(f.managerCode, "AB")
	test.Type(f.password, "first-pw")
	test.Type(f.again, "first-pw")
	test.Tap(f.create)
	settle(t)
	if len(*ready) != 1 || (*ready)[0] != store || *demos != 0 {
		t.Fatalf("ready with %v, demos made %d; want the same store and no demo (%s)", *ready, *demos, f.problem.Text)
	}
	ctx := context.Background()
	if e, err := store.SignIn(ctx, "AB", "first-pw"); err != nil || !e.Manager {
		t.Errorf("the first manager signs in: %v, %v", e, err)
	}
	o, _ := store.Office(ctx)
	if o.CompanyNameZH != "大同紙業" || o.CompanyTaxID != "12345678" || o.Demo {
		t.Errorf("office %+v", o)
	}
	if _, err := os.Stat(store.DemoPath()); !os.IsNotExist(err) {
		t.Errorf("a demo file was made: %v", err)
	}
}

// TestFirstStartTakesTheKeyboard: "Set up my office" puts the cursor in
// the company's name, the form is filled by Tab, and Enter at the last
// field creates the office.
func TestFirstStartTakesTheKeyboard(t *testing.T) {
	f, store, ready, _ := firstStartTest(t)
	test.Tap(f.setUp)
	c := fyne.CurrentApp().Driver().CanvasForObject(f.setUp)
	if c == nil || c.Focused() != f.nameZH {
		t.Fatalf("after Set up my office the keyboard is on %T, want the company's name", c.Focused())
	}
	for _, text := range []string{"大同紙業", "Tatung Paper", "", "", "", "", "Ann Boss", "AB", "first-pw"} {
		test.Type(c.Focused(), text)
		c.FocusNext()
	}
	if c.Focused() != f.again {
		t.Fatalf("Tab through the form ends on %T, not the password's repeat", c.Focused())
	}
	test.Type(f.again, "first-pw")
	f.again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(t)
	if len(*ready) != 1 {
		t.Fatalf("Enter did not create the office: %q", f.problem.Text)
	}
	if _, err := store.SignIn(context.Background(), "AB", "first-pw"); err != nil {
		t.Errorf("the manager typed by keyboard cannot sign in: %v", err)
	}
}

// TestFirstStartExploresTheDemoBeside opens the demo office in its own
// file beside the database, which stays empty.
func TestFirstStartExploresTheDemoBeside(t *testing.T) {
	f, store, ready, demos := firstStartTest(t)
	test.Tap(f.explore)
	settle(t)
	if len(*ready) != 1 || *demos != 1 {
		t.Fatalf("ready %d times, demo made %d times (%s)", len(*ready), *demos, f.problem.Text)
	}
	ds := (*ready)[0]
	defer ds.Close()
	if ds.Path != filepath.Join(filepath.Dir(store.Path), "orderdesk-demo.db") {
		t.Errorf("the demo is in %s", ds.Path)
	}
	if empty, _ := store.IsEmpty(context.Background()); !empty {
		t.Error("the real database got people")
	}
	if o, _ := ds.Office(context.Background()); !o.Demo {
		t.Error("the demo office is not marked as the demo")
	}
}

// TestFirstStartSaysTheOfficeIsBeingPrepared: while the demo office is
// made (seconds: a few hundred orders), the window says so in plain words
// with a busy bar, not as a red problem and not as empty boxes (issue 18
// item 9); both go once it is ready.
func TestFirstStartSaysTheOfficeIsBeingPrepared(t *testing.T) {
	f, _, ready, _ := firstStartTest(t)
	test.Tap(f.explore) // the demo is made when the test settles
	if !f.preparing.Visible() || !strings.Contains(f.preparing.Text, "Preparing the demo office") || !f.busy.Visible() {
		t.Errorf("while the demo office is made the window shows %q (busy bar shown: %v)", f.preparing.Text, f.busy.Visible())
	}
	if f.problem.Visible() && f.problem.Text != "" {
		t.Errorf("the preparation reads as a problem: %q", f.problem.Text)
	}
	settle(t)
	if len(*ready) != 1 {
		t.Fatalf("the demo office did not open: %q", f.problem.Text)
	}
	if f.preparing.Visible() || f.busy.Visible() {
		t.Error("the preparing note stays once the office is ready")
	}
}

// TestFirstStartSignsTheManagerIn: after Create the office, the desk opens
// with the new manager signed in, uncovered, on Orders; they are not asked
// for the password they have just typed twice.
func TestFirstStartSignsTheManagerIn(t *testing.T) {
	a := test.NewTempApp(t)
	store := openTestStore(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1400, 900))
	settings := NewSettings(a.Preferences())
	var shell *Shell
	t.Cleanup(func() { forgetShortcuts(w.Canvas()); w.Close() })
	f := newFirstStart(store, nil, nil, func(s *model.Store, signedIn *model.Employee) {
		shell = openDesk(w, s, settings, signedIn)
	})
	w.SetContent(f.Content())
	test.Tap(f.setUp)
	test.Type(f.nameZH, "大同紙業")
	test.Type(f.managerName, "Ann Boss")
	test.Type(f.managerCode, "AB")
	test.Type(f.password, "first-pw")
	test.Type(f.again, "first-pw")
	test.Tap(f.create)
	settle(t)
	if shell == nil {
		t.Fatalf("the desk did not open: %s", f.problem.Text)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the new manager is asked again: %q", markupText(top))
	}
	if e := shell.desk.Employee(); e == nil || e.Initials != "AB" || !e.Manager {
		t.Fatalf("the desk after setting up the office: %v", e)
	}
	if shell.deskCovered() || shell.tabs.SelectedIndex() != SectionOrders {
		t.Errorf("the desk is covered (%v) or not on Orders (%d)", shell.deskCovered(), shell.tabs.SelectedIndex())
	}
	if settings.EmployeeID() != shell.desk.Employee().ID {
		t.Error("the manager is not remembered at this desk")
	}
	if f := w.Canvas().Focused(); f != shell.orders.list.search {
		t.Errorf("the new office opens with the keyboard on %T, want the orders' search", f)
	}
}

// TestFirstStartSaysWhyTheOfficeWasRefused: a refused set-up says why, on
// screen, every time: the busy line hid the problem label, and the
// refusal was then written into a hidden label (a phone of "02-1" left
// "Create the office" doing nothing visible).
func TestFirstStartSaysWhyTheOfficeWasRefused(t *testing.T) {
	f, _, ready, _ := firstStartTest(t)
	test.Tap(f.setUp)
	test.Type(f.nameZH, "大同紙業")
	test.Type(f.phone, "02-1")
	test.Type(f.managerName, "Ann Boss")
	test.Type(f.managerCode, "AB")
	test.Type(f.password, "first-pw")
	test.Type(f.again, "first-pw")
	for try := 1; try <= 2; try++ {
		test.Tap(f.create)
		settle(t)
		if len(*ready) != 0 {
			t.Fatalf("try %d: the office was set up with a phone of 02-1", try)
		}
		if !f.problem.Visible() || !strings.Contains(f.problem.Text, "Phone: 02-1 is too short for a phone number.") {
			t.Errorf("try %d: the refusal is not on screen at its field's name (shown %v, %q)", try, f.problem.Visible(), f.problem.Text)
		}
	}
}
