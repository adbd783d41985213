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

// productColumns are the widths of the product list's columns:
// code, name, spec, unit, active.
var productColumns = []float32{1.9, 1.7, 2.5, 0.8, 0.9}

// productsScreen is the Products section: the catalogue list on the left,
// the open product and its price plan on the right.
type productsScreen struct {
	search     *Entry
	inactive   *Check
	count      *widget.Label
	listStatus *widget.Label
	list       *PagedList[model.Product]
	form       *productForm
	prices     *pricesPanel
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
	loaded   bool
}

func newProductsScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *productsScreen {
	s := &productsScreen{win: w, store: store, desk: desk, settings: settings,
		search: NewEntry(), count: widget.NewLabel(""), listStatus: newProblemLabel(), form: newProductForm()}
	s.search.SetPlaceHolder(lang.L("Search code, name or spec (Ctrl+F)"))
	s.inactive = NewCheck(lang.L("Show inactive"), func(bool) { s.applyFilter(false) })
	s.list = NewPagedList(PageSource[model.Product]{Count: store.CountProducts, Fetch: store.Products},
		func() fyne.CanvasObject { return newColumns(productColumns) }, s.bindRow,
		func(o fyne.CanvasObject) { setCells(o, "…") })
	s.list.OnOpened = s.onOpened
	s.list.OnLoaded = func(n int) {
		setProblemText(s.listStatus, "")
		s.count.SetText(lang.L("{{.N}} products", map[string]any{"N": n}))
	}
	s.list.OnError = func(err error) { setProblemText(s.listStatus, SayErr(err)) }
	s.search.OnChanged = func(string) { s.applyFilter(true) }
	s.search.OnSubmitted = func(string) { s.list.OpenFirst() }
	s.search.OnDown = s.list.FocusFirst
	s.prices = newPricesPanel(store, &s.work)

	s.newButton = widget.NewButtonWithIcon(lang.L("New product"), theme.ContentAddIcon(), s.OnNew)
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	s.deactivate = widget.NewButton(lang.L("Deactivate…"), s.onDeactivate)
	s.reactivate = widget.NewButton(lang.L("Reactivate"), s.onReactivate)
	s.content = s.layout()
	s.updateButtons()
	return s
}

func (s *productsScreen) layout() fyne.CanvasObject {
	top := container.NewVBox(s.search, container.NewBorder(nil, nil, s.inactive, s.count), s.listStatus,
		newHeader(productColumns, lang.L("Code"), lang.L("Name"), lang.L("Spec"), lang.L("Unit"), lang.L("Status")))
	left := container.NewBorder(top, nil, nil, nil, s.list)
	// The buttons stay in sight below the scrolling form; in the tree they
	// come after the fields, so Tab from the last field reaches Save.
	buttons := container.NewHBox(s.save, s.cancel, s.deactivate, s.reactivate, layout.NewSpacer(), s.newButton)
	detail := container.NewBorder(s.form.heading,
		container.NewVBox(widget.NewSeparator(), buttons, s.form.status), nil, nil,
		s.form.fields.Scrolled(widget.NewSeparator(), s.prices.content))
	split := container.NewHSplit(left, container.NewPadded(detail))
	split.SetOffset(0.5)
	return split
}

// Content returns the screen's widgets.
func (s *productsScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the list, with the last search, the first time the section is opened.
func (s *productsScreen) Shown() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.search.SetText(s.settings.Filter("products"))
	s.list.Reload()
	s.win.Canvas().Focus(s.search)
}

func (s *productsScreen) bindRow(p model.Product, o fyne.CanvasObject) {
	name := p.NameZH
	if name == "" {
		name = p.NameEN
	}
	status := lang.L("active")
	if !p.Active {
		status = lang.L("inactive")
	}
	setCells(o, p.Code, name, p.Spec(), unitName(p.Unit), status)
}

func (s *productsScreen) applyFilter(typing bool) {
	s.settings.SetFilter("products", s.search.Text)
	s.list.SetFilter(model.ListFilter{Text: s.search.Text, IncludeInactive: s.inactive.Checked})
	if !typing {
		s.list.Reload()
	}
}

func (s *productsScreen) onOpened(p model.Product) {
	if p.ID == s.form.stored.ID {
		return
	}
	s.confirmDiscard(func() { s.open(&p) })
}

func (s *productsScreen) open(p *model.Product) {
	s.form.load(p)
	s.prices.show(p.ID)
	s.updateButtons()
}

func (s *productsScreen) confirmDiscard(next func()) {
	if !s.form.dirty() {
		next()
		return
	}
	dialog.ShowConfirm(lang.L("Unsaved changes"),
		lang.L("Drop your changes to {{.Product}}?", map[string]any{"Product": s.form.heading.Text}),
		func(ok bool) {
			if ok {
				next()
			}
		}, s.win)
}

func (s *productsScreen) updateButtons() {
	p := s.form.stored
	s.deactivate.Hide()
	s.reactivate.Hide()
	if !p.IsNew() {
		if p.Active {
			s.deactivate.Show()
		} else {
			s.reactivate.Show()
		}
	}
}

// OnNew starts a new product (Ctrl+N) with the cursor in the code.
func (s *productsScreen) OnNew() {
	s.confirmDiscard(func() {
		s.list.UnselectAll()
		s.open(model.NewProduct())
		s.win.Canvas().Focus(s.form.code)
	})
}

// OnFind puts the cursor in the search box with its text selected, so
// what the clerk types next replaces the last search (Ctrl+F).
func (s *productsScreen) OnFind() {
	s.win.Canvas().Focus(s.search)
	s.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// OnCancel puts back what is stored (Esc).
func (s *productsScreen) OnCancel() { s.form.fill(s.form.stored) }

// OnSave saves the product on the form (Ctrl+S), as the person at the desk.
func (s *productsScreen) OnSave() {
	saveForm(s.desk, s.form.fields, s.save, &s.work, s.form.read, s.store.SaveProduct, s.saved)
}

func (s *productsScreen) saved(p *model.Product, err error) {
	var conflict *model.ConflictError
	switch {
	case err == nil:
		s.open(p)
		s.form.status.SetText(lang.L("Saved."))
		s.list.Reload()
	case s.form.fields.Show(err):
		s.form.status.SetText(SayErr(err))
	case errors.As(err, &conflict):
		s.form.fields.SetOther(SayErr(err))
		d := dialog.NewConfirm(lang.L("Changed by someone else"), SayErr(err), func(reload bool) {
			if reload {
				s.reloadProduct(p.ID)
			}
		}, s.win)
		d.SetConfirmText(lang.L("Reload"))
		d.SetDismissText(lang.L("Keep my changes"))
		d.Show()
	default:
		s.form.fields.SetOther(SayErr(err))
	}
}

func (s *productsScreen) reloadProduct(id uint) {
	s.work.Go(func() func() {
		p, err := s.store.Product(context.Background(), id)
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayErr(err))
				return
			}
			s.open(p)
		}
	})
}

func (s *productsScreen) onDeactivate() {
	if s.desk.Employee() == nil {
		s.form.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	p, by := s.form.stored, s.desk.Actor()
	askReason(s.win, &s.work, lang.L("Deactivate product"),
		lang.L("Why is {{.Product}} being deactivated? It stays on past orders and price plans and can be reactivated.", map[string]any{"Product": p.Display()}),
		func(reason string) error {
			return s.store.SetProductActive(context.Background(), by, p.ID, false, reason)
		},
		func() { s.reloadProduct(p.ID); s.list.Reload() })
}

func (s *productsScreen) onReactivate() {
	if s.desk.Employee() == nil {
		s.form.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	id, by := s.form.stored.ID, s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.SetProductActive(context.Background(), by, id, true, "")
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayErr(err))
				return
			}
			s.reloadProduct(id)
			s.list.Reload()
		}
	})
}
