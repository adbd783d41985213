package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// TestDispatchViewShowsTheDaysLoad: the board's dispatcher view lists the
// on-site work waiting, and each technician's visits on the day typed; a
// waiting ticket opens from it.
func TestDispatchViewShowsTheDaysLoad(t *testing.T) {
	b := newBoardTest(t)
	tomorrow := b.store.Today().AddDays(1)
	tk := b.ticket("TASK", "replace the rewinder's blade", func(t *model.Ticket, c model.Ctx) error {
		if err := t.AssignInHouse(c, b.tech.ID); err != nil {
			return err
		}
		return t.StartWork(c, model.VisitInput{OnSite: true, VisitOn: tomorrow, Scheduled: true})
	})
	b.open()
	test.Tap(b.s.dispatchBtn)
	b.settle()
	v := b.s.dispatch
	if !strings.Contains(v.load.Text, "Tsai Ming") || !strings.Contains(v.load.Text, ": 0") {
		t.Errorf("today's load: %q", v.load.Text)
	}
	v.day.SetText(tomorrow.String())
	v.reload()
	b.settle()
	if !strings.Contains(v.load.Text, ": 1") || len(v.waiting.Objects) != 1 {
		t.Fatalf("tomorrow's load %q, %d waiting", v.load.Text, len(v.waiting.Objects))
	}
	btn := v.waiting.Objects[0].(*widget.Button)
	if !strings.HasPrefix(btn.Text, tk.No+" · visit "+tomorrow.String()) {
		t.Errorf("the waiting ticket reads %q", btn.Text)
	}
	test.Tap(btn)
	b.settle()
	if b.s.detail == nil || b.s.detail.ticket.ID != tk.ID {
		t.Error("the waiting ticket does not open")
	}
}
