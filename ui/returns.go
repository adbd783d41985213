package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/history"
	"orderdesk/model"
)

// returnsColumns are the widths of the Returns list: RMA, order,
// customer, state, due.
var returnsColumns = []float32{1.4, 1.4, 2.4, 1.2, 1.4}

// returnsColumnsLayout keeps the RMA and order numbers, the state (the
// queue's one word of what to do) and the due date (with its "overdue")
// whole; the customer gives way.
func returnsColumnsLayout() *columnsLayout {
	var state float32
	for _, st := range []model.RMAState{model.RMAOpened, model.RMAAuthorized, model.RMAReceived, model.RMAInspected, model.RMADecided} {
		state = max(state, wholeWidth(Say(st.Name())))
	}
	return &columnsLayout{weights: returnsColumns, mins: []float32{
		wholeWidth(model.FormatNumber(model.SeriesRMA, 2026, 999_999)),
		wholeWidth(model.FormatNumber(model.SeriesOrder, 2026, 999_999)), wholeWidth("W000 …"), state,
		wholeWidth(lang.L("{{.Date}} overdue", map[string]any{"Date": "2026-12-31"})),
	}}
}

// returnsScreen is the Returns tab of Action items (issue 22): the Repair
// & Returns team's queue of RMAs, soonest due first, overdue ones marked.
// It is a tab of Action items, beside Unmatched returns, because its rows
// are work waiting on the team, not orders. Opening one shows its lines,
// history and the one step the model allows next.
type returnsScreen struct {
	list   *widget.List
	status *widget.Label
	detail *widget.Label
	next   *widget.Button
	// decide, ship and cancel are the steps that ask for more than a click.
	decide  *widget.Button
	ship    *widget.Button
	cancel  *widget.Button
	content fyne.CanvasObject
	win     fyne.Window
	store   returnsStore
	desk    *Desk
	work    *jobs
	rows    []model.RMARow
	today   model.Date
	// open is the return shown in the detail, nil: none.
	open *model.RMA
	// ctx is the rules' context of the person at the desk, read with the
	// return: it asks the model whether the return may be cancelled.
	ctx model.Ctx
	// findings is the open QC inspection dialog, for tests.
	findings *reasonDialog
	// form is the last decision or replacement dialog, cancelling the
	// last cancel dialog, for tests.
	form       *rmaFormDialog
	cancelling *reasonDialog
}

// returnsStore is what the Returns tab asks of the store.
type returnsStore interface {
	RMAs(ctx context.Context, open bool) ([]model.RMARow, error)
	RMA(ctx context.Context, id uint) (*model.RMA, error)
	EventsFor(ctx context.Context, entity string, id uint) ([]model.Event, error)
	ChangeRMA(ctx context.Context, by model.Actor, id uint, version int64, rule func(r *model.RMA, c model.Ctx) error) (*model.RMA, error)
	ShipReplacement(ctx context.Context, by model.Actor, id uint, version int64, carrier, trackingNo string) (*model.RMA, error)
	RuleCtx(ctx context.Context, by model.Actor) (model.Ctx, error)
	Today() model.Date
	Location() *time.Location
}

func newReturnsScreen(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *returnsScreen {
	s := &returnsScreen{win: w, store: store, desk: desk, work: work, status: widget.NewLabel(""), detail: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	s.detail.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.rows) },
		func() fyne.CanvasObject { return newColumnsOf(returnsColumnsLayout()) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.rows) {
				r := s.rows[id]
				due := r.DueOn.String()
				if r.Overdue(s.today) {
					due = lang.L("{{.Date}} overdue", map[string]any{"Date": due})
				}
				setCells(o, r.No, r.OrderNo, r.Customer, Say(r.State.Name()), due)
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.rows) {
			s.show(s.rows[id].ID)
		}
	}
	s.next = widget.NewButtonWithIcon("", theme.ConfirmIcon(), s.onNext)
	s.next.Importance = widget.HighImportance
	s.next.Hide()
	s.decide = widget.NewButtonWithIcon(lang.L("Decide…"), theme.ConfirmIcon(), s.onDecide)
	s.decide.Importance = widget.HighImportance
	s.ship = widget.NewButtonWithIcon(lang.L("Ship replacement…"), theme.MailSendIcon(), s.onShipReplacement)
	s.ship.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel return…"), theme.CancelIcon(), s.onCancel)
	for _, b := range []*widget.Button{s.decide, s.ship, s.cancel} {
		b.Hide()
	}
	top := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Returns (RMA)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.status,
		newHeaderOf(returnsColumnsLayout(), lang.L("RMA"), lang.L("Order"), lang.L("Customer"), lang.L("State"), lang.L("Due")))
	right := container.NewBorder(nil, container.NewHBox(s.next, s.decide, s.ship, s.cancel), nil, nil, container.NewVScroll(s.detail))
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, s.list), right)
	split.Offset = 0.6
	s.content = split
	return s
}

// Content returns the screen's widgets.
func (s *returnsScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the open returns.
func (s *returnsScreen) Shown() { s.reload() }

func (s *returnsScreen) reload() {
	s.work.Go(func() func() {
		rows, err := s.store.RMAs(context.Background(), true)
		today := s.store.Today()
		return func() {
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.rows, s.today = rows, today
			s.list.UnselectAll()
			s.list.Refresh()
		}
	})
}

// show loads one return with its history into the detail.
func (s *returnsScreen) show(id uint) {
	by := s.desk.Actor()
	s.work.Go(func() func() {
		r, err := s.store.RMA(context.Background(), id)
		var events []model.Event
		if err == nil {
			events, err = s.store.EventsFor(context.Background(), "rma", id)
		}
		var c model.Ctx
		if err == nil {
			c, err = s.store.RuleCtx(context.Background(), by)
		}
		return func() {
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.open, s.ctx = r, c
			s.detail.SetText(s.describe(r, events))
			s.setNext(r)
		}
	})
}

// describe is the return's detail: order, reason, lines, next step and history.
func (s *returnsScreen) describe(r *model.RMA, events []model.Event) string {
	var b strings.Builder
	b.WriteString(r.No + " · " + Say(r.State.Name()) + "\n")
	// Each label with its colon in one sentence: Chinese writes "：".
	b.WriteString(lang.L("Order: {{.No}} · {{.Customer}}", map[string]any{"No": r.Order.No, "Customer": r.Order.Customer.Display()}) + "\n")
	b.WriteString(lang.L("Reason: {{.Reason}}", map[string]any{"Reason": Say(r.Reason.Name())}))
	if r.QCLot != "" {
		b.WriteString(" (" + r.QCLot + ")")
	}
	b.WriteString("\n")
	if r.Complaint != "" {
		b.WriteString(r.Complaint + "\n")
	}
	b.WriteString("\n" + lang.L("Lines:") + "\n")
	for _, l := range r.Lines {
		// The product and the unit of the order's line: "65.2" alone said
		// nothing of what comes back.
		what := l.Qty.String()
		if ol := r.Order.Line(l.LineNo); ol != nil {
			what = l.Qty.String() + " " + unitName(ol.Unit)
			if ol.Product != nil {
				what = ol.Product.Code + " · " + what
			}
		}
		b.WriteString(lang.L("line {{.Line}}: {{.Qty}}", map[string]any{"Line": l.LineNo, "Qty": what}) + "\n")
	}
	if r.State.Open() {
		b.WriteString("\n" + lang.L("Next step: {{.Step}} · due {{.Date}}", map[string]any{"Step": Say(r.NextStep()), "Date": r.DueOn.String()}) + "\n")
	}
	b.WriteString("\n" + lang.L("History:") + "\n")
	loc := s.store.Location()
	for _, e := range events {
		line := history.Render(e, lang.L)
		b.WriteString(line.Head(loc) + "\n")
		if body := line.Body(); body != "" {
			b.WriteString("    " + strings.ReplaceAll(body, "\n", "\n    ") + "\n")
		}
	}
	return b.String()
}

// setNext offers the next step as a button: a click or QC's findings, or
// the decision's and the replacement's dialogs; and "Cancel return…" while
// the model allows it.
func (s *returnsScreen) setNext(r *model.RMA) {
	showIf(s.decide, r.State == model.RMAInspected)
	showIf(s.ship, r.State == model.RMADecided && r.Decision == model.DecideReplace && r.ReplacementID == nil)
	showIf(s.cancel, s.desk.Employee() != nil && r.MayCancel(s.ctx) == nil)
	// The button says the model's next step when it is one click (or QC's
	// findings); the decision and the replacement have buttons of their own.
	label := ""
	switch r.State {
	case model.RMAOpened, model.RMAAuthorized, model.RMAReceived:
		label = Say(r.NextStep())
	case model.RMADecided:
		if r.Decision != model.DecideReplace || r.ReplacementID != nil {
			label = Say(r.NextStep())
		}
	}
	if label == "" {
		s.next.Hide()
		return
	}
	s.next.SetText(label)
	s.next.Show()
	if err := r.MayTakeNextStep(s.ctx); err != nil || s.desk.Employee() == nil {
		s.next.Disable() // the model would refuse this person: say so rather than offer it
		if err != nil {
			setInfo(s.status, SayErr(err))
		}
		return
	}
	s.next.Enable()
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// onNext runs the open return's next step through the model; QC's
// inspection asks for the findings first.
func (s *returnsScreen) onNext() {
	r := s.open
	if r == nil || !s.atDesk() {
		return
	}
	by, id, version := s.desk.Actor(), r.ID, r.Version
	change := func(rule func(r *model.RMA, c model.Ctx) error) error {
		_, err := s.store.ChangeRMA(context.Background(), by, id, version, rule)
		return err
	}
	done := func() { s.reload(); s.show(id) }
	if r.State == model.RMAReceived {
		s.findings = askReason(s.win, s.work, lang.L("QC inspects the goods"),
			lang.L("What did QC find on the goods of {{.No}}?", map[string]any{"No": r.No}),
			func(findings string) error {
				return change(func(r *model.RMA, c model.Ctx) error { return r.Inspect(c, findings) })
			}, done)
		s.findings.confirm.SetText(lang.L("Record the inspection"))
		return
	}
	state := r.State
	s.work.Go(func() func() {
		err := change(func(r *model.RMA, c model.Ctx) error {
			switch state {
			case model.RMAOpened:
				return r.Authorize(c)
			case model.RMAAuthorized:
				return r.Receive(c, "")
			}
			return r.Close(c, "")
		})
		return func() {
			if err != nil {
				setProblemText(s.status, SayErr(err))
				return
			}
			s.status.Hide()
			done()
		}
	})
}
