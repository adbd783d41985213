package ui

import (
	"context"
	"fmt"
	"image"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// orderView is everything the order screen shows of one order, loaded in
// one go off the UI goroutine.
type orderView struct {
	order    *model.Order
	events   []model.Event
	ctx      model.Ctx // the rules' context for the clerk at the desk
	contacts []model.Contact
	// shipments are the order's shipments: the Print menu offers their documents.
	shipments []model.Shipment
	// scans are the returned signed confirmations attached to the order;
	// thumbs their first pages, small, by scan id (none for a file that
	// cannot be read).
	scans  []model.ScanReturn
	thumbs map[uint]image.Image
	// rmas are the order's returns, oldest first.
	rmas []model.RMA
	// quote is the Quote ticket the order was won from (nil: none).
	quote *model.Ticket
}

// orderViewStore is the store as loadOrderView reads it.
type orderViewStore interface {
	Order(ctx context.Context, id uint) (*model.Order, error)
	EventsFor(ctx context.Context, entity string, id uint) ([]model.Event, error)
	RuleCtx(ctx context.Context, by model.Actor) (model.Ctx, error)
	ContactsOf(ctx context.Context, customerID uint) ([]model.Contact, error)
	OrderShipments(ctx context.Context, orderID uint) ([]model.Shipment, error)
	ScansOf(ctx context.Context, orderID uint) ([]model.ScanReturn, error)
	Ticket(ctx context.Context, id uint) (*model.Ticket, error)
	RMAsOf(ctx context.Context, orderID uint) ([]model.RMA, error)
}

// loadOrderView reads an order, its history, the office's rules context and
// the customer's contacts (the signers of a sign-back).
func loadOrderView(ctx context.Context, store orderViewStore, id uint, by model.Actor) (*orderView, error) {
	o, err := store.Order(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load order %d: %w", id, err)
	}
	v := &orderView{order: o}
	if v.events, err = store.EventsFor(ctx, "order", id); err != nil {
		return nil, fmt.Errorf("load history of order %s: %w", o.No, err)
	}
	if v.ctx, err = store.RuleCtx(ctx, by); err != nil {
		return nil, err
	}
	if v.contacts, err = store.ContactsOf(ctx, o.CustomerID); err != nil {
		return nil, err
	}
	if v.shipments, err = store.OrderShipments(ctx, id); err != nil {
		return nil, err
	}
	if v.scans, err = store.ScansOf(ctx, id); err != nil {
		return nil, err
	}
	if v.rmas, err = store.RMAsOf(ctx, id); err != nil {
		return nil, err
	}
	v.thumbs = map[uint]image.Image{}
	for _, r := range v.scans {
		if img := scanThumbnail(r); img != nil {
			v.thumbs[r.ID] = img
		}
	}
	if o.QuoteTicketID != nil {
		if v.quote, err = store.Ticket(ctx, *o.QuoteTicketID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// orderDetail is one order: header, lines and totals, the gate panel, the
// actions the model allows now, and the timeline of every event.
type orderDetail struct {
	back     *widget.Button
	title    *widget.Label
	state    *widget.Label
	status   *widget.Label
	info     *fyne.Container
	lines    *fyne.Container
	totals   *fyne.Container
	gates    *fyne.Container
	actions  *orderActions
	returns  *orderReturns
	timeline *fyne.Container
	notes    *NotesPanel
	content  fyne.CanvasObject

	win    fyne.Window
	store  orderDetailStore
	desk   *Desk
	work   jobs
	view   *orderView
	people []model.Employee
	// onEdit opens the intake form on the order.
	onEdit func(o *model.Order)
	// print opens the menu of the order's documents.
	print *widget.Button
	// newTicket opens a ticket about the order (onNewTicket, set by the shell).
	newTicket   *widget.Button
	onNewTicket func(o *model.Order)
	// docsDir is the documents folder printed documents are kept under;
	// openFile shows one in the system's viewer, printFile sends one to the
	// default printer (tests replace all three).
	docsDir   string
	openFile  func(path string) error
	printFile func(path string) error
	// saved says where the last printed document went.
	saved *savedDoc
}

// orderDetailStore is the store as the order detail uses it; a test hands it one that fails.
type orderDetailStore interface {
	orderViewStore
	Apply(ctx context.Context, by model.Actor, id uint, version int64, rule func(o *model.Order, c model.Ctx) error) (*model.Order, error)
	CreateShipment(ctx context.Context, by model.Actor, in model.ShipmentInput) (*model.Shipment, error)
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
	OpenRMA(ctx context.Context, by model.Actor, in model.RMAInput) (*model.RMA, error)
	IssueShipmentRequest(ctx context.Context, by model.Actor, id uint, version int64, in model.ShipmentRequestInput) (*model.Order, error)
	Location() *time.Location
	Now() time.Time
	PrintOffice(ctx context.Context) (model.Office, error)
	RecordArrival(ctx context.Context, by model.Actor, id uint, version int64, in model.ArrivalInput) (*model.Shipment, error)
	RecordReceipt(ctx context.Context, by model.Actor, id uint, version int64, signedBy, scanPath string) (*model.Shipment, error)
}

func newOrderDetail(w fyne.Window, store *model.Store, desk *Desk, back func()) *orderDetail {
	d := &orderDetail{win: w, store: store, desk: desk,
		title:    widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		state:    widget.NewLabel(""),
		status:   newProblemLabel(),
		info:     container.New(&foldLayout{minCol: 300}, container.New(layout.NewFormLayout()), container.New(layout.NewFormLayout())),
		lines:    container.NewVBox(),
		totals:   container.New(layout.NewFormLayout()),
		gates:    container.NewVBox(),
		timeline: container.NewVBox(),
	}
	d.state.Importance = widget.HighImportance
	d.back = widget.NewButtonWithIcon(lang.L("Order list"), theme.NavigateBackIcon(), back)
	d.notes = NewNotesPanel(store, desk, model.OnOrder, 0)
	d.actions = newOrderActions(d)
	d.returns = newOrderReturns(d)
	d.docsDir, d.openFile, d.printFile = documentsDir(), openFile, printFile
	d.saved = newSavedDoc(func(p string) error { return d.openFile(p) })
	d.print = d.newPrintButton()
	d.newTicket = widget.NewButtonWithIcon(lang.L("New ticket…"), theme.ContentAddIcon(), func() {
		if d.view != nil && d.onNewTicket != nil {
			d.onNewTicket(d.view.order)
		}
	})
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewVScroll(container.NewVBox(d.info, widget.NewSeparator(),
		heading(lang.L("Lines")), d.lines, d.totals, widget.NewSeparator(),
		heading(lang.L("History")), d.timeline))
	right := container.NewVScroll(container.NewVBox(heading(lang.L("Gates of the procedure")), d.gates,
		widget.NewSeparator(), heading(lang.L("Next steps")), d.actions.box,
		d.returns.box,
		widget.NewSeparator(), d.notes.Content()))
	split := container.NewHSplit(left, right)
	split.SetOffset(0.55)
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(d.back, d.title, d.state), container.NewHBox(d.newTicket, d.print)), d.status, d.saved.box)
	d.content = container.NewBorder(top, nil, nil, nil, split)
	d.saved.relayout = d.content.Refresh
	return d
}

// open loads the order and shows it.
func (d *orderDetail) open(id uint) { d.openThen(id, "") }

// openThen loads the order and shows it, then opens the dialog of action
// then ("" for none) if the order allows it.
func (d *orderDetail) openThen(id uint, then model.Action) {
	if d.view == nil || d.view.order.ID != id {
		d.saved.hide() // the printed file was another order's
	}
	d.title.SetText(lang.L("Loading…"))
	d.state.SetText("")
	setProblemText(d.status, "")
	by := d.desk.Actor()
	needPeople := d.people == nil
	d.work.Go(func() func() {
		ctx := context.Background()
		v, err := loadOrderView(ctx, d.store, id, by)
		var people []model.Employee
		if err == nil && needPeople {
			people, err = d.store.Employees(ctx, false)
		}
		return func() {
			if err != nil {
				setProblemText(d.status, SayLoadErr(err))
				return
			}
			if needPeople {
				d.people = people
			}
			d.show(v)
			if then != "" && v.order.Allowed(then, v.ctx) == nil {
				d.actions.start(then)
			}
		}
	})
}

// show puts a loaded order on screen.
func (d *orderDetail) show(v *orderView) {
	d.view = v
	o := v.order
	d.title.SetText(fmt.Sprintf("%s · %s", o.No, customerName(o.Customer)))
	d.state.SetText(lang.L(o.State.Name()))
	d.showInfo(o, v.quote)
	d.showLines(o, v.ctx.Office)
	d.showTotals(o, v.ctx.Office)
	d.showGates(v)
	d.actions.show(v)
	d.returns.show(v)
	d.showTimeline(v.events)
	if d.notes.id != o.ID {
		d.notes.SetObject(model.OnOrder, o.ID)
	}
}

func customerName(c *model.Customer) string {
	if c == nil {
		return ""
	}
	return customerLabel(c.Code, c.NameZH, c.NameEN)
}

func personName(e *model.Employee) string {
	if e == nil {
		return ""
	}
	return e.Display()
}

func (d *orderDetail) showInfo(o *model.Order, quote *model.Ticket) {
	loc := d.store.Location()
	tier, contact := "", ""
	if o.Customer != nil {
		tier = lang.L("Tier {{.Tier}}, deposit {{.Pct}}%", map[string]any{"Tier": string(o.Customer.Tier), "Pct": o.Customer.DepositPercent})
	}
	if o.Contact != nil {
		contact = o.Contact.Name
	}
	tol := ""
	if o.TolerancePct != nil {
		tol = fmt.Sprintf("±%d%%", *o.TolerancePct)
	}
	promised := ""
	if !o.PromisedDate.IsZero() {
		promised = o.PromisedDate.String()
		if o.SlipDays > 0 {
			promised = lang.L("{{.Date}} (confirmed {{.Confirmed}}, slipped {{.Days}} days)",
				map[string]any{"Date": o.PromisedDate.String(), "Confirmed": o.ConfirmedDate.String(), "Days": o.SlipDays})
		}
	}
	answer := ""
	if o.AnswerPromisedBy != nil {
		answer = o.AnswerPromisedBy.In(loc).Format("2006-01-02 15:04")
	}
	rows := [][2]string{
		{lang.L("Customer"), customerName(o.Customer)},
		{lang.L("Tier"), tier},
		{lang.L("Channel"), lang.L(o.Channel.Name())},
		{lang.L("Received"), o.ReceivedAt.In(loc).Format("2006-01-02 15:04")},
		{lang.L("Taken by"), personName(o.TakenBy)},
		{lang.L("Salesperson"), personName(o.Salesperson)},
		{lang.L("Contact"), contact},
		{lang.L("Customer PO"), o.CustomerPO},
		{lang.L("Payment method"), o.PaymentMethod},
		{lang.L("Requested date"), dateText(o.RequestedDate)},
		{lang.L("Promised date"), promised},
		{lang.L("Answer promised by"), answer},
		{lang.L("Confirmation revision"), revText(o.CurrentRev)},
		{lang.L("Deliver to"), o.ShipToAddress()},
		{lang.L("Delivery terms (Incoterm)"), o.DeliveryTerms.String()},
		{lang.L("Tolerance"), tol},
		{lang.L("Packaging"), o.Packaging},
		{lang.L("Special requirements"), o.SpecialRequirements},
		{lang.L("Memo"), o.Memo},
	}
	if quote != nil {
		// Only then: the rows split in two halves by their number.
		rows = append(rows, [2]string{lang.L("From quote"), quoteOfOrder(quote)})
	}
	half := (len(rows) + 1) / 2
	fillPairs(d.info.Objects[0].(*fyne.Container), rows[:half])
	fillPairs(d.info.Objects[1].(*fyne.Container), rows[half:])
}

// quoteOfOrder names the Quote ticket an order was won from: its number
// and subject ("" for an order taken otherwise).
func quoteOfOrder(t *model.Ticket) string {
	if t == nil {
		return ""
	}
	return t.No + " · " + t.Subject
}

func dateText(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func revText(rev int) string {
	if rev == 0 {
		return ""
	}
	return fmt.Sprint(rev)
}

// fillPairs replaces a form layout container's rows with label/value pairs,
// leaving out the empty values.
func fillPairs(c *fyne.Container, rows [][2]string) {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		if strings.TrimSpace(r[1]) == "" {
			continue
		}
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(r[1])
		v.Wrapping = fyne.TextWrapWord
		objs = append(objs, k, v)
	}
	c.Objects = objs
	c.Refresh()
}

// lineColumns are the widths of the order lines' columns: number, product,
// spec, quantity, unit price, amount, price check.
var lineColumns = []float32{0.3, 1.9, 1.9, 1.2, 1.2, 1.5, 1.6}

// lineWraps are the order lines' columns of free text, which wrap; the
// others (the numbers) keep the width of their longest text, header
// included, so neither "1,548,500" nor "Quantity" is ever cut.
var lineWraps = []int{1, 2, 6}

func (d *orderDetail) showLines(o *model.Order, office model.Office) {
	texts := [][]string{{"#", lang.L("Product"), lang.L("Spec"),
		lang.L("Quantity"), lang.L("Unit price"), lang.L("Amount"), lang.L("Price check")}}
	var danger []bool
	for _, l := range o.Lines {
		product := ""
		if l.Product != nil {
			product = l.Product.Display()
		}
		check, warn := priceCheckText(&l, office, o.Salesperson)
		texts = append(texts, []string{fmt.Sprint(l.LineNo), product, l.Spec, l.Qty.String() + " " + lang.L(model.UnitName(l.Unit)),
			l.UnitPrice.String(), l.Amount.String(), check})
		danger = append(danger, warn)
	}
	cols := &columnsLayout{weights: lineColumns, mins: make([]float32, len(lineColumns))}
	for _, row := range texts {
		for c, t := range row {
			if !slices.Contains(lineWraps, c) {
				cols.mins[c] = max(cols.mins[c], boldWidth(t))
			}
		}
	}
	rows := make([]fyne.CanvasObject, 0, len(texts))
	for i, t := range texts {
		row := newColumnsOf(cols)
		for _, c := range lineWraps { // long texts wrap rather than hide; a header shortens
			if cell := row.Objects[c].(*widget.Label); i > 0 {
				cell.Truncation, cell.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
			}
		}
		if i == 0 {
			for _, cell := range row.Objects {
				cell.(*widget.Label).TextStyle.Bold = true
			}
		} else if danger[i-1] {
			row.Objects[6].(*widget.Label).Importance = widget.DangerImportance
		}
		setCells(row, t...)
		rows = append(rows, row)
	}
	d.lines.Objects = rows
	d.lines.Refresh()
}

// priceCheckText says how a line's price compares with the plan and the
// last price, and who must confirm it when it strays too far.
func priceCheckText(l *model.OrderLine, office model.Office, sales *model.Employee) (string, bool) {
	dev := l.CheckPrice(office.PriceTolerancePct)
	var parts []string
	if dev.HasPlan {
		parts = append(parts, lang.L("plan {{.Pct}}%", map[string]any{"Pct": fmt.Sprintf("%+d", dev.PlanPct)}))
	} else {
		parts = append(parts, lang.L("no plan price"))
	}
	if dev.HasLast {
		parts = append(parts, lang.L("last {{.Pct}}%", map[string]any{"Pct": fmt.Sprintf("%+d", dev.LastPct)}))
	}
	text := strings.Join(parts, ", ")
	switch {
	case !dev.Beyond:
		return text, false
	case l.PriceConfirmed.Signed():
		return lang.L("{{.Check}}: confirmed by {{.Name}}", map[string]any{"Check": text, "Name": l.PriceConfirmed.By}), false
	case sales != nil:
		return lang.L("{{.Check}}: {{.Name}} must confirm", map[string]any{"Check": text, "Name": sales.Name}), true
	}
	return lang.L("{{.Check}}: the salesperson must confirm", map[string]any{"Check": text}), true
}

// showTotals shows the order's amounts as its documents print them: where
// the office adds the business tax to its prices, the untaxed amount, the
// tax and the total with it; the balance owed counts the tax too.
func (d *orderDetail) showTotals(o *model.Order, office model.Office) {
	money := func(m model.Money) string { return model.FormatMoney(m, o.Currency) }
	t := office.Tax(o.Total)
	rows := [][2]string{{lang.L("Total"), money(t.Total)}}
	if !t.Included && t.Tax != 0 {
		rows = [][2]string{{lang.L("Untaxed amount"), money(t.Untaxed)},
			{lang.L("Business tax {{.Rate}}%", map[string]any{"Rate": t.RatePct}), money(t.Tax)},
			{lang.L("Total"), money(t.Total)}}
	}
	if o.DepositDue > 0 {
		rows = append(rows, [2]string{lang.L("Deposit due"), money(o.DepositDue)}, [2]string{lang.L("Deposit received"), money(o.DepositPaid)})
	}
	if o.BalancePaid > 0 || o.State == model.StateInspected || o.State == model.StateCleared {
		rows = append(rows, [2]string{lang.L("Balance due"), money(o.BalanceDueWithTax(office))})
	}
	fillPairs(d.totals, rows)
}
