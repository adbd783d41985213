package model

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Gate is a step of the procedure an order can be overdue at.
type Gate string

// The gates the overdue list watches.
const (
	GateAnswer     Gate = "answer"     // the answer promised to the customer (step 4)
	GateSignBack   Gate = "sign_back"  // the signed confirmation, due the day it was faxed (step 9)
	GateDeposit    Gate = "deposit"    // the deposit, once the signed copy is back (step 9.2)
	GateProduction Gate = "production" // finished goods by the promised date
	GateQC         Gate = "qc"         // inspection once production reports it finished
	GateFinance    Gate = "finance"    // finance clearance once stocked in
	GatePaperwork  Gate = "paperwork"  // the shipment request after an emergency shipment
)

// Gates lists the gates in the order of the procedure.
var Gates = []Gate{GateAnswer, GateSignBack, GateDeposit, GateProduction, GateQC, GateFinance, GatePaperwork}

// Name returns the gate's English name, the key of its translation.
func (g Gate) Name() string {
	switch g {
	case GateAnswer:
		return "Answer to the customer"
	case GateSignBack:
		return "Signed confirmation"
	case GateDeposit:
		return "Deposit"
	case GateProduction:
		return "Production"
	case GateQC:
		return "QC inspection"
	case GateFinance:
		return "Finance clearance"
	case GatePaperwork:
		return "Shipment request after emergency shipping"
	}
	return string(g)
}

// OrderRow is an order as the lists show it: the order's own columns and
// its customer's code and names, without its lines and records.
type OrderRow struct {
	ID                uint
	No                string
	State             State
	CustomerID        uint
	CustomerCode      string
	CustomerNameZH    string
	CustomerNameEN    string
	CustomerPO        string
	Channel           Channel
	ReceivedAt        time.Time
	RequestedDate     Date
	ConfirmedDate     Date
	PromisedDate      Date
	SlipDays          int
	Total             Money
	Currency          string
	CurrentRev        int
	AnswerPromisedBy  *time.Time
	AnswerGivenAt     *time.Time
	SignBackOwedSince *time.Time
	SignedBackAt      *time.Time
	DepositDue        Money
	DepositPaid       Money
	ProdDone          *time.Time
	QCStockedInAt     *time.Time `gorm:"column:qc_stocked_in_at"`
	EmAuthAt          *time.Time `gorm:"column:em_auth_at"`
	RequestNo         string
	DueAt             *time.Time
	// RelClerkAt is when production was released (nil before): the slip stops there.
	RelClerkAt *time.Time `gorm:"column:rel_clerk_at"`
}

// CustomerName returns the customer's name in the given language, falling back to the other.
func (r OrderRow) CustomerName(lang string) string {
	if lang == LangEN && r.CustomerNameEN != "" || r.CustomerNameZH == "" {
		return r.CustomerNameEN
	}
	return r.CustomerNameZH
}

// DaysLate returns how many days the signed confirmation is late (0 when
// not awaited or still due today), counted as the slip rule counts them.
func (r OrderRow) DaysLate(now time.Time, office Office) int {
	if r.SignBackOwedSince == nil {
		return 0
	}
	return lateDays(DateOf(r.SignBackOwedSince.In(now.Location())), DateOf(now), office)
}

// Deadlines returns, for each gate the order owes now, the moment it becomes
// overdue; loc is the office's time zone, whose midnights end the days.
//   - answer: the time promised to the customer (step 4);
//   - sign-back: the end of the day the confirmation was faxed (step 9.3);
//   - deposit: the end of the day the signed copy came back;
//   - production: the end of the promised finished-goods date;
//   - QC: the end of the day production reported the order finished;
//   - finance: the end of the day QC stocked the goods in;
//   - paperwork: at once, from the emergency authorisation.
func (r OrderRow) Deadlines(loc *time.Location) map[Gate]time.Time {
	in := func(states ...State) bool {
		for _, s := range states {
			if r.State == s {
				return true
			}
		}
		return false
	}
	endOfDay := func(t time.Time) time.Time { return DateOf(t.In(loc)).AddDays(1).Time(loc) }
	d := map[Gate]time.Time{}
	if in(StateDraft, StateChecking) && r.AnswerPromisedBy != nil && r.AnswerGivenAt == nil {
		d[GateAnswer] = *r.AnswerPromisedBy
	}
	if r.SignBackOwedSince != nil {
		d[GateSignBack] = endOfDay(*r.SignBackOwedSince)
	}
	if in(StateConfirmationSent) && r.DepositDue > r.DepositPaid && r.SignedBackAt != nil {
		d[GateDeposit] = endOfDay(*r.SignedBackAt)
	}
	if in(StateReleased, StateInProduction) && r.ProdDone == nil && !r.PromisedDate.IsZero() {
		d[GateProduction] = r.PromisedDate.AddDays(1).Time(loc)
	}
	if in(StateReleased, StateInProduction) && r.ProdDone != nil {
		d[GateQC] = endOfDay(*r.ProdDone)
	}
	if in(StateInspected) && r.QCStockedInAt != nil {
		d[GateFinance] = endOfDay(*r.QCStockedInAt)
	}
	if r.EmAuthAt != nil && r.RequestNo == "" {
		d[GatePaperwork] = *r.EmAuthAt
	}
	return d
}

// Overdue returns the gates the order is overdue at, at time now (in the
// office's time zone), in the order of the procedure.
func (r OrderRow) Overdue(now time.Time) []Gate {
	d := r.Deadlines(now.Location())
	var g []Gate
	for _, gate := range Gates {
		if t, ok := d[gate]; ok && !t.After(now) {
			g = append(g, gate)
		}
	}
	return g
}

// dueAt returns the earliest of the deadlines, or nil when nothing is owed.
func (r OrderRow) dueAt(loc *time.Location) *time.Time {
	var first *time.Time
	for _, t := range r.Deadlines(loc) {
		if first == nil || t.Before(*first) {
			t := t.UTC()
			first = &t
		}
	}
	return first
}

// OrderView is one of the order list's views.
type OrderView string

// The order list's views.
const (
	ViewOpen             OrderView = "open"      // every order still being worked
	ViewState            OrderView = "state"     // the orders in OrderFilter.State
	ViewAwaitingSignBack OrderView = "sign_back" // faxed, signed copy not back
	ViewOverdue          OrderView = "overdue"   // overdue at any gate (or OrderFilter.Gate)
	ViewClosed           OrderView = "closed"    // cancelled or declined
	ViewFromQuote        OrderView = "quote"     // won from a Quote ticket
	ViewAll              OrderView = "all"
)

// OrderSort is a column the order list sorts by.
type OrderSort string

// The sortable columns.
const (
	SortReceived OrderSort = "received"
	SortNo       OrderSort = "no"
	SortCustomer OrderSort = "customer"
	SortPromised OrderSort = "promised"
	SortTotal    OrderSort = "total"
	SortState    OrderSort = "state"
)

// OrderFilter is what the order list asks for.
type OrderFilter struct {
	View       OrderView
	State      State // for ViewState
	Gate       Gate  // for ViewOverdue: one gate only ("" for any)
	CustomerID uint
	// Text matches the order number, the customer's code or names, the PO
	// number and the products' codes and names (Chinese substrings too).
	Text string
	// Sort is the column to sort by; "" is the view's own order (the most
	// late sign-back first, the most overdue first, else the newest first).
	Sort          OrderSort
	Desc          bool
	Offset, Limit int
}

// orderQuery applies f's conditions at time now; text is f.Text resolved.
func orderQuery(db *gorm.DB, f OrderFilter, now time.Time, text *textMatch) *gorm.DB {
	q := db.Model(&Order{})
	switch f.View {
	case ViewOpen, "":
		q = q.Where("orders.open = ?", true)
	case ViewState:
		q = q.Where("orders.state = ?", f.State)
	case ViewAwaitingSignBack:
		q = q.Where("orders.sign_back_owed_since IS NOT NULL")
	case ViewOverdue:
		if f.Gate != "" {
			// The gate's own deadlines, in their index's order.
			q = q.Joins("JOIN order_deadlines ON order_deadlines.order_id = orders.id AND order_deadlines.gate = ?", f.Gate).
				Where("order_deadlines.due_at <= ?", now.UTC())
		} else {
			q = q.Where("orders.due_at <= ?", now.UTC())
		}
	case ViewClosed:
		q = q.Where("orders.state IN ?", []State{StateCancelled, StateDeclined})
	case ViewFromQuote:
		q = q.Where("orders.quote_ticket_id IS NOT NULL")
	}
	if f.CustomerID != 0 {
		q = q.Where("orders.customer_id = ?", f.CustomerID)
	}
	if text != nil {
		q = q.Where(text.where())
	}
	return q
}

// normalisePO puts a customer's PO number in the form it is stored and
// searched in: trimmed, capitals.
func normalisePO(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// resolve looks up f's search text, or returns nil when there is none.
func (s *Store) resolve(db *gorm.DB, f OrderFilter) (*textMatch, error) {
	if strings.TrimSpace(f.Text) == "" {
		return nil, nil
	}
	return resolveText(db, strings.TrimSpace(f.Text))
}

// Orders returns one page of the order list. The text search matches the
// order number, the customer's code or names, a product's code or names
// (Chinese substrings too) and the beginning of the customer's PO number.
func (s *Store) Orders(ctx context.Context, f OrderFilter) ([]OrderRow, error) {
	db := s.reader(ctx)
	text, err := s.resolve(db, f)
	if err != nil {
		return nil, err
	}
	if text != nil && f.Sort == "" {
		text.walk = true // a broad match is read newest first (below)
	}
	q := orderQuery(db, f, s.Now(), text).
		Select(`orders.id, orders.no, orders.state, orders.customer_id, customers.code AS customer_code,
			customers.name_zh AS customer_name_zh, customers.name_en AS customer_name_en, orders.customer_po,
			orders.channel, orders.received_at, orders.requested_date, orders.confirmed_date, orders.promised_date,
			orders.slip_days, orders.total, orders.currency, orders.current_rev, orders.answer_promised_by,
			orders.answer_given_at, orders.sign_back_owed_since, orders.signed_back_at, orders.deposit_due,
			orders.deposit_paid, orders.prod_done, orders.qc_stocked_in_at, orders.em_auth_at, orders.request_no, orders.due_at,
			orders.rel_clerk_at`).
		Joins("JOIN customers ON customers.id = orders.customer_id")
	dir := ""
	if f.Desc {
		dir = " DESC"
	}
	switch f.Sort {
	case SortNo:
		q = q.Order("orders.no" + dir)
	case SortCustomer:
		q = q.Order("customers.code" + dir).Order("orders.id DESC")
	case SortPromised:
		q = q.Order("orders.promised_date" + dir).Order("orders.id")
	case SortTotal:
		q = q.Order("orders.total" + dir).Order("orders.id")
	case SortState:
		q = q.Order("orders.state" + dir).Order("orders.id")
	case "":
		// Each view's natural order: the most urgent first where there is one.
		switch {
		case text != nil && text.oneCustomer():
			q = q.Order("orders.received_at DESC").Order("orders.id DESC") // that customer's index order
		case text != nil:
			q = q.Order("orders.id DESC") // newest first, the order a broad search walks in
		case f.View == ViewAwaitingSignBack:
			q = q.Order("orders.sign_back_owed_since").Order("orders.id")
		case f.View == ViewOverdue && f.Gate != "":
			q = q.Order("order_deadlines.due_at").Order("orders.id") // the longest overdue at the gate first
		case f.View == ViewOverdue:
			q = q.Order("orders.due_at").Order("orders.id")
		default:
			q = q.Order("orders.received_at DESC").Order("orders.id DESC")
		}
	default:
		if f.Sort == SortReceived && !f.Desc {
			q = q.Order("orders.received_at").Order("orders.id")
		} else {
			q = q.Order("orders.received_at DESC").Order("orders.id DESC")
		}
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	var out []OrderRow
	return out, q.Scan(&out).Error
}

// OrderCount is how many orders a filter matches. A broad search stops
// counting at SearchCountCap: AtLeast then says there are that many or more.
type OrderCount struct {
	N       int
	AtLeast bool
}

// CountOrders returns how many orders the filter matches.
func (s *Store) CountOrders(ctx context.Context, f OrderFilter) (OrderCount, error) {
	db := s.reader(ctx)
	text, err := s.resolve(db, f)
	if err != nil {
		return OrderCount{}, err
	}
	if states, ok := countedStates(f, text); ok {
		return s.countInStates(ctx, states)
	}
	if f.View == ViewOverdue && f.Gate != "" && text == nil && f.CustomerID == 0 {
		// The gate's deadlines alone: reading each order's row would cost
		// a page read per overdue order.
		var n int64
		err := db.Model(&OrderDeadline{}).Where("gate = ? AND due_at <= ?", f.Gate, s.Now().UTC()).Count(&n).Error
		return OrderCount{N: int(n)}, err
	}
	q := orderQuery(db, f, s.Now(), text)
	if text != nil && text.broad {
		n, err := cappedCount(q, SearchCountCap+1)
		if n > SearchCountCap {
			return OrderCount{N: SearchCountCap, AtLeast: true}, err
		}
		return OrderCount{N: n}, err
	}
	var n int64
	err = q.Count(&n).Error
	return OrderCount{N: int(n)}, err
}

// Summary returns the order as a list row.
func (o *Order) Summary() OrderRow {
	r := OrderRow{ID: o.ID, No: o.No, State: o.State, CustomerID: o.CustomerID, CustomerPO: o.CustomerPO,
		Channel: o.Channel, ReceivedAt: o.ReceivedAt, RequestedDate: o.RequestedDate, ConfirmedDate: o.ConfirmedDate,
		PromisedDate: o.PromisedDate, SlipDays: o.SlipDays, Total: o.Total, Currency: o.Currency, CurrentRev: o.CurrentRev,
		AnswerPromisedBy: o.AnswerPromisedBy, AnswerGivenAt: o.AnswerGivenAt, SignBackOwedSince: o.SignBackOwedSince,
		SignedBackAt: o.SignedBackAt, DepositDue: o.DepositDue, DepositPaid: o.DepositPaid, ProdDone: o.ProdDone,
		QCStockedInAt: o.QC.StockedInAt, EmAuthAt: o.Emergency.Authorised.At, RequestNo: o.RequestNo, DueAt: o.DueAt,
		RelClerkAt: o.Release.ClerkSigned.At}
	if o.Customer != nil {
		r.CustomerCode, r.CustomerNameZH, r.CustomerNameEN = o.Customer.Code, o.Customer.NameZH, o.Customer.NameEN
	}
	return r
}

// countedStates returns the states a filter's view is made of, when the
// filter asks nothing else: its count is then the sum of the kept counts.
func countedStates(f OrderFilter, text *textMatch) ([]State, bool) {
	if text != nil || f.CustomerID != 0 {
		return nil, false
	}
	switch f.View {
	case ViewOpen, "":
		return OpenStates, true
	case ViewState:
		return []State{f.State}, true
	case ViewClosed:
		return []State{StateCancelled, StateDeclined}, true
	case ViewAll:
		return States, true
	}
	return nil, false
}

// countInStates adds up the kept counts of states.
func (s *Store) countInStates(ctx context.Context, states []State) (OrderCount, error) {
	var n *int64
	err := s.reader(ctx).Model(&OrderStateCount{}).Select("SUM(n)").Where("state IN ?", states).Scan(&n).Error
	if n == nil {
		return OrderCount{}, err
	}
	return OrderCount{N: int(*n)}, err
}
