package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"orderdesk/model"
	"orderdesk/scan"
	"orderdesk/service"
)

// screen is one section of the main window.
type screen interface {
	// Content returns the section's widgets.
	Content() fyne.CanvasObject
	// Shown is called each time the clerk opens the section.
	Shown()
}

// Shell is the main window: the sections, who sits at the desk, and the
// window's shortcuts, which it sends to the section on show.
type Shell struct {
	win      fyne.Window
	store    *model.Store
	settings *Settings
	desk     *Desk
	tabs     *container.AppTabs
	// bar says who is at the desk, above the sections; body holds both.
	bar     *deskBar
	body    *fyne.Container
	screens []screen
	placed  []bool // which screens' widgets are in their tab yet
	work    jobs
	// sched runs the background jobs (slips, mail, backups, reminders…).
	sched *service.Scheduler
	// stopNotices stops the store's change notices to the sections.
	stopNotices func()

	// startSection is the section Start opens, before asking who is at
	// the desk (so the question keeps the keyboard).
	startSection int

	orders    *ordersScreen
	shipping  *shippingScreen
	tickets   *ticketsScreen
	customers *customersScreen
	products  *productsScreen
	vendors   *vendorsScreen
	people    *peopleScreen
	items     *itemsSection
	prefs     *settingsScreen
	picker    *employeePicker  // the open "who are you" dialog, for tests
	signin    *signIn          // the open password dialog, for tests
	everyone  []model.Employee // who the sign-in offers
	// roster lists who may sign in (the store; tests give one that fails).
	roster peopleLister
	// demo marks the demo office, which the title names as such.
	demo bool
	// scanDecode reads a returned confirmation's barcodes (scan.Decode;
	// tests give files whose "pages" are their codes as text).
	scanDecode model.ScanDecoder
	// idle locks the desk after the office's idle minutes; catcher hears
	// the mouse under the content once the desk may lock; clock is the
	// time the watcher counts with (tests turn it).
	idle    *idleWatcher
	catcher *activityCatcher
	cover   *deskCover // hides the desk until someone signs in, and while it is locked
	clock   func() time.Time
}

// peopleLister is the store's list of the people who may sign in.
type peopleLister interface {
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
}

// Indexes of the sections, in the order of the navigation (and of Ctrl+1…9).
const (
	SectionOrders = iota
	SectionShipping
	SectionTickets
	SectionActionItems
	SectionCustomers
	SectionProducts
	SectionVendors
	SectionPeople
	SectionSettings
)

// Create builds the main window's content for store into w, with its menu
// and shortcuts. Call Start once the window is shown.
func Create(w fyne.Window, store *model.Store, settings *Settings) *Shell {
	s := &Shell{win: w, store: store, settings: settings, desk: &Desk{}, roster: store, startSection: SectionCustomers, scanDecode: scan.Decode, clock: time.Now}
	lockMinutes := 0
	if o, err := store.Office(context.Background()); err == nil {
		s.demo, lockMinutes = o.Demo, o.LockMinutes
	}
	guardFiles(store)
	s.orders = newOrdersScreen(w, store, s.desk, settings)
	s.tickets = newTicketsScreen(w, store, s.desk, settings)
	s.orders.detail.onNewTicket = s.newTicketAbout
	s.shipping = newShippingScreen(w, store, s.desk, settings)
	s.shipping.openRequest = func(id uint) { s.openOrder(id, model.DoShipmentRequest) }
	s.customers = newCustomersScreen(w, store, s.desk, settings)
	s.products = newProductsScreen(w, store, s.desk, settings)
	s.vendors = newVendorsScreen(w, store, s.desk, settings)
	s.people = newPeopleScreen(w, store, s.desk, settings, s.handOver)
	s.prefs = newSettingsScreen(w, store, s.desk, settings, s.ChooseEmployee)
	s.sched = s.newScheduler()
	s.screens = []screen{
		s.orders,
		s.shipping,
		s.tickets,
		s.newActionItems(),
		s.customers, s.products, s.vendors, s.people, s.prefs,
	}
	titles := []string{lang.L("Orders"), lang.L("Shipping"), lang.L("Tickets"), lang.L("Action items"),
		lang.L("Customers"), lang.L("Products"), lang.L("Vendors"), lang.L("People"), lang.L("Settings")}
	icons := []fyne.Resource{theme.DocumentIcon(), theme.MailSendIcon(), theme.ListIcon(), theme.CalendarIcon(),
		theme.AccountIcon(), theme.StorageIcon(), theme.DownloadIcon(), theme.AccountIcon(), theme.SettingsIcon()}
	// A section joins the window's tree when it is first shown: the tabs
	// lay out and refresh every section they hold when first drawn, half
	// of the desk's build at the start (350–400 ms → about 180 ms on 2
	// cores), and a clerk may never open most of them.
	items := make([]*container.TabItem, len(s.screens))
	s.placed = make([]bool, len(s.screens))
	for i := range s.screens {
		items[i] = container.NewTabItemWithIcon(titles[i], icons[i], container.NewStack())
	}
	// The location is set before the tabs are a widget: on a built AppTabs,
	// SetTabLocation makes its renderer at once and refreshes every tab.
	s.tabs = &container.AppTabs{Items: items}
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.BaseWidget.ExtendBaseWidget(s.tabs) // as NewAppTabs does
	s.tabs.OnSelected = func(*container.TabItem) {
		s.place(s.tabs.SelectedIndex())
		s.shown()
	}

	s.bar = newDeskBar(s.lockNow, s.signOut)
	s.body = container.NewBorder(s.bar.box, nil, nil, nil, s.tabs)
	s.desk.OnChanged(func(e *model.Employee) { s.updateTitle(); s.bar.show(e) })
	s.updateTitle()
	s.stopNotices = s.listenForChanges()
	// Nothing of the desk is readable or usable before someone signs in:
	// on a loaded machine the sign-in may come late, and a click or a key
	// must not reach an order meanwhile.
	s.cover = newDeskCover(s.restoreEmployee)
	s.coverDesk(lang.L("Sign in to use the desk."))
	w.SetContent(container.NewStack(s.body, s.cover.box))
	s.watchIdle(lockMinutes)
	w.SetOnDropped(s.droppedOnWindow)
	w.SetMainMenu(s.menu(titles))
	s.addShortcuts()
	return s
}

// Show opens section i (one of the Section constants).
func (s *Shell) Show(i int) {
	if s.deskCovered() {
		return // nothing of the desk opens or loads behind the cover
	}
	if i >= 0 && i < len(s.screens) {
		if s.tabs.SelectedIndex() == i {
			s.shown() // SelectIndex tells OnSelected only of a change
		} else {
			s.tabs.SelectIndex(i)
		}
	}
}

// shown tells the section on screen it is shown, however it was opened (a
// shortcut or a click on its tab), and fits the window back into the
// screen a moment later. Behind the cover nothing loads.
func (s *Shell) shown() {
	if s.deskCovered() {
		return
	}
	s.current().Shown()
	refitLater(s.win)
}

func (s *Shell) current() screen { return s.screens[s.tabs.SelectedIndex()] }

// place puts section i's widgets into its tab the first time it shows.
func (s *Shell) place(i int) {
	if i < 0 || s.placed[i] {
		return
	}
	s.placed[i] = true
	s.tabs.Items[i].Content.(*fyne.Container).Add(s.screens[i].Content())
}

func (s *Shell) updateTitle() {
	if s.demo {
		s.win.SetTitle(lang.L("OrderDesk DEMO — {{.Person}}", map[string]any{"Person": s.desk.Name()}))
		return
	}
	s.win.SetTitle(lang.L("OrderDesk — {{.Person}}", map[string]any{"Person": s.desk.Name()}))
}

func (s *Shell) menu(titles []string) *fyne.MainMenu {
	desk := fyne.NewMenu(lang.L("Desk"), fyne.NewMenuItem(lang.L("Switch person…"), s.ChooseEmployee),
		fyne.NewMenuItem(lang.L("Lock"), s.lockNow), fyne.NewMenuItem(lang.L("Sign out"), s.signOut))
	edit := fyne.NewMenu(lang.L("Edit"),
		&fyne.MenuItem{Label: lang.L("New…"), Shortcut: ShortcutNew, Action: s.onNew},
		&fyne.MenuItem{Label: lang.L("Find"), Shortcut: ShortcutFind, Action: s.onFind},
		&fyne.MenuItem{Label: lang.L("Save"), Shortcut: ShortcutSave, Action: s.onSave})
	var goItems []*fyne.MenuItem
	for i, t := range titles {
		goItems = append(goItems, &fyne.MenuItem{Label: t, Shortcut: ShortcutSection(i), Action: func() { s.Show(i) }})
	}
	return fyne.NewMainMenu(desk, edit, fyne.NewMenu(lang.L("Go"), goItems...))
}

// addShortcuts puts the shortcuts on the canvas too: the menu's are not seen
// by every driver (tests, some platforms), and the form widgets forward these.
func (s *Shell) addShortcuts() {
	c := s.win.Canvas()
	seen := func(fn func()) func() { return func() { s.idle.touch(); fn() } }
	addShortcut(c, ShortcutNew, seen(s.onNew))
	addShortcut(c, ShortcutFind, seen(s.onFind))
	addShortcut(c, ShortcutSave, seen(s.onSave))
	for i := range s.screens {
		addShortcut(c, ShortcutSection(i), seen(func() { s.Show(i) }))
	}
	c.SetOnTypedRune(func(rune) { s.idle.touch() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		s.idle.touch()
		switch ev.Name {
		case fyne.KeyEscape:
			if !closeTopDialog(c) {
				s.onCancel()
			}
		case fyne.KeyReturn, fyne.KeyEnter: // where no field takes it: a yes/no question
			confirmTopDialog(c)
		}
	})
}

// editor returns the current section's Editor, unless a dialog is open:
// Ctrl+S or Esc typed in a dialog must not act on the form behind it.
func (s *Shell) editor() Editor {
	if s.win.Canvas().Overlays().Top() != nil || s.deskCovered() {
		return nil
	}
	e, _ := s.current().(Editor)
	return e
}

func (s *Shell) onNew() {
	if e := s.editor(); e != nil {
		e.OnNew()
	}
}

func (s *Shell) onFind() {
	if e := s.editor(); e != nil {
		e.OnFind()
	}
}

func (s *Shell) onSave() {
	if e := s.editor(); e != nil {
		e.OnSave()
	}
}

func (s *Shell) onCancel() {
	if e := s.editor(); e != nil {
		e.OnCancel()
	}
}

// Start runs what follows the window's appearance: the store's warnings
// (once per database), then who sits at the desk, then the first section,
// which opens (and loads) once someone has signed in.
func (s *Shell) Start() {
	s.tabs.SelectIndex(s.startSection)
	s.place(s.startSection) // no OnSelected for the tabs' first selection
	s.showWarnings(s.restoreEmployee)
}

// StartAs is Start with e signed in already (the manager who has just set
// the office up): nobody is asked who they are.
func (s *Shell) StartAs(e *model.Employee) {
	s.tabs.SelectIndex(s.startSection)
	s.place(s.startSection)
	s.showWarnings(func() { s.setEmployee(e) })
}

// showWarnings shows the store's open-time warnings once per database
// path, then calls next.
func (s *Shell) showWarnings(next func()) {
	key := s.store.Path
	if key == "" {
		key = string(s.store.Dialect)
	}
	if len(s.store.Warnings) == 0 || s.settings.Warned(key) {
		next()
		return
	}
	lines := make([]string, len(s.store.Warnings))
	for i, m := range s.store.Warnings {
		lines[i] = Say(m)
	}
	d := dialog.NewError(errors.New(strings.Join(lines, "\n\n")), s.win)
	d.SetOnClosed(next)
	d.Show()
	s.settings.SetWarned(key)
}

// restoreEmployee asks the person who signed in last at this desk for
// their password (they are pre-selected; "Someone else…" opens the list),
// or who they are when nobody is remembered or they have left.
func (s *Shell) restoreEmployee() {
	id := s.settings.EmployeeID()
	s.work.Go(func() func() {
		people, err := s.roster.Employees(context.Background(), false)
		return func() {
			if err != nil {
				// The cover stays, saying why, with Try again (and the
				// menu's Switch person).
				s.coverProblem(SayLoadErr(err))
				return
			}
			s.everyone = people
			for i := range people {
				if people[i].ID == id && id != 0 {
					s.askPassword(people[i], false)
					return
				}
			}
			s.pickEmployee(people, false)
		}
	})
}

// ChooseEmployee asks who sits at the desk (the menu's and the Settings
// screen's Switch person); the new person signs in with their password.
func (s *Shell) ChooseEmployee() {
	s.work.Go(func() func() {
		people, err := s.roster.Employees(context.Background(), false)
		return func() {
			if err != nil {
				dialog.ShowInformation(lang.L("Who are you?"), SayLoadErr(err), s.win)
				return
			}
			s.everyone = people
			s.pickEmployee(people, s.desk.Employee() != nil)
		}
	})
}

func (s *Shell) pickEmployee(people []model.Employee, cancellable bool) {
	s.picker = newEmployeePicker(s.win, people, cancellable, func(e *model.Employee) { s.askPassword(*e, cancellable) })
	s.picker.show(s.win)
}

// askPassword opens the password step for e (their first password when
// they have none yet); "Someone else…" goes back to the list of people.
func (s *Shell) askPassword(e model.Employee, cancellable bool) {
	s.askPasswordThen(e, cancellable, func() { s.pickEmployee(s.everyone, cancellable) }, s.setEmployee)
}

// askPasswordThen is askPassword with what "Someone else…" opens and what
// follows the sign-in given (the idle lock's are its own).
func (s *Shell) askPasswordThen(e model.Employee, cancellable bool, other func(), signedIn func(*model.Employee)) {
	s.work.Go(func() func() {
		has, err := s.store.HasPassword(context.Background(), e.ID)
		return func() {
			if err != nil {
				dialog.ShowInformation(lang.L("Who are you?"), SayLoadErr(err), s.win)
				return
			}
			s.signin = newSignIn(s.win, s.store, &s.work, e, !has, other, cancellable, signedIn)
			s.signin.show(s.win)
		}
	})
}

func (s *Shell) setEmployee(e *model.Employee) {
	s.settings.SetEmployeeID(e.ID)
	s.desk.Set(e)
	if s.deskCovered() { // the start's sign-in (the lock uncovers its own)
		s.uncoverDesk()
		s.current().Shown() // the section takes the keyboard it could not have behind the cover
		refitLater(s.win)
	}
}

// CloseIntercept asks before the window closes over unsaved changes on a
// form, and closes it otherwise (for fyne.Window.SetCloseIntercept).
func (s *Shell) CloseIntercept() {
	s.orders.flushDraft() // a new order being typed is kept as a draft whatever the answer
	if !s.customers.form.dirty() && !s.products.form.dirty() && !s.vendors.form.dirty() && !s.people.form.dirty() && !s.orders.unsaved() {
		s.win.Close()
		return
	}
	askYesNo(s.win, lang.L("Unsaved changes"), lang.L("Close OrderDesk and drop the changes you have not saved?"), s.win.Close)
}

// Desk returns who sits at the desk.
func (s *Shell) Desk() *Desk { return s.desk }
