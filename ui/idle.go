package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/service"
)

// idleWatcher locks the desk after the office's idle minutes
// (model.Office.LockMinutes) without the clerk typing, clicking or moving
// the mouse in the window: the person at the desk signs in again with
// their password, over the screen as they left it, so an unsaved form and
// a new order being typed stay as they were. It lives on the UI goroutine;
// service.IdleLock brings the setting every 15 seconds, and now is the
// clock it compares with (tests turn it).
type idleWatcher struct {
	now    func() time.Time
	last   time.Time // the last input seen
	locked bool
	lock   func()
}

// idleWatchers are the watchers of the open windows, by canvas, so that an
// input widget can tell its window's watcher it was used.
var idleWatchers = map[fyne.Canvas]*idleWatcher{}

func newIdleWatcher(now func() time.Time, lock func()) *idleWatcher {
	return &idleWatcher{now: now, last: now(), lock: lock}
}

// touch notes input from the clerk.
func (w *idleWatcher) touch() {
	if !w.locked {
		w.last = w.now()
	}
}

// check locks the desk once minutes (0 never) have passed since the last
// input.
func (w *idleWatcher) check(minutes int) {
	if minutes <= 0 || w.locked || w.now().Sub(w.last) < time.Duration(minutes)*time.Minute {
		return
	}
	w.locked = true
	w.lock()
}

// unlock starts counting afresh once the person signed in again.
func (w *idleWatcher) unlock() {
	w.locked = false
	w.last = w.now()
}

// noteInput tells the watcher of obj's window that the clerk used obj.
func noteInput(obj fyne.CanvasObject) {
	if w := idleWatchers[fyne.CurrentApp().Driver().CanvasForObject(obj)]; w != nil {
		w.touch()
	}
}

// activityCatcher lies under the window's content and hears the pointer
// wherever it moves: the desktop driver asks every desktop.Cursorable
// under the pointer for its cursor at each move, before it gives the
// move to the one hoverable widget on top (a button, a field), so the
// catcher hears moves over buttons and fields too while they keep their
// hover and every click. It draws nothing and takes no click from them.
type activityCatcher struct {
	widget.BaseWidget
	seen func()
}

func newActivityCatcher(seen func()) *activityCatcher {
	c := &activityCatcher{seen: seen}
	c.ExtendBaseWidget(c)
	return c
}

func (c *activityCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Cursor notes the move and leaves the cursor to the widgets above.
func (c *activityCatcher) Cursor() desktop.Cursor {
	c.seen()
	return desktop.DefaultCursor
}

func (c *activityCatcher) MouseIn(*desktop.MouseEvent)    { c.seen() }
func (c *activityCatcher) MouseMoved(*desktop.MouseEvent) { c.seen() }
func (c *activityCatcher) MouseOut()                      {}
func (c *activityCatcher) Tapped(*fyne.PointEvent)        { c.seen() }

// watchIdle starts watching the window for idle time: lockMinutes is the
// office's setting when the window opened.
func (s *Shell) watchIdle(lockMinutes int) {
	s.idle = newIdleWatcher(s.clock, s.lockDesk)
	idleWatchers[s.win.Canvas()] = s.idle
	if lockMinutes > 0 {
		s.catchMouse()
	}
}

// idleChecked is service.IdleLock's report: the office's lock minutes.
func (s *Shell) idleChecked(r service.Report) {
	minutes, _ := r.Value.(int)
	if r.Err != nil || minutes <= 0 {
		return
	}
	s.catchMouse()
	s.idle.check(minutes)
}

// catchMouse puts the activity catcher under the window's content, once
// (the cover is over it already: see Create). A desk that never locks goes
// without it (and the screens' golden files show an office that never
// locks); a manager turning the lock on at another desk adds it at the
// next check.
func (s *Shell) catchMouse() {
	if s.catcher != nil {
		return
	}
	s.catcher = newActivityCatcher(s.idle.touch)
	s.win.SetContent(container.NewStack(s.catcher, s.body, s.cover.box))
}

// lockDesk covers the desk and asks the person at it for their password
// again, or lets someone else sign in ("Someone else…", with their own
// password under the same rules). The screens stay as they were behind
// the cover: the same person finds their unsaved form; someone else finds
// the first person's new order kept as that person's draft (saved first,
// in case the desk is closed while locked), not theirs.
func (s *Shell) lockDesk() {
	me := s.desk.Employee()
	if me == nil {
		s.idle.unlock() // nobody signed in: the sign-in is already asked
		return
	}
	s.orders.flushDraft()
	s.coverDesk(lang.L("The desk is locked."))
	unlocked := func(got *model.Employee) {
		s.uncoverDesk()
		s.idle.unlock()
		if got.ID != me.ID {
			s.setEmployee(got)
		}
	}
	var someoneElse func()
	someoneElse = func() { s.pickAtLock(someoneElse, unlocked) }
	s.signin = newSignIn(s.win, s.store, &s.work, *me, false, someoneElse, false, unlocked)
	s.signin.show(s.win)
}

// pickAtLock lists the active people for "Someone else…" at the lock. It
// has no Cancel, which would leave the desk unlocked: the person who left
// the desk picks themselves to come back.
func (s *Shell) pickAtLock(again func(), unlocked func(*model.Employee)) {
	s.work.Go(func() func() {
		people, err := s.roster.Employees(context.Background(), false)
		return func() {
			if err != nil {
				people = s.everyone // the lock must offer someone: the list the desk had
			}
			s.picker = newEmployeePicker(s.win, people, false, func(e *model.Employee) {
				s.askPasswordThen(*e, false, again, unlocked)
			})
			s.picker.show(s.win)
		}
	})
}
