package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/service"
)

// ticketPage is how many cards a column loads at a time ("more…" loads the next).
const ticketPage = 50

// ticketsScreen is the Tickets section: the board of seed 001's statuses,
// its filters, and the dialogs the moves need.
type ticketsScreen struct {
	win      fyne.Window
	store    ticketsStore
	desk     *Desk
	settings *Settings
	work     jobs

	board     *ticketBoard
	status    *widget.Label   // the last refusal or load problem
	statusRow *fyne.Container // the status between Dispatch and the keys' hint

	manager, group, typ *Select
	customer, search    *Entry
	overdue, mine       *Check
	newBtn, moveBtn     *widget.Button
	dispatchBtn         *widget.Button

	people []model.Employee
	groups []model.Group
	// customerID is the customer filter once the code typed was found.
	customerID *uint

	// dialog and detail are the move dialog and ticket detail open now, for tests.
	dialog   *moveDialog
	detail   *ticketDetail
	newForm  *newTicketForm
	dispatch *dispatchView
	content  fyne.CanvasObject
}

// ticketsStore is the store as the Tickets screen uses it; a test hands it one that fails.
type ticketsStore interface {
	notesStore
	ticketBoardStore
	ApplyTicket(ctx context.Context, by model.Actor, id uint, version int64, rule func(t *model.Ticket, c model.Ctx) error) (*model.Ticket, error)
	ContactsOf(ctx context.Context, customerID uint) ([]model.Contact, error)
	CreateTicket(ctx context.Context, by model.Actor, in model.TicketInput) (*model.Ticket, error)
	CustomerByCode(ctx context.Context, code string) (*model.Customer, error)
	CustomerIDByCode(ctx context.Context, code string) (*uint, error)
	Dispatch(ctx context.Context, day model.Date) (*model.Dispatch, error)
	EditTicket(ctx context.Context, by model.Actor, id uint, version int64, in model.TicketEdit) (*model.Ticket, error)
	EventsFor(ctx context.Context, entity string, id uint) ([]model.Event, error)
	OrderByNo(ctx context.Context, no string) (*model.Order, error)
	ProductByCode(ctx context.Context, code string) (*model.Product, error)
	QuoteLines(ctx context.Context, t *model.Ticket) ([]model.QuoteLine, error)
	RecordQuote(ctx context.Context, by model.Actor, id uint, version int64, in model.QuoteInput) (*model.Ticket, error)
	Ticket(ctx context.Context, id uint) (*model.Ticket, error)
	WinQuote(ctx context.Context, by model.Actor, id uint, version int64, in model.QuoteWonInput) (*model.Ticket, *model.Order, error)
}

func newTicketsScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *ticketsScreen {
	s := &ticketsScreen{win: w, store: store, desk: desk, settings: settings, status: newProblemLabel()}
	s.board = newTicketBoard(s)
	s.manager = NewSelect(nil, func(string) { s.reload() })
	s.manager.PlaceHolder = lang.L("Any manager")
	s.group = NewSelect(nil, func(string) { s.reload() })
	s.group.PlaceHolder = lang.L("Any group")
	types := []string{lang.L("Any type")}
	for _, t := range model.TicketTypes {
		types = append(types, typeName(t))
	}
	s.typ = NewSelect(types, func(string) { s.reload() })
	s.typ.PlaceHolder = lang.L("Any type")
	s.customer = NewEntry()
	s.customer.SetPlaceHolder(lang.L("Customer code"))
	s.customer.OnSubmitted = func(string) { s.findCustomer() }
	s.customer.OnFocusLost = s.findCustomer
	s.search = NewEntry()
	s.search.SetPlaceHolder(lang.L("Search number or subject"))
	s.search.OnChanged = func(string) { s.reload() }
	s.search.OnDown = func() { s.board.focus() }
	s.overdue = NewCheck(lang.L("Overdue"), func(bool) { s.reload() })
	s.mine = NewCheck(lang.L("My tickets"), func(bool) { s.reload() })
	s.newBtn = widget.NewButtonWithIcon(lang.L("New ticket…"), theme.ContentAddIcon(), s.OnNew)
	s.moveBtn = widget.NewButtonWithIcon(lang.L("Move to…"), theme.NavigateNextIcon(), s.board.showMoveMenu)
	s.dispatchBtn = widget.NewButton(lang.L("Dispatch…"), s.onDispatch)
	hint := widget.NewLabel(lang.L("Arrows pick a card · 0–9 or Ctrl+←/→ move it · Enter opens it · M: move menu"))
	hint.Importance = widget.LowImportance
	// One row at 1280 wide; the search and the buttons take a second row
	// on a 1024-wide screen rather than widen the window past it.
	bar := newFlow(map[fyne.CanvasObject]float32{s.search: 160}, s.mine, s.manager, s.group, s.typ,
		container.NewGridWrap(fyne.NewSize(130, s.customer.MinSize().Height), s.customer), s.overdue,
		s.search, s.moveBtn, s.newBtn)
	s.statusRow = container.NewBorder(nil, nil, s.dispatchBtn, hint, s.status)
	top := container.NewVBox(bar, s.statusRow)
	s.content = container.NewBorder(top, nil, nil, nil, s.board)
	desk.OnChanged(func(*model.Employee) {
		if s.mine.Checked {
			s.reload()
		}
	})
	return s
}

// mailChecked shows a look at the watched mail folder (service.Mail,
// every minute): what came in, what could not be read, or why the folder
// could not be read.
func (s *ticketsScreen) mailChecked(r service.Report) {
	m, _ := r.Value.(service.MailReport)
	switch {
	case r.Err != nil:
		s.say(lang.L("The watched e-mail folder {{.Folder}} could not be read: {{.Err}}",
			map[string]any{"Folder": m.Folder, "Err": SayErr(r.Err)}))
	case len(m.Results) > 0:
		s.mailArrived(m.Results, m.Folder)
	}
}

// mailArrived reloads the board and says how many e-mails became tickets.
func (s *ticketsScreen) mailArrived(results []model.MailResult, dir string) {
	failed, tickets, returns := 0, 0, 0
	for _, r := range results {
		returns += len(r.Returns)
		switch {
		case r.Err != nil:
			failed++
		case r.Ticket != "":
			tickets++
		}
	}
	msg := lang.L("{{.N}} e-mails became new tickets.", map[string]any{"N": tickets})
	if returns > 0 {
		msg += " " + lang.L("{{.N}} returned confirmations came by e-mail: see the Unmatched returns tab and the orders.", map[string]any{"N": returns})
	}
	if failed > 0 {
		msg += " " + lang.L("{{.Failed}} could not be read; they are in {{.Folder}} with the reason.",
			map[string]any{"Failed": failed, "Folder": filepath.Join(dir, "failed")})
	}
	s.reload() // (clears the message line, so it goes first)
	s.say(msg)
}

// Content returns the section's widgets.
func (s *ticketsScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the filters' choices and the board, and puts the keyboard on it.
func (s *ticketsScreen) Shown() {
	s.work.Go(func() func() {
		ctx := context.Background()
		people, err := s.store.Employees(ctx, false)
		groups, gerr := s.store.Groups(ctx)
		return func() {
			if err := errors.Join(err, gerr); err != nil {
				// The board's own load says what the clerk should read;
				// the filters keep the choices they had.
				model.LogError("load the tickets filters", err)
			} else {
				s.setChoices(people, groups)
			}
			s.reload()
			s.board.focus()
		}
	})
}

func (s *ticketsScreen) setChoices(people []model.Employee, groups []model.Group) {
	s.people, s.groups = people, groups
	m := []string{lang.L("Any manager"), lang.L("New tickets queue")}
	for _, p := range people {
		m = append(m, p.Display())
	}
	g := []string{lang.L("Any group")}
	for _, gr := range groups {
		g = append(g, gr.Code+" "+gr.Name)
	}
	s.manager.Options, s.group.Options = m, g
	s.manager.Refresh()
	s.group.Refresh()
}

// findCustomer turns the customer code typed into the customer filter.
func (s *ticketsScreen) findCustomer() {
	code := strings.TrimSpace(s.customer.Text)
	if code == "" {
		if s.customerID != nil {
			s.customerID = nil
			s.reload()
		}
		return
	}
	s.work.Go(func() func() {
		id, err := s.store.CustomerIDByCode(context.Background(), code)
		return func() {
			if bad := (model.FieldErrors{}); errors.As(err, &bad) {
				s.say(Say(bad.For("CustomerID")))
				return
			}
			if err != nil {
				model.LogError("load the customer for the ticket filter", err)
				s.say(SayLoadErr(err))
				return
			}
			if s.customerID == nil || *s.customerID != *id {
				s.customerID = id
				s.reload()
			}
		}
	})
}

// filter is the model's filter of the board as the clerk set it; the
// statuses and page are the column's.
func (s *ticketsScreen) filter() model.TicketFilter {
	var f model.TicketFilter
	f.Text = strings.TrimSpace(s.search.Text)
	f.Customer = s.customerID
	switch i := s.manager.SelectedIndex(); {
	case s.mine.Checked:
		if e := s.desk.Employee(); e != nil {
			id := e.ID
			f.Manager = &id
		}
	case i == 1:
		f.NewQueue = true
	case i >= 2 && i-2 < len(s.people):
		id := s.people[i-2].ID
		f.Manager = &id
	}
	if i := s.group.SelectedIndex(); i >= 1 && i-1 < len(s.groups) {
		id := s.groups[i-1].ID
		f.Group = &id
	}
	if i := s.typ.SelectedIndex(); i >= 1 && i-1 < len(model.TicketTypes) {
		f.Type = model.TicketTypes[i-1].Code
	}
	if s.overdue.Checked {
		f.OverdueOn = s.store.Today()
	}
	return f
}

func overdue(t *model.Ticket, today model.Date) bool {
	return t.Open && !t.DueOn.IsZero() && t.DueOn.Before(today)
}

// reload loads the counts and the first page of every open column.
func (s *ticketsScreen) reload() {
	s.say("")
	s.board.reload(s.filter())
}

// OnNew opens the new-ticket form (Ctrl+N).
func (s *ticketsScreen) OnNew() { s.newForm = s.openNewTicket() }

// OnFind puts the cursor in the search box (Ctrl+F).
func (s *ticketsScreen) OnFind() { s.win.Canvas().Focus(s.search) }

// OnSave does nothing: every move and change is saved as it is made.
func (s *ticketsScreen) OnSave() {}

// OnCancel clears the search (Esc).
func (s *ticketsScreen) OnCancel() {
	if s.search.Text != "" {
		s.search.SetText("")
	}
	s.board.focus()
}

// showRefusal shows why the model would not do what the clerk asked.
// say shows text in the status line (empty: hides it). The row is laid
// out again: its height is the Dispatch button's, so a message shown in it
// changed no size, nothing laid it out, and it stayed 0 px wide, unseen
// ("No customer has the code Z999." never showed).
func (s *ticketsScreen) say(text string) {
	setProblemText(s.status, text)
	s.statusRow.Refresh()
}

func (s *ticketsScreen) showRefusal(err error) { s.say(SayErr(err)) }

// showLoadErr shows why the board could not be read ("Could not load").
func (s *ticketsScreen) showLoadErr(err error) { s.say(SayLoadErr(err)) }

// typeName is a ticket type as the clerk reads it: family – name, translated.
func typeName(t model.TicketType) string {
	if t.Group == "" {
		return lang.L(t.Name)
	}
	return lang.L(t.Group) + " – " + lang.L(t.Name)
}

// typeNameOf is the type of code as the clerk reads it.
func typeNameOf(code string) string {
	if t, ok := model.TicketTypeOf(code); ok {
		return typeName(t)
	}
	return code
}
