package model

import (
	"errors"

	"gorm.io/gorm"
)

// loadOrder reads an order with everything the rules and screens look at,
// in a fixed handful of queries: the order with which of its five kinds of
// records it has, its customer and contact, the people it names (one query
// for all of them), its lines and their products, and then only the kinds
// of records it has. GORM's Preload took a query for each of the fourteen
// associations, and the SQLite driver parses every statement anew: a
// gate step spent most of its time loading the order (issue 21).
func loadOrder(db *gorm.DB, where string, arg any) (*Order, error) {
	// The order and how many records of each kind it has, in one statement:
	// SQLite's driver parses every statement anew, and a SELECT * of the
	// wide orders table is the dearest of a gate step's to prepare.
	var row struct {
		Order
		HasRevisions, HasPayments, HasProgress, HasExceptions, HasRequests int64
	}
	err := db.Model(&Order{}).Select(`orders.*,
		(SELECT count(*) FROM confirmation_revisions WHERE order_id = orders.id) AS has_revisions,
		(SELECT count(*) FROM payments WHERE order_id = orders.id) AS has_payments,
		(SELECT count(*) FROM progress_entries WHERE order_id = orders.id) AS has_progress,
		(SELECT count(*) FROM production_exceptions WHERE order_id = orders.id) AS has_exceptions,
		(SELECT count(*) FROM shipment_requests WHERE order_id = orders.id) AS has_requests`).
		Where(where, arg).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	o := row.Order
	var c Customer
	if err := db.Take(&c, o.CustomerID).Error; err != nil {
		return nil, err
	}
	o.Customer = &c
	if o.ContactID != nil {
		var ct Contact
		if err := db.Take(&ct, *o.ContactID).Error; err != nil {
			return nil, err
		}
		o.Contact = &ct
	}
	if err := loadOrderPeople(db, &o); err != nil {
		return nil, err
	}
	if err := db.Where("order_id = ?", o.ID).Order("line_no").Find(&o.Lines).Error; err != nil {
		return nil, err
	}
	if err := loadLineProducts(db, o.Lines); err != nil {
		return nil, err
	}
	for _, kind := range []struct {
		n     int64
		order string
		dest  any
	}{
		{row.HasRevisions, "rev", &o.Revisions},
		{row.HasPayments, "received_on, id", &o.Payments},
		{row.HasProgress, "day, id", &o.Progress},
		{row.HasExceptions, "id", &o.Exceptions},
		{row.HasRequests, "id", &o.Requests},
	} {
		if kind.n == 0 {
			continue
		}
		if err := db.Where("order_id = ?", o.ID).Order(kind.order).Find(kind.dest).Error; err != nil {
			return nil, err
		}
	}
	// What Preload left for a kind with no records: an empty list, not nil.
	o.Revisions, o.Payments, o.Progress = nonNil(o.Revisions), nonNil(o.Payments), nonNil(o.Progress)
	o.Exceptions, o.Requests, o.Lines = nonNil(o.Exceptions), nonNil(o.Requests), nonNil(o.Lines)
	return &o, nil
}

// loadOrderPeople fills the order's salesperson, taker and clerk and the
// customer's salesperson with one query; each gets a copy of its own, as
// Preload gave them.
func loadOrderPeople(db *gorm.DB, o *Order) error {
	ids := []uint{o.TakenByID, o.ClerkID}
	for _, id := range []*uint{o.SalespersonID, o.Customer.SalespersonID} {
		if id != nil {
			ids = append(ids, *id)
		}
	}
	var found []Employee
	if err := db.Where("id IN ?", ids).Find(&found).Error; err != nil {
		return err
	}
	byID := make(map[uint]*Employee, len(found))
	for i := range found {
		byID[found[i].ID] = &found[i]
	}
	person := func(id uint) *Employee {
		if e, ok := byID[id]; ok {
			cp := *e
			return &cp
		}
		return nil
	}
	o.TakenBy, o.Clerk = person(o.TakenByID), person(o.ClerkID)
	if o.SalespersonID != nil {
		o.Salesperson = person(*o.SalespersonID)
	}
	if o.Customer.SalespersonID != nil {
		o.Customer.Salesperson = person(*o.Customer.SalespersonID)
	}
	return nil
}

// loadLineProducts fills each line's product with one query.
func loadLineProducts(db *gorm.DB, lines []OrderLine) error {
	if len(lines) == 0 {
		return nil
	}
	ids := make([]uint, 0, len(lines))
	for _, l := range lines {
		ids = append(ids, l.ProductID)
	}
	var found []Product
	if err := db.Where("id IN ?", ids).Find(&found).Error; err != nil {
		return err
	}
	byID := make(map[uint]*Product, len(found))
	for i := range found {
		byID[found[i].ID] = &found[i]
	}
	for i := range lines {
		if p, ok := byID[lines[i].ProductID]; ok {
			cp := *p
			lines[i].Product = &cp
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
