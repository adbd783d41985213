package model

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"gorm.io/gorm"
)

// ShipmentView is one of the shipping screen's lists.
type ShipmentView string

// The shipping lists.
const (
	ShipViewToShip         ShipmentView = "to-ship"          // cleared orders without a shipment, and partly shipped ones
	ShipViewInTransit      ShipmentView = "in-transit"       // left, not arrived
	ShipViewFollowUp       ShipmentView = "follow-up"        // in transit, the follow-up check is due (today or missed)
	ShipViewOverdue        ShipmentView = "overdue"          // in transit past the expected arrival
	ShipViewAwaitReceipt   ShipmentView = "awaiting-receipt" // arrived, the signed arrival receipt not back
	ShipViewDeliveredMonth ShipmentView = "delivered-month"  // receipt signed, arrived this month
	ShipViewNoticeUnsent   ShipmentView = "notice-unsent"    // not void, the shipping notice not sent to the customer yet (seed 002 step 16)
	ShipViewMonth          ShipmentView = "month"            // the monthly archive: shipped in ShipmentFilter.Month
)

// ShipmentViews lists the views in the order the shipping screen shows them.
var ShipmentViews = []ShipmentView{ShipViewToShip, ShipViewInTransit, ShipViewFollowUp, ShipViewOverdue,
	ShipViewAwaitReceipt, ShipViewDeliveredMonth, ShipViewNoticeUnsent}

// Name returns the view's English name, the key of its translation.
func (v ShipmentView) Name() string {
	switch v {
	case ShipViewToShip:
		return "To ship"
	case ShipViewInTransit:
		return "In transit"
	case ShipViewFollowUp:
		return "Follow-up due"
	case ShipViewOverdue:
		return "Overdue arrivals"
	case ShipViewAwaitReceipt:
		return "Awaiting signed receipt"
	case ShipViewDeliveredMonth:
		return "Delivered this month"
	case ShipViewNoticeUnsent:
		return "Notices not sent"
	case ShipViewMonth:
		return "Monthly archive"
	}
	return string(v)
}

// ParseShipmentView reads a view by its code ("in-transit").
func ParseShipmentView(code string) (ShipmentView, error) {
	for _, v := range append(ShipmentViews, ShipViewMonth) {
		if string(v) == code {
			return v, nil
		}
	}
	return "", fmt.Errorf("unknown shipment view %q", code)
}

// ShipmentFilter is what a shipping list asks for.
type ShipmentFilter struct {
	View ShipmentView
	// Month is any day of the month for ShipViewMonth.
	Month         Date
	Offset, Limit int
}

// ShipmentRow is a shipment (or, in the "to ship" list, an order still to
// ship: ID 0) as the shipping lists show it.
type ShipmentRow struct {
	ID              uint
	No              string
	Status          ShipmentStatus
	OrderID         uint
	OrderNo         string
	OrderState      State
	OrderReceivedAt time.Time
	CustomerCode    string
	CustomerNameZH  string
	CustomerNameEN  string
	RequestedDate   Date
	Carrier         string
	TrackingNo      string
	Packages        int
	WeightKg        Qty
	ShipDate        Date
	ExpectedArrival Date
	FollowUpOn      Date
	ArrivedOn       Date
	ReceiptBy       string
	ReceiptScan     string
	NoticeIssuedAt  *time.Time
	NoticeSentAt    *time.Time
	NoticeLegibleAt *time.Time
	EmergencyBy     string
	Remainder       bool
	VoidReason      string
	Version         int64
}

// CustomerName returns the customer's name in the given language, falling back to the other.
func (r ShipmentRow) CustomerName(lang string) string {
	if lang == LangEN && r.CustomerNameEN != "" || r.CustomerNameZH == "" {
		return r.CustomerNameEN
	}
	return r.CustomerNameZH
}

// DaysLate returns how many days after the expected arrival the goods
// arrived, or are still not there on today.
func (r ShipmentRow) DaysLate(today Date) int {
	return daysLate(r.Status, r.ExpectedArrival, r.ArrivedOn, today)
}

// LateAgainstRequest reports whether the goods are expected after the date the customer asked for.
func (r ShipmentRow) LateAgainstRequest() bool {
	return r.ID != 0 && !r.RequestedDate.IsZero() && r.ExpectedArrival.After(r.RequestedDate)
}

const shipmentColumns = `shipments.id, shipments.no, shipments.status, shipments.order_id, orders.no AS order_no,
	orders.state AS order_state, orders.received_at AS order_received_at, customers.code AS customer_code, customers.name_zh AS customer_name_zh,
	customers.name_en AS customer_name_en, orders.requested_date, shipments.carrier, shipments.tracking_no,
	shipments.packages, shipments.weight_kg, shipments.ship_date, shipments.expected_arrival, shipments.follow_up_on,
	shipments.arrived_on, shipments.receipt_by, shipments.receipt_scan, shipments.notice_issued_at,
	shipments.notice_sent_at, shipments.notice_legible_at, shipments.emergency_by, shipments.remainder,
	shipments.void_reason, shipments.version`

// monthRange returns the first day of d's month and of the month after.
func monthRange(d Date) (Date, Date) {
	first := NewDate(d.Year(), d.Month(), 1)
	next := NewDate(d.Year(), d.Month()+1, 1)
	if d.Month() == time.December {
		next = NewDate(d.Year()+1, time.January, 1)
	}
	return first, next
}

// shipmentQuery applies a shipment view's conditions on today, with its natural order.
func shipmentQuery(db *gorm.DB, f ShipmentFilter, today Date, ordered bool) *gorm.DB {
	q := db.Table("shipments")
	order := "shipments.id"
	switch f.View {
	case ShipViewInTransit:
		q, order = q.Where("shipments.status = ?", ShipInTransit), "shipments.expected_arrival, shipments.id"
	case ShipViewFollowUp:
		q = q.Where("shipments.status = ? AND shipments.follow_up_on <= ?", ShipInTransit, today)
		order = "shipments.follow_up_on, shipments.id"
	case ShipViewOverdue:
		q = q.Where("shipments.status = ? AND shipments.expected_arrival < ?", ShipInTransit, today)
		order = "shipments.expected_arrival, shipments.id"
	case ShipViewAwaitReceipt:
		q, order = q.Where("shipments.status = ?", ShipArrived), "shipments.arrived_on, shipments.id"
	case ShipViewDeliveredMonth:
		first, next := monthRange(today)
		q = q.Where("shipments.status = ? AND shipments.arrived_on >= ? AND shipments.arrived_on < ?", ShipReceived, first, next)
		order = "shipments.arrived_on DESC, shipments.id DESC"
	case ShipViewNoticeUnsent:
		// Issued or not, a notice counts as unsent until it is faxed or
		// mailed; the oldest shipment comes first.
		q = q.Where("shipments.status <> ? AND shipments.notice_sent_at IS NULL", ShipVoid)
		order = "shipments.ship_date, shipments.id"
	case ShipViewMonth:
		first, next := monthRange(f.Month)
		q = q.Where("shipments.ship_date >= ? AND shipments.ship_date < ?", first, next)
		order = "shipments.ship_date, shipments.id"
	}
	if ordered {
		q = q.Order(order)
	}
	return q
}

// toShipParts are the two halves of the "to ship" list: orders finance has
// cleared (an order with a shipment has moved on to shipped), and orders
// whose latest shipment left goods still to ship. Each is read from its
// own index (orders by state and date, shipments by the remainder flag);
// a single query joining them would read every candidate order's row.
func toShipParts(db *gorm.DB) []*gorm.DB {
	return []*gorm.DB{
		db.Table("orders").Where("orders.state = ?", StateCleared),
		db.Table("orders").Where("orders.id IN (SELECT shipments.order_id FROM shipments WHERE shipments.remainder = ?)", true),
	}
}

// toShip returns one page of the "to ship" list, oldest order first.
func (s *Store) toShip(ctx context.Context, f ShipmentFilter) ([]ShipmentRow, error) {
	var all []ShipmentRow
	for _, q := range toShipParts(s.reader(ctx)) {
		q = q.Select(`0 AS id, orders.id AS order_id, orders.no AS order_no, orders.state AS order_state,
			orders.received_at AS order_received_at, customers.code AS customer_code, customers.name_zh AS customer_name_zh,
			customers.name_en AS customer_name_en, orders.requested_date, orders.ship_expected_arrival AS expected_arrival,
			orders.em_auth_by AS emergency_by`).
			Joins("JOIN customers ON customers.id = orders.customer_id").
			Order("orders.received_at").Order("orders.id")
		if f.Limit > 0 {
			q = q.Limit(f.Offset + f.Limit)
		}
		var part []ShipmentRow
		if err := q.Scan(&part).Error; err != nil {
			return nil, err
		}
		all = append(all, part...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if !a.OrderReceivedAt.Equal(b.OrderReceivedAt) {
			return a.OrderReceivedAt.Before(b.OrderReceivedAt)
		}
		return a.OrderID < b.OrderID
	})
	if f.Offset >= len(all) {
		return nil, nil
	}
	all = all[f.Offset:]
	if f.Limit > 0 && len(all) > f.Limit {
		all = all[:f.Limit]
	}
	return all, nil
}

// Shipments returns one page of a shipping list.
func (s *Store) Shipments(ctx context.Context, f ShipmentFilter) ([]ShipmentRow, error) {
	if f.View == ShipViewToShip {
		return s.toShip(ctx, f)
	}
	q := shipmentQuery(s.reader(ctx), f, s.Today(), true).Select(shipmentColumns).
		Joins("JOIN orders ON orders.id = shipments.order_id").
		Joins("JOIN customers ON customers.id = orders.customer_id")
	var out []ShipmentRow
	return out, paged(q, ListFilter{Offset: f.Offset, Limit: f.Limit}).Scan(&out).Error
}

// ShipmentRow returns one shipment as the shipping lists show it.
func (s *Store) ShipmentRow(ctx context.Context, id uint) (ShipmentRow, error) {
	var out []ShipmentRow
	err := s.reader(ctx).Table("shipments").Select(shipmentColumns).
		Joins("JOIN orders ON orders.id = shipments.order_id").
		Joins("JOIN customers ON customers.id = orders.customer_id").
		Where("shipments.id = ?", id).Limit(1).Scan(&out).Error
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return ShipmentRow{}, err
	}
	return out[0], nil
}

// View returns the shipping list that shows the row on today: an order to
// ship in "to ship", a shipment by where it stands; a void one, or one
// delivered in an earlier month, in the monthly archive of its ship date.
func (r ShipmentRow) View(today Date) ShipmentView {
	switch {
	case r.ID == 0:
		return ShipViewToShip
	case r.Status == ShipInTransit:
		return ShipViewInTransit
	case r.Status == ShipArrived:
		return ShipViewAwaitReceipt
	case r.Status == ShipReceived:
		if first, next := monthRange(today); !r.ArrivedOn.Before(first) && r.ArrivedOn.Before(next) {
			return ShipViewDeliveredMonth
		}
	}
	return ShipViewMonth
}

// CountShipments returns how many rows a shipping list has.
func (s *Store) CountShipments(ctx context.Context, f ShipmentFilter) (int, error) {
	db := s.reader(ctx)
	parts := []*gorm.DB{shipmentQuery(db, f, s.Today(), false)}
	if f.View == ShipViewToShip {
		parts = []*gorm.DB{db.Table("orders").Where("orders.state = ?", StateCleared),
			db.Table("shipments").Where("shipments.remainder = ?", true)}
	}
	total := 0
	for _, q := range parts {
		var n int64
		if err := q.Count(&n).Error; err != nil {
			return 0, err
		}
		total += int(n)
	}
	return total, nil
}

// ShipmentArchive returns every shipment shipped in the month of day, void
// ones included: the monthly hand-over of shipping orders to customer service.
func (s *Store) ShipmentArchive(ctx context.Context, month Date) ([]ShipmentRow, error) {
	return s.Shipments(ctx, ShipmentFilter{View: ShipViewMonth, Month: month})
}

// ShipmentCSVHeader is the first row of the monthly archive's CSV file.
var ShipmentCSVHeader = []string{"出貨單號 Shipment", "訂單 Order", "客戶代號 Customer code", "客戶 Customer",
	"出貨日 Ship date", "貨運 Carrier", "追蹤號碼 Tracking no.", "件數 Packages", "重量 kg Weight",
	"預計到貨 Expected", "到貨日 Arrived", "簽收人 Receipt signed by", "狀態 Status", "延遲天數 Days late", "作廢原因 Void reason"}

// WriteShipmentsCSV writes shipping rows as a CSV file for Excel (CSVWriter:
// UTF-8 with a byte-order mark, formula-looking cells neutralised).
func WriteShipmentsCSV(w io.Writer, rows []ShipmentRow, today Date) error {
	cw, err := NewCSVWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write(ShipmentCSVHeader); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.No, r.OrderNo, r.CustomerCode, r.CustomerName(LangZH), r.ShipDate.String(), r.Carrier,
			r.TrackingNo, strconv.Itoa(r.Packages), r.WeightKg.Plain(), r.ExpectedArrival.String(), r.ArrivedOn.String(),
			r.ReceiptBy, string(r.Status), strconv.Itoa(r.DaysLate(today)), r.VoidReason}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}
