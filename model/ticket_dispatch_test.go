package model

import (
	"testing"
	"time"
)

// TestDispatchShowsWhatWaitsOldestFirstWithTheDaysLoad: the dispatcher sees
// the on-site work to be dispatched, the ticket waiting longest first (not
// in-house work, nor a closed ticket), and each technician's visits on the
// day asked for, a technician free that day included.
func TestDispatchShowsWhatWaitsOldestFirstWithTheDaysLoad(t *testing.T) {
	f := newDesk(t)
	day := f.today().AddDays(2)
	onSite := func(who *Employee, visit Date) func(t *Ticket, c Ctx) error {
		return func(t *Ticket, c Ctx) error {
			if err := t.AssignInHouse(c, who.ID); err != nil {
				return err
			}
			return t.StartWork(c, VisitInput{OnSite: true, VisitOn: visit, Scheduled: true})
		}
	}
	var made []*Ticket
	for _, w := range []struct {
		who   *Employee
		visit Date
	}{{f.tech, day}, {f.sales, day.AddDays(1)}, {f.tech, day}, {f.tech, day.AddDays(3)}} {
		made = append(made, f.mustTicket(f.ticket("TASK"), onSite(w.who, w.visit)))
		f.advance(time.Hour)
	}
	// In-house work in progress is not dispatched; a cancelled visit waits no more.
	f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error {
		if err := t.AssignInHouse(c, f.tech.ID); err != nil {
			return err
		}
		return t.StartWork(c, VisitInput{})
	})
	f.mustTicket(made[3], func(t *Ticket, c Ctx) error { return t.Cancel(c, "customer fixed it") })

	d, err := f.s.Dispatch(f.ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, tk := range d.Waiting {
		order = append(order, tk.No)
	}
	want := []string{made[0].No, made[1].No, made[2].No}
	if len(order) != len(want) || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
		t.Errorf("waiting to be dispatched %v; want %v, oldest first", order, want)
	}
	if len(d.Load) != 2 || d.Load[0].Technician.ID != f.tech.ID || d.Load[0].Visits != 2 || d.Load[1].Technician.ID != f.sales.ID || d.Load[1].Visits != 0 {
		t.Errorf("the day's load %+v; want Tsai Ming 2 visits, Lin Chih-hao free", d.Load)
	}
}
