package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// notifyEvery is how often the reminder looks again while OrderDesk is open.
const notifyEvery = time.Hour

// notifier reminds the clerk at the desk of the action items due today or
// overdue with a desktop notification: when someone sits down (at start,
// or on a switch of person) and every hour while the window is open.
type notifier struct {
	store *model.Store
	desk  *Desk
	work  *jobs
	timer *time.Timer
	// sent counts the notifications sent, for tests.
	sent int
}

func startNotifier(store *model.Store, desk *Desk, work *jobs) *notifier {
	n := &notifier{store: store, desk: desk, work: work}
	desk.OnChanged(func(*model.Employee) { n.check() })
	n.timer = time.AfterFunc(notifyEvery, n.tick)
	return n
}

func (n *notifier) tick() {
	fyne.Do(n.check)
	n.timer.Reset(notifyEvery)
}

// check counts the clerk's items off the UI goroutine and notifies when
// some are due today or overdue.
func (n *notifier) check() {
	me := n.desk.Employee()
	if me == nil {
		return
	}
	id := me.ID
	n.work.Go(func() func() {
		c, err := n.store.CountQueues(context.Background(), id)
		return func() {
			if err != nil || c.Mine == 0 || n.desk.Employee() == nil || n.desk.Employee().ID != id {
				return
			}
			n.sent++
			fyne.CurrentApp().SendNotification(reminder(c))
		}
	})
}

// reminder returns the notification for a person's counts.
func reminder(c model.QueueCounts) *fyne.Notification {
	text := lang.L("{{.N}} action items are due today or overdue ({{.Late}} overdue).", map[string]any{"N": c.Mine, "Late": c.Overdue})
	if c.Mine == 1 {
		text = lang.L("1 action item is due today or overdue.")
	}
	return fyne.NewNotification(lang.L("OrderDesk: action items"), text)
}
