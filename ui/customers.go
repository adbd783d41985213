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

// customerColumns are the widths of the customer list's columns:
// code, name (Chinese / English), tier, phone, salesperson.
var customerColumns = []float32{1.1, 3.2, 0.7, 1.5, 1.5}

// customersScreen is the Customers section: the list that filters as the
// clerk types on the left, the open customer and their contacts on the right.
type customersScreen struct {
	search     *Entry
	inactive   *Check
	count      *widget.Label
	listStatus *widget.Label
	list       *PagedList[model.Customer]
	form       *customerForm
	contacts   *contactsPanel
	newButton  *widget.Button
	save       *widget.Button
	cancel     *widget.Button
	deactivate *widget.Button
	reactivate *widget.Button
	content    fyne.CanvasObject

	win      fyne.Window
	store    *model.Store
	desk     *Desk
	settings *Settings
	work     jobs
	names    map[uint]string       // every employee's name by id, for the salesperson column
	reason   *reasonDialog         // the open deactivation dialog, if any
	conflict *dialog.ConfirmDialog // the open "changed by someone else" dialog, if any
	loaded   bool
}

func newCustomersScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *customersScreen {
	s := &customersScreen{win: w, store: store, desk: desk, settings: settings, names: map[uint]string{},
		search: NewEntry(), count: widget.NewLabel(""), listStatus: newProblemLabel(), form: newCustomerForm()}
	s.search.SetPlaceHolder(lang.L("Search code, name or phone (Ctrl+F)"))
	s.inactive = NewCheck(lang.L("Show inactive"), func(bool) { s.applyFilter(false) })
	s.list = NewPagedList(PageSource[model.Customer]{Count: store.CountCustomers, Fetch: store.Customers},
		func() fyne.CanvasObject { return newColumns(customerColumns) }, s.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	s.list.OnOpened = s.onOpened
	s.list.OnLoaded = s.onLoaded
	s.list.OnError = func(err error) { setProblemText(s.listStatus, SayErr(err)) }
	s.search.OnChanged = func(string) { s.applyFilter(true) }
	s.search.OnSubmitted = func(string) { s.list.OpenFirst() }
	s.search.OnDown = s.list.FocusFirst
	s.contacts = newContactsPanel(w, store, desk, &s.work)

	s.newButton = widget.NewButtonWithIcon(lang.L("New customer"), theme.ContentAddIcon(), s.OnNew)
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	s.deactivate = widget.NewButton(lang.L("Deactivate…"), s.onDeactivate)
	s.reactivate = widget.NewButton(lang.L("Reactivate"), s.onReactivate)
	s.content = s.layout()
	s.updateButtons()
	return s
}

func (s *customersScreen) layout() fyne.CanvasObject {
	top := container.NewVBox(s.search, container.NewBorder(nil, nil, s.inactive, s.count), s.listStatus,
		newHeader(customerColumns, lang.L("Code"), lang.L("Name"), lang.L("Tier"), lang.L("Phone"), lang.L("Salesperson")))
	left := container.NewBorder(top, nil, nil, nil, s.list)
	// The buttons stay in sight below the scrolling form; in the tree they
	// come after the fields, so Tab from the last field reaches Save.
	buttons := container.NewHBox(s.save, s.cancel, s.deactivate, s.reactivate, layout.NewSpacer(), s.newButton)
	detail := container.NewBorder(s.form.heading,
		container.NewVBox(widget.NewSeparator(), buttons, s.form.status), nil, nil,
		s.form.fields.Scrolled(widget.NewSeparator(), s.contacts.content))
	split := container.NewHSplit(left, container.NewPadded(detail))
	split.SetOffset(0.5)
	return split
}

// Content returns the screen's widgets.
func (s *customersScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the list (with the last search) and the salesperson choices
// the first time the section is opened.
func (s *customersScreen) Shown() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.search.SetText(s.settings.Filter("customers")) // OnChanged loads the list
	s.list.Reload()
	s.loadPeople()
	s.win.Canvas().Focus(s.search)
}

func (s *customersScreen) loadPeople() {
	s.work.Go(func() func() {
		all, err := s.store.Employees(context.Background(), true)
		return func() {
			if err != nil {
				setProblemText(s.listStatus, SayErr(err))
				return
			}
			var active []model.Employee
			for _, e := range all {
				s.names[e.ID] = e.Name
				if e.NameZH != "" {
					s.names[e.ID] = e.NameZH // shorter, and how the office names colleagues
				}
				if e.Active {
					active = append(active, e)
				}
			}
			s.form.setPeople(active)
			s.list.Refresh()
		}
	})
}

func (s *customersScreen) bindRow(c model.Customer, o fyne.CanvasObject) {
	name := c.NameZH
	if c.NameEN != "" {
		if name != "" {
			name += " / "
		}
		name += c.NameEN
	}
	if !c.Active {
		name = lang.L("{{.Customer}} (inactive)", map[string]any{"Customer": name})
	}
	sales := ""
	if c.SalespersonID != nil {
		sales = s.names[*c.SalespersonID]
	}
	setCells(o, c.Code, name, string(c.Tier), c.Phone, sales)
}

func (s *customersScreen) applyFilter(typing bool) {
	s.settings.SetFilter("customers", s.search.Text)
	s.list.SetFilter(model.ListFilter{Text: s.search.Text, IncludeInactive: s.inactive.Checked})
	if !typing {
		s.list.Reload() // a click needs no debounce
	}
}

func (s *customersScreen) onLoaded(n int) {
	setProblemText(s.listStatus, "")
	s.count.SetText(lang.L("{{.N}} customers", map[string]any{"N": n}))
}

// onOpened shows the customer the clerk opened in the list, after asking
// whether to drop unsaved changes to the one on screen.
func (s *customersScreen) onOpened(c model.Customer) {
	if c.ID == s.form.stored.ID && !s.form.stored.IsNew() {
		return
	}
	s.confirmDiscard(func() { s.open(&c) })
}

func (s *customersScreen) open(c *model.Customer) {
	s.form.load(c)
	s.contacts.show(c.ID)
	s.updateButtons()
}

// confirmDiscard runs next at once when the form holds no unsaved change,
// and after the clerk agrees to drop them otherwise.
func (s *customersScreen) confirmDiscard(next func()) {
	if !s.form.dirty() {
		next()
		return
	}
	dialog.ShowConfirm(lang.L("Unsaved changes"),
		lang.L("Drop your changes to {{.Customer}}?", map[string]any{"Customer": s.form.heading.Text}),
		func(ok bool) {
			if ok {
				next()
			}
		}, s.win)
}

func (s *customersScreen) updateButtons() {
	c := s.form.stored
	s.deactivate.Hide()
	s.reactivate.Hide()
	if !c.IsNew() {
		if c.Active {
			s.deactivate.Show()
		} else {
			s.reactivate.Show()
		}
	}
}

// OnNew starts a new customer (Ctrl+N) with the cursor in the code.
func (s *customersScreen) OnNew() {
	s.confirmDiscard(func() {
		s.list.UnselectAll()
		s.open(model.NewCustomer())
		s.win.Canvas().Focus(s.form.code)
	})
}

// OnFind puts the cursor in the search box with its text selected, so
// what the clerk types next replaces the last search (Ctrl+F).
func (s *customersScreen) OnFind() {
	s.win.Canvas().Focus(s.search)
	s.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// OnCancel puts back what is stored (Esc).
func (s *customersScreen) OnCancel() {
	s.form.fill(s.form.stored)
}

// OnSave saves the customer on the form (Ctrl+S), as the person at the desk.
func (s *customersScreen) OnSave() {
	saveForm(s.desk, s.form.fields, s.save, &s.work, s.form.read, s.store.SaveCustomer, s.saved)
}

// saved shows the outcome of a save: the stored customer, the problems next
// to their fields, or the conflict with a way to reload.
func (s *customersScreen) saved(c *model.Customer, err error) {
	var conflict *model.ConflictError
	switch {
	case err == nil:
		c.Salesperson = nil
		s.open(c)
		s.form.status.SetText(lang.L("Saved."))
		s.list.Reload()
	case s.form.fields.Show(err):
		s.form.status.SetText(SayErr(err))
	case errors.As(err, &conflict):
		s.form.fields.SetOther(SayErr(err))
		s.offerReload(c.ID, SayErr(err))
	default:
		s.form.fields.SetOther(SayErr(err))
	}
}

// offerReload tells the clerk someone else saved the customer first and
// offers to load their version (the clerk's changes stay on screen otherwise).
func (s *customersScreen) offerReload(id uint, message string) {
	s.conflict = dialog.NewConfirm(lang.L("Changed by someone else"), message, func(reload bool) {
		if reload {
			s.reloadCustomer(id)
		}
	}, s.win)
	s.conflict.SetConfirmText(lang.L("Reload"))
	s.conflict.SetDismissText(lang.L("Keep my changes"))
	s.conflict.Show()
}

func (s *customersScreen) reloadCustomer(id uint) {
	s.work.Go(func() func() {
		c, err := s.store.Customer(context.Background(), id)
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayErr(err))
				return
			}
			s.open(c)
		}
	})
}

func (s *customersScreen) onDeactivate() {
	if s.desk.Employee() == nil {
		s.form.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	c, by := s.form.stored, s.desk.Actor()
	s.reason = askReason(s.win, &s.work, lang.L("Deactivate customer"),
		lang.L("Why is {{.Customer}} being deactivated? The customer keeps all their orders and history and can be reactivated.", map[string]any{"Customer": c.Display()}),
		func(reason string) error {
			return s.store.SetCustomerActive(context.Background(), by, c.ID, false, reason)
		},
		func() { s.reloadCustomer(c.ID); s.list.Reload() })
}

func (s *customersScreen) onReactivate() {
	if s.desk.Employee() == nil {
		s.form.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	id, by := s.form.stored.ID, s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.SetCustomerActive(context.Background(), by, id, true, "")
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayErr(err))
				return
			}
			s.reloadCustomer(id)
			s.list.Reload()
		}
	})
}
