package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// orderColumns are the widths of the order list's columns: number,
// customer, PO, state, received, promised, total, what needs attention.
var orderColumns = []float32{1.3, 2.2, 1.1, 1.5, 1.1, 1.1, 1.2, 3.1}

// orderColumnsLayout lays out the order list's header and rows. The
// columns that show a number, date or code keep the width of the longest
// they show: the number a year can write (eight digits, past 99,999
// orders), a PO, a date, a total in the tens of millions, and the slipped
// sign-back with its date, so none is cut whatever the window's width; the
// customer and state give way, and at a narrow width (1024) the PO, then
// the received date, then the state hide. The state reads whole when the
// customer can spare the room (wants).
func orderColumnsLayout() *columnsLayout {
	date := wholeWidth("2026-12-31")
	state := float32(0)
	for _, st := range model.States {
		state = max(state, wholeWidth(lang.L(st.Name())))
	}
	slipped := lang.L("Sign-back {{.Days}} days late, slipped to {{.Date}}", map[string]any{"Days": 99, "Date": "2026-12-31"})
	return &columnsLayout{weights: orderColumns, mins: []float32{
		wholeWidth(model.FormatNumber(model.SeriesOrder, 2026, 99_999_999)), 0, wholeWidth("PO000000"), 0,
		date, date, wholeWidth(model.FormatMoney(99_999_999_00, "TWD")), wholeWidth(slipped),
	}, wants: []float32{3: state}, drop: []int{2, 4, 3}}
}

// orderSorts are the sorts behind the sortable column headers ("" for none).
var orderSorts = []model.OrderSort{model.SortNo, model.SortCustomer, "", model.SortState,
	model.SortReceived, model.SortPromised, model.SortTotal, ""}

// orderViews are the views behind the view choices, in their order.
var orderViews = []model.OrderView{model.ViewOpen, model.ViewState, model.ViewAwaitingSignBack,
	model.ViewOverdue, model.ViewClosed, model.ViewAll, model.ViewFromQuote}

// busyAfter is how long a load may take before the list shows it is busy.
const busyAfter = 300 * time.Millisecond

// Keys of the list's remembered filter (settings.Filter).
const (
	orderFilterText  = "orders"
	orderFilterView  = "orders.view"
	orderFilterState = "orders.state"
	orderFilterGate  = "orders.gate"
	orderFilterSort  = "orders.sort"
)

// orderList is the order list: views, a search box, sortable columns, over
// model.Orders paged in SQL.
type orderList struct {
	view    *Select
	state   *Select
	gate    *Select
	search  *Entry
	count   *widget.Label
	status  *widget.Label
	busy    *busyBar
	headers []*widget.Button
	newBtn  *widget.Button
	list    *PagedList[model.OrderRow]
	content fyne.CanvasObject

	onOpened func(model.OrderRow)
	onNew    func()

	win      fyne.Window
	store    orderListStore
	settings *Settings
	office   model.Office
	started  bool

	mu      sync.Mutex // guards filter and atLeast, read by the loaders
	filter  model.OrderFilter
	atLeast bool

	busyTimer uiTimer // shows the busy bar if a load is slow
}

// orderListStore is the store as the order list uses it; a test hands it one that fails.
type orderListStore interface {
	CountOrders(ctx context.Context, f model.OrderFilter) (model.OrderCount, error)
	Location() *time.Location
	Now() time.Time
	OrderPage(ctx context.Context, f model.OrderFilter) ([]model.OrderRow, error)
	RuleCtx(ctx context.Context, by model.Actor) (model.Ctx, error)
}

func newOrderList(w fyne.Window, store *model.Store, settings *Settings) *orderList {
	l := &orderList{win: w, store: store, settings: settings, search: NewEntry(),
		count: widget.NewLabel(""), status: newProblemLabel(), busy: newBusyBar(),
		filter: model.OrderFilter{View: model.ViewOpen}, office: model.DefaultOffice()}
	l.search.SetPlaceHolder(lang.L("Search number, customer, PO or product (Ctrl+F)"))
	views := []string{lang.L("All open"), lang.L("By state"), lang.L("Awaiting sign-back"),
		lang.L("Overdue at any gate"), lang.L("Cancelled or declined"), lang.L("All orders"), lang.L("Won from quotes")}
	l.view = NewSelect(views, func(string) { l.applyFilter(false) }).fitOptions()
	var states []string
	for _, st := range model.States {
		states = append(states, lang.L(st.Name()))
	}
	l.state = NewSelect(states, func(string) { l.applyFilter(false) }).fitOptions()
	gates := []string{lang.L("Any gate")}
	for _, g := range model.Gates {
		gates = append(gates, lang.L(g.Name()))
	}
	l.gate = NewSelect(gates, func(string) { l.applyFilter(false) }).fitOptions()
	titles := []string{lang.L("Number"), lang.L("Customer"), lang.L("PO"), lang.L("State"),
		lang.L("Received"), lang.L("Promised"), lang.L("Total"), lang.L("Attention")}
	var heads []fyne.CanvasObject
	for i, t := range titles {
		b := widget.NewButton(t, nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		l.headers = append(l.headers, b)
		if orderSorts[i] == "" {
			heads = append(heads, widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			continue
		}
		b.OnTapped = func() { l.sortBy(orderSorts[i]) }
		heads = append(heads, b)
	}
	src := PageSource[model.OrderRow]{Count: l.countRows, Fetch: l.fetchRows}
	l.list = NewPagedList(src, func() fyne.CanvasObject { return newColumnsOf(orderColumnsLayout()) }, l.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	l.list.OnOpened = func(r model.OrderRow) {
		if l.onOpened != nil {
			l.onOpened(r)
		}
	}
	l.list.OnLoaded = l.onLoaded
	l.list.OnError = func(err error) { l.stopBusy(); setProblemText(l.status, SayLoadErr(err)) }
	l.search.OnChanged = func(string) { l.applyFilter(true) }
	l.search.OnSubmitted = func(string) { l.list.OpenFirst() }
	l.search.OnDown = l.list.FocusFirst
	l.newBtn = widget.NewButtonWithIcon(lang.L("New order"), theme.ContentAddIcon(), func() {
		if l.onNew != nil {
			l.onNew()
		}
	})
	l.newBtn.Importance = widget.HighImportance

	filters := container.NewHBox(l.view, l.state, l.gate, layout.NewSpacer(), l.count, l.newBtn)
	top := container.NewVBox(filters, l.search, l.busy.label, l.status, container.New(orderColumnsLayout(), heads...))
	l.content = container.NewBorder(top, nil, nil, nil, l.list)
	return l
}

// start restores the clerk's last filter and loads the list.
func (l *orderList) start() {
	st := l.settings
	l.view.SetSelectedIndex(max(0, indexOf(viewCodes(), st.Filter(orderFilterView))))
	if i := indexOf(stateCodes(), st.Filter(orderFilterState)); i >= 0 {
		l.state.SetSelectedIndex(i)
	} else {
		l.state.SetSelectedIndex(1) // checking: the first state with work in it
	}
	l.gate.SetSelectedIndex(max(0, indexOf(gateCodes(), st.Filter(orderFilterGate))+1))
	sort, desc, _ := strings.Cut(st.Filter(orderFilterSort), " ")
	l.mu.Lock()
	l.filter.Sort, l.filter.Desc = model.OrderSort(sort), desc == "desc"
	l.mu.Unlock()
	l.search.SetText(st.Filter(orderFilterText))
	l.started = true
	l.list.work.Go(func() func() {
		ctx, err := l.store.RuleCtx(context.Background(), model.Actor{})
		return func() {
			if err == nil {
				l.office = ctx.Office
				l.list.Refresh()
			}
		}
	})
	l.applyFilter(false)
}

func viewCodes() []string {
	var out []string
	for _, v := range orderViews {
		out = append(out, string(v))
	}
	return out
}

func stateCodes() []string {
	var out []string
	for _, s := range model.States {
		out = append(out, string(s))
	}
	return out
}

func gateCodes() []string {
	var out []string
	for _, g := range model.Gates {
		out = append(out, string(g))
	}
	return out
}

// current reads the filter the widgets show.
func (l *orderList) current() model.OrderFilter {
	l.mu.Lock()
	f := l.filter
	l.mu.Unlock()
	f.View, f.State, f.Gate = model.ViewOpen, "", ""
	if i := l.view.SelectedIndex(); i >= 0 {
		f.View = orderViews[i]
	}
	if i := l.state.SelectedIndex(); f.View == model.ViewState && i >= 0 {
		f.State = model.States[i]
	}
	if i := l.gate.SelectedIndex(); f.View == model.ViewOverdue && i > 0 {
		f.Gate = model.Gates[i-1]
	}
	f.Text = l.search.Text
	return f
}

// applyFilter reloads the list for the filter the widgets show and
// remembers it; typing waits for a pause, a click does not.
func (l *orderList) applyFilter(typing bool) {
	if !l.started {
		return
	}
	f := l.current()
	l.state.Hidden = f.View != model.ViewState
	l.gate.Hidden = f.View != model.ViewOverdue
	l.state.Refresh()
	l.gate.Refresh()
	l.mu.Lock()
	l.filter = f
	l.mu.Unlock()
	st := l.settings
	st.SetFilter(orderFilterText, f.Text)
	st.SetFilter(orderFilterView, string(f.View))
	st.SetFilter(orderFilterState, string(f.State))
	st.SetFilter(orderFilterGate, string(f.Gate))
	dir := ""
	if f.Desc {
		dir = " desc"
	}
	st.SetFilter(orderFilterSort, string(f.Sort)+dir)
	l.showSort()
	l.startBusy()
	l.list.SetFilter(model.ListFilter{Text: f.Text})
	if !typing {
		l.list.Reload()
	}
}

// sortBy sorts by a column; a second click on it reverses the order.
func (l *orderList) sortBy(col model.OrderSort) {
	l.mu.Lock()
	if l.filter.Sort == col {
		l.filter.Desc = !l.filter.Desc
	} else {
		l.filter.Sort, l.filter.Desc = col, col == model.SortReceived || col == model.SortTotal
	}
	l.mu.Unlock()
	l.applyFilter(false)
}

// showSort marks the sorted column's header with an arrow.
func (l *orderList) showSort() {
	l.mu.Lock()
	f := l.filter
	l.mu.Unlock()
	for i, b := range l.headers {
		b.Icon = nil
		if orderSorts[i] != "" && orderSorts[i] == f.Sort {
			b.Icon = theme.MenuDropUpIcon()
			if f.Desc {
				b.Icon = theme.MenuDropDownIcon()
			}
		}
		b.Refresh()
	}
}

// orderFilter is the filter of one load: the widgets' view and sort with
// the list's text and page.
func (l *orderList) orderFilter(f model.ListFilter) model.OrderFilter {
	l.mu.Lock()
	of := l.filter
	l.mu.Unlock()
	of.Text, of.Offset, of.Limit = f.Text, f.Offset, f.Limit
	return of
}

func (l *orderList) countRows(ctx context.Context, f model.ListFilter) (int, error) {
	c, err := l.store.CountOrders(ctx, l.orderFilter(f))
	l.mu.Lock()
	l.atLeast = c.AtLeast
	l.mu.Unlock()
	return c.N, err
}

func (l *orderList) fetchRows(ctx context.Context, f model.ListFilter) ([]model.OrderRow, error) {
	if f.Offset == 0 {
		l.mu.Lock()
		l.atLeast = false
		l.mu.Unlock()
	}
	return l.store.OrderPage(ctx, l.orderFilter(f))
}

// startBusy shows the busy bar if the load takes longer than a moment.
func (l *orderList) startBusy() {
	l.busyTimer.reset(busyAfter, func() {
		l.list.mu.Lock()
		loading := l.list.reloading
		l.list.mu.Unlock()
		if loading {
			l.busy.start()
		}
	})
}

func (l *orderList) stopBusy() {
	l.busyTimer.Stop()
	l.busy.stop()
}

func (l *orderList) onLoaded(n int) {
	l.stopBusy()
	setProblemText(l.status, "")
	l.mu.Lock()
	atLeast, f := l.atLeast, l.filter
	l.mu.Unlock()
	if atLeast {
		l.count.SetText(lang.L("{{.N}} or more orders: narrow the search", map[string]any{"N": model.Count(n)}))
		return
	}
	if n == 0 && strings.TrimSpace(f.Text) != "" && f.View != model.ViewAll {
		// A search in "All open" for a delivered order finds nothing and
		// would look like the order is gone: say where else to look.
		l.count.SetText(lang.L("None in this view: try All orders"))
		return
	}
	l.count.SetText(plural(n, lang.L("1 order"), lang.L("{{.N}} orders", map[string]any{"N": model.Count(n)})))
}

// customerLabel is how a row names its customer: code and Chinese name,
// or the English one when there is none.
func customerLabel(code, zh, en string) string {
	name := zh
	if name == "" {
		name = en
	}
	return code + " " + name
}

func (l *orderList) bindRow(r model.OrderRow, o fyne.CanvasObject) {
	promised := ""
	if !r.PromisedDate.IsZero() {
		promised = r.PromisedDate.String()
	}
	setCells(o, r.No, customerLabel(r.CustomerCode, r.CustomerNameZH, r.CustomerNameEN), r.CustomerPO,
		lang.L(r.State.Name()), r.ReceivedAt.In(l.store.Location()).Format("2006-01-02"), promised,
		model.FormatMoney(r.Total, r.Currency), l.attention(r))
	last := o.(*fyne.Container).Objects[len(orderColumns)-1].(*widget.Label)
	imp := widget.MediumImportance
	if r.DueAt != nil && !r.DueAt.After(l.store.Now()) {
		imp = widget.DangerImportance
	}
	if last.Importance != imp {
		last.Importance = imp
		last.Refresh()
	}
}

// attention says what the row owes: the sign-back days late with the
// slipped date, else the gates it is overdue at.
func (l *orderList) attention(r model.OrderRow) string {
	now := l.store.Now()
	if r.SignBackOwedSince != nil {
		days := r.DaysLate(now, l.office)
		if days == 0 {
			return lang.L("Sign-back due today")
		}
		return lang.L("Sign-back {{.Days}} days late, slipped to {{.Date}}", map[string]any{"Days": days, "Date": r.SlippedDate(now, l.office).String()})
	}
	var gates []string
	for _, g := range r.Overdue(now) {
		gates = append(gates, lang.L(g.Name()))
	}
	if len(gates) > 0 {
		return lang.L("Overdue: {{.Gates}}", map[string]any{"Gates": strings.Join(gates, ", ")})
	}
	return ""
}
