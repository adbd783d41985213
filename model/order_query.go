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

// Overdue returns the gates the order is overdue at, at time now (in the
// office's time zone). OverdueSQL states the same conditions for the list
// query; a test holds the two together.
func (r OrderRow) Overdue(now time.Time) []Gate {
	today := DateOf(now)
	startOfToday := today.Time(now.Location())
	before := func(t *time.Time, limit time.Time) bool { return t != nil && t.Before(limit) }
	in := func(states ...State) bool {
		for _, s := range states {
			if r.State == s {
				return true
			}
		}
		return false
	}
	var g []Gate
	if in(StateDraft, StateChecking) && before(r.AnswerPromisedBy, now) && r.AnswerGivenAt == nil {
		g = append(g, GateAnswer)
	}
	if before(r.SignBackOwedSince, startOfToday) {
		g = append(g, GateSignBack)
	}
	if in(StateConfirmationSent) && r.DepositDue > r.DepositPaid && before(r.SignedBackAt, startOfToday) {
		g = append(g, GateDeposit)
	}
	if in(StateReleased, StateInProduction) && r.ProdDone == nil && !r.PromisedDate.IsZero() && r.PromisedDate.Before(today) {
		g = append(g, GateProduction)
	}
	if in(StateReleased, StateInProduction) && before(r.ProdDone, startOfToday) {
		g = append(g, GateQC)
	}
	if in(StateInspected) && before(r.QCStockedInAt, startOfToday) {
		g = append(g, GateFinance)
	}
	if r.EmAuthAt != nil && r.RequestNo == "" {
		g = append(g, GatePaperwork)
	}
	return g
}

// overdueSQL is Overdue as a condition on the orders table, for each gate.
func overdueSQL(now time.Time) map[Gate]clauseArgs {
	nowUTC := now.UTC()
	start := DateOf(now).Time(now.Location()).UTC()
	today := DateOf(now)
	return map[Gate]clauseArgs{
		GateAnswer:     {"orders.state IN ? AND orders.answer_promised_by < ? AND orders.answer_given_at IS NULL", []any{[]State{StateDraft, StateChecking}, nowUTC}},
		GateSignBack:   {"orders.sign_back_owed_since < ?", []any{start}},
		GateDeposit:    {"orders.state = ? AND orders.deposit_due > orders.deposit_paid AND orders.signed_back_at < ?", []any{StateConfirmationSent, start}},
		GateProduction: {"orders.state IN ? AND orders.prod_done IS NULL AND orders.promised_date < ?", []any{[]State{StateReleased, StateInProduction}, today}},
		GateQC:         {"orders.state IN ? AND orders.prod_done < ?", []any{[]State{StateReleased, StateInProduction}, start}},
		GateFinance:    {"orders.state = ? AND orders.qc_stocked_in_at < ?", []any{StateInspected, start}},
		GatePaperwork:  {"orders.em_auth_at IS NOT NULL AND orders.request_no = ''", nil},
	}
}

type clauseArgs struct {
	sql  string
	args []any
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
	Text          string
	Sort          OrderSort
	Desc          bool
	Offset, Limit int
}

// orderQuery applies f's conditions at time now.
func orderQuery(db *gorm.DB, f OrderFilter, now time.Time) *gorm.DB {
	q := db.Model(&Order{})
	switch f.View {
	case ViewOpen, "":
		q = q.Where("orders.state IN ?", OpenStates)
	case ViewState:
		q = q.Where("orders.state = ?", f.State)
	case ViewAwaitingSignBack:
		q = q.Where("orders.sign_back_owed_since IS NOT NULL")
	case ViewOverdue:
		conds := overdueSQL(now)
		if f.Gate != "" {
			c := conds[f.Gate]
			q = q.Where(c.sql, c.args...)
		} else {
			var parts []string
			var args []any
			for _, g := range Gates {
				parts = append(parts, "("+conds[g].sql+")")
				args = append(args, conds[g].args...)
			}
			q = q.Where(strings.Join(parts, " OR "), args...)
		}
	case ViewClosed:
		q = q.Where("orders.state IN ?", []State{StateCancelled, StateDeclined})
	}
	if f.CustomerID != 0 {
		q = q.Where("orders.customer_id = ?", f.CustomerID)
	}
	if text := strings.TrimSpace(f.Text); text != "" {
		if no, err := ParseNumber(SeriesOrder, text); err == nil {
			q = q.Where("orders.no = ?", no)
		} else {
			q = q.Where(`orders.search LIKE ? ESCAPE '\'`, likePattern(text))
		}
	}
	return q
}

// Orders returns one page of the order list.
func (s *Store) Orders(ctx context.Context, f OrderFilter) ([]OrderRow, error) {
	q := orderQuery(s.reader(ctx), f, s.Now()).
		Select(`orders.id, orders.no, orders.state, orders.customer_id, customers.code AS customer_code,
			customers.name_zh AS customer_name_zh, customers.name_en AS customer_name_en, orders.customer_po,
			orders.channel, orders.received_at, orders.requested_date, orders.confirmed_date, orders.promised_date,
			orders.slip_days, orders.total, orders.currency, orders.current_rev, orders.answer_promised_by,
			orders.answer_given_at, orders.sign_back_owed_since, orders.signed_back_at, orders.deposit_due,
			orders.deposit_paid, orders.prod_done, orders.qc_stocked_in_at, orders.em_auth_at, orders.request_no`).
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

// CountOrders returns how many orders the filter matches.
func (s *Store) CountOrders(ctx context.Context, f OrderFilter) (int, error) {
	var n int64
	err := orderQuery(s.reader(ctx), f, s.Now()).Count(&n).Error
	return int(n), err
}

// Summary returns the order as a list row.
func (o *Order) Summary() OrderRow {
	r := OrderRow{ID: o.ID, No: o.No, State: o.State, CustomerID: o.CustomerID, CustomerPO: o.CustomerPO,
		Channel: o.Channel, ReceivedAt: o.ReceivedAt, RequestedDate: o.RequestedDate, ConfirmedDate: o.ConfirmedDate,
		PromisedDate: o.PromisedDate, SlipDays: o.SlipDays, Total: o.Total, Currency: o.Currency, CurrentRev: o.CurrentRev,
		AnswerPromisedBy: o.AnswerPromisedBy, AnswerGivenAt: o.AnswerGivenAt, SignBackOwedSince: o.SignBackOwedSince,
		SignedBackAt: o.SignedBackAt, DepositDue: o.DepositDue, DepositPaid: o.DepositPaid, ProdDone: o.ProdDone,
		QCStockedInAt: o.QC.StockedInAt, EmAuthAt: o.Emergency.Authorised.At, RequestNo: o.RequestNo}
	if o.Customer != nil {
		r.CustomerCode, r.CustomerNameZH, r.CustomerNameEN = o.Customer.Code, o.Customer.NameZH, o.Customer.NameEN
	}
	return r
}
