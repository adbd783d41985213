package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// shipmentColumns are the widths of the shipping lists' columns: shipment,
// order, customer, carrier, tracking number, expected arrival, days late, status.
var shipmentColumns = []float32{1.2, 1.2, 2.2, 1.2, 1.4, 1.1, 0.7, 1.6}

// shippingScreen is the Shipping section (seed 002 steps 14–18): one tab
// per list, and the actions on the row the clerk opened. Enter on a row
// opens its next step: record the shipment of an order to ship, the
// arrival of a shipment in transit, the signed receipt of one that arrived.
type shippingScreen struct {
	win      fyne.Window
	store    *model.Store
	desk     *Desk
	settings *Settings
	work     jobs

	views  []model.ShipmentView
	lists  []*PagedList[model.ShipmentRow]
	tabs   *container.AppTabs
	month  *Entry // the archive's month, YYYY-MM
	status *widget.Label
	count  *widget.Label

	// selected is the row the actions work on; ok is false before one is opened.
	selected model.ShipmentRow
	ok       bool
	chosen   *widget.Label
	// notes are the notes and action items of the row opened: the
	// shipment's, or the order's while it waits to ship.
	notes *NotesPanel

	ship, print, sent, legible, arrival, receipt, followUp, void, export *widget.Button

	// docsDir is the documents folder the shipping notices and the archive
	// CSV are written under; open shows a written file to the clerk.
	docsDir string
	open    func(path string)
	// dialog is the action dialog open now, for tests.
	dialog *shipDialog
	// focusOnLoad puts the keyboard in the list once its reload lands.
	focusOnLoad bool
	content     fyne.CanvasObject
}

// viewShortcut returns the shortcut that shows the shipping screen's view i: Alt+1 … Alt+7.
func viewShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierAlt}
}

func newShippingScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *shippingScreen {
	s := &shippingScreen{win: w, store: store, desk: desk, settings: settings, status: newProblemLabel(),
		count: widget.NewLabel(""), chosen: widget.NewLabel(""), month: NewEntry(), docsDir: documentsDir()}
	s.open = func(path string) { openFile(path) }
	s.views = append(append([]model.ShipmentView{}, model.ShipmentViews...), model.ShipViewMonth)
	s.month.SetText(store.Today().String()[:7])
	s.month.OnSubmitted = func(string) { s.reloadCurrent() }
	var items []*container.TabItem
	for _, v := range s.views {
		l := s.newList(v)
		s.lists = append(s.lists, l)
		var content fyne.CanvasObject = l
		if v == model.ShipViewMonth {
			s.export = widget.NewButtonWithIcon(lang.L("Export CSV"), theme.DocumentSaveIcon(), s.onExport)
			bar := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Month (YYYY-MM)")), s.export, s.month)
			content = container.NewBorder(bar, nil, nil, nil, l)
		}
		items = append(items, container.NewTabItem(lang.L(v.Name()), content))
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadCurrent() }
	s.ship = widget.NewButtonWithIcon(lang.L("Record shipment…"), theme.MailSendIcon(), s.onShip)
	s.ship.Importance = widget.HighImportance
	s.print = widget.NewButtonWithIcon(lang.L("Print shipping notice"), theme.DocumentPrintIcon(), s.onPrintNotice)
	s.sent = widget.NewButton(lang.L("Notice sent"), s.onNoticeSent)
	s.legible = widget.NewButton(lang.L("Customer received the notice…"), s.onNoticeLegible)
	s.arrival = widget.NewButtonWithIcon(lang.L("Record arrival…"), theme.ConfirmIcon(), s.onArrival)
	s.receipt = widget.NewButton(lang.L("Signed receipt…"), s.onReceipt)
	s.followUp = widget.NewButton(lang.L("Follow up on…"), s.onFollowUp)
	s.void = widget.NewButtonWithIcon(lang.L("Void…"), theme.DeleteIcon(), s.onVoid)
	s.void.Importance = widget.DangerImportance
	header := newHeader(shipmentColumns, lang.L("Shipment"), lang.L("Order"), lang.L("Customer"), lang.L("Carrier"),
		lang.L("Tracking no."), lang.L("Expected arrival"), lang.L("Days late"), lang.L("Status"))
	actions := container.NewHBox(s.ship, s.print, s.sent, s.legible, s.arrival, s.receipt, s.followUp, s.void)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.count, s.chosen), actions, s.status)
	s.notes = newNotesPanel(store, desk, &s.work, model.OnShipment, 0)
	// The column titles sit over the list, the width of the list.
	split := container.NewHSplit(container.NewBorder(header, nil, nil, nil, s.tabs), container.NewVScroll(s.notes.Content()))
	split.SetOffset(0.72)
	s.content = container.NewBorder(top, nil, nil, nil, split)
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
	l := NewPagedList(src, func() fyne.CanvasObject { return newColumns(shipmentColumns) }, s.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	l.OnOpened = s.onOpened
	l.OnLoaded = func(n int) {
		s.count.SetText(lang.L("{{.N}} rows", map[string]any{"N": n}))
		if s.focusOnLoad && l == s.current() {
			s.focusOnLoad = false
			l.FocusFirst()
		}
	}
	l.OnError = func(err error) { setProblemText(s.status, SayErr(err)) }
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

// onOpened selects a row and opens its next step.
func (s *shippingScreen) onOpened(r model.ShipmentRow) {
	s.selected, s.ok = r, true
	s.updateButtons()
	switch {
	case r.ID == 0:
		s.onShip()
	case r.Status == model.ShipInTransit:
		s.onArrival()
	case r.Status == model.ShipArrived:
		s.onReceipt()
	}
}

// updateButtons enables the actions that fit the opened row; the model
// still decides, and says why when it refuses.
func (s *shippingScreen) updateButtons() {
	r := s.selected
	isShipment := s.ok && r.ID != 0
	enable(s.ship, s.ok && (r.ID == 0 || r.Remainder))
	enable(s.print, isShipment && r.Status != model.ShipVoid)
	enable(s.sent, isShipment && r.NoticeIssuedAt != nil && r.NoticeSentAt == nil)
	enable(s.legible, isShipment && r.NoticeSentAt != nil && r.NoticeLegibleAt == nil)
	enable(s.arrival, isShipment && r.Status == model.ShipInTransit)
	enable(s.receipt, isShipment && r.Status == model.ShipArrived)
	enable(s.followUp, isShipment && r.Status == model.ShipInTransit)
	enable(s.void, isShipment && (r.Status == model.ShipInTransit || r.Status == model.ShipArrived))
	switch {
	case !s.ok:
		s.chosen.SetText(lang.L("Open a row with Enter to work on it."))
	case r.ID == 0:
		s.chosen.SetText(lang.L("Order {{.No}}: to ship", map[string]any{"No": r.OrderNo}))
	default:
		s.chosen.SetText(lang.L("Shipment {{.No}} of order {{.Order}}", map[string]any{"No": r.No, "Order": r.OrderNo}))
	}
	s.showNotes()
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
