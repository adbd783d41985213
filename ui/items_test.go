package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"orderdesk/demo"
	"orderdesk/model"
)

// itemsDesk is the shell with the Action items section at hand.
type itemsDesk struct {
	*deskTest
	sec *itemsSection
}

// newItemsDesk opens the shell on store with clerk at the desk.
func newItemsDesk(t *testing.T, store *model.Store, clerk *model.Employee) *itemsDesk {
	t.Helper()
	d := newDeskTest(t, store, clerk)
	i := &itemsDesk{deskTest: d, sec: d.shell.screens[SectionActionItems].(*itemsSection)}
	return i
}

// demoOffice returns a test store holding the demo office (seed 004's
// people, teams and groups, and a few action items) with n orders.
func demoOffice(t *testing.T, n int) *model.Store {
	t.Helper()
	store := openTestStore(t)
	if err := demo.Create(context.Background(), store, n); err != nil {
		t.Fatalf("demo office: %v", err)
	}
	return store
}

// person returns the demo employee with these initials.
func person(t *testing.T, store *model.Store, initials string) *model.Employee {
	t.Helper()
	e, err := store.EmployeeByName(context.Background(), initials)
	if err != nil {
		t.Fatalf("employee %s: %v", initials, err)
	}
	return e
}

func queueTitles(s *queuesScreen) []string {
	var out []string
	for _, n := range s.items {
		out = append(out, n.Title)
	}
	return out
}

// TestQueueDueOrderAndMarkDone shows the clerk's queue oldest first with
// only what is due today or overdue, marks the first item done with the D
// key (it leaves the queue and the count), reopens it with R, and shows
// every pending item with "all".
func TestQueueDueOrderAndMarkDone(t *testing.T) {
	store := demoOffice(t, 0)
	yc := person(t, store, "YC")
	ctx, today := context.Background(), store.Today()
	cust, err := store.CustomerByCode(ctx, "A001")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range []struct {
		title string
		days  int
	}{{"due in five days", 5}, {"three days late", -3}, {"due today", 0}} {
		if _, err := store.AddNote(ctx, yc.Actor(), model.ItemInput{Object: model.OnCustomer, ObjectID: cust.ID,
			Title: it.title, Action: true, DueOn: today.AddDays(it.days)}); err != nil {
			t.Fatal(err)
		}
	}
	d := newItemsDesk(t, store, yc)
	d.do(func() { d.shell.Show(SectionActionItems) })
	q := d.sec.queues

	want := []string{"three days late", "回電確認交期 / call back about the date", "due today"}
	if got := queueTitles(q); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("my queue %q, want %q", got, want)
	}
	if got := q.bar.Items[0].Text; got != "My items (3)" {
		t.Errorf("tab %q", got)
	}
	if d.focused() != q.list {
		t.Fatalf("the keyboard is on %T, not the queue", d.focused())
	}
	if !strings.Contains(q.object.Text, "A001") || !q.open.Visible() || q.open.Disabled() {
		t.Errorf("detail shows object %q", q.object.Text)
	}

	d.do(func() { q.list.TypedRune('d') })
	if got := queueTitles(q); len(got) != 2 || got[0] != want[1] {
		t.Fatalf("after D the queue is %q", got)
	}
	if got := q.bar.Items[0].Text; got != "My items (2)" {
		t.Errorf("after D the tab says %q", got)
	}
	done, _ := store.QueueItems(ctx, model.QueueFilter{Queue: model.QueueMine, PersonID: yc.ID, All: true})
	for _, n := range done {
		if n.Title == "three days late" {
			t.Error("the item marked done is still pending in the store")
		}
	}

	d.do(func() { q.list.TypedRune('r') })
	if got := queueTitles(q); len(got) != 3 || got[0] != "three days late" {
		t.Fatalf("after R the queue is %q", got)
	}

	d.do(func() { q.all.SetChecked(true) })
	if got := queueTitles(q); len(got) != 4 || got[3] != "due in five days" {
		t.Errorf("all pending: %q", got)
	}

	// Enter opens the customer the highlighted item is on.
	d.do(func() {
		d.canvas().Focus(q.list)
		q.list.Highlight(0)
		q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if d.shell.tabs.SelectedIndex() != SectionCustomers || d.shell.customers.form.stored.ID != cust.ID {
		t.Errorf("Enter showed section %d with customer %d, want customer %d", d.shell.tabs.SelectedIndex(),
			d.shell.customers.form.stored.ID, cust.ID)
	}
}

// TestQueueGroupsAndPublic shows the group and public queues of the demo
// office; an empty queue says so without the columns' names.
func TestQueueGroupsAndPublic(t *testing.T) {
	store := demoOffice(t, 0)
	ma := person(t, store, "MA") // Finance
	d := newItemsDesk(t, store, ma)
	d.do(func() { d.shell.Show(SectionActionItems) })
	q := d.sec.queues
	// Her own queue is empty: it says so, with no columns' names over nothing.
	if len(q.items) != 0 || q.header.Visible() || q.status.Text != "Nothing to do here." {
		t.Errorf("her empty queue: %d items, header shown %v, %q", len(q.items), q.header.Visible(), q.status.Text)
	}
	d.do(func() { q.bar.SelectIndex(1) })
	if got := queueTitles(q); len(got) != 1 || !strings.Contains(got[0], "chase the deposit") {
		t.Errorf("Finance's queue %q", got)
	}
	if !q.header.Visible() {
		t.Error("the columns' names are hidden over a queue with items")
	}
	if !q.group.Visible() || len(q.group.Options) != 2 {
		t.Errorf("group choice %v", q.group.Options)
	}
	d.do(func() {
		q.bar.SelectIndex(2)
		q.all.SetChecked(true)
	})
	if got := queueTitles(q); len(got) != 1 || !strings.Contains(got[0], "pulp price rise") {
		t.Errorf("public queue %q", got)
	}
}

// TestQueueOpensOrdersAndTickets: Enter on an action item about an order
// opens the order's detail; on a ticket, the ticket's detail.
func TestQueueOpensOrdersAndTickets(t *testing.T) {
	ctx := context.Background()
	store := demoOffice(t, 400)
	yc, _ := store.EmployeeByName(ctx, "YC")
	orders, _ := store.Orders(ctx, model.OrderFilter{View: model.ViewOpen, Limit: 1})
	tickets, _ := store.Tickets(ctx, model.TicketFilter{Limit: 1})
	if len(orders) == 0 || len(tickets) == 0 {
		t.Fatal("the demo office has no open order or ticket")
	}
	today := store.Today()
	for _, in := range []model.ItemInput{
		{Object: model.OnOrder, ObjectID: orders[0].ID, Title: "about the order", Action: true, DueOn: today.AddDays(-30)},
		{Object: model.OnTicket, ObjectID: tickets[0].ID, Title: "about the ticket", Action: true, DueOn: today.AddDays(-29)},
	} {
		if _, err := store.AddNote(ctx, yc.Actor(), in); err != nil {
			t.Fatal(err)
		}
	}
	d := newItemsDesk(t, store, yc)
	d.do(func() { d.shell.Show(SectionActionItems) })
	q := d.sec.queues
	if got := queueTitles(q); len(got) < 2 || got[0] != "about the order" || got[1] != "about the ticket" {
		t.Fatalf("the queue is %q", got)
	}
	d.do(func() {
		d.canvas().Focus(q.list)
		q.list.Highlight(0)
		q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	settle(t)
	if d.shell.tabs.SelectedIndex() != SectionOrders || d.shell.orders.detail.view == nil || d.shell.orders.detail.view.order.ID != orders[0].ID {
		t.Fatalf("Enter on the order's item showed section %d", d.shell.tabs.SelectedIndex())
	}
	d.do(func() { d.shell.Show(SectionActionItems) })
	d.do(func() {
		d.canvas().Focus(q.list)
		q.list.Highlight(1)
		q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	settle(t)
	if d.shell.tabs.SelectedIndex() != SectionTickets || d.shell.tickets.detail == nil || d.shell.tickets.detail.ticket.ID != tickets[0].ID {
		t.Fatalf("Enter on the ticket's item did not open ticket %s", tickets[0].No)
	}
}
