package ui

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// unmatchedColumns are the widths of the Unmatched returns list: file,
// arrived, pages, why unmatched.
var unmatchedColumns = []float32{2, 1.3, 0.5, 3.6}

// unmatchedScreen is the Unmatched returns tab of Action items (issue 19):
// the returned confirmations no order took by its barcode. The clerk opens
// each file, gives it to its order by number or sets it aside with a reason
// (kept, never deleted). It is a tab of Action items, not an Orders list
// view, because its rows are files waiting on a clerk, not orders: work to
// clear, like the queues beside it.
type unmatchedScreen struct {
	list     *widget.List
	status   *widget.Label
	orderNo  *Entry
	open     *widget.Button
	assign   *widget.Button
	discard  *widget.Button
	content  fyne.CanvasObject
	win      fyne.Window
	store    unmatchedStore
	loc      *time.Location // the office's, for when a scan came in
	desk     *Desk
	work     *jobs
	scans    []model.ScanReturn
	selected int // index in scans, -1: none
	// openFile shows a stored scan in the system's viewer (tests record it).
	openFile func(path string) error
	// reason is the open "set aside" dialog, for tests.
	reason *reasonDialog
}

// unmatchedStore is what the Unmatched returns tab asks of the store: the
// screen declares it so that a test can hand it a store that fails.
type unmatchedStore interface {
	UnmatchedScans(ctx context.Context) ([]model.ScanReturn, error)
	AssignScan(ctx context.Context, by model.Actor, scanID uint, orderNo string) error
	DiscardScan(ctx context.Context, by model.Actor, scanID uint, reason string) error
}

func newUnmatchedScreen(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *unmatchedScreen {
	s := &unmatchedScreen{win: w, store: store, loc: store.Location(), desk: desk, work: work, status: widget.NewLabel(""),
		orderNo: NewEntry(), selected: -1, openFile: openFile}
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	s.list = widget.NewList(func() int { return len(s.scans) },
		func() fyne.CanvasObject { return newColumns(unmatchedColumns) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.scans) {
				r := s.scans[id]
				setCells(o, r.FileName, r.ArrivedAt.In(s.loc).Format("2006-01-02 15:04"), strconv.Itoa(r.Pages), Say(r.Reason()))
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) { s.selected = id; s.enable() }
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.enable() }
	s.orderNo.SetPlaceHolder(lang.L("Order number, for example SO-2026-00012"))
	s.orderNo.OnSubmitted = func(string) { s.onAssign() }
	s.open = widget.NewButtonWithIcon(lang.L("Open file"), theme.FileIcon(), func() {
		if r := s.current(); r != nil {
			s.openFile(r.StoredPath)
		}
	})
	s.assign = widget.NewButtonWithIcon(lang.L("Assign to order"), theme.ConfirmIcon(), s.onAssign)
	s.assign.Importance = widget.HighImportance
	s.discard = widget.NewButtonWithIcon(lang.L("Set aside…"), theme.ContentRemoveIcon(), s.onDiscard)
	actions := container.NewBorder(nil, nil, s.open, container.NewHBox(s.assign, s.discard), s.orderNo)
	top := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Unmatched returns"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(lang.L("Returned confirmations no order took by its barcode. Open the file, then give it to its order or set it aside.")),
		s.status,
		newHeader(unmatchedColumns, lang.L("File"), lang.L("Came in"), lang.L("Pages"), lang.L("Why unmatched")))
	s.content = container.NewBorder(top, actions, nil, nil, s.list)
	s.enable()
	return s
}

// Content returns the screen's widgets.
func (s *unmatchedScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the unmatched returns.
func (s *unmatchedScreen) Shown() { s.reload() }

func (s *unmatchedScreen) reload() {
	s.work.Go(func() func() {
		scans, err := s.store.UnmatchedScans(context.Background())
		return func() {
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.scans = scans
			s.list.UnselectAll()
			s.selected = -1
			s.list.Refresh()
			if len(scans) > 0 {
				s.list.Select(0)
			}
			s.enable()
		}
	})
}

// current is the selected scan, or nil.
func (s *unmatchedScreen) current() *model.ScanReturn {
	if s.selected < 0 || s.selected >= len(s.scans) {
		return nil
	}
	return &s.scans[s.selected]
}

func (s *unmatchedScreen) enable() {
	for _, b := range []*widget.Button{s.open, s.assign, s.discard} {
		if s.current() == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// onAssign gives the selected scan to the order typed; the model refuses
// an unknown order or one not awaiting its signed confirmation.
func (s *unmatchedScreen) onAssign() {
	r := s.current()
	if r == nil {
		return
	}
	if s.desk.Employee() == nil {
		setProblemText(s.status, lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	by, id, file, no := s.desk.Actor(), r.ID, r.FileName, s.orderNo.Text
	s.work.Go(func() func() {
		err := s.store.AssignScan(context.Background(), by, id, no)
		return func() {
			if err != nil {
				setProblemText(s.status, SayErr(err))
				s.win.Canvas().Focus(s.orderNo)
				return
			}
			s.orderNo.SetText("")
			setInfo(s.status, lang.L("{{.File}} is the signed confirmation of {{.No}}: signed back, scan attached.", map[string]any{"File": file, "No": no}))
			s.reload()
		}
	})
}

// onDiscard asks why the selected scan is set aside.
func (s *unmatchedScreen) onDiscard() {
	r := s.current()
	if r == nil {
		return
	}
	if s.desk.Employee() == nil {
		setProblemText(s.status, lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	by, id, file := s.desk.Actor(), r.ID, r.FileName
	s.reason = askReason(s.win, s.work, lang.L("Set the scan aside"),
		lang.L("Why is {{.File}} set aside? It is kept, not deleted.", map[string]any{"File": file}),
		func(reason string) error { return s.store.DiscardScan(context.Background(), by, id, reason) },
		func() {
			setInfo(s.status, lang.L("{{.File}} set aside.", map[string]any{"File": file}))
			s.reload()
		})
	s.reason.confirm.SetText(lang.L("Set aside"))
}
