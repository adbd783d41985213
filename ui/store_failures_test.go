package ui

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"orderdesk/model"
)

// Each screen holds its store as the small interface it declares; these
// stores embed one and fail the read a screen loads with, as a database
// that went away under a screen would (a lost share, a full disk).

type failingOrderList struct {
	orderListStore
	err error
}

func (f failingOrderList) CountOrders(context.Context, model.OrderFilter) (model.OrderCount, error) {
	return model.OrderCount{}, f.err
}
func (f failingOrderList) OrderPage(context.Context, model.OrderFilter) ([]model.OrderRow, error) {
	return nil, f.err
}

type failingOrderDetail struct {
	orderDetailStore
	err error
}

func (f failingOrderDetail) Order(context.Context, uint) (*model.Order, error) { return nil, f.err }

type failingIntake struct {
	intakeStore
	err error
}

func (f failingIntake) Customers(context.Context, model.ListFilter) ([]model.Customer, error) {
	return nil, f.err
}

type failingShipping struct {
	shippingStore
	err error
}

func (f failingShipping) CountShipments(context.Context, model.ShipmentFilter) (int, error) {
	return 0, f.err
}
func (f failingShipping) Shipments(context.Context, model.ShipmentFilter) ([]model.ShipmentRow, error) {
	return nil, f.err
}

type failingTickets struct {
	ticketsStore
	err error
}

func (f failingTickets) CountTicketsByStatus(context.Context, model.TicketFilter) (map[model.TicketStatus]int, error) {
	return nil, f.err
}
func (f failingTickets) Tickets(context.Context, model.TicketFilter) ([]model.Ticket, error) {
	return nil, f.err
}
func (f failingTickets) Ticket(context.Context, uint) (*model.Ticket, error) { return nil, f.err }
func (f failingTickets) CustomerIDByCode(context.Context, string) (*uint, error) {
	return nil, f.err
}

type failingNotes struct {
	notesStore
	err error
}

func (f failingNotes) NotesOn(context.Context, model.ObjectKind, uint) ([]model.Note, error) {
	return nil, f.err
}

type failingCustomers struct {
	customersStore
	err error
}

func (f failingCustomers) Employees(context.Context, bool) ([]model.Employee, error) {
	return nil, f.err
}

type failingPrices struct {
	pricesStore
	err error
}

func (f failingPrices) PricesOf(context.Context, uint) ([]model.Price, error) { return nil, f.err }

type failingQueues struct {
	queuesStore
	err error
}

func (f failingQueues) QueueItems(context.Context, model.QueueFilter) ([]model.Note, error) {
	return nil, f.err
}

type failingDashboard struct {
	dashboardStore
	err error
}

func (f failingDashboard) ManagerDashboard(context.Context) (model.Dashboard, error) {
	return model.Dashboard{}, f.err
}

type failingHandover struct {
	handoverStore
	err error
}

func (f failingHandover) Employees(context.Context, bool) ([]model.Employee, error) {
	return nil, f.err
}

type failingTeams struct {
	teamsStore
	err error
}

func (f failingTeams) Teams(context.Context) ([]model.Team, error) { return nil, f.err }

type failingPeople struct {
	peopleStore
	err error
}

func (f failingPeople) Groups(context.Context) ([]model.Group, error) { return nil, f.err }

type failingSettings struct {
	settingsStore
	err error
}

func (f failingSettings) Office(context.Context) (model.Office, error) { return model.Office{}, f.err }

type failingLogo struct {
	logoStore
	err error
}

func (f failingLogo) Logo(context.Context) ([]byte, error) { return nil, f.err }

// storeFailure is one screen whose read fails: fail types into one of the
// screen's fields, puts the failing store under it and asks it to load
// again; it returns what the clerk reads, and what the field holds now.
type storeFailure struct {
	name  string
	typed string
	fail  func(d *deskTest, err error, typed string) (read, kept string)
}

// TestScreensSayWhenTheStoreFails hands each screen a store whose read
// fails: the screen does not panic, says "Could not load" (not "Could not
// save"), the log has the cause, and what the clerk typed is still there.
func TestScreensSayWhenTheStoreFails(t *testing.T) {
	store := demoOffice(t, 12)
	ctx := context.Background()
	rows, err := store.OrderPage(ctx, model.OrderFilter{Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("the demo office has no order: %v", err)
	}
	orderID := rows[0].ID
	tickets, err := store.Tickets(ctx, model.TicketFilter{Limit: 1})
	if err != nil || len(tickets) == 0 {
		t.Fatalf("the demo office has no ticket: %v", err)
	}
	products, err := store.Products(ctx, model.ListFilter{Limit: 1})
	if err != nil || len(products) == 0 {
		t.Fatalf("the demo office has no product: %v", err)
	}
	items := func(d *deskTest) *itemsSection { return d.shell.screens[SectionActionItems].(*itemsSection) }

	cases := []storeFailure{
		{name: "order list", typed: "SO-2026", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionOrders)
			l := d.shell.orders.list
			l.store = failingOrderList{l.store, err}
			d.do(func() { l.search.SetText(typed) })
			return l.status.Text, l.search.Text
		}},
		{name: "order detail", typed: "a note being written", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionOrders)
			s := d.shell.orders
			d.do(func() { s.openOrder(orderID) })
			s.detail.notes.title.SetText(typed)
			s.detail.store = failingOrderDetail{s.detail.store, err}
			d.do(func() { s.openOrder(orderID) })
			return s.detail.status.Text, s.detail.notes.title.Text
		}},
		{name: "notes panel", typed: "call the customer", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionOrders)
			s := d.shell.orders
			d.do(func() { s.openOrder(orderID) })
			p := s.detail.notes
			p.title.SetText(typed)
			p.store = failingNotes{p.store, err}
			d.do(p.reload)
			return p.empty.Text, p.title.Text
		}},
		{name: "intake", typed: "Chen", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionOrders)
			s := d.shell.orders
			d.do(s.OnNew)
			f := s.intake
			f.store = failingIntake{f.store, err}
			d.do(func() { f.customer.SetText(typed) })
			return f.status.Text, f.customer.Text
		}},
		{name: "shipping", typed: "2026-10", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionShipping)
			s := d.shell.shipping
			s.month.SetText(typed)
			s.store = failingShipping{s.store, err}
			d.do(s.reloadCurrent)
			return s.status.Text, s.month.Text
		}},
		{name: "tickets board", typed: "toner", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionTickets)
			s := d.shell.tickets
			s.search.SetText(typed)
			s.store = failingTickets{s.store, err}
			d.do(s.reload)
			return s.status.Text, s.search.Text
		}},
		{name: "tickets customer filter", typed: "B001", fail: func(d *deskTest, err error, typed string) (string, string) {
			// A failure to read is not "No customer has the code B001."
			d.show(SectionTickets)
			s := d.shell.tickets
			s.customer.SetText(typed)
			s.store = failingTickets{s.store, err}
			d.do(s.findCustomer)
			return s.status.Text, s.customer.Text
		}},
		{name: "ticket detail", typed: "toner", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionTickets)
			s := d.shell.tickets
			s.search.SetText(typed)
			s.store = failingTickets{s.store, err}
			d.do(func() { s.openDetail(tickets[0]) })
			return s.detail.problem.Text, s.search.Text
		}},
		{name: "customers", typed: "B00", fail: func(d *deskTest, err error, typed string) (string, string) {
			s := d.shell.customers
			d.do(func() { s.search.SetText(typed) }) // its list load lands first
			s.store = failingCustomers{s.store, err}
			d.do(s.loadPeople)
			return s.listStatus.Text, s.search.Text
		}},
		{name: "prices", typed: "P0", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionProducts)
			s := d.shell.products
			s.search.SetText(typed)
			s.prices.store = failingPrices{s.prices.store, err}
			d.do(func() { s.prices.show(products[0].ID) })
			return s.prices.empty.Text, s.search.Text
		}},
		{name: "products list", typed: "P0", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionProducts)
			s := d.shell.products
			// A master screen reads its list through its PageSource.
			s.list.src = PageSource[model.Product]{
				Count: func(context.Context, model.ListFilter) (int, error) { return 0, err },
				Fetch: func(context.Context, model.ListFilter) ([]model.Product, error) { return nil, err },
			}
			d.do(func() { s.search.SetText(typed) })
			return s.listStatus.Text, s.search.Text
		}},
		{name: "vendor record", typed: "V0", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionVendors)
			s := d.shell.vendors
			d.do(func() { s.search.SetText(typed) })
			s.kind.fetch = func(context.Context, uint) (*model.Vendor, error) { return nil, err }
			d.do(func() { s.reload(1) })
			return s.form.parts().fields.Other.Text, s.search.Text
		}},
		{name: "contacts", typed: "B00", fail: func(d *deskTest, err error, typed string) (string, string) {
			s := d.shell.customers
			d.do(func() { s.search.SetText(typed) })
			p := s.contacts
			p.owner.load = func(context.Context, uint) ([]model.Contact, error) { return nil, err }
			d.do(func() { p.show(1) })
			return p.empty.Text, s.search.Text
		}},
		{name: "people", typed: "Lin", fail: func(d *deskTest, err error, typed string) (string, string) {
			d.show(SectionPeople)
			s := d.shell.people
			d.do(func() { s.search.SetText(typed) })
			s.store = failingPeople{s.store, err}
			d.do(func() { s.showGroups(0) })
			return s.form.fields.Other.Text, s.search.Text
		}},
		{name: "action-item queues", fail: func(d *deskTest, err error, _ string) (string, string) {
			d.show(SectionActionItems)
			s := items(d).queues
			s.store = failingQueues{s.store, err}
			d.do(s.reload)
			return s.status.Text, ""
		}},
		{name: "dashboard", fail: func(d *deskTest, err error, _ string) (string, string) {
			d.show(SectionActionItems)
			s := items(d).dashboard
			s.store = failingDashboard{s.store, err}
			d.do(s.reload)
			return s.status.Text, ""
		}},
		{name: "hand-over", fail: func(d *deskTest, err error, _ string) (string, string) {
			d.show(SectionActionItems)
			p := items(d).dashboard.handover
			p.store = failingHandover{p.store, err}
			d.do(p.load)
			return p.fields.Other.Text, ""
		}},
		{name: "teams", fail: func(d *deskTest, err error, _ string) (string, string) {
			d.show(SectionActionItems)
			s := items(d).teams
			s.store = failingTeams{s.store, err}
			d.do(func() { s.reload(0) })
			return s.status.Text, ""
		}},
		{name: "settings", fail: func(d *deskTest, err error, _ string) (string, string) {
			s := d.shell.prefs
			s.store = failingSettings{s.store, err}
			s.logo.store = failingLogo{s.logo.store, err}
			d.show(SectionSettings)
			return s.office.fields.Other.Text, ""
		}},
		{name: "office logo", fail: func(d *deskTest, err error, _ string) (string, string) {
			s := d.shell.prefs
			s.logo.store = failingLogo{s.logo.store, err}
			d.do(s.logo.load)
			return s.logo.problem.Text, ""
		}},
	}
	manager := person(t, store, "ML")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			logPath, err := model.StartLog(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(model.StopLog)
			d := newDeskTest(t, store, manager)
			failure := errors.New("injected read failure under the " + c.name)
			read, kept := c.fail(d, failure, c.typed)
			if !strings.HasPrefix(read, "Could not load") {
				t.Errorf("the clerk reads %q, want Could not load…", read)
			}
			if kept != c.typed {
				t.Errorf("the clerk typed %q, the field holds %q", c.typed, kept)
			}
			log, _ := os.ReadFile(logPath)
			if !strings.Contains(string(log), failure.Error()) {
				t.Errorf("the log does not have the cause %q:\n%s", failure, log)
			}
		})
	}
}

type failingDrafts struct {
	ordersStore
	err error
}

func (f failingDrafts) Drafts(context.Context, uint, string) ([]model.Draft, error) {
	return nil, f.err
}

type failingTicketChoices struct {
	ticketsStore
	err error
}

func (f failingTicketChoices) Groups(context.Context) ([]model.Group, error) { return nil, f.err }

// TestQuietLoadsAreLogged: a read whose failure the clerk need not be told
// of (the offer of a draft; the choices of the tickets filters, whose
// board says what failed) still writes its cause to the log.
func TestQuietLoadsAreLogged(t *testing.T) {
	store := demoOffice(t, 0)
	logPath, err := model.StartLog(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(model.StopLog)
	d := newDeskTest(t, store, person(t, store, "ML"))
	drafts := errors.New("injected failure reading drafts")
	d.shell.orders.store = failingDrafts{d.shell.orders.store, drafts}
	d.show(SectionOrders)
	choices := errors.New("injected failure reading groups")
	d.shell.tickets.store = failingTicketChoices{d.shell.tickets.store, choices}
	d.show(SectionTickets)
	log, _ := os.ReadFile(logPath)
	for _, err := range []error{drafts, choices} {
		if !strings.Contains(string(log), err.Error()) {
			t.Errorf("the log does not have %q:\n%s", err, log)
		}
	}
}
