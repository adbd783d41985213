package model

import (
	"context"
	"fmt"
)

// ObjectRef names one object a note can be attached to.
type ObjectRef struct {
	Kind ObjectKind
	ID   uint
}

// ObjectNames returns how a clerk knows each object of refs: a customer,
// vendor or product by its code and names, an order by its number, a
// shipment by its number and its order's. Tickets and objects not found
// are left out; the caller names them by kind and id.
func (s *Store) ObjectNames(ctx context.Context, refs []ObjectRef) (map[ObjectRef]string, error) {
	ids := map[ObjectKind][]uint{}
	for _, r := range refs {
		ids[r.Kind] = append(ids[r.Kind], r.ID)
	}
	out := map[ObjectRef]string{}
	db := s.reader(ctx)
	if len(ids[OnCustomer]) > 0 {
		var rows []Customer
		if err := db.Select("id, code, name_zh, name_en, active").Find(&rows, ids[OnCustomer]).Error; err != nil {
			return nil, err
		}
		for i := range rows {
			out[ObjectRef{OnCustomer, rows[i].ID}] = rows[i].Display()
		}
	}
	if len(ids[OnProduct]) > 0 {
		var rows []Product
		if err := db.Select("id, code, name_zh, name_en").Find(&rows, ids[OnProduct]).Error; err != nil {
			return nil, err
		}
		for i := range rows {
			out[ObjectRef{OnProduct, rows[i].ID}] = rows[i].Display()
		}
	}
	if len(ids[OnVendor]) > 0 {
		var rows []Vendor
		if err := db.Select("id, code, name_zh, name_en").Find(&rows, ids[OnVendor]).Error; err != nil {
			return nil, err
		}
		for i := range rows {
			out[ObjectRef{OnVendor, rows[i].ID}] = rows[i].Display()
		}
	}
	if len(ids[OnOrder]) > 0 {
		var rows []Order
		if err := db.Select("id, no").Find(&rows, ids[OnOrder]).Error; err != nil {
			return nil, err
		}
		for i := range rows {
			out[ObjectRef{OnOrder, rows[i].ID}] = rows[i].No
		}
	}
	if len(ids[OnShipment]) > 0 {
		var rows []struct {
			ID          uint
			No, OrderNo string
		}
		if err := db.Table("shipments").Select("shipments.id, shipments.no, orders.no AS order_no").
			Joins("JOIN orders ON orders.id = shipments.order_id").Where("shipments.id IN ?", ids[OnShipment]).
			Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[ObjectRef{OnShipment, r.ID}] = fmt.Sprintf("%s (%s)", r.No, r.OrderNo)
		}
	}
	return out, nil
}

// ItemsFilter asks for pending action items across the office (the
// command line's list): one person's or everyone's, optionally only the
// overdue ones.
type ItemsFilter struct {
	// PersonID narrows to the items assigned to one person (0: everyone's,
	// groups' included).
	PersonID uint
	// Overdue keeps only items due before today.
	Overdue bool
	Limit   int
}

// PendingItems returns the pending action items matching f, oldest due first.
func (s *Store) PendingItems(ctx context.Context, f ItemsFilter) ([]Note, error) {
	q := s.reader(ctx).Preload("Author").Preload("Assignee").Preload("AssignedGroup").
		Where("pending = ?", true)
	if f.PersonID != 0 {
		q = q.Where("assignee_id = ?", f.PersonID)
	}
	if f.Overdue {
		q = q.Where("due_on < ?", s.Today())
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []Note
	return out, q.Order("due_on, id").Find(&out).Error
}

// NotesByID returns the notes with these ids, with who wrote them and who
// must act, in id order (a handover preview's list of action items).
func (s *Store) NotesByID(ctx context.Context, ids []uint) ([]Note, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []Note
	err := s.reader(ctx).Preload("Author").Preload("Assignee").Preload("AssignedGroup").
		Where("id IN ?", ids).Order("id").Find(&out).Error
	return out, err
}
