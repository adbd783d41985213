package model

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// GenerateOrders fills the database with n orders for benchmarks and
// demonstrations: a realistic mix over the past three years, most of the old
// ones delivered, the recent ones standing at every step of the procedure,
// each with its lines, revisions, payments, progress, gates and history.
// Every order is walked through the same rules a clerk's would be (in memory,
// then written in large batches), so the data is what the rules make. It
// needs the customers, products, prices and people of an office (orderdesk
// demo). progress, if not nil, is told how many orders are written so far.
func (s *Store) GenerateOrders(ctx context.Context, n int, seed int64, progress func(done int)) (err error) {
	g, err := s.newGenerator(ctx, seed)
	if err != nil {
		return err
	}
	// The walk makes short-lived garbage by the gigabyte; collecting it
	// less often gives its cycles back to SQLite (the heap stays a few
	// hundred megabytes). Restored on return.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	plans := g.plan(n, s.Now())
	var existing int64
	if err := s.reader(ctx).Model(&Order{}).Count(&existing).Error; err != nil {
		return err
	}
	if s.Dialect == SQLite {
		// Building the indexes at the end sorts in memory up to the page
		// cache's size (512 MB instead of the writer's usual 32).
		if err := s.db.WithContext(ctx).Exec("PRAGMA cache_size = -524288").Error; err != nil {
			return err
		}
		defer s.db.WithContext(context.WithoutCancel(ctx)).Exec("PRAGMA cache_size = -32000")
	}
	if existing < int64(n) {
		// A load that more than doubles the orders (the demo office's few
		// hundred, then a benchmark's 250,000): load without the bulk
		// tables' indexes and build them at the end. Building an index
		// sorts once; keeping it up to date costs a B-tree search per row
		// and a page split every few dozen.
		restore, err := s.dropBulkIndexes(ctx)
		if err != nil {
			return err
		}
		defer func() {
			if rerr := restore(); rerr != nil && err == nil {
				err = rerr
			}
			if err == nil && s.Dialect == SQLite {
				// A bulk load changes the data's shape: measure it for the
				// planner, all of it (6 s at 250,000 orders). A sample
				// (analysis_limit) sees one value of a column with few, so
				// it told the planner that each customer had 1,001 orders
				// of 250,000, and the planner sorted all of them for a page.
				err = s.db.WithContext(ctx).Exec("ANALYZE").Error
			}
		}()
	}
	// The next chunk's orders are walked through the rules while the
	// database writes the chunk before (one goroutine each; the walk is
	// sequential, so the same seed still gives the same orders).
	const chunk = 2000
	chunks := make(chan []*Order, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(chunks)
		for start := 0; start < len(plans); start += chunk {
			orders := make([]*Order, 0, chunk)
			for _, p := range plans[start:min(start+chunk, len(plans))] {
				orders = append(orders, g.walk(p))
			}
			select {
			case chunks <- orders:
			case <-stop:
				return
			}
		}
	}()
	write, written, err := s.bulkWrites(ctx)
	if err != nil {
		return err
	}
	defer written() // before the indexes are built again
	done := 0
	latest := lastPrices{}
	for orders := range chunks {
		if err := write(func(w bulkSink) error { return insertGenerated(w, orders, s.Dialect == SQLite, s.Location()) }); err != nil {
			return fmt.Errorf("write generated orders %d–%d: %w", done+1, done+len(orders), err)
		}
		latest.add(orders)
		done += len(orders)
		if progress != nil {
			progress(done)
		}
	}
	return s.write(ctx, latest.merge)
}

// lastPrices are the generated orders' last prices, by customer and
// product, gathered as the orders are written: reading 750,000 lines back
// to find them took longer than writing them.
type lastPrices map[[2]uint]LastPrice

// add takes the lines of orders that went ahead; a later order (by time
// received, then id) replaces an earlier one, as in rebuildLastPrices.
func (m lastPrices) add(orders []*Order) {
	for _, o := range orders {
		if !wentAhead(o.State) {
			continue
		}
		for _, l := range o.Lines {
			lp := LastPrice{CustomerID: o.CustomerID, ProductID: l.ProductID, Currency: o.Currency,
				UnitPrice: l.UnitPrice, OrderID: o.ID, ReceivedAt: o.ReceivedAt}
			if cur, ok := m[[2]uint{lp.CustomerID, lp.ProductID}]; !ok || lp.later(cur) {
				m[[2]uint{lp.CustomerID, lp.ProductID}] = lp
			}
		}
	}
}

// merge writes the gathered prices where they are later than the stored ones.
func (m lastPrices) merge(tx *gorm.DB) error {
	var stored []LastPrice
	if err := tx.Find(&stored).Error; err != nil {
		return err
	}
	for _, lp := range stored {
		if cur, ok := m[[2]uint{lp.CustomerID, lp.ProductID}]; ok && !cur.later(lp) {
			m[[2]uint{lp.CustomerID, lp.ProductID}] = lp
		}
	}
	all := make([]LastPrice, 0, len(m))
	for _, lp := range m {
		all = append(all, lp)
	}
	if len(all) == 0 {
		return nil
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].CustomerID != all[j].CustomerID {
			return all[i].CustomerID < all[j].CustomerID
		}
		return all[i].ProductID < all[j].ProductID
	})
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(all, 50).Error
}

// later reports whether lp comes from a later order than other.
func (lp LastPrice) later(other LastPrice) bool {
	if !lp.ReceivedAt.Equal(other.ReceivedAt) {
		return lp.ReceivedAt.After(other.ReceivedAt)
	}
	return lp.OrderID > other.OrderID
}

type generator struct {
	rng       *rand.Rand
	office    Office
	customers []Customer
	signers   map[uint]*Contact
	products  []Product
	prices    map[uint]Money
	clerks    []Employee
	// eligible are the people who may sign each department's gate.
	eligible map[SignOff][]Employee
	staff    Staff
	counters map[int]int
	// shipNos are the last shipment numbers handed out, by year.
	shipNos map[int]int
	now     time.Time
	loc     *time.Location
}

// orderPlan is what one generated order will be: when it came in and where it ends.
type orderPlan struct {
	received time.Time
	target   State
	no       string
}

func (s *Store) newGenerator(ctx context.Context, seed int64) (*generator, error) {
	db := s.reader(ctx)
	g := &generator{loc: s.Location(), rng: rand.New(rand.NewSource(seed)), signers: map[uint]*Contact{}, prices: map[uint]Money{}, counters: map[int]int{}}
	var err error
	if g.office, err = loadOffice(db); err != nil {
		return nil, err
	}
	if err := db.Where("active = ?", true).Order("id").Find(&g.customers).Error; err != nil {
		return nil, err
	}
	if err := db.Where("active = ?", true).Order("id").Find(&g.products).Error; err != nil {
		return nil, err
	}
	if err := db.Where("active = ?", true).Order("id").Find(&g.clerks).Error; err != nil {
		return nil, err
	}
	if g.staff, err = loadStaff(db); err != nil {
		return nil, err
	}
	g.eligible = map[SignOff][]Employee{}
	for _, gate := range DepartmentSignOffs {
		g.eligible[gate] = Ctx{Office: g.office, Staff: g.staff}.Eligible(gate, nil, g.clerks)
	}
	if len(g.customers) == 0 || len(g.products) == 0 || len(g.clerks) == 0 {
		return nil, errors.New("the database has no customers, products or people: create the demo office first (orderdesk demo)")
	}
	var contacts []Contact
	if err := db.Where("customer_id IS NOT NULL AND can_sign = ? AND active = ?", true, true).Order("id").Find(&contacts).Error; err != nil {
		return nil, err
	}
	for i := range contacts {
		if _, ok := g.signers[*contacts[i].CustomerID]; !ok {
			g.signers[*contacts[i].CustomerID] = &contacts[i]
		}
	}
	var prices []Price
	if err := db.Where("customer_id IS NULL").Order("valid_from").Find(&prices).Error; err != nil {
		return nil, err
	}
	for _, p := range prices {
		g.prices[p.ProductID] = p.UnitPrice
	}
	var counters []Counter
	db.Where("series = ?", SeriesOrder).Find(&counters)
	for _, c := range counters {
		g.counters[c.Year] = c.Last
	}
	g.shipNos = map[int]int{}
	counters = nil
	db.Where("series = ?", SeriesShipment).Find(&counters)
	for _, c := range counters {
		g.shipNos[c.Year] = c.Last
	}
	return g, nil
}

// plan decides when each order came in and where it ends, oldest first, and
// numbers them in that order.
func (g *generator) plan(n int, now time.Time) []orderPlan {
	g.now = now
	plans := make([]orderPlan, n)
	span := 3 * 365 * 24 * time.Hour
	for i := range plans {
		// More orders recently than long ago: a growing business.
		f := 1 - g.rng.Float64()*g.rng.Float64()
		received := now.Add(-span + time.Duration(f*float64(span)))
		age := now.Sub(received)
		plans[i] = orderPlan{received: received, target: g.target(age)}
	}
	sort.Slice(plans, func(i, j int) bool { return plans[i].received.Before(plans[j].received) })
	for i := range plans {
		y := plans[i].received.Year()
		g.counters[y]++
		plans[i].no = FormatNumber(SeriesOrder, y, g.counters[y])
	}
	return plans
}

// target picks the state an order of the given age has reached.
func (g *generator) target(age time.Duration) State {
	r := g.rng.Intn(100)
	if age > 45*24*time.Hour {
		switch {
		case r < 92:
			return StateDelivered
		case r < 97:
			return StateCancelled
		default:
			return StateDeclined
		}
	}
	open := []State{StateDraft, StateChecking, StateConfirmationSent, StateReleased, StateInProduction,
		StateInspected, StateCleared, StateShipped, StateDelivered, StateDelivered, StateOnHold, StateCancelled}
	return open[g.rng.Intn(len(open))]
}

// walk builds one order and takes it through the rules to its planned state.
func (g *generator) walk(p orderPlan) *Order {
	rng := g.rng
	cust := &g.customers[rng.Intn(len(g.customers))]
	clerk := g.clerks[rng.Intn(len(g.clerks))]
	tol := []int{3, 5, 10}[rng.Intn(3)]
	o := &Order{No: p.no, CustomerID: cust.ID, Customer: cust, Channel: Channels[rng.Intn(len(Channels))],
		Memo: "來電訂購，請儘快回覆交期", ReceivedAt: p.received.UTC(), TakenByID: clerk.ID, ClerkID: clerk.ID, SalespersonID: cust.SalespersonID,
		CustomerPO: fmt.Sprintf("PO%06d", rng.Intn(1000000)), PaymentMethod: cust.PaymentTerms, Currency: cust.Currency, DeliveryTerms: cust.DeliveryTerms,
		RequestedDate: DateOf(p.received).AddDays(14 + rng.Intn(30)), TolerancePct: &tol, Packaging: "棧板包裝 pallet",
		State: StateDraft, StateSince: p.received.UTC()}
	if c := g.signers[cust.ID]; c != nil {
		id := c.ID
		o.ContactID = &id
	}
	for i, k := 0, 1+rng.Intn(5); i < k; i++ {
		pr := &g.products[rng.Intn(len(g.products))]
		price := g.prices[pr.ID]
		if price == 0 {
			price = MoneyOf(int64(500 + rng.Intn(5000)))
		}
		o.Lines = append(o.Lines, OrderLine{LineNo: i + 1, ProductID: pr.ID, Product: pr, Spec: pr.Spec(),
			Qty: QtyOf(int64(10 + rng.Intn(500))), Unit: pr.Unit, UnitPrice: price, PlanPrice: price})
	}
	o.recomputeTotals()
	o.refreshDerived(g.loc)
	o.pending = append(o.pending, Event{Entity: "order", At: o.ReceivedAt, By: clerk.Name, ByID: clerk.ID, Action: ActCreated, To: string(StateDraft)})

	now := p.received
	by := clerk.Actor()
	// signer picks someone entitled to sign gate (anyone for "" or when
	// nobody is: the rule then refuses and the order stops there).
	signer := func(gate SignOff) Signer {
		people := g.eligible[gate]
		if len(people) == 0 {
			people = g.clerks
		}
		e := people[rng.Intn(len(people))]
		return SignerOf(&e)
	}
	// The steps share the order's age, so none happens after today; older
	// orders took their time, recent ones were quick.
	stepLen := min(g.now.Sub(p.received)/24, 48*time.Hour)
	ctx := func() Ctx {
		now = now.Add(stepLen/2 + time.Duration(rng.Int63n(int64(stepLen/2)+1)))
		c := Ctx{By: by, Now: now, Office: g.office, Staff: g.staff}
		auto := c
		auto.By = System
		o.ApplySlip(auto)
		return c
	}
	stopAt := p.target
	sideStop := State("")
	if stopAt == StateOnHold || stopAt == StateCancelled {
		sideStop = stopAt
		stopAt = []State{StateDraft, StateChecking, StateConfirmationSent, StateReleased, StateInProduction}[rng.Intn(5)]
	}
	steps := g.path(o, signer, stopAt == StateDeclined)
	for _, step := range steps {
		if o.State == stopAt && stopAt != StateDeclined {
			break
		}
		if err := step(o, ctx()); err != nil {
			break // refused: the order stays where the rules left it
		}
	}
	switch sideStop {
	case StateOnHold:
		o.Hold(ctx(), "等待客戶確認 waiting for the customer")
	case StateCancelled:
		o.Cancel(ctx(), "客戶取消 customer cancelled")
	}
	o.refreshDerived(g.loc)
	return o
}

// path returns the steps of the procedure in order; a declined order stops
// at a technical check that says it cannot be produced.
func (g *generator) path(o *Order, signer func(SignOff) Signer, decline bool) []func(*Order, Ctx) error {
	rng := g.rng
	sign := func() *Contact { return g.signers[o.CustomerID] }
	steps := []func(*Order, Ctx) error{
		func(o *Order, c Ctx) error { return o.Submit(c) },
		func(o *Order, c Ctx) error {
			return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: !decline, MaterialInStock: true, Note: "原紙庫存足夠", SignedBy: signer(SignOffTechnical)})
		},
	}
	if decline {
		return append(steps, func(o *Order, c Ctx) error { return o.Decline(c, "無法生產 cannot be produced", "") })
	}
	steps = append(steps,
		func(o *Order, c Ctx) error {
			return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: c.Today().AddDays(2), FinishedDate: c.Today().AddDays(7 + rng.Intn(14)), Qty: QtyOf(100), SignedBy: signer(SignOffProductionDate)})
		},
		func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") },
		func(o *Order, c Ctx) error { return o.RecordFaxSent(c) },
		func(o *Order, c Ctx) error { return o.ConfirmFaxLegible(c, "林小姐") },
	)
	signBack := func(o *Order, c Ctx) error {
		if o.SignBackOwedSince == nil {
			return nil
		}
		return o.RecordSignBack(c, SignBackInput{Contact: sign(), Stamped: sign() == nil || rng.Intn(3) == 0})
	}
	early := o.Tier() == TierA && rng.Intn(2) == 0
	if !early {
		steps = append(steps, signBack)
	}
	steps = append(steps,
		func(o *Order, c Ctx) error {
			if o.DepositDue > o.DepositPaid {
				return o.RecordPayment(c, PaymentDeposit, o.DepositDue-o.DepositPaid, c.Today(), "TT")
			}
			return nil
		},
		func(o *Order, c Ctx) error { return o.ReleaseProduction(c, signer(SignOffProductionOrder), true) },
		func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(50), false, "") },
	)
	if early {
		steps = append(steps, signBack)
	}
	if rng.Intn(20) == 0 { // now and then production reports a problem
		steps = append(steps, func(o *Order, c Ctx) error {
			if err := o.ReportException(c, signer(SignOffProductionOrder), "斷紙 web break on the rewinder"); err != nil {
				return err
			}
			if err := o.EscalateException(c, len(o.Exceptions), "客服主管, 營銷總監"); err != nil {
				return err
			}
			return o.AgreeExceptionResponse(c, len(o.Exceptions), "交期延後兩天，客戶同意 two days later, customer agreed", signer(""))
		})
	}
	steps = append(steps,
		func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(50), true, "復卷完成") },
		func(o *Order, c Ctx) error {
			in := QCInput{Produced: map[int]Qty{}, QuantityOK: true, PackagingOK: true, LabelsOK: true, Inspector: signer(SignOffQC)}
			for _, l := range o.Lines {
				in.Produced[l.LineNo] = l.Qty
			}
			return o.RecordQC(c, in)
		},
		func(o *Order, c Ctx) error {
			if o.Tier() == TierA || o.BalanceDueWithTax(c.Office) == 0 {
				return nil
			}
			if err := o.IssueBalanceNotice(c); err != nil {
				return err
			}
			return o.RecordPayment(c, PaymentBalance, o.BalanceDueWithTax(c.Office), c.Today(), "TT")
		},
		func(o *Order, c Ctx) error { return o.ClearFinance(c, signer(SignOffFinance), "") },
		func(o *Order, c Ctx) error {
			return o.IssueShipmentRequest(c, "", ShipmentRequestInput{ShipTo: o.ShipToAddress(), Receiver: "倉管 林先生", Phone: "02-2345-6789", Checked: true})
		},
		g.ship,
		g.arrive,
	)
	return steps
}

// insertGenerated writes one chunk of generated orders with all their
// records, numbering their shipment requests from the counters. On SQLite
// the orders are given their ids here, so that their records can be
// written before the orders' ids are read back.
func insertGenerated(w bulkSink, orders []*Order, sqlite bool, loc *time.Location) error {
	sr := srNumbers{last: map[int]int{}, read: func(y int) (int, error) { return readCounter(w, SeriesShipmentRequest, y) }}
	soLast, err := numberGenerated(orders, &sr)
	if err != nil {
		return err
	}
	if sqlite {
		first, err := firstFreeID(w, "orders")
		if err != nil {
			return err
		}
		for i, o := range orders {
			o.ID = first + uint(i)
		}
	}
	if err := w.insert(orders); err != nil {
		return err
	}
	if sqlite {
		// The shipments' lines name their order lines by id.
		next, err := firstFreeID(w, "order_lines")
		if err != nil {
			return err
		}
		for _, o := range orders {
			for i := range o.Lines {
				o.Lines[i].ID, next = next, next+1
			}
		}
	}
	rows := collectGenerated(orders, loc)
	for _, t := range rows.tables {
		if err := w.insert(t); err != nil {
			return err
		}
	}
	shLast, err := insertGeneratedShipments(w, orders, sqlite)
	if err != nil {
		return err
	}
	for y, n := range shLast {
		if err := setCounter(w, SeriesShipment, y, n); err != nil {
			return err
		}
	}
	return finishGenerated(w, rows, soLast, &sr)
}

// genRows are a chunk's records below its orders, and what the orders add
// to the counts and deadlines.
type genRows struct {
	tables    []any // lines, revisions, payments, progress, requests, exceptions, events
	deadlines []OrderDeadline
	counts    map[State]int64
}

// srNumbers hands out shipment request numbers for generated orders: the
// first of a year follows the counter, the rest are counted here.
type srNumbers struct {
	last map[int]int
	read func(year int) (int, error)
}

func (n *srNumbers) next(year int) (int, error) {
	if _, ok := n.last[year]; !ok {
		last, err := n.read(year)
		if err != nil {
			return 0, err
		}
		n.last[year] = last
	}
	n.last[year]++
	return n.last[year], nil
}

// readCounter returns the last number a series has handed out in a year (0
// for none yet).
func readCounter(w bulkSink, series string, year int) (int, error) {
	var last int64
	err := w.scan(&last, "SELECT last FROM counters WHERE series = ? AND year = ?", series, year)
	return int(last), err
}

// numberGenerated stamps the orders as the generator's, numbers their
// shipment requests, and returns the last order number of each year.
func numberGenerated(orders []*Order, sr *srNumbers) (map[int]int, error) {
	soLast := map[int]int{}
	for _, o := range orders {
		var y, seq int
		fmt.Sscanf(o.No, SeriesOrder+"-%d-%d", &y, &seq)
		soLast[y] = max(soLast[y], seq)
		o.Row = Row{CreatedAt: o.ReceivedAt, UpdatedAt: o.StateSince, CreatedBy: "generator", UpdatedBy: "generator", Version: 1}
		for i := range o.Requests {
			r := &o.Requests[i]
			y := r.Issued.At.Year()
			no, err := sr.next(y)
			if err != nil {
				return nil, err
			}
			r.No = FormatNumber(SeriesShipmentRequest, y, no)
			o.RequestNo = r.No
		}
	}
	return soLast, nil
}

// collectGenerated gathers the records of orders whose ids are set.
func collectGenerated(orders []*Order, loc *time.Location) genRows {
	var lines []*OrderLine // pointers: PostgreSQL gives the ids back to o.Lines
	var revs []ConfirmationRevision
	var pays []Payment
	var progress []ProgressEntry
	var reqs []ShipmentRequest
	var excs []ProductionException
	var events []Event
	out := genRows{counts: map[State]int64{}}
	stamp := func(r *Row, at time.Time) {
		*r = Row{ID: r.ID, CreatedAt: at, UpdatedAt: at, CreatedBy: "generator", UpdatedBy: "generator", Version: 1}
	}
	for _, o := range orders {
		for i := range o.Lines {
			l := &o.Lines[i]
			stamp(&l.Row, o.ReceivedAt)
			l.OrderID = o.ID
			lines = append(lines, l)
		}
		for _, r := range o.Revisions {
			stamp(&r.Row, *r.Issued.At)
			r.OrderID = o.ID
			revs = append(revs, r)
		}
		for _, p := range o.Payments {
			stamp(&p.Row, p.ReceivedOn.Time(time.UTC))
			p.OrderID = o.ID
			pays = append(pays, p)
		}
		for _, p := range o.Progress {
			stamp(&p.Row, p.Day.Time(time.UTC))
			p.OrderID = o.ID
			progress = append(progress, p)
		}
		for _, e := range o.Exceptions {
			stamp(&e.Row, *e.Reported.At)
			e.OrderID = o.ID
			excs = append(excs, e)
		}
		for _, r := range o.Requests {
			stamp(&r.Row, *r.Issued.At)
			r.OrderID = o.ID
			reqs = append(reqs, r)
		}
		for _, e := range o.pending {
			e.EntityID = o.ID
			events = append(events, e)
		}
		o.pending = nil
		out.counts[o.State]++
		d := o.Summary().Deadlines(loc)
		for _, g := range Gates {
			if t, ok := d[g]; ok {
				out.deadlines = append(out.deadlines, OrderDeadline{OrderID: o.ID, Gate: g, DueAt: t.UTC()})
			}
		}
	}
	out.tables = []any{lines, revs, pays, progress, reqs, excs, events}
	return out
}

// finishGenerated adds a chunk to the state counts, writes its deadlines,
// and moves the counters to the last numbers it used.
func finishGenerated(w bulkSink, rows genRows, soLast map[int]int, sr *srNumbers) error {
	if err := addStateCounts(w, rows.counts); err != nil {
		return err
	}
	if err := w.insert(rows.deadlines); err != nil {
		return err
	}
	for series, last := range map[string]map[int]int{SeriesShipmentRequest: sr.last, SeriesOrder: soLast} {
		for y, n := range last {
			if err := setCounter(w, series, y, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// setCounter sets the last number a series handed out in a year.
func setCounter(w bulkSink, series string, year, last int) error {
	return w.exec("INSERT INTO counters (series, year, last) VALUES (?, ?, ?) ON CONFLICT (series, year) DO UPDATE SET last = excluded.last",
		series, year, last)
}

// bulkTables are the tables a generator fills.
var bulkTables = []any{&Order{}, &OrderLine{}, &ConfirmationRevision{}, &Payment{}, &ProgressEntry{},
	&ProductionException{}, &ShipmentRequest{}, &Shipment{}, &ShipmentLine{}, &Event{}}

// dropBulkIndexes drops the indexes of the bulk tables and returns the
// function that builds them again. All of them: even an index whose
// entries arrive in its own order (events by order, orders by number)
// cost more kept up to date during the load (a page split every few dozen
// rows, each with a scratch allocation of SQLite's) than sorted once at the
// end: 250,000 orders loaded in 83 s instead of 95 s.
func (s *Store) dropBulkIndexes(ctx context.Context) (func() error, error) {
	// The indexes are the frozen schema's (what the migrations made), not
	// the struct tags': a tag that drifted from the schema must not change
	// the database.
	want, err := s.expectedSchema(ctx)
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	tables := map[string]bool{}
	for _, m := range bulkTables {
		st := &gorm.Statement{DB: db}
		if err := st.Parse(m); err != nil {
			return nil, err
		}
		tables[st.Schema.Table] = true
	}
	var all []schemaObject
	for _, o := range want {
		// A primary key's index (PostgreSQL's *_pkey) belongs to its table.
		if o.kind == "index" && tables[o.table] && o.def != "" && !strings.HasSuffix(o.name, "_pkey") {
			all = append(all, o)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	// Built again even when ctx was cancelled (Ctrl-C on orderdesk gen):
	// a file must not be left without its indexes. A load killed outright
	// leaves them to the next Open (repairIndexes).
	rebuild := s.db.WithContext(context.WithoutCancel(ctx))
	restore := func() error {
		for _, ix := range all {
			def := strings.Replace(ix.def, " INDEX ", " INDEX IF NOT EXISTS ", 1)
			if err := rebuild.Exec(def).Error; err != nil {
				return fmt.Errorf("rebuild index %s: %w", ix.name, err)
			}
		}
		return nil
	}
	for _, ix := range all {
		if err := db.Exec(`DROP INDEX IF EXISTS "` + ix.name + `"`).Error; err != nil {
			restore()
			return nil, fmt.Errorf("drop index %s: %w", ix.name, err)
		}
	}
	return restore, nil
}
