package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketRule is a rule of model/ticket_rules.go as ApplyTicket runs it.
type ticketRule = func(t *model.Ticket, c model.Ctx) error

// move asks the model to move t to status to. Pending needs nothing more
// and goes straight to the model; every other status opens the small
// dialog of what its rule needs. A refusal is shown, the card stays.
func (s *ticketsScreen) move(t model.Ticket, to model.TicketStatus) {
	if to == t.Status {
		return
	}
	switch to {
	case model.TicketNew:
		s.apply(t, func(tk *model.Ticket, c model.Ctx) error { return tk.ReturnToNew(c) }, nil)
	case model.TicketPending:
		s.apply(t, func(tk *model.Ticket, c model.Ctx) error { return tk.MarkPending(c) }, nil)
	default:
		s.dialog = s.newMoveDialog(t, to)
		s.dialog.show()
	}
}

// apply runs rule on t off the UI goroutine; done (if any) gets the
// refusal or nil on the UI goroutine; without done a refusal goes to the
// board's problem line. A success reloads the board, following the ticket.
func (s *ticketsScreen) apply(t model.Ticket, rule ticketRule, done func(error)) {
	by := s.desk.Actor()
	s.work.Go(func() func() {
		_, err := s.store.ApplyTicket(context.Background(), by, t.ID, t.Version, rule)
		return func() {
			if done != nil {
				done(err)
			} else if err != nil {
				s.showRefusal(err)
				if s.detail != nil && s.detail.ticket.ID == t.ID {
					setProblemText(s.detail.problem, SayErr(err))
				}
			}
			if err == nil {
				s.board.follow = t.ID
				s.reload()
				if s.detail != nil && s.detail.ticket.ID == t.ID {
					s.detail.load()
				}
			}
		}
	})
}

// moveDialog asks what a move's rule needs (a due date for Hold, a
// resolution for Completed…). The model's refusal stays in the dialog.
type moveDialog struct {
	dialogFields
	s       *ticketsScreen
	t       model.Ticket
	to      model.TicketStatus
	dlg     *dialog.CustomDialog
	confirm *widget.Button

	selects map[string]*Select
	checks  map[string]*Check
	fe      model.FieldErrors
}

func (s *ticketsScreen) newMoveDialog(t model.Ticket, to model.TicketStatus) *moveDialog {
	d := &moveDialog{s: s, t: t, to: to, selects: map[string]*Select{}, checks: map[string]*Check{}}
	d.dialogFields = newDialogFields(d.submit)
	switch to {
	case model.TicketInHouse:
		d.manager("ManagerID", lang.L("Manager"))
	case model.TicketOnSite:
		d.manager("ManagerID", lang.L("Who goes on site"))
		d.entry("Reason", lang.L("Why not in house"), "")
	case model.TicketInProgress:
		d.check("OnSite", lang.L("Work on site (to be dispatched)"))
		d.entry("VisitOn", lang.L("Visit on (YYYY-MM-DD)"), "")
		d.check("Scheduled", lang.L("Visit agreed with the customer"))
	case model.TicketInternal:
		d.manager("ManagerID", lang.L("Manager"))
	case model.TicketHold:
		d.entry("DueOn", lang.L("New due date (YYYY-MM-DD)"), "")
		d.entry("Reason", lang.L("Reason"), "")
	case model.TicketRecurring:
		d.entry("RecurDays", lang.L("Every (days)"), "7")
		d.entry("NextRunOn", lang.L("First day (YYYY-MM-DD)"), s.store.Today().AddDays(1).String())
	case model.TicketCancelled:
		d.entry("CancelReason", lang.L("Reason"), "")
		d.entry("MergedIntoID", lang.L("Or merge into ticket no."), "")
	case model.TicketCompleted:
		e := NewMultiLineEntry()
		e.SetMinRowsVisible(3)
		d.entries["Resolution"] = e
		d.add("Resolution", lang.L("Resolution"), e)
		d.check("ChargesChecked", lang.L("Charges checked"))
		d.entry("ContractRef", lang.L("Contract"), t.ContractRef)
		d.check("CustomerApproved", lang.L("Customer approved"))
	}
	title := lang.L("Move {{.No}} to {{.Status}}", map[string]any{"No": t.No, "Status": lang.L(to.Name())})
	d.confirm = widget.NewButton(lang.L("Move"), d.submit)
	d.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(title, d.form.Content(), s.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.confirm})
	d.dlg.SetOnClosed(func() {
		if s.dialog == d {
			s.dialog = nil
		}
		s.board.focus()
	})
	return d
}

func (d *moveDialog) show() {
	d.dlg.Resize(fyne.NewSize(520, d.dlg.MinSize().Height))
	showEscapable(d.s.win, d.dlg)
	if d.first != nil {
		d.s.win.Canvas().Focus(d.first)
	}
}

func (d *moveDialog) check(name, label string) *Check {
	c := NewCheck(label, nil)
	d.checks[name] = c
	d.add(name, "", c)
	return c
}

// manager adds a choice of person, starting at the ticket's manager or,
// for a ticket in the New queue, the person at the desk.
func (d *moveDialog) manager(name, label string) *Select {
	names := make([]string, len(d.s.people))
	cur := d.t.ManagerID
	if cur == nil && d.s.desk.Employee() != nil {
		id := d.s.desk.Employee().ID
		cur = &id
	}
	sel := NewSelect(nil, nil)
	for i, p := range d.s.people {
		names[i] = p.Display()
	}
	sel.Options = names
	for i, p := range d.s.people {
		if cur != nil && p.ID == *cur {
			sel.SetSelectedIndex(i)
		}
	}
	d.selects[name] = sel
	d.add(name, label, sel)
	return sel
}

func (d *moveDialog) personID(name string) uint {
	if i := d.selects[name].SelectedIndex(); i >= 0 && i < len(d.s.people) {
		return d.s.people[i].ID
	}
	return 0
}

func (d *moveDialog) text(name string) string { return strings.TrimSpace(d.entries[name].Text) }

func (d *moveDialog) date(name string) model.Date {
	v, err := model.ParseDate(d.text(name))
	if err != nil && d.text(name) != "" {
		d.fe.Add(name, "Enter a date as YYYY-MM-DD.")
	}
	return v
}

// rule reads the fields on the UI goroutine and returns the rule to run,
// and for a merge the number of the ticket to merge into.
func (d *moveDialog) rule() (ticketRule, string) {
	switch d.to {
	case model.TicketInHouse:
		m := d.personID("ManagerID")
		return func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, m) }, ""
	case model.TicketOnSite:
		m, reason := d.personID("ManagerID"), d.text("Reason")
		return func(t *model.Ticket, c model.Ctx) error { return t.AssignOnSite(c, m, reason) }, ""
	case model.TicketInProgress:
		in := model.VisitInput{OnSite: d.checks["OnSite"].Checked, VisitOn: d.date("VisitOn"), Scheduled: d.checks["Scheduled"].Checked}
		return func(t *model.Ticket, c model.Ctx) error { return t.StartWork(c, in) }, ""
	case model.TicketInternal:
		m := d.personID("ManagerID")
		return func(t *model.Ticket, c model.Ctx) error { return t.MakeInternal(c, m) }, ""
	case model.TicketHold:
		until, reason := d.date("DueOn"), d.text("Reason")
		return func(t *model.Ticket, c model.Ctx) error { return t.Hold(c, until, reason) }, ""
	case model.TicketRecurring:
		every, err := strconv.Atoi(d.text("RecurDays"))
		if err != nil {
			d.fe.Add("RecurDays", "Enter a whole number of days.")
		}
		first := d.date("NextRunOn")
		return func(t *model.Ticket, c model.Ctx) error { return t.MakeRecurring(c, every, first) }, ""
	case model.TicketCancelled:
		if no := d.text("MergedIntoID"); no != "" {
			canon, err := model.ParseNumber(model.SeriesTicket, no)
			if err != nil {
				d.fe.Add("MergedIntoID", "Enter a ticket number such as TK-2026-00042.")
			}
			return nil, canon
		}
		reason := d.text("CancelReason")
		return func(t *model.Ticket, c model.Ctx) error { return t.Cancel(c, reason) }, ""
	case model.TicketCompleted:
		in := model.CompleteInput{Resolution: d.text("Resolution"), ChargesChecked: d.checks["ChargesChecked"].Checked,
			ContractRef: d.text("ContractRef"), CustomerApproved: d.checks["CustomerApproved"].Checked}
		return func(t *model.Ticket, c model.Ctx) error { return t.Complete(c, in) }, ""
	}
	return nil, ""
}

// submit asks the model; a refusal stays in the dialog, a move closes it.
func (d *moveDialog) submit() {
	d.fe = nil
	rule, mergeNo := d.rule()
	if len(d.fe) > 0 {
		d.form.ShowFieldErrors(d.fe)
		return
	}
	s, t, by := d.s, d.t, d.s.desk.Actor()
	submitDialog(&s.work, d.form, d.confirm, d.dlg, func(ctx context.Context) (struct{}, error) {
		if mergeNo != "" {
			into, err := s.ticketByNo(ctx, mergeNo)
			if err != nil {
				return struct{}{}, err
			}
			rule = func(tk *model.Ticket, c model.Ctx) error { return tk.MergeInto(c, into) }
		}
		_, err := s.store.ApplyTicket(ctx, by, t.ID, t.Version, rule)
		return struct{}{}, err
	}, func(struct{}) {
		s.say("")
		s.board.follow = t.ID
		s.reload()
		if s.detail != nil && s.detail.ticket.ID == t.ID {
			s.detail.load()
		}
	})
}

// ticketByNo finds a ticket by its number, in any status.
func (s *ticketsScreen) ticketByNo(ctx context.Context, no string) (*model.Ticket, error) {
	rows, err := s.store.Tickets(ctx, model.TicketFilter{Statuses: model.TicketStatuses, Text: no, Limit: 5})
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if strings.EqualFold(rows[i].No, no) {
			return &rows[i], nil
		}
	}
	return nil, model.FieldErrors{{Field: "MergedIntoID", Msg: model.M("No ticket has the number {{.No}}.", "No", no)}}
}
