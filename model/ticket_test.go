package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func (f *deskFixture) ticket(typ string) *Ticket {
	f.t.Helper()
	t, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: typ, Subject: "客戶來電 roll curl", CustomerID: &f.custB.ID})
	if err != nil {
		f.t.Fatalf("create ticket: %v", err)
	}
	return t
}

func (f *deskFixture) onTicket(t *Ticket, rule func(t *Ticket, c Ctx) error) (*Ticket, error) {
	return f.s.ApplyTicket(f.ctx, f.clerk.Actor(), t.ID, 0, rule)
}

func (f *deskFixture) mustTicket(t *Ticket, rule func(t *Ticket, c Ctx) error) *Ticket {
	f.t.Helper()
	got, err := f.onTicket(t, rule)
	if err != nil {
		f.t.Fatalf("%s: %v", t.No, err)
	}
	return got
}

func refusedWith(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want a refusal mentioning %q", want)
	}
	if !strings.Contains(Say(err).String()+err.Error(), want) {
		t.Fatalf("refused with %q (%v); want it to mention %q", Say(err), err, want)
	}
}

func TestNewTicketsGoToTheNewQueue(t *testing.T) {
	f := newDesk(t)
	tk := f.ticket("QUESTION")
	if tk.Status != TicketNew || tk.ManagerID != nil || !tk.Open || !strings.HasPrefix(tk.No, "TK-2026-") {
		t.Fatalf("new ticket: %+v", tk)
	}
	queue, _ := f.s.Tickets(f.ctx, TicketFilter{NewQueue: true})
	if len(queue) != 1 || queue[0].ID != tk.ID {
		t.Errorf("the New tickets queue holds %d tickets", len(queue))
	}
	_, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "NOPE", Subject: ""})
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For("Type").IsZero() || fe.For("Subject").IsZero() {
		t.Errorf("a ticket without type and subject: %v", err)
	}
}

func TestNoResponseTypesAreResolvedOnCreation(t *testing.T) {
	f := newDesk(t)
	tk := f.ticket("QUOTE-LETTER")
	if tk.Status != TicketCompleted || tk.Open || tk.Resolution == "" {
		t.Errorf("a quote letter sent needs no response: %+v", tk)
	}
	events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
	if len(events) != 2 || events[1].To != "9" {
		t.Errorf("events %+v", events)
	}
}

func TestInHouseBeforeOnSite(t *testing.T) {
	f := newDesk(t)
	tk := f.ticket("COMPLAINT-CUSTOMER")
	_, err := f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.AssignOnSite(c, f.tech.ID, "") })
	refusedWith(t, err, "In house comes first")
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.AssignOnSite(c, f.tech.ID, "the roll stand must be seen") })
	if tk.Status != TicketOnSite || *tk.ManagerID != f.tech.ID {
		t.Errorf("on site with a reason: %+v", tk)
	}
	other := f.ticket("COMPLAINT-CUSTOMER")
	other = f.mustTicket(other, func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) })
	other = f.mustTicket(other, func(t *Ticket, c Ctx) error { return t.AssignOnSite(c, f.tech.ID, "") })
	if other.Status != TicketOnSite {
		t.Errorf("tried in house first, then on site: %v", other.Status)
	}
}

func TestUnscheduledVisitGetsTheAESNotice(t *testing.T) {
	f := newDesk(t)
	tk := f.mustTicket(f.ticket("JOB"), func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.tech.ID) })
	visit := f.today().AddDays(3)
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error {
		return t.StartWork(c, VisitInput{OnSite: true, VisitOn: visit, Scheduled: false})
	})
	if tk.Status != TicketInProgress || !tk.ToBeDispatched {
		t.Fatalf("work on site is to be dispatched: %+v", tk)
	}
	items, _ := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueMine, PersonID: f.tech.ID, All: true})
	if len(items) != 1 || items[0].DueOn != visit.AddDays(-1) || !strings.Contains(items[0].Title, "AES") {
		t.Fatalf("the AES notice for the day before: %+v", items)
	}
	// Scheduled visits are agreed already: no notice.
	other := f.mustTicket(f.ticket("JOB"), func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.tech.ID) })
	f.mustTicket(other, func(t *Ticket, c Ctx) error {
		return t.StartWork(c, VisitInput{OnSite: true, VisitOn: visit, Scheduled: true})
	})
	if again, _ := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueMine, PersonID: f.tech.ID, All: true}); len(again) != 1 {
		t.Errorf("a scheduled visit made a notice: %d items", len(again))
	}
}

func TestPendingContactAttemptsAndClosing(t *testing.T) {
	f := newDesk(t)
	tk := f.mustTicket(f.ticket("COMPLAINT-CUSTOMER"), func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) })
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.SetPriority(c, PriorityHigh) })
	_, err := f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.MarkPending(c) })
	refusedWith(t, err, "final check-in")
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtFCI, 0) })
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.MarkPending(c) })
	if tk.Status != TicketPending || tk.Priority != PriorityNormal {
		t.Fatalf("pending lowers the priority: %v %v", tk.Status, tk.Priority)
	}
	_, err = f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtCA2, 0) })
	refusedWith(t, err, "contact attempt 1")
	done := CompleteInput{Resolution: "換捲芯後正常 / new core fixed it", ChargesChecked: true, ContractRef: "CT-9"}
	for i, ext := range []Extension{ExtCA1, ExtCA2, ExtCA3} {
		f.advance(24 * time.Hour)
		tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ext, 0) })
		if tk.ContactAttempts() != i+1 {
			t.Fatalf("after %s: %d attempts", ext, tk.ContactAttempts())
		}
		_, err = f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.Complete(c, done) })
		refusedWith(t, err, "CA4")
	}
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtCA4, 0) })
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.Complete(c, done) })
	if tk.Status != TicketCompleted || tk.Open {
		t.Errorf("after CA4 the ticket may close: %v", tk.Status)
	}
}

func TestCompletingNeedsResolutionChargesAndContract(t *testing.T) {
	f := newDesk(t)
	tk := f.ticket("TASK")
	_, err := f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.Complete(c, CompleteInput{}) })
	var fe FieldErrors
	if !errors.As(err, &fe) || len(fe) != 3 {
		t.Fatalf("completing with nothing filled in: %v", err)
	}
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error {
		return t.Complete(c, CompleteInput{Resolution: "done", ChargesChecked: true, ContractRef: "CT-1"})
	})
	_, err = f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.Cancel(c, "oops") })
	refusedWith(t, err, "Completed")
}

func TestInternalAndHoldHaveNoPriority(t *testing.T) {
	f := newDesk(t)
	tk := f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error { return t.SetPriority(c, PriorityUrgent) })
	_, err := f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.Hold(c, f.today(), "") })
	refusedWith(t, err, "new due date")
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.Hold(c, f.today().AddDays(14), "waiting for paper") })
	if tk.Status != TicketHold || tk.Priority != PriorityNA || tk.DueOn != f.today().AddDays(14) {
		t.Fatalf("on hold: %+v", tk)
	}
	_, err = f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.SetPriority(c, PriorityHigh) })
	refusedWith(t, err, "no priority")
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) })
	if tk.Priority != PriorityUrgent {
		t.Errorf("back from hold the priority is %v, want the one it had", tk.Priority)
	}
	tk = f.mustTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtQuote, f.sales.ID) })
	if tk.Status != TicketInternal || *tk.ManagerID != f.sales.ID || tk.Priority != PriorityNA {
		t.Errorf("a Quote extension sends the ticket to Internal with a new manager: %+v", tk)
	}
	_, err = f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtProject, 0) })
	refusedWith(t, err, "contract")
}

func TestCancelAndMergeNeverDelete(t *testing.T) {
	f := newDesk(t)
	a, b := f.ticket("QUESTION"), f.ticket("QUESTION")
	_, err := f.onTicket(a, func(t *Ticket, c Ctx) error { return t.Cancel(c, " ") })
	refusedWith(t, err, "Say why")
	b = f.mustTicket(b, func(t *Ticket, c Ctx) error { return t.MergeInto(c, a) })
	if b.Status != TicketCancelled || b.MergedIntoID == nil || *b.MergedIntoID != a.ID {
		t.Errorf("merged: %+v", b)
	}
	if got, err := f.s.Ticket(f.ctx, b.ID); err != nil || got.Subject == "" {
		t.Errorf("a merged ticket must stay: %v", err)
	}
}

func TestRecurringTasksRecreateThemselves(t *testing.T) {
	f := newDesk(t)
	tpl := f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error { return t.MakeRecurring(c, 7, f.today()) })
	for _, step := range []struct {
		days int
		want int
	}{{0, 1}, {0, 0}, {3, 0}, {4, 1}, {14, 2}} {
		f.advance(time.Duration(step.days) * 24 * time.Hour)
		n, err := f.s.RunRecurring(f.ctx)
		if err != nil || n != step.want {
			t.Fatalf("after %d more days: %d tickets made (%v), want %d", step.days, n, err, step.want)
		}
	}
	made, _ := f.s.Tickets(f.ctx, TicketFilter{Statuses: []TicketStatus{TicketNew}})
	if len(made) != 4 || made[0].RecurFromID == nil || *made[0].RecurFromID != tpl.ID {
		t.Errorf("recurring tickets: %d", len(made))
	}
}

func TestHandoverMovesManagedTickets(t *testing.T) {
	f := newDesk(t)
	tk := f.mustTicket(f.ticket("TASK"), func(t *Ticket, c Ctx) error { return t.AssignInHouse(c, f.clerk.ID) })
	p, err := f.s.PreviewHandover(f.ctx, f.clerk.ID)
	if err != nil || len(p.Others["tickets"]) != 1 {
		t.Fatalf("preview: %+v %v", p, err)
	}
	if err := f.s.Handover(f.ctx, f.super.Actor(), Handover{From: f.clerk.ID, ToPerson: &f.sales.ID}, p); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Ticket(f.ctx, tk.ID)
	if got.ManagerID == nil || *got.ManagerID != f.sales.ID {
		t.Errorf("the ticket stayed with %v", got.ManagerID)
	}
}

func TestTicketFilterByTypeAndOverdue(t *testing.T) {
	f := newDesk(t)
	late, _ := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "TASK", Subject: "late", DueOn: f.today().AddDays(-1)})
	f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "TASK", Subject: "due later", DueOn: f.today().AddDays(3)})
	f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "QUESTION", Subject: "no due date"})
	cases := []struct {
		name   string
		filter TicketFilter
		want   int
	}{
		{"all open", TicketFilter{}, 3},
		{"type", TicketFilter{Type: "TASK"}, 2},
		{"overdue", TicketFilter{OverdueOn: f.today()}, 1},
		{"type and overdue", TicketFilter{Type: "QUESTION", OverdueOn: f.today()}, 0},
	}
	for _, c := range cases {
		got, err := f.s.Tickets(f.ctx, c.filter)
		if err != nil || len(got) != c.want {
			t.Errorf("%s: %d tickets (%v), want %d", c.name, len(got), err, c.want)
		}
		counts, _ := f.s.CountTicketsByStatus(f.ctx, c.filter)
		if counts[TicketNew] != c.want {
			t.Errorf("%s: counted %d, want %d", c.name, counts[TicketNew], c.want)
		}
	}
	if got, _ := f.s.Tickets(f.ctx, TicketFilter{OverdueOn: f.today()}); len(got) == 1 && got[0].ID != late.ID {
		t.Errorf("the overdue ticket is %s", got[0].No)
	}
}

// TestTicketsCannotBeDeleted: no method of the store or of a ticket deletes
// one (seed 001: "NO TICKET IS DELETED"); merging keeps both histories.
func TestTicketsCannotBeDeleted(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(&Store{}), reflect.TypeOf(&Ticket{})} {
		for i := 0; i < typ.NumMethod(); i++ {
			name := typ.Method(i).Name
			for _, verb := range []string{"Delete", "Remove", "Purge", "Drop"} {
				if strings.Contains(name, verb) && (typ == reflect.TypeOf(&Ticket{}) || strings.Contains(name, "Ticket")) {
					t.Errorf("%s.%s could delete a ticket", typ, name)
				}
			}
		}
	}
	f := newDesk(t)
	a, b := f.ticket("QUESTION"), f.ticket("QUESTION")
	f.mustTicket(a, func(t *Ticket, c Ctx) error { return t.SetPriority(c, PriorityHigh) })
	f.mustTicket(b, func(t *Ticket, c Ctx) error { return t.MergeInto(c, a) })
	for _, tk := range []*Ticket{a, b} {
		events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
		if len(events) < 2 {
			t.Errorf("%s keeps %d events after the merge", tk.No, len(events))
		}
	}
	_, err := f.onTicket(a, func(t *Ticket, c Ctx) error { return t.ReturnToNew(c) })
	refusedWith(t, err, "does not go back to New")
}
