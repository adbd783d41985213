package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// newTicketForm opens a ticket as a clerk types it from a call or a mail:
// type from seed 000's list, subject, description, customer and contact,
// the linked order by number, due date and priority.
type newTicketForm struct {
	s        *ticketsScreen
	form     *FieldForm
	dlg      *dialog.CustomDialog
	confirm  *widget.Button
	typ      *Select
	subject  *Entry
	desc     *Entry
	customer *Entry
	contact  *Select
	order    *Entry
	due      *Entry
	prio     *Select

	contacts []model.Contact
}

func (s *ticketsScreen) openNewTicket() *newTicketForm {
	f := &newTicketForm{s: s, form: NewFieldForm()}
	var types []string
	for _, t := range model.TicketTypes {
		types = append(types, typeName(t))
	}
	f.typ = NewSelect(types, nil)
	f.subject = NewEntry()
	f.desc = NewMultiLineEntry()
	f.desc.SetMinRowsVisible(3)
	f.customer = NewEntry()
	f.customer.SetPlaceHolder(lang.L("Customer code"))
	f.customer.OnFocusLost = f.loadContacts
	f.contact = NewSelect(nil, nil)
	f.order = NewEntry()
	f.order.SetPlaceHolder("SO-2026-00042")
	f.due = NewEntry()
	f.due.SetPlaceHolder("YYYY-MM-DD")
	var prios []string
	for _, p := range priorities {
		prios = append(prios, lang.L(p.Name()))
	}
	f.prio = NewSelect(prios, nil)
	f.prio.SetSelectedIndex(1)
	f.form.Add("Type", lang.L("Type"), f.typ)
	f.form.Add("Subject", lang.L("Subject"), f.subject)
	f.form.Add("Description", lang.L("Details"), f.desc)
	f.form.Add("CustomerID", lang.L("Customer"), f.customer)
	f.form.Add("ContactID", lang.L("Contact"), f.contact)
	f.form.Add("OrderID", lang.L("Linked order"), f.order)
	f.form.Add("DueOn", lang.L("Due"), f.due)
	f.form.Add("Priority", lang.L("Priority"), f.prio)
	f.confirm = widget.NewButton(lang.L("Open ticket"), f.submit)
	f.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("New ticket"), f.form.Content(), s.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	f.dlg.SetOnClosed(func() {
		if s.newForm == f {
			s.newForm = nil
		}
		s.board.focus()
	})
	f.dlg.Resize(fyne.NewSize(600, f.dlg.MinSize().Height))
	showEscapable(s.win, f.dlg)
	s.win.Canvas().Focus(f.typ)
	return f
}

// loadContacts offers the contacts of the customer typed.
func (f *newTicketForm) loadContacts() {
	offerContacts(f.s, f.customer.Text, f.contact, func(cs []model.Contact) { f.contacts = cs })
}

// offerContacts reads the contacts of the customer whose code is typed and
// offers them in pick, handing them to keep; an empty code offers none (a
// code that names no customer is said by the save).
func offerContacts(s *ticketsScreen, code string, pick *Select, keep func([]model.Contact)) {
	code = strings.TrimSpace(code)
	if code == "" {
		keep(nil)
		pick.Options = nil
		pick.ClearSelected()
		return
	}
	s.work.Go(func() func() {
		ctx := context.Background()
		c, err := s.store.CustomerByCode(ctx, code)
		var contacts []model.Contact
		if err == nil {
			contacts, err = s.store.ContactsOf(ctx, c.ID)
		}
		return func() {
			if err != nil {
				return
			}
			keep(contacts)
			names := make([]string, len(contacts))
			for i, k := range contacts {
				names[i] = k.Name
			}
			pick.Options = names
			pick.ClearSelected()
			pick.Refresh()
		}
	})
}

// submit finds the customer and the order the clerk named, then opens the ticket.
func (f *newTicketForm) submit() {
	var fe model.FieldErrors
	in := model.TicketInput{Subject: f.subject.Text, Description: f.desc.Text, Priority: model.PriorityNormal}
	if i := f.typ.SelectedIndex(); i >= 0 {
		in.Type = model.TicketTypes[i].Code
	}
	if i := f.prio.SelectedIndex(); i >= 0 {
		in.Priority = priorities[i]
	}
	if t := strings.TrimSpace(f.due.Text); t != "" {
		d, err := model.ParseDate(t)
		if err != nil {
			fe.Add("DueOn", "Enter a date as YYYY-MM-DD.")
		}
		in.DueOn = d
	}
	orderNo := strings.TrimSpace(f.order.Text)
	if orderNo != "" {
		no, err := model.ParseNumber(model.SeriesOrder, orderNo)
		if err != nil {
			fe.Add("OrderID", "Enter an order number such as SO-2026-00042.")
		}
		orderNo = no
	}
	if i := f.contact.SelectedIndex(); i >= 0 && i < len(f.contacts) {
		id := f.contacts[i].ID
		in.ContactID = &id
	}
	if len(fe) > 0 {
		f.form.ShowFieldErrors(fe)
		return
	}
	code, by, s := strings.TrimSpace(f.customer.Text), f.s.desk.Actor(), f.s
	submitDialog(&s.work, f.form, f.confirm, f.dlg, func(ctx context.Context) (*model.Ticket, error) {
		var fe model.FieldErrors
		// Both numbers are checked, so the clerk hears of both at once.
		id, err := s.store.CustomerIDByCode(ctx, code)
		if bad := (model.FieldErrors{}); errors.As(err, &bad) {
			fe = append(fe, bad...)
		} else if err != nil {
			return nil, err
		}
		in.CustomerID = id
		if orderNo != "" {
			o, err := s.store.OrderByNo(ctx, orderNo)
			switch {
			case err == nil:
				in.OrderID = &o.ID
			case errors.Is(err, model.ErrNotFound):
				fe.Add("OrderID", "No order has the number {{.No}}.", "No", orderNo)
			default:
				return nil, err // a failure to read, not a wrong number
			}
		}
		if len(fe) > 0 {
			return nil, fe
		}
		return s.store.CreateTicket(ctx, by, in)
	}, func(t *model.Ticket) {
		s.board.follow = t.ID
		s.reload()
	})
}

// newTicketAbout opens the Tickets section with a new ticket about an
// order (seed 000's "sales order status update" by default, the clerk may
// pick "customer request"): customer, contact and order filled in.
func (s *Shell) newTicketAbout(o *model.Order) {
	s.Show(SectionTickets)
	f := s.tickets.openNewTicket()
	s.tickets.newForm = f
	for i, t := range model.TicketTypes {
		if t.Code == "SO-STATUS" {
			f.typ.SetSelectedIndex(i)
		}
	}
	f.subject.SetText(o.No + ": ")
	f.order.SetText(o.No)
	if o.Customer != nil {
		f.customer.SetText(o.Customer.Code)
		f.loadContacts()
	}
	s.win.Canvas().Focus(f.subject)
}
