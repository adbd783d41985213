package model

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// OpenRMA numbers and records a return of an order's shipped goods.
func (s *Store) OpenRMA(ctx context.Context, by Actor, in RMAInput) (*RMA, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *RMA
	err := s.write(ctx, func(tx *gorm.DB) error {
		// What the order's other returns take back is read below and
		// checked before this one is inserted: one desk at a time per order.
		if err := lockForCheck(tx, fmt.Sprintf("rma-order-%d", in.OrderID)); err != nil {
			return err
		}
		o, err := loadOrder(tx, "orders.id = ?", in.OrderID)
		if err != nil {
			return err
		}
		c, err := s.ruleCtx(tx, by)
		if err != nil {
			return err
		}
		shipments, err := shipmentsOf(tx, o.ID)
		if err != nil {
			return err
		}
		others, err := rmasOf(tx, o.ID)
		if err != nil {
			return err
		}
		if in.TicketID != 0 {
			var n int64
			if err := tx.Model(&Ticket{}).Where("id = ?", in.TicketID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return Refuse("There is no such ticket.")
			}
		}
		r, err := newRMA(o, c, in, shipments, others)
		if err != nil {
			return err
		}
		if r.No, err = nextNumber(tx, SeriesRMA, c.Today().Year()); err != nil {
			return err
		}
		now := s.now()
		if err := insertRow(tx, by, now, r); err != nil {
			return err
		}
		for i := range r.Lines {
			r.Lines[i].RMAID = r.ID
			if err := insertRow(tx, by, now, &r.Lines[i]); err != nil {
				return err
			}
		}
		lines := []Msg{M("Return {{.No}} opened for order {{.Order}}: {{.Reason}}", "No", r.No, "Order", o.No, "Reason", r.Reason.Name())}
		for _, l := range r.Lines {
			lines = append(lines, M("line {{.Line}}: {{.Qty}}", "Line", l.LineNo, "Qty", l.Qty.String()))
		}
		if err := logEvent(tx, eventWith(Event{Entity: "rma", EntityID: r.ID, At: now, By: by.Name, ByID: by.ID,
			Action: ActCreated, To: string(RMAOpened), Note: r.Complaint}, lines...)); err != nil {
			return err
		}
		r.Order = o
		out = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ChangeRMA runs one of a return's rules (Authorize, Receive, Inspect,
// Decide, Close, Cancel) in one transaction, refusing if someone changed
// the return since the clerk read version (0 skips that check).
func (s *Store) ChangeRMA(ctx context.Context, by Actor, id uint, version int64, rule func(r *RMA, c Ctx) error) (*RMA, error) {
	return s.changeRMA(ctx, by, id, version, func(_ *gorm.DB, r *RMA, c Ctx) error { return rule(r, c) })
}

func (s *Store) changeRMA(ctx context.Context, by Actor, id uint, version int64, rule func(tx *gorm.DB, r *RMA, c Ctx) error) (*RMA, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *RMA
	err := s.write(ctx, func(tx *gorm.DB) error {
		r, err := loadRMA(tx, "rmas.id = ?", id)
		if err != nil {
			return err
		}
		if version != 0 && r.Version != version {
			return conflict(r.label(), r.Row, by)
		}
		c, err := s.ruleCtx(tx, by)
		if err != nil {
			return err
		}
		if err := rule(tx, r, c); err != nil {
			return err
		}
		if err := updateRow(tx, by, s.now(), r, r.label()); err != nil {
			return err
		}
		for _, e := range r.pending {
			e.EntityID = r.ID
			if err := logEvent(tx, e); err != nil {
				return err
			}
		}
		r.pending = nil
		out = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ShipReplacement records the shipment that replaces a return's goods: a
// new shipment of the original order, of the quantities that came back,
// leaving today. It stands beside the order's own shipments (the order's
// lines were shipped in full once; this replaces what came back).
func (s *Store) ShipReplacement(ctx context.Context, by Actor, id uint, version int64, carrier, trackingNo string) (*RMA, error) {
	return s.changeRMA(ctx, by, id, version, func(tx *gorm.DB, r *RMA, c Ctx) error {
		if err := r.mayShipReplacement(c); err != nil {
			return err
		}
		o := r.Order
		today := c.Today()
		lead := LeadDaysFor(o.Customer.Region)
		sh := &Shipment{OrderID: o.ID, Status: ShipInTransit, Carrier: carrier, TrackingNo: trackingNo, ShipDate: today,
			Region: o.Customer.Region, LeadDays: lead, ExpectedArrival: today.AddDays(lead), FollowUpOn: today.AddDays(lead),
			ShipTo: o.Customer.DeliveryAddress, Note: "Replacement for " + r.No}
		for _, l := range r.Lines {
			sh.Lines = append(sh.Lines, ShipmentLine{OrderLineID: l.OrderLineID, LineNo: l.LineNo, Qty: l.Qty})
		}
		var err error
		if sh.No, err = nextNumber(tx, SeriesShipment, today.Year()); err != nil {
			return err
		}
		now := s.now()
		if err := insertRow(tx, by, now, sh); err != nil {
			return err
		}
		for i := range sh.Lines {
			sh.Lines[i].ShipmentID = sh.ID
			if err := insertRow(tx, by, now, &sh.Lines[i]); err != nil {
				return err
			}
		}
		if err := logEvent(tx, eventWith(Event{Entity: "shipment", EntityID: sh.ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated,
			To: string(ShipInTransit), Note: sh.Note}, sh.said(o)...)); err != nil {
			return err
		}
		r.ReplacementID = &sh.ID
		r.DueOn = today.AddDays(RMADueDays[RMADecided])
		r.log(c, "replacement", r.State, M("Replacement shipped: {{.No}}", "No", sh.No), "")
		return nil
	})
}

// RMA returns one return with its lines and its order.
func (s *Store) RMA(ctx context.Context, id uint) (*RMA, error) {
	return loadRMA(s.reader(ctx), "rmas.id = ?", id)
}

// RMAByNo returns one return by its number, as a clerk types it.
func (s *Store) RMAByNo(ctx context.Context, no string) (*RMA, error) {
	canon, err := ParseNumber(SeriesRMA, no)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	return loadRMA(s.reader(ctx), "rmas.no = ?", canon)
}

func loadRMA(db *gorm.DB, where string, arg any) (*RMA, error) {
	return loadWithLines(db, where, arg, func(r *RMA) (uint, **Order) { return r.OrderID, &r.Order })
}

func rmasOf(db *gorm.DB, orderID uint) ([]RMA, error) {
	var out []RMA
	err := db.Preload("Lines", func(q *gorm.DB) *gorm.DB { return q.Order("line_no") }).
		Where("order_id = ?", orderID).Order("id").Find(&out).Error
	return out, err
}

// RMAsOf returns an order's returns with their lines, oldest first.
func (s *Store) RMAsOf(ctx context.Context, orderID uint) ([]RMA, error) {
	return rmasOf(s.reader(ctx), orderID)
}

// RMARow is one line of the returns list.
type RMARow struct {
	ID       uint
	No       string
	OrderNo  string
	Customer string
	State    RMAState
	Reason   RMAReason
	Decision RMADecision
	DueOn    Date
	Version  int64
}

// Overdue reports whether the row's current step is past due on today.
func (r RMARow) Overdue(today Date) bool {
	return r.State.Open() && !r.DueOn.IsZero() && r.DueOn.Before(today)
}

// RMAs returns the returns, the soonest due first; open leaves out the
// closed and cancelled ones; the Repair & Returns team's queue is RMAs(open).
func (s *Store) RMAs(ctx context.Context, open bool) ([]RMARow, error) {
	q := s.rmaRows(ctx)
	if open {
		q = q.Where("rmas.state NOT IN ?", []RMAState{RMAClosed, RMACancelled})
	}
	var out []RMARow
	return out, q.Order("rmas.due_on IS NULL, rmas.due_on, rmas.no").Scan(&out).Error
}

// OverdueRMAs returns the open returns whose step is past due, the oldest
// due first: the manager's dashboard shows them.
func (s *Store) OverdueRMAs(ctx context.Context) ([]RMARow, error) {
	var out []RMARow
	return out, s.rmaRows(ctx).Where("rmas.state IN ? AND rmas.due_on < ?", openRMAStates, s.Today()).
		Order("rmas.due_on, rmas.no").Scan(&out).Error
}

func (s *Store) rmaRows(ctx context.Context) *gorm.DB {
	return s.reader(ctx).Table("rmas").
		Select("rmas.id, rmas.no, orders.no AS order_no, customers.code || ' ' || COALESCE(NULLIF(customers.name_zh, ''), customers.name_en) AS customer, rmas.state, rmas.reason, rmas.decision, rmas.due_on, rmas.version").
		Joins("JOIN orders ON orders.id = rmas.order_id").
		Joins("JOIN customers ON customers.id = orders.customer_id")
}
