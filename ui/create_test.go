package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// TestStartAsksWhoIsAtTheDesk picks the clerk from the searchable list at
// the first start; the choice is remembered and named in the title, and
// every write is made as that person.
func TestStartAsksWhoIsAtTheDesk(t *testing.T) {
	store := openTestStore(t)
	addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	amy := addEmployee(t, store, "Amy Chen", "陳美", "AC", false)
	gone := addEmployee(t, store, "Old Timer", "", "OT", false)
	if err := store.SetEmployeeActive(context.Background(), peopleAdmin(t, store), gone.ID, false, "retired"); err != nil {
		t.Fatal(err)
	}
	d := newDeskTest(t, store, nil)
	p := d.shell.picker
	if p == nil || d.canvas().Overlays().Top() == nil {
		t.Fatal("nobody is at the desk and nobody was asked")
	}
	if p.list.Count() != 2 {
		t.Errorf("the picker offers %d people, want the 2 active ones", p.list.Count())
	}
	if d.focused() != p.search {
		t.Errorf("the picker opened with the focus on %T", d.focused())
	}
	d.typeText("陳")
	d.key(fyne.KeyReturn)
	d.settle()
	// Amy has no password yet: she chooses her first one.
	d.typeText("amy-secret")
	d.key(fyne.KeyReturn)
	d.typeText("amy-secret")
	d.key(fyne.KeyReturn)
	d.settle()
	if d.shell.desk.Employee() == nil || d.shell.desk.Employee().ID != amy.ID {
		t.Fatalf("the desk is %v after choosing Amy", d.shell.desk.Employee())
	}
	if d.canvas().Overlays().Top() != nil {
		t.Error("the picker is still open")
	}
	if got := d.win.Title(); got != "OrderDesk — Amy Chen 陳美 (AC)" {
		t.Errorf("title %q", got)
	}
	if d.shell.settings.EmployeeID() != amy.ID {
		t.Error("the choice is not remembered")
	}

	c := d.shell.customers
	d.shortcut(ShortcutNew)
	d.typeText("C0009")
	d.tab()
	d.typeText("新竹紙業")
	d.shortcut(ShortcutSave)
	saved, err := store.CustomerByCode(context.Background(), "C0009")
	if err != nil || saved.CreatedBy != "Amy Chen" {
		t.Errorf("saved %v by %q, want by Amy Chen (%q)", err, saved.CreatedBy, c.form.fields.Other.Text)
	}

	// The next start asks her (pre-selected) for her password, not who she is.
	// (newDeskTest signs in someone who has a password with the demo's.)
	if err := store.SetPassword(context.Background(), amy.Actor(), amy.ID, "amy-secret", "demo"); err != nil {
		t.Fatal(err)
	}
	d2 := newDeskTest(t, store, amy)
	if d2.shell.picker != nil || d2.shell.desk.Employee().ID != amy.ID {
		t.Error("a remembered active employee was asked who she is again")
	}
}

// TestSwitchPerson switches the person from the Settings screen.
func TestSwitchPerson(t *testing.T) {
	store := openTestStore(t)
	ken := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	amy := addEmployee(t, store, "Amy Chen", "陳美", "AC", false)
	if err := store.SetPassword(context.Background(), amy.Actor(), amy.ID, "", "amy-secret"); err != nil {
		t.Fatal(err)
	}
	d := newDeskTest(t, store, ken)
	d.show(SectionSettings)
	test.Tap(d.shell.prefs.switchPerson)
	d.settle()
	d.typeText("ac")
	d.key(fyne.KeyDown)
	d.key(fyne.KeyReturn)
	d.settle()
	// A wrong password is refused in the dialog; Ken stays at the desk.
	d.typeText("not-hers")
	d.key(fyne.KeyReturn)
	d.settle()
	if got := d.shell.signin.problem.Text; got != "The name or the password is wrong." {
		t.Errorf("after a wrong password the dialog says %q", got)
	}
	if d.shell.desk.Employee().ID != ken.ID || d.canvas().Overlays().Top() == nil {
		t.Fatal("a wrong password switched the person or closed the dialog")
	}
	d.typeText("amy-secret")
	d.key(fyne.KeyReturn)
	d.settle()
	if got := d.shell.prefs.person.Text; got != "Amy Chen 陳美 (AC)" {
		t.Errorf("Who I am shows %q", got)
	}
}

// TestSectionShortcuts jumps to each section with Ctrl+1…8, also while the
// cursor is in a field.
func TestSectionShortcuts(t *testing.T) {
	store := openTestStore(t)
	ken := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, ken)
	d.canvas().Focus(d.shell.customers.search)
	for i := SectionSettings; i >= SectionOrders; i-- {
		d.shortcut(ShortcutSection(i))
		if got := d.shell.tabs.SelectedIndex(); got != i {
			t.Errorf("Ctrl+%d selected section %d", i+1, got)
		}
	}
}

// TestWarningsShownOncePerDatabase shows the store's warnings at the first
// start on a database and not again.
func TestWarningsShownOncePerDatabase(t *testing.T) {
	store := openTestStore(t)
	ken := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	store.Warnings = []model.Msg{model.M("The database file {{.Path}} is on a network share ({{.How}}).", "Path", store.Path, "How", "nfs")}
	d := newDeskTest(t, store, ken)
	if d.canvas().Overlays().Top() == nil {
		t.Fatal("no warning shown")
	}
	if !strings.Contains(markupText(d.canvas().Overlays().Top()), "is on a network share (nfs).") {
		t.Errorf("the warning dialog does not say the warning")
	}
	if !d.shell.settings.Warned(store.Path) {
		t.Error("the warning is not remembered")
	}

	w2 := test.NewWindow(nil)
	defer w2.Close()
	again := Create(w2, store, d.shell.settings)
	again.Start()
	settle(t)
	// The second start asks only for Ken's password.
	if top := w2.Canvas().Overlays().Top(); top == nil || strings.Contains(markupText(top), "network share") {
		t.Error("the warning was shown a second time, or nobody was asked to sign in")
	}
}

// markupText returns the texts of the labels and text objects under o.
func markupText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, c := range test.LaidOutObjects(o) {
		switch x := c.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	}
	return b.String()
}

// TestStartupErrorSaysWhatHappened shows a refusal as the clerk's sentence.
func TestStartupErrorSaysWhatHappened(t *testing.T) {
	test.NewTempApp(t)
	closed := false
	err := model.Refuse("This database was written by a newer OrderDesk (schema {{.Have}}; this version reads schema {{.Max}} at most). Install the newer OrderDesk; the file was not changed.", "Have", 3, "Max", 1)
	w := test.NewWindow(startupErrorContent(err, func() { closed = true }))
	defer w.Close()
	text := markupText(w.Content())
	if !strings.Contains(text, "written by a newer OrderDesk (schema 3; this version reads schema 1 at most)") ||
		!strings.Contains(text, "Nothing was changed.") {
		t.Errorf("the window says %q", text)
	}
	raw := startupErrorContent(errors.New("sql: driver: bad connection"), func() {})
	if strings.Contains(markupText(raw), "driver") {
		t.Error("a raw driver error reached the clerk")
	}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
			test.Tap(b)
		}
	}
	if !closed {
		t.Error("Close did not close")
	}
}

// TestSayTranslatesModelWords fills a model sentence, translating the
// English words the model puts in its data but not codes or names.
func TestSayTranslatesModelWords(t *testing.T) {
	c := &model.ConflictError{What: "customer C0012", By: "Amy Chen"}
	if got := Say(c.Msg()); !strings.HasPrefix(got, "customer C0012 was changed by Amy Chen") {
		t.Errorf("Say(conflict) = %q", got)
	}
	if got := sayWord("Width (mm)"); got != "Width (mm)" {
		t.Errorf("sayWord = %q", got)
	}
	if got := sayWord("C0012"); got != "C0012" {
		t.Errorf("a code was changed to %q", got)
	}
	if Say(model.Msg{}) != "" || SayErr(nil) != "" {
		t.Error("nothing to say should say nothing")
	}
}

// TestCloseAsksOverUnsavedChanges asks before the window closes over a
// half-entered customer.
func TestCloseAsksOverUnsavedChanges(t *testing.T) {
	store := openTestStore(t)
	ken := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, ken)
	d.shortcut(ShortcutNew)
	d.typeText("C0100")
	d.shell.CloseIntercept()
	if d.canvas().Overlays().Top() == nil {
		t.Error("closing over unsaved changes did not ask")
	}
}
