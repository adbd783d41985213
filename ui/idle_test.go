package ui

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

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
