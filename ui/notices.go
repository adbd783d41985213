package ui

import (
	"context"

	"orderdesk/model"
)

// noticed is a section that shows records a save at this desk may change:
// it reads again what it shows of them, keeping what the clerk is typing.
type noticed interface {
	Noticed(cs model.ChangeSet)
}

// listenForChanges makes every section that shows a record changed by a
// save at this desk — in any section, window or dialog — read it again at
// once, from the store's one change notice (changes from other desks come
// with the 30 s refresh). It returns the function that stops listening.
func (s *Shell) listenForChanges() (stop func()) {
	return s.store.OnChange(func(cs model.ChangeSet) {
		s.work.Go(func() func() {
			return func() {
				if s.desk.Employee() == nil {
					return
				}
				for _, sc := range s.screens {
					if n, ok := sc.(noticed); ok {
						n.Noticed(cs)
					}
				}
			}
		})
	})
}

// Noticed reloads the order on the detail when it changed, the list when
// any order did, and the intake's contacts when a contact did (the intake
// form keeps what the clerk typed).
func (s *ordersScreen) Noticed(cs model.ChangeSet) {
	s.intake.noticed(cs)
	if v := s.detail.view; v != nil && cs.Has("order", v.order.ID) {
		s.detail.open(v.order.ID)
	}
	if cs.Touches("order") {
		s.list.list.Reload()
	}
}

// Noticed reloads the shipping lists when an order or shipment changed,
// and the opened row with the steps it now allows when it was among them.
func (s *shippingScreen) Noticed(cs model.ChangeSet) {
	if !cs.Touches("order", "shipment") {
		return
	}
	s.reloadAll()
	r := s.selected
	if !s.ok || !(cs.Has("order", r.OrderID) || (r.ID != 0 && cs.Has("shipment", r.ID))) {
		return
	}
	if r.ID == 0 {
		s.updateButtons()
		return
	}
	s.work.Go(func() func() {
		fresh, err := s.store.ShipmentRow(context.Background(), r.ID)
		return func() {
			if err != nil || s.selected.ID != r.ID {
				return
			}
			s.selected = fresh
			s.updateButtons()
		}
	})
}
