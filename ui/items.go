package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// itemsSection is the Action items section: the clerk's queues, the
// manager dashboard and the teams, as tabs.
type itemsSection struct {
	tabs      *container.AppTabs
	queues    *queuesScreen
	dashboard *dashboardScreen
	teams     *teamsScreen
	unmatched *unmatchedScreen
	returns   *returnsScreen
	screens   []screen
	notify    *notifier
}

// newActionItems builds the Action items section of the shell; its
// screens run their loads through the shell's jobs. It also gives the customer,
// product and vendor forms their notes panels and starts the hourly
// reminder, the parts of seed 003 that live outside the section.
func (s *Shell) newActionItems() screen {
	sec := &itemsSection{
		queues:    newQueuesScreen(s.win, s.store, s.desk, &s.work, s.openObject),
		dashboard: newDashboardScreen(s.win, s.store, s.desk, &s.work),
		teams:     newTeamsScreen(s.store, s.desk, &s.work),
		unmatched: newUnmatchedScreen(s.win, s.store, s.desk, &s.work),
		returns:   newReturnsScreen(s.win, s.store, s.desk, &s.work),
	}
	sec.screens = []screen{sec.queues, sec.dashboard, sec.teams, sec.unmatched, sec.returns}
	sec.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("My queues"), sec.queues.Content()),
		container.NewTabItem(lang.L("Manager dashboard"), sec.dashboard.Content()),
		container.NewTabItem(lang.L("Teams"), sec.teams.Content()),
		container.NewTabItem(lang.L("Unmatched returns"), sec.unmatched.Content()),
		container.NewTabItem(lang.L("Returns (RMA)"), sec.returns.Content()))
	sec.tabs.OnSelected = func(*container.TabItem) { sec.Shown() }

	s.customers.form.attachNotes(NewNotesPanel(s.store, s.desk, model.OnCustomer, 0))
	s.products.form.attachNotes(NewNotesPanel(s.store, s.desk, model.OnProduct, 0))
	s.vendors.form.attachNotes(NewNotesPanel(s.store, s.desk, model.OnVendor, 0))
	sec.notify = startNotifier(s.desk, s.sched)
	s.items = sec
	return sec
}

// Content returns the section's widgets.
func (s *itemsSection) Content() fyne.CanvasObject { return s.tabs }

// Shown loads the open tab.
func (s *itemsSection) Shown() { s.screens[s.tabs.SelectedIndex()].Shown() }

// handOver opens the manager dashboard's hand-over with this person's
// work chosen (the People section, before someone leaves).
func (s *Shell) handOver(id uint) {
	s.items.dashboard.handover.chooseWhenLoaded(id)
	s.items.tabs.SelectIndex(1) // the manager dashboard, which loads the people
	s.Show(SectionActionItems)
}

// openObject shows the object an action item is on, when a section of the
// shell can show it, and reports whether it did.
func (s *Shell) openObject(kind model.ObjectKind, id uint) bool {
	switch kind {
	case model.OnCustomer:
		s.Show(SectionCustomers)
		s.customers.openRecord(id)
		return true
	case model.OnProduct:
		s.Show(SectionProducts)
		s.products.openRecord(id)
		return true
	case model.OnVendor:
		s.Show(SectionVendors)
		s.vendors.openRecord(id)
		return true
	case model.OnOrder:
		s.openOrder(id, "")
		return true
	case model.OnShipment:
		s.Show(SectionShipping)
		s.shipping.openShipment(id)
		return true
	case model.OnTicket:
		s.Show(SectionTickets)
		s.work.Go(func() func() {
			t, err := s.store.Ticket(context.Background(), id)
			return func() {
				if err != nil {
					setProblemText(s.tickets.status, SayLoadErr(err))
					return
				}
				s.tickets.openDetail(*t)
			}
		})
		return true
	}
	return false
}

// openOrder shows an order's detail in the Orders section and, when then
// is an action the order allows, opens that action's dialog on it.
func (s *Shell) openOrder(id uint, then model.Action) {
	s.orders.flushDraft() // a new order being typed is kept as a draft
	s.Show(SectionOrders)
	s.orders.openOrderThen(id, then)
}

// canOpen reports whether openObject can show objects of this kind
// (every kind a note can be on has a screen).
func canOpen(kind model.ObjectKind) bool {
	switch kind {
	case model.OnCustomer, model.OnProduct, model.OnVendor, model.OnOrder, model.OnShipment, model.OnTicket:
		return true
	}
	return false
}

// itemList is a list of action items worked from the keyboard: Up and Down
// move, Enter opens the object the item is on, D marks it done and R
// reopens the last one marked done; O opens the scan of a signature check.
type itemList struct {
	widget.List
	OnOpen     func(id int)
	OnDone     func(id int)
	OnReopen   func()
	OnOpenScan func(id int)
	current    int
}

func newItemList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *itemList {
	l := &itemList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens on Enter, passes Esc to the window, leaves the rest to the list.
func (l *itemList) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case forwardEscape(l, ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if l.OnOpen != nil {
			l.OnOpen(l.current)
		}
	default:
		l.List.TypedKey(ev)
	}
}

// TypedRune marks done (D), reopens (R) or opens the scan (O).
func (l *itemList) TypedRune(r rune) {
	switch r {
	case 'o', 'O':
		if l.OnOpenScan != nil {
			l.OnOpenScan(l.current)
		}
	case 'd', 'D':
		if l.OnDone != nil {
			l.OnDone(l.current)
		}
	case 'r', 'R':
		if l.OnReopen != nil {
			l.OnReopen()
		}
	}
}
