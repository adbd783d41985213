package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/service"
)

// turnedClock is a clock a test turns forward.
type turnedClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *turnedClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *turnedClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// idleDesk is a desk of an office that locks after lockMinutes, with the
// clerk signed in, a new customer half typed, and a clock the test turns.
func idleDesk(t *testing.T, lockMinutes int) (*deskTest, *model.Employee, *turnedClock) {
	t.Helper()
	store := openTestStore(t)
	boss := addEmployee(t, store, "Wang Mei-ling", "王美玲", "ML", true)
	ctx := context.Background()
	o, err := store.Office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o.LockMinutes = lockMinutes
	if err := store.SaveOffice(ctx, boss.Actor(), o); err != nil {
		t.Fatal(err)
	}
	d := newDeskTest(t, store, boss)
	clock := &turnedClock{t: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	d.do(func() { d.shell.idle.now = clock.now; d.shell.idle.unlock() })
	d.show(SectionCustomers)
	d.shortcut(ShortcutNew)
	d.do(func() { d.win.Canvas().Focus(d.shell.customers.form.nameZH) })
	d.typeText("萬國")
	return d, boss, clock
}

// idleCheck runs the idle job's check as its 15-second timer would.
func (d *deskTest) idleCheck() {
	d.shell.sched.RunNow(service.JobIdleLock)
	d.settle()
}

// TestIdleLockAsksThePasswordAndKeepsTheForm: after the office's idle
// minutes without input the desk asks the same person's password over the
// screen as it was; typing resets the count; a wrong password keeps it
// locked; the right one unlocks it with the half-typed form intact. With
// 0 minutes the desk never locks.
func TestIdleLockAsksThePasswordAndKeepsTheForm(t *testing.T) {
	d, boss, clock := idleDesk(t, 5)
	if d.shell.catcher == nil {
		t.Error("a desk that locks has no catcher for the mouse")
	}
	before := d.shell.signin // the start's sign-in

	clock.add(4 * time.Minute)
	d.idleCheck()
	d.typeText("紙") // input 4 minutes in: the count starts again
	clock.add(4 * time.Minute)
	d.idleCheck()
	if d.shell.idle.locked || d.shell.signin != before {
		t.Fatal("the desk locked 4 minutes after the last input, with 5 to wait")
	}

	clock.add(time.Minute)
	d.idleCheck()
	si := d.shell.signin
	if !d.shell.idle.locked || si == before || d.win.Canvas().Overlays().Top() == nil || d.focused() != si.password {
		t.Fatal("5 idle minutes did not ask for the password")
	}
	if si.employee.ID != boss.ID {
		t.Errorf("the lock asks %s, want the person at the desk", si.employee.Name)
	}
	d.shortcut(ShortcutSave) // behind the lock nothing is saved
	if n, _ := d.store.CountCustomers(context.Background(), model.ListFilter{IncludeInactive: true}); n != 0 {
		t.Errorf("Ctrl+S behind the lock saved %d customers", n)
	}

	d.typeText("wrong")
	d.key(fyne.KeyReturn)
	if !d.shell.idle.locked || si.problem.Text == "" {
		t.Fatalf("a wrong password unlocked the desk (%q)", si.problem.Text)
	}
	d.typeText(testPassword)
	d.key(fyne.KeyReturn)
	if d.shell.idle.locked || d.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the password did not unlock the desk: %q", si.problem.Text)
	}
	if got := d.shell.customers.form.nameZH.Text; got != "萬國紙" {
		t.Errorf("the half-typed customer after the lock: %q", got)
	}
	if e := d.shell.desk.Employee(); e == nil || e.ID != boss.ID {
		t.Errorf("the desk after the lock: %v", e)
	}

	t.Run("0 never locks", func(t *testing.T) {
		d, _, clock := idleDesk(t, 0)
		clock.add(24 * time.Hour)
		d.idleCheck()
		if d.shell.idle.locked || d.shell.catcher != nil {
			t.Error("an office that never locks locked the desk or watches the mouse")
		}
	})
}

// TestIdleCatcherCountsTheMouse: moving the mouse over the window (where no
// widget hears it) counts as input.
func TestIdleCatcherCountsTheMouse(t *testing.T) {
	d, _, clock := idleDesk(t, 5)
	clock.add(4 * time.Minute)
	d.do(func() { d.shell.catcher.MouseMoved(nil) })
	clock.add(4 * time.Minute)
	d.idleCheck()
	if d.shell.idle.locked {
		t.Error("the desk locked 4 minutes after the mouse moved")
	}
}

// pointerMoved moves the pointer to pos as the desktop driver does
// (fyne's internal/driver/glfw processMouseMoved): every
// desktop.Cursorable under it is asked for its cursor, top layer only,
// then the one hoverable on top gets the move (test.MoveMouse, which
// asks no cursor).
func pointerMoved(c fyne.Canvas, pos fyne.Position) {
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	walkShown(root, fyne.Position{}, func(o fyne.CanvasObject, at fyne.Position) {
		if at.X <= pos.X && at.Y <= pos.Y && pos.X < at.X+o.Size().Width && pos.Y < at.Y+o.Size().Height {
			if cu, ok := o.(desktop.Cursorable); ok {
				cu.Cursor()
			}
		}
	})
	test.MoveMouse(c, pos)
}

// walkShown calls fn with every shown object under o and its position in
// the canvas, through containers and widgets' renderers.
func walkShown(o fyne.CanvasObject, parent fyne.Position, fn func(fyne.CanvasObject, fyne.Position)) {
	if !o.Visible() {
		return
	}
	at := parent.Add(o.Position())
	fn(o, at)
	switch v := o.(type) {
	case *fyne.Container:
		for _, k := range v.Objects {
			walkShown(k, at, fn)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(v).Objects() {
			walkShown(k, at, fn)
		}
	}
}

// TestIdleCountsThePointerOverButtons: moving the pointer over a button
// (which takes the hover from everything under it) counts as input, and a
// click there still reaches the button.
func TestIdleCountsThePointerOverButtons(t *testing.T) {
	d, _, clock := idleDesk(t, 5)
	var button *widget.Button
	var at fyne.Position
	walkShown(d.canvas().Content(), fyne.Position{}, func(o fyne.CanvasObject, p fyne.Position) {
		if b, ok := o.(*widget.Button); ok && button == nil && !b.Disabled() && b.OnTapped != nil {
			button, at = b, p.AddXY(b.Size().Width/2, b.Size().Height/2)
		}
	})
	if button == nil {
		t.Fatal("no button on the desk")
	}
	clock.add(4 * time.Minute)
	d.do(func() { pointerMoved(d.canvas(), at) })
	clock.add(4 * time.Minute)
	d.idleCheck()
	if d.shell.idle.locked {
		t.Errorf("the desk locked 4 minutes after the pointer moved over %q", button.Text)
	}
	tapped := false
	old := button.OnTapped
	button.OnTapped = func() { tapped = true }
	d.do(func() { test.TapCanvas(d.canvas(), at) })
	button.OnTapped = old
	if !tapped {
		t.Errorf("a click on %q no longer reaches it", button.Text)
	}
}

// shownText reports whether text is drawn anywhere on the canvas,
// overlays included.
func shownText(c fyne.Canvas, text string) bool {
	found := false
	look := func(o fyne.CanvasObject, _ fyne.Position) {
		if tx, ok := o.(*canvas.Text); ok && strings.Contains(tx.Text, text) {
			found = true
		}
	}
	walkShown(c.Content(), fyne.Position{}, look)
	for _, o := range c.Overlays().List() {
		walkShown(o, fyne.Position{}, look)
	}
	return found
}

// TestIdleLockCoversTheDesk: behind the lock's password nothing of the
// desk can be read (the half-typed customer's name is drawn nowhere);
// unlocked, it is there again.
func TestIdleLockCoversTheDesk(t *testing.T) {
	d, _, clock := idleDesk(t, 5)
	if !shownText(d.canvas(), "萬國") {
		t.Fatal("the half-typed customer is not on the desk before the lock")
	}
	clock.add(5 * time.Minute)
	d.idleCheck()
	if !d.shell.idle.locked {
		t.Fatal("the desk did not lock")
	}
	if shownText(d.canvas(), "萬國") {
		t.Error("the half-typed customer can be read behind the lock")
	}
	d.typeText(testPassword)
	d.key(fyne.KeyReturn)
	if d.shell.idle.locked || !shownText(d.canvas(), "萬國紙") && !shownText(d.canvas(), "萬國") {
		t.Errorf("after the unlock the desk is not shown again (%q)", d.shell.signin.problem.Text)
	}
}

// TestIdleLockLetsSomeoneElseSignIn: at the lock, "Someone else…" lists
// the people; another person signs in with their own password (a wrong one
// keeps the desk locked), and the desk is theirs, unlocked.
func TestIdleLockLetsSomeoneElseSignIn(t *testing.T) {
	d, boss, clock := idleDesk(t, 5)
	yc := addEmployee(t, d.store, "Chen Yi-chun", "", "YC", false)
	if err := d.store.SetPassword(context.Background(), boss.Actor(), yc.ID, "", "yc-pass"); err != nil {
		t.Fatal(err)
	}
	clock.add(5 * time.Minute)
	d.idleCheck()
	si := d.shell.signin
	if si.other == nil {
		t.Fatal("the lock offers no Someone else…")
	}
	test.Tap(si.other)
	d.settle()
	p := d.shell.picker
	if p == nil || d.canvas().Overlays().Top() == nil {
		t.Fatal("Someone else… did not list the people")
	}
	d.do(func() { p.choose(*yc) })
	d.settle()
	other := d.shell.signin
	if other == si || other.employee.ID != yc.ID {
		t.Fatal("choosing a person did not ask their password")
	}
	d.typeText(testPassword) // the first person's password is not theirs
	d.key(fyne.KeyReturn)
	if !d.shell.idle.locked || other.problem.Text == "" {
		t.Fatal("someone else's wrong password unlocked the desk")
	}
	d.typeText("yc-pass")
	d.key(fyne.KeyReturn)
	if d.shell.idle.locked || d.canvas().Overlays().Top() != nil {
		t.Fatalf("their password did not unlock the desk: %q", other.problem.Text)
	}
	if e := d.shell.desk.Employee(); e == nil || e.ID != yc.ID {
		t.Errorf("the desk after someone else signed in: %v", e)
	}
}
