package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// shipmentColumns are the widths of the shipping lists' columns: shipment,
// order, customer, carrier, tracking number, expected arrival, days late,
// status. The numbers get the room to show whole beside the notes panel.
var shipmentColumns = []float32{1.6, 1.7, 2.0, 0.9, 1.2, 1.4, 0.5, 1.1}

// shipmentColumnsLayout keeps the shipment and order numbers, the tracking
// number and the expected date whole (their longest: six-digit numbers, a
// million a year; an eleven-character tracking number), and the customer's
// code (so the list and the notes beside it fit a 1024-wide screen); the
// customer's name and the status give way,
// and at a narrow width the carrier, then the days late, hide.
func shipmentColumnsLayout() *columnsLayout {
	return &columnsLayout{weights: shipmentColumns, mins: []float32{
		wholeWidth(model.FormatNumber(model.SeriesShipment, 2026, 999_999)),
		wholeWidth(model.FormatNumber(model.SeriesOrder, 2026, 999_999)), wholeWidth("W000 …"), 0,
		wholeWidth("TW000000000"), wholeWidth("2026-12-31 !"), 0, 0,
	}, drop: []int{3, 6}}
}

// shippingScreen is the Shipping section (seed 002 steps 14–18): one tab
// per list, and the actions on the row the clerk opened, as the model
// allows them (those it refuses are listed beside the list with its
// reason). Enter on a row opens its next step: record the shipment of an
// order to ship, the arrival of a shipment in transit, the signed receipt
// of one that arrived.
type shippingScreen struct {
	win      fyne.Window
	store    shippingStore
	desk     *Desk
	settings *Settings
	work     jobs

	views  []model.ShipmentView
	lists  []*PagedList[model.ShipmentRow]
	tabs   *container.AppTabs
	month  *Entry // the archive's month, YYYY-MM
	status *widget.Label
	// saved says where the last printed document went.
	saved *savedDoc
	count *widget.Label

	// selected is the row the actions work on; ok is false before one is opened.
	selected model.ShipmentRow
	ok       bool
	chosen   *widget.Label
	// actions is what the model allows on the selected row (nil while it
	// is being asked); asked counts the questions, so a late answer about
	// a row left meanwhile is dropped.
	actions model.ShipmentActions
	asked   int
	buttons map[model.ShipAction]*widget.Button
	// refused lists the actions the model refuses on the row, with its reasons.
	refused *fyne.Container
	// notes are the notes and action items of the row opened: the
	// shipment's, or the order's while it waits to ship.
	notes  *NotesPanel
	export *widget.Button
	// openRequest opens an order's shipment request on the order's detail
	// (set by the shell: the request is a step of the order screen).
	openRequest func(orderID uint)
	// highlight is the shipment opened by id, to highlight once its view has loaded.
	highlight uint

	// docsDir is the documents folder the shipping notices and the archive
	// CSV are written under; open shows a written file to the clerk.
	docsDir string
	open    func(path string) error
	// dialog is the action dialog open now, for tests.
	dialog *shipDialog
	// focusOnLoad puts the keyboard in the list once its reload lands.
	focusOnLoad bool
	content     fyne.CanvasObject
}

// shippingStore is the store as the Shipping screen uses it; a test hands it one that fails.
type shippingStore interface {
	CountShipments(ctx context.Context, f model.ShipmentFilter) (int, error)
	CreateShipment(ctx context.Context, by model.Actor, in model.ShipmentInput) (*model.Shipment, error)
	Now() time.Time
	Order(ctx context.Context, id uint) (*model.Order, error)
	PrintOffice(ctx context.Context) (model.Office, error)
	RecordArrival(ctx context.Context, by model.Actor, id uint, version int64, in model.ArrivalInput) (*model.Shipment, error)
	RecordReceipt(ctx context.Context, by model.Actor, id uint, version int64, signedBy, scanPath string) (*model.Shipment, error)
	RecordShippingNotice(ctx context.Context, by model.Actor, id uint, version int64, step model.NoticeStep, who model.Signer, document string) (*model.Shipment, error)
	SetShipmentFollowUp(ctx context.Context, by model.Actor, id uint, version int64, on model.Date, note string) (*model.Shipment, error)
	Shipment(ctx context.Context, id uint) (*model.Shipment, error)
	ShipmentActions(ctx context.Context, by model.Actor, r model.ShipmentRow) (model.ShipmentActions, error)
	ShipmentArchive(ctx context.Context, month model.Date) ([]model.ShipmentRow, error)
	ShipmentRow(ctx context.Context, id uint) (model.ShipmentRow, error)
	Shipments(ctx context.Context, f model.ShipmentFilter) ([]model.ShipmentRow, error)
	ShipmentsOf(ctx context.Context, orderID uint) ([]model.Shipment, error)
	Today() model.Date
	VoidShipment(ctx context.Context, by model.Actor, id uint, version int64, reason string) (*model.Shipment, error)
}

// viewShortcut returns the shortcut that shows the shipping screen's view i: Alt+1 … Alt+7.
func viewShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierAlt}
}

func newShippingScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *shippingScreen {
	s := &shippingScreen{win: w, store: store, desk: desk, settings: settings, status: newProblemLabel(),
		count: widget.NewLabel(""), chosen: widget.NewLabel(""), month: NewEntry(), docsDir: documentsDir()}
	s.open = openFile
	s.saved = newSavedDoc(func(p string) error { return s.open(p) })
	s.views = append(append([]model.ShipmentView{}, model.ShipmentViews...), model.ShipViewMonth)
	s.month.SetText(store.Today().String()[:7])
	s.month.OnSubmitted = func(string) { s.reloadCurrent() }
	var items []*container.TabItem
	for _, v := range s.views {
		l := s.newList(v)
		s.lists = append(s.lists, l)
		// Each view's column titles sit between its tab and its rows.
		header := newHeaderOf(shipmentColumnsLayout(), lang.L("Shipment"), lang.L("Order"), lang.L("Customer"), lang.L("Carrier"),
			lang.L("Tracking no."), lang.L("Expected arrival"), lang.L("Days late"), lang.L("Status"))
		var top fyne.CanvasObject = header
		if v == model.ShipViewMonth {
			s.export = widget.NewButtonWithIcon(lang.L("Export CSV"), theme.DocumentSaveIcon(), s.onExport)
			bar := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Month (YYYY-MM)")), s.export, s.month)
			top = container.NewVBox(bar, header)
		}
		items = append(items, container.NewTabItem(lang.L(v.Name()), container.NewBorder(top, nil, nil, nil, l)))
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadCurrent() }
	s.newButtons()
	b := s.buttons
	// The order's steps beside the opened row's name, the shipment's below.
	orderSteps := container.NewHBox(b[model.ShipDoRequest], b[model.ShipDoShip], s.count)
	steps := newFlow(nil, b[model.ShipDoNotice], b[model.ShipDoSent], b[model.ShipDoLegible], b[model.ShipDoArrival],
		b[model.ShipDoReceipt], b[model.ShipDoFollowUp], b[model.ShipDoVoid])
	top := container.NewVBox(container.NewBorder(nil, nil, nil, orderSteps, s.chosen), steps, s.status, s.saved.box)
	s.notes = NewNotesPanel(store, desk, model.OnShipment, 0)
	side := container.NewVScroll(container.NewVBox(s.refused, s.notes.Content()))
	split := container.NewHSplit(s.tabs, side)
	split.SetOffset(0.72)
	s.content = container.NewBorder(top, nil, nil, nil, split)
	s.saved.relayout = s.content.Refresh
	s.updateButtons()
	for i := range s.views {
		addShortcut(w.Canvas(), viewShortcut(i), func() {
			if s.content.Visible() {
				s.showView(i)
			}
		})
	}
	return s
}

// shipActionLabel returns the button text of a shipping action.
func shipActionLabel(a model.ShipAction) string {
	switch a {
	case model.ShipDoRequest:
		return lang.L("Shipment request…")
	case model.ShipDoShip:
		return lang.L("Record shipment…")
	case model.ShipDoNotice:
		return lang.L("Print shipping notice")
	case model.ShipDoSent:
		return lang.L("Notice sent")
	case model.ShipDoLegible:
		return lang.L("Customer received the notice…")
	case model.ShipDoArrival:
		return lang.L("Record arrival…")
	case model.ShipDoReceipt:
		return lang.L("Signed receipt…")
	case model.ShipDoFollowUp:
		return lang.L("Follow up on…")
	case model.ShipDoVoid:
		return lang.L("Void…")
	}
	return string(a)
}

// newButtons makes a button for each shipping action.
func (s *shippingScreen) newButtons() {
	run := map[model.ShipAction]func(){model.ShipDoRequest: s.onRequest, model.ShipDoShip: s.onShip,
		model.ShipDoNotice: s.onPrintNotice, model.ShipDoSent: s.onNoticeSent, model.ShipDoLegible: s.onNoticeLegible,
		model.ShipDoArrival: s.onArrival, model.ShipDoReceipt: s.onReceipt, model.ShipDoFollowUp: s.onFollowUp,
		model.ShipDoVoid: s.onVoid}
	icons := map[model.ShipAction]fyne.Resource{model.ShipDoRequest: theme.DocumentCreateIcon(),
		model.ShipDoShip: theme.MailSendIcon(), model.ShipDoNotice: theme.DocumentPrintIcon(),
		model.ShipDoArrival: theme.ConfirmIcon(), model.ShipDoVoid: theme.DeleteIcon()}
	s.buttons = map[model.ShipAction]*widget.Button{}
	s.refused = container.NewVBox()
	for _, a := range model.ShipActions {
		s.buttons[a] = widget.NewButtonWithIcon(shipActionLabel(a), icons[a], run[a])
	}
	s.buttons[model.ShipDoShip].Importance = widget.HighImportance
	s.buttons[model.ShipDoVoid].Importance = widget.DangerImportance
}

// showView shows view i with the keyboard in its list (Alt+1 … Alt+7).
func (s *shippingScreen) showView(i int) {
	s.focusOnLoad = true
	if s.tabs.SelectedIndex() != i {
		s.tabs.SelectIndex(i) // reloads through OnSelected
		return
	}
	s.reloadCurrent()
}

func (s *shippingScreen) newList(v model.ShipmentView) *PagedList[model.ShipmentRow] {
	src := PageSource[model.ShipmentRow]{
		Count: func(ctx context.Context, f model.ListFilter) (int, error) {
			return s.store.CountShipments(ctx, s.filter(v, f))
		},
		Fetch: func(ctx context.Context, f model.ListFilter) ([]model.ShipmentRow, error) {
			return s.store.Shipments(ctx, s.filter(v, f))
		},
	}
	l := NewPagedList(src, func() fyne.CanvasObject { return newColumnsOf(shipmentColumnsLayout()) }, s.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	l.OnOpened = s.onOpened
	l.OnLoaded = func(n int) {
		if l != s.current() {
			return // reloaded after a change, not on screen
		}
		s.count.SetText(plural(n, lang.L("1 row"), lang.L("{{.N}} rows", map[string]any{"N": model.Count(n)})))
		if s.focusOnLoad {
			s.focusOnLoad = false
			l.FocusFirst()
			s.highlightOpened(l)
		}
	}
	l.OnError = func(err error) { setProblemText(s.status, SayLoadErr(err)) }
	return l
}

// filter is the model's filter for view v and the list's page.
func (s *shippingScreen) filter(v model.ShipmentView, f model.ListFilter) model.ShipmentFilter {
	sf := model.ShipmentFilter{View: v, Offset: f.Offset, Limit: f.Limit}
	if v == model.ShipViewMonth {
		sf.Month = s.archiveMonth()
	}
	return sf
}

// archiveMonth reads the month box; a month that is no month is this month.
func (s *shippingScreen) archiveMonth() model.Date {
	d, err := model.ParseDate(strings.TrimSpace(s.month.Text) + "-01")
	if err != nil {
		return s.store.Today()
	}
	return d
}

func (s *shippingScreen) bindRow(r model.ShipmentRow, o fyne.CanvasObject) {
	late := ""
	if n := r.DaysLate(s.store.Today()); n > 0 {
		late = fmt.Sprint(n)
	}
	expected := r.ExpectedArrival.String()
	if r.LateAgainstRequest() {
		expected += " !"
	}
	no, status := r.No, ""
	if r.ID != 0 {
		status = lang.L(r.Status.Name())
	}
	if r.ID == 0 {
		no, status = "—", lang.L("To ship")
		if r.EmergencyBy != "" {
			status = lang.L("Emergency: {{.Name}}", map[string]any{"Name": r.EmergencyBy})
		}
	} else if r.Status == model.ShipInTransit && r.NoticeIssuedAt == nil {
		status += " · " + lang.L("notice not printed")
	}
	setCells(o, no, r.OrderNo, r.CustomerCode+" "+r.CustomerName(s.settings.Language()), r.Carrier, r.TrackingNo,
		expected, late, status)
}

// Content returns the section's widgets.
func (s *shippingScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the list on show and puts the keyboard in it.
func (s *shippingScreen) Shown() {
	s.focusOnLoad = true
	s.reloadCurrent()
}

func (s *shippingScreen) current() *PagedList[model.ShipmentRow] {
	return s.lists[s.tabs.SelectedIndex()]
}

func (s *shippingScreen) reloadCurrent() {
	s.current().Reload()
}

// reloadAll reloads every list after a change (a row moves between lists).
func (s *shippingScreen) reloadAll() {
	for _, l := range s.lists {
		l.Reload()
	}
}

// OnNew records a shipment for the opened order (Ctrl+N).
func (s *shippingScreen) OnNew() { s.onShip() }

// OnFind puts the keyboard in the current list (Ctrl+F).
func (s *shippingScreen) OnFind() { s.current().FocusFirst() }

// OnSave does nothing: every action saves from its own dialog.
func (s *shippingScreen) OnSave() {}

// OnCancel does nothing: there is no form on the screen itself.
func (s *shippingScreen) OnCancel() {}

// openShipment shows one shipment, as an action item about it opens it:
// the view that lists it, with the shipment as the opened row (its steps
// and its notes beside the list), highlighted in the list once it loads.
func (s *shippingScreen) openShipment(id uint) {
	s.work.Go(func() func() {
		r, err := s.store.ShipmentRow(context.Background(), id)
		return func() {
			if err != nil {
				setProblemText(s.status, SayLoadErr(err))
				return
			}
			setProblemText(s.status, "")
			v := r.View(s.store.Today())
			if v == model.ShipViewMonth {
				s.month.SetText(r.ShipDate.String()[:7])
			}
			s.selected, s.ok, s.highlight = r, true, r.ID
			s.updateButtons()
			for i := range s.views {
				if s.views[i] == v {
					s.showView(i)
				}
			}
		}
	})
}

// highlightOpened highlights the shipment opened by id in l, when it is
// among the rows loaded; Enter then opens its next step.
func (s *shippingScreen) highlightOpened(l *PagedList[model.ShipmentRow]) {
	id := s.highlight
	s.highlight = 0
	for i := 0; id != 0 && i < l.Count(); i++ {
		if r, ok := l.Item(i); ok && r.ID == id {
			l.ScrollTo(i)
			l.Highlight(i)
			return
		}
	}
}

// onOpened selects a row and opens its next step, once the model has said
// which steps it allows: the shipment of an order to ship, else the
// arrival of a shipment, else its signed receipt.
func (s *shippingScreen) onOpened(r model.ShipmentRow) {
	s.selected, s.ok = r, true
	next := []model.ShipAction{model.ShipDoArrival, model.ShipDoReceipt}
	if r.ID == 0 {
		next = []model.ShipAction{model.ShipDoShip}
	}
	s.askActions(func() {
		for _, a := range next {
			if s.actions.Allowed(a) == nil {
				s.buttons[a].OnTapped()
				return
			}
		}
		if r.ID == 0 {
			s.may(model.ShipDoShip) // says why it cannot ship
		}
	})
}

// updateButtons shows the opened row and asks the model what may be done on it.
func (s *shippingScreen) updateButtons() { s.askActions(nil) }

// askActions shows the opened row, with every action off until the model
// has said which it allows; then enables those, lists the others with the
// model's reasons, and runs then.
func (s *shippingScreen) askActions(then func()) {
	r := s.selected
	switch {
	case !s.ok:
		s.chosen.SetText(lang.L("Open a row with Enter to work on it."))
	case r.ID == 0:
		s.chosen.SetText(lang.L("Order {{.No}}: to ship", map[string]any{"No": r.OrderNo}))
	default:
		s.chosen.SetText(lang.L("Shipment {{.No}} of order {{.Order}}", map[string]any{"No": r.No, "Order": r.OrderNo}))
	}
	setProblemText(s.status, "")
	s.showNotes()
	s.showActions(nil)
	s.asked++
	if !s.ok {
		return
	}
	asked, by := s.asked, s.desk.Actor()
	s.work.Go(func() func() {
		acts, err := s.store.ShipmentActions(context.Background(), by, r)
		return func() {
			if asked != s.asked {
				return // another row was opened meanwhile
			}
			if err != nil {
				setProblemText(s.status, SayLoadErr(err))
				return
			}
			s.showActions(acts)
			if then != nil {
				then()
			}
		}
	})
}

// showActions enables the actions the model allows and lists the ones it
// refuses beside the list with the model's reason, once for the actions
// refused for the same reason (nil: none allowed yet, nothing listed).
func (s *shippingScreen) showActions(acts model.ShipmentActions) {
	s.actions = acts
	var reasons []string
	names := map[string][]string{}
	for _, a := range model.ShipActions {
		err := acts.Allowed(a)
		enable(s.buttons[a], err == nil)
		if err != nil && acts != nil {
			why := SayErr(err)
			if names[why] == nil {
				reasons = append(reasons, why)
			}
			names[why] = append(names[why], strings.TrimSuffix(shipActionLabel(a), "…"))
		}
	}
	var refused []fyne.CanvasObject
	if len(reasons) > 0 {
		refused = append(refused, widget.NewLabelWithStyle(lang.L("Not possible now"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, why := range reasons {
		l := widget.NewLabel(lang.L("{{.Action}}: {{.Reason}}", map[string]any{"Action": strings.Join(names[why], lang.L(", ")), "Reason": why}))
		l.Wrapping = fyne.TextWrapWord
		refused = append(refused, l)
	}
	if len(reasons) > 0 {
		refused = append(refused, widget.NewSeparator())
	}
	s.refused.Objects = refused
	s.refused.Refresh()
}

// may reports whether the model allows action a on the opened row; when
// it does not, the status line says why.
func (s *shippingScreen) may(a model.ShipAction) bool {
	if !s.ok {
		return false
	}
	if err := s.actions.Allowed(a); err != nil {
		setProblemText(s.status, SayErr(err))
		return false
	}
	return true
}

// showNotes puts the opened row's notes beside the list.
func (s *shippingScreen) showNotes() {
	kind, id := model.OnShipment, s.selected.ID
	if s.ok && id == 0 {
		kind, id = model.OnOrder, s.selected.OrderID
	}
	if !s.ok {
		id = 0
	}
	if s.notes != nil && (s.notes.kind != kind || s.notes.id != id) {
		s.notes.SetObject(kind, id)
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// changed is called after an action succeeded: the row may have moved.
func (s *shippingScreen) changed(sh *model.Shipment) {
	if sh != nil {
		s.selected = shipmentRowOf(sh)
	}
	s.updateButtons()
	s.reloadAll()
}

// shipmentRowOf returns a shipment as a list row, for the buttons.
func shipmentRowOf(sh *model.Shipment) model.ShipmentRow {
	r := model.ShipmentRow{ID: sh.ID, No: sh.No, Status: sh.Status, OrderID: sh.OrderID, Carrier: sh.Carrier,
		TrackingNo: sh.TrackingNo, ExpectedArrival: sh.ExpectedArrival, ArrivedOn: sh.ArrivedOn,
		NoticeIssuedAt: sh.NoticeIssued.At, NoticeSentAt: sh.NoticeSent.At, NoticeLegibleAt: sh.NoticeLegible.At,
		Remainder: sh.Remainder, Version: sh.Version}
	if sh.Order != nil {
		r.OrderNo = sh.Order.No
	}
	return r
}

// documentsDir is the clerk's documents folder, where printed documents go.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	return filepath.Join(home, "Documents")
}
