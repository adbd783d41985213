package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// masterScreen is the screen of one kind of master data (customers,
// products, vendors): the list that filters as the clerk types on the left,
// the open record's form on the right, with its notes and what else
// belongs to the record (contacts, the price plan) below the fields.
// Records are saved, deactivated with a reason and reactivated, never
// deleted. T is the record, F its form; what differs between the kinds is
// in masterKind.
type masterScreen[T any, F masterForm[T]] struct {
	search     *Entry
	inactive   *Check
	count      *widget.Label
	listStatus *widget.Label
	list       *PagedList[T]
	form       F
	newButton  *widget.Button
	save       *widget.Button
	cancel     *widget.Button
	deactivate *widget.Button
	reactivate *widget.Button
	content    fyne.CanvasObject

	win      fyne.Window
	desk     *Desk
	settings *Settings
	kind     masterKind[T]
	work     jobs
	reason   *reasonDialog         // the open deactivation dialog, if any
	conflict *dialog.ConfirmDialog // the open "changed by someone else" dialog, if any
	loaded   bool
}

// masterKind is what one master-data screen does its own way: its texts,
// columns and queries, and the panel below its form.
type masterKind[T any] struct {
	filterKey  string // the search is remembered under this name
	searchHint string
	newTitle   string // the New button's label and a new record's heading
	newRecord  func() *T
	columns    []float32
	// mins keeps a column at least this wide (0 for none): a phone number
	// or a short heading that must read whole while the name gives way.
	mins      []float32
	headers   []string
	source    PageSource[T]
	bindRow   func(T, fyne.CanvasObject)
	countText func(n int) string
	describe  func(*T) recordInfo
	// inactiveTitle, discardQuestion and deactivateQuestion are the texts
	// naming one record, given its Display().
	inactiveTitle      func(name string) string
	discardQuestion    func(name string) string
	deactivateTitle    string
	deactivateQuestion func(name string) string
	fetch              func(ctx context.Context, id uint) (*T, error)
	saveRecord         func(ctx context.Context, by model.Actor, v *T) error
	setActive          func(ctx context.Context, by model.Actor, id uint, active bool, reason string) error
	// below is shown under the form's fields (nil for none), and opened
	// is told each record shown, so it can show what belongs to it.
	below  fyne.CanvasObject
	opened func(id uint)
	// tools are buttons beside the list's count ("Import CSV…").
	tools []fyne.CanvasObject
	// beforeDeactivate, when set, runs before the reason is asked (a
	// person's open work is offered for hand-over); it calls deactivate
	// to go on.
	beforeDeactivate func(id uint, deactivate func())
}

// recordInfo is what the screen reads from any record.
type recordInfo struct {
	id      uint
	active  bool
	display string // "C0012 萬國紙業 Wan Kuo Paper"
}

// masterForm is a form the masterScreen drives: it shows and reads one
// record's fields, and holds the recordForm every such form has.
type masterForm[T any] interface {
	parts() *recordForm
	record() *T                    // what is stored: what Cancel reverts to and a save is made against
	load(v *T)                     // shows v and makes it what is stored
	fill(v *T)                     // puts v's values in the widgets
	read() (*T, model.FieldErrors) // the record as typed, and the inputs that cannot be read
	dirty() bool                   // whether the form differs from what is stored
}

// recordForm is what every master-data form has besides its own fields:
// the heading and status around them, the code (where a new record is
// started), the fields with their problems, and the notes panel.
type recordForm struct {
	heading *widget.Label
	status  *widget.Label
	code    *Entry
	fields  *FieldForm
	notes   *NotesPanel // the record's notes and action items, once attached
	kind    model.ObjectKind
	id      uint // the record shown
}

func newRecordForm(kind model.ObjectKind) recordForm {
	f := recordForm{heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		status: widget.NewLabel(""), code: NewEntry(), fields: NewFieldForm(), kind: kind}
	f.status.Wrapping = fyne.TextWrapWord
	f.fields.OnAllFixed = func() { f.status.SetText("") } // the refusal repeated beside Save
	return f
}

func (f *recordForm) parts() *recordForm { return f }

// showNotes points the notes panel at the record with this id (0: a new one).
func (f *recordForm) showNotes(id uint) {
	f.id = id
	if f.notes != nil {
		f.notes.SetObject(f.kind, id)
	}
}

// attachNotes puts the notes panel below the record's fields.
func (f *recordForm) attachNotes(p *NotesPanel) {
	f.notes = p
	p.placeIn(f.fields, "Notes", lang.L("Notes"))
	p.SetObject(f.kind, f.id)
}

// clearProblems clears every problem and the status shown.
func (f *recordForm) clearProblems() {
	f.fields.Clear()
	f.status.SetText("")
}

// init builds the screen in place (the panels below already hold a
// pointer to its jobs, so the screen is not copied).
func (s *masterScreen[T, F]) init(w fyne.Window, desk *Desk, settings *Settings, form F, kind masterKind[T]) {
	s.win, s.desk, s.settings, s.form, s.kind = w, desk, settings, form, kind
	s.search, s.count, s.listStatus = NewEntry(), widget.NewLabel(""), newProblemLabel()
	s.search.SetPlaceHolder(kind.searchHint)
	s.inactive = NewCheck(lang.L("Show inactive"), func(bool) { s.applyFilter(false) })
	s.list = NewPagedList(kind.source, func() fyne.CanvasObject { return newColumnsMin(kind.columns, kind.mins) }, kind.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	s.list.OnOpened = s.onOpened
	s.list.OnLoaded = func(n int) {
		setProblemText(s.listStatus, "")
		s.count.SetText(kind.countText(n))
	}
	s.list.OnError = func(err error) { setProblemText(s.listStatus, SayLoadErr(err)) }
	s.search.OnChanged = func(string) { s.applyFilter(true) }
	s.search.OnSubmitted = func(string) { s.list.OpenFirst() }
	s.search.OnDown = s.list.FocusFirst

	s.newButton = widget.NewButtonWithIcon(kind.newTitle, theme.ContentAddIcon(), s.OnNew)
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	s.deactivate = widget.NewButton(lang.L("Deactivate…"), s.onDeactivate)
	s.reactivate = widget.NewButton(lang.L("Reactivate"), s.onReactivate)
	s.content = s.layout()
	s.showHeading()
	s.updateButtons()
}

func (s *masterScreen[T, F]) layout() fyne.CanvasObject {
	// "Show inactive" at the left, the count and the tools at the right; the
	// tools take a second row when the window is too narrow for one.
	gap := layout.NewSpacer()
	tools := newFlow(map[fyne.CanvasObject]float32{gap: 0}, append([]fyne.CanvasObject{s.inactive, gap, s.count}, s.kind.tools...)...)
	top := container.NewVBox(s.search, tools, s.listStatus,
		newHeaderOf(&columnsLayout{weights: s.kind.columns, mins: s.kind.mins}, s.kind.headers...))
	left := container.NewBorder(top, nil, nil, nil, s.list)
	// The buttons stay in sight below the scrolling form; in the tree they
	// come after the fields, so Tab from the last field reaches Save.
	buttons := container.NewHBox(s.save, s.cancel, s.deactivate, s.reactivate, layout.NewSpacer(), s.newButton)
	f := s.form.parts()
	var below []fyne.CanvasObject
	if s.kind.below != nil {
		below = []fyne.CanvasObject{widget.NewSeparator(), s.kind.below}
	}
	detail := container.NewBorder(f.heading, container.NewVBox(widget.NewSeparator(), buttons, f.status), nil, nil,
		f.fields.Scrolled(below...))
	split := container.NewHSplit(left, container.NewPadded(detail))
	split.SetOffset(0.5)
	return split
}

// Content returns the screen's widgets.
func (s *masterScreen[T, F]) Content() fyne.CanvasObject { return s.content }

// Shown loads the list, with the last search, the first time the section is opened.
func (s *masterScreen[T, F]) Shown() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.search.SetText(s.settings.Filter(s.kind.filterKey)) // OnChanged loads the list
	s.list.Reload()
	s.win.Canvas().Focus(s.search)
}

// Refresh reloads the list.
func (s *masterScreen[T, F]) Refresh() { s.list.Reload() }

func (s *masterScreen[T, F]) applyFilter(typing bool) {
	s.settings.SetFilter(s.kind.filterKey, s.search.Text)
	s.list.SetFilter(model.ListFilter{Text: s.search.Text, IncludeInactive: s.inactive.Checked})
	if !typing {
		s.list.Reload() // a click needs no debounce
	}
}

// onOpened shows the record the clerk opened in the list, after asking
// whether to drop unsaved changes to the one on screen.
func (s *masterScreen[T, F]) onOpened(v T) {
	if s.kind.describe(&v).id == s.kind.describe(s.form.record()).id {
		return
	}
	s.confirmDiscard(func() { s.open(&v) })
}

// open shows v on the form and what belongs to it below.
func (s *masterScreen[T, F]) open(v *T) {
	s.form.load(v)
	s.form.parts().clearProblems()
	// Another record starts at its top: left scrolled where the last one
	// was, a new person's form opened on its groups, its name out of sight.
	if sc := s.form.parts().fields.scroll; sc != nil {
		sc.ScrollToTop()
	}
	id := s.kind.describe(v).id
	s.form.parts().showNotes(id)
	if s.kind.opened != nil {
		s.kind.opened(id)
	}
	s.showHeading()
	s.updateButtons()
}

// openRecord shows the stored record with this id (an action item's
// object), once the clerk agreed to drop unsaved changes.
func (s *masterScreen[T, F]) openRecord(id uint) {
	s.confirmDiscard(func() { s.reload(id) })
}

func (s *masterScreen[T, F]) showHeading() {
	r := s.kind.describe(s.form.record())
	text := r.display
	switch {
	case r.id == 0:
		text = s.kind.newTitle
	case !r.active:
		text = s.kind.inactiveTitle(r.display)
	}
	s.form.parts().heading.SetText(text)
}

// confirmDiscard runs next at once when the form holds no unsaved change,
// and after the clerk agrees to drop them otherwise.
func (s *masterScreen[T, F]) confirmDiscard(next func()) {
	if !s.form.dirty() {
		next()
		return
	}
	askYesNo(s.win, lang.L("Unsaved changes"), s.kind.discardQuestion(s.form.parts().heading.Text), next)
}

func (s *masterScreen[T, F]) updateButtons() {
	r := s.kind.describe(s.form.record())
	s.deactivate.Hide()
	s.reactivate.Hide()
	switch {
	case r.id == 0:
	case r.active:
		s.deactivate.Show()
	default:
		s.reactivate.Show()
	}
}

// OnNew starts a new record (Ctrl+N) with the cursor in the code.
func (s *masterScreen[T, F]) OnNew() {
	s.confirmDiscard(func() {
		s.list.UnselectAll()
		s.open(s.kind.newRecord())
		s.win.Canvas().Focus(s.form.parts().code)
	})
}

// OnFind puts the cursor in the search box with its text selected, so
// what the clerk types next replaces the last search (Ctrl+F).
func (s *masterScreen[T, F]) OnFind() {
	s.win.Canvas().Focus(s.search)
	s.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// OnCancel puts back what is stored (Esc).
func (s *masterScreen[T, F]) OnCancel() {
	s.form.fill(s.form.record())
	s.form.parts().clearProblems()
}

// OnSave saves the record on the form (Ctrl+S), as the person at the desk.
func (s *masterScreen[T, F]) OnSave() {
	f := s.form.parts()
	saveForm(s.desk, f.fields, s.save, &s.work, s.form.read, s.kind.saveRecord, s.saved)
}

// saved shows the outcome of a save: the stored record, the problems next
// to their fields, or the conflict with a way to reload.
func (s *masterScreen[T, F]) saved(v *T, err error) {
	f := s.form.parts()
	var conflict *model.ConflictError
	switch {
	case err == nil:
		s.open(v)
		f.status.SetText(savedSaying(v))
		s.list.Reload()
	case f.fields.Show(err):
		f.status.SetText(SayErr(err))
	case errors.As(err, &conflict):
		f.fields.SetOther(SayErr(err))
		s.offerReload(s.kind.describe(v).id, conflict)
	default:
		f.fields.SetOther(SayErr(err))
	}
}

// offerReload tells the clerk someone else saved the record first and
// offers to load their version (the clerk's changes stay on screen otherwise).
func (s *masterScreen[T, F]) offerReload(id uint, c *model.ConflictError) {
	s.conflict = conflictDialog(s.win, c, func() { s.reload(id) })
}

// reload reads the record with this id again and shows it.
func (s *masterScreen[T, F]) reload(id uint) {
	s.work.Go(func() func() {
		v, err := s.kind.fetch(context.Background(), id)
		return func() {
			if err != nil {
				s.form.parts().fields.SetOther(SayLoadErr(err))
				return
			}
			s.open(v)
		}
	})
}

func (s *masterScreen[T, F]) onDeactivate() {
	if s.desk.Employee() == nil {
		s.form.parts().fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	r, by := s.kind.describe(s.form.record()), s.desk.Actor()
	ask := func() { s.askDeactivate(r, by) }
	if s.kind.beforeDeactivate != nil {
		s.kind.beforeDeactivate(r.id, ask)
		return
	}
	ask()
}

// askDeactivate asks why the record r is deactivated, and deactivates it as by.
func (s *masterScreen[T, F]) askDeactivate(r recordInfo, by model.Actor) {
	s.reason = askReason(s.win, &s.work, s.kind.deactivateTitle, s.kind.deactivateQuestion(r.display),
		func(reason string) error {
			return s.kind.setActive(context.Background(), by, r.id, false, reason)
		},
		func() { s.reload(r.id); s.list.Reload() })
}

func (s *masterScreen[T, F]) onReactivate() {
	if s.desk.Employee() == nil {
		s.form.parts().fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	id, by := s.kind.describe(s.form.record()).id, s.desk.Actor()
	s.work.Go(func() func() {
		err := s.kind.setActive(context.Background(), by, id, true, "")
		return func() {
			if err != nil {
				s.form.parts().fields.SetOther(SayErr(err))
				return
			}
			s.reload(id)
			s.list.Reload()
		}
	})
}

// bothNames returns a record's names as a list shows them: "萬國紙業 / Wan
// Kuo Paper", or the one it has.
func bothNames(zh, en string) string {
	if zh == "" || en == "" {
		return zh + en
	}
	return zh + " / " + en
}
