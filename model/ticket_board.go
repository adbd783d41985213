package model

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ticketColumns reads the pages of several open columns in one statement:
// each column's page is its own subquery walking idx_tickets_column to
// its limit, joined by UNION ALL, and the managers and customers of all
// the cards are read once for their distinct ids. The board opened with
// a read per column and two per column's names: 24 statements where this
// is 3.
func (s *Store) ticketColumns(ctx context.Context, f TicketFilter) ([]Ticket, error) {
	if len(f.Statuses) == 0 {
		return nil, nil
	}
	parts := make([]string, 0, len(f.Statuses))
	args := make([]any, 0, len(f.Statuses))
	for i, st := range f.Statuses {
		if st.Closed() {
			// Done work sorts by when it closed, not by the column order
			// the union is sorted by below.
			return nil, fmt.Errorf("ticket columns: status %d is closed", st)
		}
		g := f
		g.Statuses, g.PerStatus = []TicketStatus{st}, 0
		// The page's ids only: the walk of idx_tickets_column reads the
		// index alone, and the statement stays short to parse (SQLite
		// prepares it anew each time: eight column lists took longer to
		// parse than the walks took to run).
		q := s.ticketQuery(ctx, g).Select("id").Order(ticketColumnOrder).Limit(f.PerStatus)
		if f.Offset > 0 {
			q = q.Offset(f.Offset)
		}
		parts = append(parts, fmt.Sprintf("SELECT id FROM (?) AS c%d", i))
		args = append(args, q)
	}
	union := s.reader(ctx).Raw(strings.Join(parts, " UNION ALL "), args...)
	// The cards come sorted by column, then in the column's order: a
	// total order (the number is unique), so each column's cards are the
	// page Tickets returns for it.
	var out []Ticket
	err := s.reader(ctx).Model(&Ticket{}).Omit("description", "resolution").Where("id IN (?)", union).
		Order("status, " + ticketColumnOrder).Find(&out).Error
	if err != nil {
		return nil, err
	}
	return out, withNames(s.reader(ctx), out)
}

// withNames sets the manager and customer of each card, reading each
// distinct one once. GORM's Preload read them the same way but walked every
// card by reflection three times over to gather the ids and set them: a
// fifth of a board's read.
func withNames(db *gorm.DB, rows []Ticket) error {
	var mgrIDs, custIDs []uint
	seenM, seenC := map[uint]bool{}, map[uint]bool{}
	for i := range rows {
		if id := rows[i].ManagerID; id != nil && !seenM[*id] {
			seenM[*id] = true
			mgrIDs = append(mgrIDs, *id)
		}
		if id := rows[i].CustomerID; id != nil && !seenC[*id] {
			seenC[*id] = true
			custIDs = append(custIDs, *id)
		}
	}
	var people []Employee
	if len(mgrIDs) > 0 {
		if err := db.Where("id IN ?", mgrIDs).Find(&people).Error; err != nil {
			return err
		}
	}
	var customers []Customer
	if len(custIDs) > 0 {
		if err := db.Where("id IN ?", custIDs).Find(&customers).Error; err != nil {
			return err
		}
	}
	byM := make(map[uint]*Employee, len(people))
	for i := range people {
		byM[people[i].ID] = &people[i]
	}
	byC := make(map[uint]*Customer, len(customers))
	for i := range customers {
		byC[customers[i].ID] = &customers[i]
	}
	for i := range rows {
		if id := rows[i].ManagerID; id != nil {
			rows[i].Manager = byM[*id]
		}
		if id := rows[i].CustomerID; id != nil {
			rows[i].Customer = byC[*id]
		}
	}
	return nil
}
