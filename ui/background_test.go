package ui

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"orderdesk/model"
	"orderdesk/service"
)

// TestScreensStartNoGoroutine: building the shell and opening Orders and
// Tickets starts no goroutine of the ui package and leaves no timer
// pending once the loads have landed: loads and timers go through runWork
// and afterUI (which the tests run on their own goroutine), and the
// periodic timers (slip rule, mail, recurring tickets, refresh) belong to
// the scheduler, which Run starts and tests don't.
func TestScreensStartNoGoroutine(t *testing.T) {
	store := openTestStore(t)
	d := newDeskTest(t, store, addEmployee(t, store, "Chen Yi-chun", "陳怡君", "YC", false))
	d.show(SectionOrders)
	d.show(SectionTickets)
	d.settle()
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "created by orderdesk/ui.") {
			t.Errorf("a screen started a goroutine of its own:\n%s", g)
		}
	}
	if n := uiCalls.pending(); n > 0 {
		t.Errorf("%d calls are still pending after the loads landed", n)
	}
}

// TestOrdersShowASlipPass: when the scheduler's slip pass moves promised
// dates, the order list on screen reloads and shows the new dates.
func TestOrdersShowASlipPass(t *testing.T) {
	store := demoStore(t, 60)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	l := o.s.list
	o.do(func() { l.view.SetSelectedIndex(2) }) // awaiting sign-back
	if l.list.Count() == 0 {
		t.Fatal("no order awaits its sign-back")
	}
	before := map[string]model.OrderRow{}
	for i := range l.list.Count() {
		r, _ := l.list.Item(i)
		before[r.No] = r
	}

	later := testNow.AddDate(0, 0, 7)
	store.Clock = func() time.Time { return later }
	o.shell.sched.RunNow(service.JobSlips)
	o.settle()
	moved := 0
	for i := range l.list.Count() {
		shown, _ := l.list.Item(i)
		stored, err := store.OrderByNo(context.Background(), shown.No)
		if err != nil {
			t.Fatal(err)
		}
		if shown.PromisedDate != stored.PromisedDate || shown.SlipDays != stored.SlipDays {
			t.Errorf("%s shows %s (+%d), the store has %s (+%d)", shown.No,
				shown.PromisedDate, shown.SlipDays, stored.PromisedDate, stored.SlipDays)
		}
		if shown.SlipDays > before[shown.No].SlipDays {
			moved++
		}
	}
	if moved == 0 {
		t.Error("the slip pass moved no date on the list a week later")
	}
}
