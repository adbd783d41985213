package ui

import (
	"fyne.io/fyne/v2"
)

// refresher is a section whose lists can be read again from the database
// without touching what the clerk is typing (forms and dialogs keep their
// text; lists keep their scroll position).
type refresher interface{ Refresh() }

// startRefresh reloads the current section's lists when the window comes
// back to the front (and at each service.Refresh while it is open).
func (s *Shell) startRefresh(a fyne.App) {
	a.Lifecycle().SetOnEnteredForeground(s.refreshCurrent)
}

// refreshCurrent asks the section on screen to read its lists again.
func (s *Shell) refreshCurrent() {
	if r, ok := s.current().(refresher); ok && s.desk.Employee() != nil {
		r.Refresh()
	}
}

// Refresh reloads the order list (the list only: an order open in the
// detail or the intake form is left as the clerk has it).
func (s *ordersScreen) Refresh() { s.list.list.Reload() }

// Refresh reloads the shipping view on screen.
func (s *shippingScreen) Refresh() { s.reloadCurrent() }

// Refresh reloads the ticket board, unless a ticket is open or being moved.
func (s *ticketsScreen) Refresh() {
	if s.detail == nil {
		s.reload()
	}
}

// Refresh reloads the queue on screen.
func (s *itemsSection) Refresh() {
	if s.tabs.SelectedIndex() == 0 {
		s.queues.reload()
	}
}
