package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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

// activityCatcher lies under the window's content and hears the mouse
// where no widget above it does (over labels, lists' text, empty space):
// Fyne has no window-wide hook for mouse moves. It draws nothing.
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

// catchMouse puts the activity catcher under the window's content, once.
// A desk that never locks goes without it (and the screens' golden
// files show an office that never locks); a manager turning the lock on
// at another desk adds it at the next check.
func (s *Shell) catchMouse() {
	if s.catcher != nil {
		return
	}
	s.catcher = newActivityCatcher(s.idle.touch)
	s.win.SetContent(container.NewStack(s.catcher, s.tabs))
}

// lockDesk asks the person at the desk for their password again, over the
// screen as they left it; a new order being typed is kept as a draft
// first, in case the desk is closed while locked.
func (s *Shell) lockDesk() {
	me := s.desk.Employee()
	if me == nil {
		s.idle.unlock() // nobody signed in: the sign-in is already asked
		return
	}
	s.orders.flushDraft()
	s.signin = newSignIn(s.win, s.store, &s.work, *me, false, nil, false, func(got *model.Employee) {
		s.idle.unlock()
		if got.ID != me.ID {
			s.setEmployee(got)
		}
	})
	s.signin.show(s.win)
}
