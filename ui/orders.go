package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
	"orderdesk/service"
)

// ShortcutSubmit saves the order being entered and moves it to checking (Ctrl+Enter).
var ShortcutSubmit = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// ordersScreen is the Orders section: the order list, and in its place the
// order a clerk opens or the intake form of a new order. Esc goes back to
// the list.
type ordersScreen struct {
	list    *orderList
	detail  *orderDetail
	intake  *intakeForm
	content *fyne.Container

	win      fyne.Window
	store    ordersStore
	desk     *Desk
	settings *Settings
	work     jobs
	loaded   bool
	offered  bool // the clerk's draft of a new order was reopened this session
}

// ordersStore is the store as the Orders screen uses it; a test hands it one that fails.
type ordersStore interface {
	Drafts(ctx context.Context, employeeID uint, form string) ([]model.Draft, error)
}

func newOrdersScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *ordersScreen {
	s := &ordersScreen{win: w, store: store, desk: desk, settings: settings}
	s.list = newOrderList(w, store, settings)
	s.list.onOpened = func(r model.OrderRow) { s.openOrder(r.ID) }
	s.list.onNew = s.OnNew
	s.detail = newOrderDetail(w, store, desk, s.showList)
	s.detail.onEdit = func(o *model.Order) {
		s.show(s.intake.content)
		s.intake.edit(o)
	}
	s.intake = newIntakeForm(w, store, desk, s.intakeDone)
	s.content = container.NewStack(s.list.content, s.detail.content, s.intake.content)
	s.show(s.list.content)
	addShortcut(w.Canvas(), ShortcutSubmit, s.onSubmit)
	desk.OnChanged(func(*model.Employee) { s.deskChanged() })
	return s
}

// Content returns the screen's widgets.
func (s *ordersScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the list with the clerk's last filter the first time the
// section is opened.
func (s *ordersScreen) Shown() {
	s.reopenDraft()
	if s.loaded {
		return
	}
	s.loaded = true
	s.list.start()
	s.win.Canvas().Focus(s.list.search)
}

// reopenDraft opens the intake on the clerk's draft of a new order, once
// a session: after a crash or a kill the order being typed comes back.
func (s *ordersScreen) reopenDraft() {
	clerk := s.desk.Employee()
	if s.offered || clerk == nil {
		return
	}
	s.offered = true
	s.work.Go(func() func() {
		drafts, err := s.store.Drafts(context.Background(), clerk.ID, intakeDraftForm)
		if err != nil { // only an offer: the clerk starts a new order as usual
			model.LogError("load drafts", err)
		}
		return func() {
			for _, d := range drafts {
				if err == nil && d.Key == draftKey(nil) && s.page() == s.list.content {
					s.OnNew()
					return
				}
			}
		}
	})
}

// slipsApplied shows a pass of the slip rule (service.Slips, at start and
// hourly): it reloads the list when a date moved, and says why when the
// pass failed.
func (s *ordersScreen) slipsApplied(r service.Report) {
	if r.Err != nil {
		setProblemText(s.list.status, SayErr(r.Err))
	}
	if moved, _ := r.Value.(int); moved > 0 && s.loaded {
		s.list.list.Reload()
	}
}

func (s *ordersScreen) show(page fyne.CanvasObject) {
	for _, o := range s.content.Objects {
		if o == page {
			o.Show()
		} else {
			o.Hide()
		}
	}
	s.content.Refresh()
}

// page reports which page shows: the list, the detail or the intake.
func (s *ordersScreen) page() fyne.CanvasObject {
	for _, o := range s.content.Objects {
		if o.Visible() {
			return o
		}
	}
	return nil
}

func (s *ordersScreen) showList() {
	s.show(s.list.content)
	s.list.list.Reload()
	s.win.Canvas().Focus(s.list.search)
}

func (s *ordersScreen) openOrder(id uint) { s.openOrderThen(id, "") }

// openOrderThen shows an order's detail, then the dialog of action then
// ("" for none) if the order allows it.
func (s *ordersScreen) openOrderThen(id uint, then model.Action) {
	s.show(s.detail.content)
	s.detail.openThen(id, then)
}

// intakeDone is called when the intake form saved an order (open it) or was
// left (back to the list).
func (s *ordersScreen) intakeDone(id uint) {
	if id == 0 {
		s.showList()
		return
	}
	s.list.list.Reload()
	s.openOrder(id)
}

// deskChanged follows a change of the person at the desk: the order being
// typed is kept as its clerk's draft and the list comes back; the new
// clerk's own draft is reopened when they next open Orders.
func (s *ordersScreen) deskChanged() {
	if s.page() == s.intake.content {
		s.intake.deskChanged()
		s.show(s.list.content)
	}
	s.offered = false
}

// unsaved reports whether the intake form holds changes not yet saved as an order.
func (s *ordersScreen) unsaved() bool { return s.page() == s.intake.content && s.intake.dirty() }

// flushDraft saves the intake's draft now (the window is closing).
func (s *ordersScreen) flushDraft() { s.intake.saveDraftNow() }

// OnNew opens the intake form for a new order (Ctrl+N), or the clerk's
// draft of one if there is one.
func (s *ordersScreen) OnNew() {
	if s.desk.Employee() == nil {
		dialog.ShowInformation(lang.L("New order"), lang.L("Say who you are first (Desk → Switch person)."), s.win)
		return
	}
	if s.page() == s.intake.content {
		return
	}
	s.show(s.intake.content)
	s.intake.startNew()
}

// OnFind shows the list with the cursor in its search box (Ctrl+F).
func (s *ordersScreen) OnFind() {
	if s.page() == s.intake.content {
		return
	}
	s.show(s.list.content)
	s.win.Canvas().Focus(s.list.search)
	s.list.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// OnSave saves the order being entered (Ctrl+S).
func (s *ordersScreen) OnSave() {
	if s.page() == s.intake.content {
		s.intake.save(false)
	}
}

func (s *ordersScreen) onSubmit() {
	if s.win.Canvas().Overlays().Top() != nil {
		confirmTopDialog(s.win.Canvas()) // Ctrl+Enter confirms a dialog, from its multi-line field too
		return
	}
	if s.page() == s.intake.content {
		s.intake.save(true)
	}
}

// OnCancel goes back to the list (Esc); from the intake form the draft is kept.
func (s *ordersScreen) OnCancel() {
	switch s.page() {
	case s.detail.content:
		s.showList()
	case s.intake.content:
		s.intake.leave()
	}
}
