package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/internal/testkit"
	"orderdesk/model"
)

// taipei is the office's time zone in tests, as in the model's (testkit's).
var taipei = testkit.Taipei

// testNow is the fixed time of every test store, so stamps and markup are stable.
var testNow = testkit.Start

// openTestStore opens a fresh SQLite database in t.TempDir() with a fixed clock.
func openTestStore(t testing.TB) *model.Store {
	t.Helper()
	s, err := model.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"),
		model.Options{Clock: func() time.Time { return testNow }, Location: taipei, Create: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// setup is the actor of fixture writes.
var setup = model.Actor{Name: "setup"}

// setupBy is the actor of fixture writes only a manager may make (a tier,
// a price plan): the store's first manager, else setup (a store with no
// manager accepts a new customer's defaults only).
func setupBy(t testing.TB, s *model.Store) model.Actor {
	t.Helper()
	people, err := s.Employees(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Manager {
			return p.Actor()
		}
	}
	return setup
}

// addEmployee saves an active employee.
func addEmployee(t testing.TB, s *model.Store, name, nameZH, initials string, manager bool) *model.Employee {
	t.Helper()
	e := &model.Employee{Name: name, NameZH: nameZH, Initials: initials, Active: true, Manager: manager}
	if err := s.SaveEmployee(context.Background(), peopleAdmin(t, s), e); err != nil {
		t.Fatalf("save employee %s: %v", name, err)
	}
	return e
}

// peopleAdmin is who may change the people of a test's office: its first
// active manager, or the setup of an office that has none yet.
func peopleAdmin(t testing.TB, s *model.Store) model.Actor {
	t.Helper()
	people, err := s.Employees(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range people {
		if e.Manager {
			return e.Actor()
		}
	}
	return setup
}

// addCustomer saves a customer with the defaults and the given code and
// names; edit changes it further before the save.
func addCustomer(t testing.TB, s *model.Store, code, nameZH, nameEN string, edit ...func(*model.Customer)) *model.Customer {
	t.Helper()
	c := model.NewCustomer()
	c.Code, c.NameZH, c.NameEN = code, nameZH, nameEN
	for _, fn := range edit {
		fn(c)
	}
	if err := s.SaveCustomer(context.Background(), setupBy(t, s), c); err != nil {
		t.Fatalf("save customer %s: %v", code, err)
	}
	return c
}

// addProduct saves a product.
func addProduct(t testing.TB, s *model.Store, code, nameZH string, edit ...func(*model.Product)) *model.Product {
	t.Helper()
	p := model.NewProduct()
	p.Code, p.NameZH = code, nameZH
	for _, fn := range edit {
		fn(p)
	}
	if err := s.SaveProduct(context.Background(), setup, p); err != nil {
		t.Fatalf("save product %s: %v", code, err)
	}
	return p
}

// addVendor saves an active vendor.
func addVendor(t testing.TB, s *model.Store, code, nameZH, nameEN string, edit ...func(*model.Vendor)) *model.Vendor {
	t.Helper()
	v := model.NewVendor()
	v.Code, v.NameZH, v.NameEN = code, nameZH, nameEN
	for _, fn := range edit {
		fn(v)
	}
	if err := s.SaveVendor(context.Background(), setup, v); err != nil {
		t.Fatalf("save vendor %s: %v", code, err)
	}
	return v
}

// deskTest is a shell on a test window and a real store, with a clerk chosen.
type deskTest struct {
	t     *testing.T
	app   fyne.App
	win   fyne.Window
	store *model.Store
	shell *Shell
	clerk *model.Employee
}

// newDeskTest opens the shell on store with clerk at the desk (nil: nobody
// chosen yet), showing the Customers section.
func newDeskTest(t *testing.T, store *model.Store, clerk *model.Employee) *deskTest {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(func() { forgetShortcuts(w.Canvas()); w.Close() })
	settings := NewSettings(a.Preferences())
	password := ""
	if clerk != nil {
		settings.SetEmployeeID(clerk.ID)
		ctx := context.Background()
		password = "demo" // the demo office's people have theirs
		if has, _ := store.HasPassword(ctx, clerk.ID); !has {
			password = testPassword
			if err := store.SetPassword(ctx, clerk.Actor(), clerk.ID, "", testPassword); err != nil {
				t.Fatal(err)
			}
		}
	}
	shell := Create(w, store, settings)
	w.Resize(fyne.NewSize(1400, 900))
	d := &deskTest{t: t, app: a, win: w, store: store, shell: shell, clerk: clerk}
	shell.Start()
	d.settle()
	if clerk != nil && len(store.Warnings) == 0 { // warnings come before the sign-in
		d.signIn(clerk, password)
	}
	return d
}

// testPassword is the password of every person a desk test signs in.
const testPassword = "test-pass"

// signIn types the clerk's password (testPassword, given them by
// newDeskTest if they had none, or the demo office's) into the sign-in the start opened for the
// remembered person, as the clerk would.
func (d *deskTest) signIn(clerk *model.Employee, password string) {
	d.t.Helper()
	if d.shell.signin == nil || d.focused() != d.shell.signin.password {
		d.t.Fatalf("the start did not ask %s for the password", clerk.Name)
	}
	d.typeText(password)
	d.key(fyne.KeyReturn)
	d.settle()
	if e := d.shell.desk.Employee(); e == nil || e.ID != clerk.ID {
		d.t.Fatalf("%s did not sign in: %s", clerk.Name, d.shell.signin.problem.Text)
	}
}

// show opens section i as the navigation does, and lands its loads.
func (d *deskTest) show(i int) {
	d.shell.Show(i)
	d.settle()
}

// settle lands every load and save under way (see run_test.go).
func (d *deskTest) settle() {
	d.t.Helper()
	settle(d.t)
}

// canvas returns the window's canvas.
func (d *deskTest) canvas() fyne.Canvas { return d.win.Canvas() }

// shortcut types a shortcut as the desktop driver delivers it: to the
// focused widget if it takes shortcuts, else to the canvas.
func (d *deskTest) shortcut(s fyne.Shortcut) {
	if f, ok := d.canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	} else {
		windowShortcuts[d.canvas()][s.ShortcutName()]()
	}
	d.settle()
}

// key types a key as the desktop driver delivers it: to the focused
// widget, else to the canvas.
func (d *deskTest) key(name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := d.canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := d.canvas().OnTypedKey(); h != nil {
		h(ev)
	}
	d.settle()
}

// typeText types into whatever has the focus, as the keyboard would.
func (d *deskTest) typeText(s string) {
	d.t.Helper()
	f := d.canvas().Focused()
	if f == nil {
		d.t.Fatalf("nothing has the focus to type %q into", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
	d.settle()
}

// tab moves the focus to the next field, as Tab does.
func (d *deskTest) tab() { d.canvas().FocusNext() }

// formStep is what is typed into one field of a form.
type formStep struct {
	field fyne.Focusable
	typed string
}

// typeThrough types each step into its field, starting in the focused
// one and pressing Tab between them; it fails when Tab lands anywhere
// else or on a field scrolled out of sight in form.
func (d *deskTest) typeThrough(form *FieldForm, steps []formStep) {
	d.t.Helper()
	for i, step := range steps {
		if i > 0 {
			d.tab()
		}
		if d.focused() != step.field {
			d.t.Fatalf("step %d: focus is on %T, want the field for %q", i, d.focused(), step.typed)
		}
		if !inView(form, step.field.(fyne.CanvasObject)) {
			d.t.Errorf("step %d: the focused field is scrolled out of sight", i)
		}
		d.typeText(step.typed)
	}
}

// do runs what a clerk's click or key does, then lands the loads it started.
func (d *deskTest) do(fn func()) {
	fn()
	d.settle()
}

// focused returns the focused object.
func (d *deskTest) focused() fyne.Focusable { return d.canvas().Focused() }

// relayout lays the window out afresh, as the desktop driver does each frame
// (the test canvas does not notice a label's text outgrowing its place).
func (d *deskTest) relayout() {
	size := d.win.Canvas().Size()
	d.win.Resize(size.SubtractWidthHeight(100, 100))
	d.win.Resize(size)
}
