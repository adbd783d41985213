package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/history"
	"orderdesk/model"
)

// ticketDetail is one ticket opened from the board: its fields, its status
// extension and priority (each change asks the model), the "Move to…"
// choices and its history.
type ticketDetail struct {
	s       *ticketsScreen
	ticket  model.Ticket
	events  []model.Event
	dlg     *dialog.CustomDialog
	fields  *widget.Label
	ext     *Select
	prio    *Select
	manager *Select
	move    *Select
	problem *widget.Label
	history *widget.Label
	edit    *ticketEditForm // the edit form open now, for tests
	quote   *ticketQuote    // what a Quote ticket quoted, and its actions
	// setting is true while the selects are filled from the ticket, so
	// their change handlers do not ask the model.
	setting bool
}

// priorities are the ones a clerk can choose, lowest first.
var priorities = []model.Priority{model.PriorityLow, model.PriorityNormal, model.PriorityHigh, model.PriorityUrgent}

// openDetail opens the ticket's detail and loads it.
func (s *ticketsScreen) openDetail(t model.Ticket) {
	d := &ticketDetail{s: s, ticket: t, fields: widget.NewLabel(""), problem: newProblemLabel(), history: widget.NewLabel("")}
	d.fields.Wrapping = fyne.TextWrapWord
	d.history.Wrapping = fyne.TextWrapWord
	exts := []string{lang.L("No extension")}
	for _, e := range model.Extensions {
		exts = append(exts, string(e)+" – "+lang.L(e.Name()))
	}
	d.ext = NewSelect(exts, func(string) { d.onExtension() })
	var prios []string
	for _, p := range priorities {
		prios = append(prios, lang.L(p.Name()))
	}
	d.prio = NewSelect(prios, func(string) { d.onPriority() })
	var people []string
	for _, p := range s.people {
		people = append(people, p.Display())
	}
	d.manager = NewSelect(people, nil)
	var moves []string
	for _, st := range model.TicketStatuses {
		moves = append(moves, fmt.Sprintf("%d %s", st, lang.L(st.Name())))
	}
	d.move = NewSelect(moves, func(string) { d.onMove() })
	d.move.PlaceHolder = lang.L("Move to…")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Status extension"), d.ext),
		widget.NewFormItem(lang.L("Manager for Product / Quote"), d.manager),
		widget.NewFormItem(lang.L("Priority"), d.prio),
		widget.NewFormItem(lang.L("Move to"), d.move))
	edit := widget.NewButton(lang.L("Edit subject, customer, type, due…"), d.onEdit)
	d.quote = newTicketQuote(d)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(edit), d.fields), d.quote.box, form, d.problem, widget.NewLabelWithStyle(lang.L("History"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	notes := NewNotesPanel(s.store, s.desk, model.OnTicket, t.ID)
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("History"), container.NewVScroll(d.history)),
		container.NewTabItem(lang.L("Notes and action items"), notes.Content()))
	content := container.NewBorder(top, nil, nil, nil, tabs)
	d.dlg = dialog.NewCustom(t.No, lang.L("Close"), content, s.win)
	d.dlg.SetOnClosed(func() {
		if s.detail == d {
			s.detail = nil
		}
		s.board.focus()
	})
	d.dlg.Resize(fyne.NewSize(720, 640))
	s.detail = d
	showEscapable(s.win, d.dlg)
	d.load()
}

// load reads the ticket and its history afresh.
func (d *ticketDetail) load() {
	id := d.ticket.ID
	d.s.work.Go(func() func() {
		ctx := context.Background()
		t, err := d.s.store.Ticket(ctx, id)
		var events []model.Event
		var quoted []model.QuoteLine
		if err == nil {
			events, err = d.s.store.EventsFor(ctx, "ticket", id)
		}
		if err == nil {
			quoted, err = d.s.store.QuoteLines(ctx, t)
		}
		return func() {
			if err != nil {
				setProblemText(d.problem, SayLoadErr(err))
				return
			}
			d.ticket, d.events = *t, events
			d.show()
			d.quote.show(t, quoted)
		}
	})
}

func (d *ticketDetail) show() {
	t := &d.ticket
	d.setting = true
	defer func() { d.setting = false }()
	line := func(label, value string) string {
		if strings.TrimSpace(value) == "" {
			return ""
		}
		return label + ": " + value + "\n"
	}
	var b strings.Builder
	b.WriteString(line(lang.L("Subject"), t.Subject))
	b.WriteString(line(lang.L("Status"), fmt.Sprintf("%d %s", t.Status, lang.L(t.Status.Name()))))
	b.WriteString(line(lang.L("Type"), typeNameOf(t.Type)))
	mgr := lang.L("New tickets queue")
	if t.Manager != nil {
		mgr = t.Manager.Display()
	}
	b.WriteString(line(lang.L("Manager"), mgr))
	if t.Group != nil {
		b.WriteString(line(lang.L("Group"), t.Group.Code+" "+t.Group.Name))
	}
	if t.Customer != nil {
		b.WriteString(line(lang.L("Customer"), t.Customer.Code+" "+t.Customer.Name(d.s.settings.Language())))
	}
	if t.Contact != nil {
		b.WriteString(line(lang.L("Contact"), t.Contact.Name))
	}
	if t.Order != nil {
		b.WriteString(line(lang.L("Order"), t.Order.No))
	}
	b.WriteString(line(lang.L("Due"), t.DueOn.String()))
	b.WriteString(line(lang.L("Contract"), t.ContractRef))
	b.WriteString(line(lang.L("Details"), t.Description))
	b.WriteString(line(lang.L("Resolution"), t.Resolution))
	b.WriteString(line(lang.L("Cancelled because"), t.CancelReason))
	if t.RecurDays > 0 {
		b.WriteString(line(lang.L("Repeats"), lang.L("every {{.N}} days, next on {{.Date}}", map[string]any{"N": t.RecurDays, "Date": t.NextRunOn.String()})))
	}
	d.fields.SetText(strings.TrimSpace(b.String()))
	d.ext.SetSelectedIndex(0)
	for i, e := range model.Extensions {
		if e == t.Ext {
			d.ext.SetSelectedIndex(i + 1)
		}
	}
	d.prio.ClearSelected()
	for i, p := range priorities {
		if p == t.Priority {
			d.prio.SetSelectedIndex(i)
		}
	}
	if t.Status.PriorityApplies() {
		d.prio.Enable()
	} else {
		d.prio.Disable()
	}
	for i, p := range d.s.people {
		if t.ManagerID != nil && p.ID == *t.ManagerID {
			d.manager.SetSelectedIndex(i)
		}
	}
	d.move.ClearSelected()
	var h strings.Builder
	for i := len(d.events) - 1; i >= 0; i-- {
		h.WriteString(eventLine(d.events[i], d.s.store.Location()) + "\n")
	}
	d.history.SetText(strings.TrimSpace(h.String()))
}

// eventLine is one line of the history: when, who, what, from → to, and
// what happened, in the desk's language.
func eventLine(e model.Event, loc *time.Location) string {
	l := history.Render(e, lang.L)
	line := e.At.In(loc).Format("2006-01-02 15:04") + " · " + l.By + " · " + l.What
	if l.Move != "" {
		line += ": " + l.Move
	}
	if body := l.Body(); body != "" {
		line += " (" + strings.ReplaceAll(body, "\n", "; ") + ")"
	}
	return line
}

func (d *ticketDetail) ask(rule ticketRule) {
	setProblemText(d.problem, "")
	d.s.apply(d.ticket, rule, func(err error) {
		if err != nil {
			setProblemText(d.problem, SayErr(err))
			d.show() // the selects go back to what is stored
		}
	})
}

func (d *ticketDetail) onExtension() {
	if d.setting {
		return
	}
	ext := model.ExtNone
	if i := d.ext.SelectedIndex(); i > 0 {
		ext = model.Extensions[i-1]
	}
	var m uint
	if i := d.manager.SelectedIndex(); i >= 0 && i < len(d.s.people) {
		m = d.s.people[i].ID
	}
	d.ask(func(t *model.Ticket, c model.Ctx) error { return t.SetExtension(c, ext, m) })
}

func (d *ticketDetail) onPriority() {
	if d.setting || d.prio.SelectedIndex() < 0 {
		return
	}
	p := priorities[d.prio.SelectedIndex()]
	d.ask(func(t *model.Ticket, c model.Ctx) error { return t.SetPriority(c, p) })
}

func (d *ticketDetail) onMove() {
	if d.setting || d.move.SelectedIndex() < 0 {
		return
	}
	to := model.TicketStatuses[d.move.SelectedIndex()]
	d.s.move(d.ticket, to)
}
