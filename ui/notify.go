package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
	"orderdesk/service"
)

// notifier reminds the clerk at the desk of the action items due today or
// overdue with a desktop notification: when someone sits down (at start,
// or on a switch of person) and at each hourly service.Reminders run.
type notifier struct {
	desk *Desk
	// sent counts the notifications sent, for tests.
	sent int
}

// startNotifier shows sched's reminders, and asks for one whenever
// someone sits down at the desk.
func startNotifier(desk *Desk, sched *service.Scheduler) *notifier {
	n := &notifier{desk: desk}
	sched.Subscribe(service.JobReminders, n.remind)
	desk.OnChanged(func(*model.Employee) { sched.RunNow(service.JobReminders) })
	return n
}

// remind notifies when the person counted is still at the desk and has
// items due today or overdue (an error is logged by the shell).
func (n *notifier) remind(r service.Report) {
	c, _ := r.Value.(service.Reminder)
	me := n.desk.Employee()
	if r.Err != nil || c.PersonID == 0 || c.Counts.Mine == 0 || me == nil || me.ID != c.PersonID {
		return
	}
	n.sent++
	fyne.CurrentApp().SendNotification(reminder(c.Counts))
}

// reminder returns the notification for a person's counts.
func reminder(c model.QueueCounts) *fyne.Notification {
	text := lang.L("{{.N}} action items are due today or overdue ({{.Late}} overdue).", map[string]any{"N": c.Mine, "Late": c.Overdue})
	if c.Mine == 1 {
		text = lang.L("1 action item is due today or overdue.")
	}
	return fyne.NewNotification(lang.L("OrderDesk: action items"), text)
}
