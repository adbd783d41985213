package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
	"orderdesk/service"
)

// TestReminderAtStartAndHourly notifies the clerk at the desk of the items
// due today or overdue when they sit down and at each hourly check, and
// nobody whose queue is empty.
func TestReminderAtStartAndHourly(t *testing.T) {
	store := demoOffice(t, 0)
	yc := person(t, store, "YC")
	d := newItemsDesk(t, store, yc)
	n := d.sec.notify
	if n.sent != 1 {
		t.Fatalf("%d notifications at start, want 1", n.sent)
	}
	cust, _ := store.CustomerByCode(context.Background(), "A001")
	if _, err := store.AddNote(context.Background(), yc.Actor(), model.ItemInput{Object: model.OnCustomer, ObjectID: cust.ID,
		Title: "due today", Action: true, DueOn: store.Today()}); err != nil {
		t.Fatal(err)
	}
	test.AssertNotificationSent(t, fyne.NewNotification("OrderDesk: action items",
		"2 action items are due today or overdue (1 overdue)."), func() {
		d.shell.sched.RunNow(service.JobReminders) // the hourly check
		d.settle()
	})

	ra := person(t, store, "RA") // nothing due
	test.AssertNotificationSent(t, nil, func() { d.do(func() { d.shell.setEmployee(ra) }) })
	if n.sent != 2 {
		t.Errorf("%d notifications, want 2", n.sent)
	}
}
