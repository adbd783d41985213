// Package demo creates the demo office: the organisation of seed 004, the
// work groups of seed 003, customers of every tier, products with their
// price plan, vendors, and a few hundred orders at every step of seed 002,
// so that a new clerk sees a working desk on the first start.
package demo

import (
	"context"
	"fmt"

	"orderdesk/model"
)

// Orders is how many orders the demo office starts with: enough to fill
// every list and view, few enough to create in about a second.
const Orders = 400

// Password is every demo person's password, as the README says.
const Password = "demo"

// IfEmpty creates the demo office when the database holds no employees yet
// (a first start) and does nothing otherwise, so a real office's data is
// never touched.
func IfEmpty(ctx context.Context, s *model.Store) error {
	people, err := s.Employees(ctx, true)
	if err != nil {
		return err
	}
	if len(people) > 0 {
		return nil
	}
	return Create(ctx, s, Orders)
}

// Create fills an empty database with the demo office and n generated orders.
func Create(ctx context.Context, s *model.Store, n int) error {
	b := &builder{s: s, ctx: ctx, people: map[string]*model.Employee{}, groups: map[string]*model.Group{}}
	steps := []struct {
		what string
		do   func() error
	}{
		{"people", b.addPeople},
		{"office", b.addOffice},
		{"groups", b.addGroups},
		{"teams", b.addTeams},
		{"products", b.addProducts},
		{"customers", b.addCustomers},
		{"vendors", b.addVendors},
		{"prices", b.addPrices},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			return fmt.Errorf("demo office, %s: %w", st.what, err)
		}
	}
	if n > 0 {
		if err := s.GenerateOrders(ctx, n, 1, nil); err != nil {
			return fmt.Errorf("demo office, orders: %w", err)
		}
	}
	if n > 0 {
		if err := b.addShipments(); err != nil {
			return fmt.Errorf("demo office, shipments: %w", err)
		}
		if err := b.addRMAs(); err != nil {
			return fmt.Errorf("demo office, returns: %w", err)
		}
	}
	if err := b.addNotes(); err != nil {
		return fmt.Errorf("demo office, action items: %w", err)
	}
	if err := b.addTickets(); err != nil {
		return fmt.Errorf("demo office, tickets: %w", err)
	}
	// The won quote makes an order: an office made without orders (-orders
	// 0, the tests that number their own) stays without any.
	if n > 0 {
		if err := b.addQuotes(); err != nil {
			return fmt.Errorf("demo office, quotes: %w", err)
		}
	}
	return nil
}

// builder carries what one step creates to the steps after it.
type builder struct {
	s         *model.Store
	ctx       context.Context
	people    map[string]*model.Employee // by initials
	groups    map[string]*model.Group    // by code
	customers []*model.Customer
	products  []*model.Product
	shipped   []uint // orders addShipments shipped, for the returns
}

// manager is who sets the demo office up: its CS supervisor, so that every
// setup step is recorded under a real person who may make it.
func (b *builder) manager() model.Actor { return b.people["ML"].Actor() }
