package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// intakeForm is the intake memo of an order (seed 002 steps 1–4): how it
// came in, the customer, the lines, the confirmation's terms, with a live
// list of what the confirmation still lacks. It saves a draft of itself a
// few seconds after the last change, so a crash loses nothing.
type intakeForm struct {
	heading      *widget.Label
	status       *widget.Label
	top          *fyne.Container // the heading and the status; laid out again when the heading changes
	channel      *Select
	customer     *pickEntry
	customerInfo *widget.Label
	contact      *Select
	addContact   *widget.Button
	caller       *Entry
	callback     *Entry
	salesperson  *Select
	po           *Entry
	memo         *Entry
	payment      *Entry
	requested    *Entry
	shipTo       *Entry
	incoterm     *incotermInput
	tolerance    *Entry
	packaging    *Entry
	special      *Entry
	answerBy     *Entry
	quickPicks   []*widget.Button
	lines        *intakeLines
	missing      *fyne.Container
	whoCalls     *widget.Label
	fields       *FieldForm
	terms        *FieldForm
	scroll       *container.Scroll // the fields, lines and terms, which follow the focus
	saveBtn      *widget.Button
	submit       *widget.Button
	cancel       *widget.Button
	content      fyne.CanvasObject

	win   fyne.Window
	store intakeStore
	desk  *Desk
	done  func(id uint)
	work  jobs

	stored   *model.Order    // the saved order being edited, nil for a new one
	owner    *model.Employee // the clerk typing the form, whose draft it is
	cust     *model.Customer
	contacts []model.Contact
	people   []model.Employee
	office   model.Office
	found    []model.Customer // the customer suggestions shown
	filling  bool             // the form is being filled by code: not a change
	changed  bool             // changed since the last save
	drafted  bool             // changed since the last draft
	timer    uiTimer          // the pending draft save
	// draftDelay is how long after the last change the draft is saved.
	draftDelay time.Duration
	searchGen  int
	// contactEditor is the open "Add contact" dialog, for tests.
	contactEditor *contactDialog
}

// intakeStore is the store as the order intake uses it; a test hands it one that fails.
type intakeStore interface {
	contactsStore // Add contact
	Apply(ctx context.Context, by model.Actor, id uint, version int64, rule func(o *model.Order, c model.Ctx) error) (*model.Order, error)
	ContactsOf(ctx context.Context, customerID uint) ([]model.Contact, error)
	CountOrders(ctx context.Context, f model.OrderFilter) (model.OrderCount, error)
	CreateOrder(ctx context.Context, by model.Actor, o *model.Order) error
	Customer(ctx context.Context, id uint) (*model.Customer, error)
	Customers(ctx context.Context, f model.ListFilter) ([]model.Customer, error)
	DiscardDraft(ctx context.Context, by model.Actor, form, key string) error
	Drafts(ctx context.Context, employeeID uint, form string) ([]model.Draft, error)
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
	LastPrice(ctx context.Context, customerID, productID uint, currency string) (model.Money, error)
	Location() *time.Location
	Now() time.Time
	Order(ctx context.Context, id uint) (*model.Order, error)
	Product(ctx context.Context, id uint) (*model.Product, error)
	Products(ctx context.Context, f model.ListFilter) ([]model.Product, error)
	RuleCtx(ctx context.Context, by model.Actor) (model.Ctx, error)
	SaveDraft(ctx context.Context, by model.Actor, form, key, title, payload string) error
	SaveIntake(ctx context.Context, by model.Actor, edited *model.Order) (*model.Order, error)
	Today() model.Date
	ValidPrice(ctx context.Context, productID uint, customerID uint, on model.Date) (*model.Price, error)
}

// intakeDraftForm names the intake's drafts (model.Draft.Form).
const intakeDraftForm = "order-intake"

func newIntakeForm(w fyne.Window, store *model.Store, desk *Desk, done func(id uint)) *intakeForm {
	f := &intakeForm{win: w, store: store, desk: desk, done: done, draftDelay: 3 * time.Second,
		heading:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		status:       widget.NewLabel(""),
		customer:     newPickEntry(),
		customerInfo: widget.NewLabel(""),
		caller:       NewEntry(), callback: NewEntry(), po: NewEntry(), memo: NewMultiLineEntry(),
		payment: NewEntry(), requested: NewEntry(), shipTo: NewMultiLineEntry(), tolerance: NewEntry(),
		packaging: NewEntry(), special: NewMultiLineEntry(), answerBy: NewEntry(),
		missing: container.NewVBox(), whoCalls: newProblemLabel(), fields: NewFieldForm(), terms: NewFieldForm(),
		office: model.DefaultOffice(),
	}
	f.status.Wrapping = fyne.TextWrapWord
	f.customerInfo.Wrapping = fyne.TextWrapWord
	f.whoCalls.Importance = widget.WarningImportance
	var channels []string
	for _, c := range model.Channels {
		channels = append(channels, lang.L(c.Name()))
	}
	f.channel = NewSelect(channels, func(string) { f.onChange() })
	f.contact = NewSelect(nil, func(string) { f.onChange() })
	f.salesperson = NewSelect(nil, func(string) { f.onChange() })
	f.addContact = f.newAddContactButton()
	f.customer.SetPlaceHolder(lang.L("Code, name or phone"))
	f.customer.search = f.searchCustomers
	f.customer.picked = f.pickCustomer
	f.customer.edited = func(string) {
		if f.cust != nil {
			f.setCustomer(nil, nil, 0)
		}
	}
	f.requested.SetPlaceHolder("YYYY-MM-DD")
	f.tolerance.SetPlaceHolder("0–50")
	f.answerBy.SetPlaceHolder("YYYY-MM-DD HH:MM")
	f.incoterm = newIncotermInput(f.onChange)
	f.lines = newIntakeLines(f)
	for _, e := range []*Entry{f.caller, f.callback, f.po, f.memo, f.payment, f.requested, f.shipTo,
		f.tolerance, f.packaging, f.special, f.answerBy} {
		e.OnChanged = func(string) { f.onChange() }
	}
	f.customer.onChange = func(string) { f.onChange() }
	// Enter on the customer once picked goes on to the lines: the contact,
	// salesperson and terms follow the customer, and Tab still reaches them.
	f.customer.onKey = func(ev *fyne.KeyEvent) bool {
		if (ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter) || f.cust == nil {
			return false
		}
		f.lines.focusFirstEmpty()
		return true
	}

	ff := f.fields
	ff.Add("Channel", lang.L("Came in by"), f.channel)
	ff.Add("CustomerID", lang.L("Customer"), f.customer.stack(f.customer, f.customerInfo))
	ff.Add("ContactID", lang.L("Contact"), container.NewBorder(nil, nil, nil, f.addContact, f.contact))
	ff.Add("CallerName", lang.L("Caller"), f.caller)
	ff.Add("CallbackNumber", lang.L("Call-back number"), f.callback)
	ff.Add("SalespersonID", lang.L("Salesperson"), f.salesperson)
	ff.Add("CustomerPO", lang.L("Customer PO"), f.po)
	ff.Add("Memo", lang.L("Memo"), f.memo)
	tf := f.terms
	tf.Add("PaymentMethod", lang.L("Payment method"), f.payment)
	tf.Add("RequestedDate", lang.L("Requested date"), f.requested)
	tf.Add("ShipTo", lang.L("Deliver to"), f.shipTo)
	f.incoterm.add(tf)
	tf.Add("TolerancePct", lang.L("Tolerance ±%"), f.tolerance)
	tf.Add("Packaging", lang.L("Packaging"), f.packaging)
	tf.Add("SpecialRequirements", lang.L("Special requirements"), f.special)
	f.quickPicks = []*widget.Button{
		widget.NewButton(lang.L("In 1 hour"), func() { f.setAnswerBy(f.store.Now().Add(time.Hour)) }),
		widget.NewButton(lang.L("Today 17:00"), func() { f.setAnswerBy(f.atClock(0, 17)) }),
		widget.NewButton(lang.L("Tomorrow 10:00"), func() { f.setAnswerBy(f.atClock(1, 10)) }),
	}
	picks := container.NewHBox()
	for _, b := range f.quickPicks {
		picks.Add(b)
	}
	tf.Add("AnswerPromisedBy", lang.L("Answer promised by"), container.NewVBox(f.answerBy, picks))

	f.saveBtn = widget.NewButtonWithIcon(lang.L("Save draft (Ctrl+S)"), theme.DocumentSaveIcon(), func() { f.save(false) })
	f.submit = widget.NewButtonWithIcon(lang.L("Save and submit for checking (Ctrl+Enter)"), theme.ConfirmIcon(), func() { f.save(true) })
	f.submit.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon(lang.L("Back to the list"), theme.NavigateBackIcon(), f.leave)
	f.content = f.layout()
	return f
}

func (f *intakeForm) layout() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(f.fields.Content(), bold(lang.L("Lines")), f.lines.content,
		bold(lang.L("Terms of the confirmation")), f.terms.Content())
	side := container.NewVBox(bold(lang.L("The confirmation still lacks")), f.whoCalls, f.missing)
	f.scroll = container.NewVScroll(form)
	split := container.NewHSplit(f.scroll, container.NewVScroll(container.NewPadded(side)))
	split.SetOffset(0.74)
	buttons := container.NewHBox(f.submit, f.saveBtn, layout.NewSpacer(), f.cancel)
	// The status takes the width the heading leaves, so a long reason wraps
	// instead of running under the heading.
	f.top = container.NewBorder(nil, nil, f.heading, nil, f.status)
	return container.NewBorder(f.top, buttons, nil, nil, split)
}

// atClock returns hour o'clock, days from today, in the office's time zone.
// focusTerms puts the cursor in the first term the confirmation needs that
// is still empty (the payment, the requested date, the address, the
// tolerance, the packaging), else the requested date.
func (f *intakeForm) focusTerms() {
	for _, e := range []*Entry{f.payment, f.requested, f.shipTo, f.tolerance, f.packaging} {
		if strings.TrimSpace(e.Text) == "" {
			f.win.Canvas().Focus(e)
			return
		}
	}
	f.win.Canvas().Focus(f.requested)
}

func (f *intakeForm) atClock(days, hour int) time.Time {
	d := f.store.Today().AddDays(days).Time(f.store.Location())
	return d.Add(time.Duration(hour) * time.Hour)
}

func (f *intakeForm) setAnswerBy(t time.Time) {
	f.answerBy.SetText(t.In(f.store.Location()).Format("2006-01-02 15:04"))
}

// onChange marks the form changed, refreshes the completeness list, and
// saves a draft once the clerk pauses.
func (f *intakeForm) onChange() {
	if f.filling {
		return
	}
	f.changed, f.drafted = true, true
	f.showMissing()
	f.timer.reset(f.draftDelay, f.saveDraftNow)
}

// dirty reports whether the form holds changes not saved as an order.
func (f *intakeForm) dirty() bool { return f.changed }

// deskChanged follows a change of the person at the desk: the form
// belongs to the clerk who typed it, so their draft is saved under their
// name, and the form is emptied.
func (f *intakeForm) deskChanged() {
	f.saveDraftNow()
	f.owner = nil
	f.changed = false
}

// startNew empties the form for a new order, then reopens the clerk's
// draft of one if there is one.
func (f *intakeForm) startNew() {
	f.reset(nil)
	f.setHeading(lang.L("New order"))
	f.scroll.ScrollToTop() // not where the last order's terms left it
	// The customer first: most orders come by phone, which the channel
	// already says, and the customer fills the contact, salesperson and
	// terms (Shift+Tab reaches the channel).
	f.win.Canvas().Focus(f.customer)
	f.restoreDraft("new")
}

// setHeading names the form. A label's new text does not resize it: the
// row is laid out again, or "New order"'s width would stay and the longer
// "Intake of SO-…" would be drawn over the status.
func (f *intakeForm) setHeading(s string) {
	f.heading.SetText(s)
	f.top.Refresh()
}

// edit shows a saved order's intake for changes.
func (f *intakeForm) edit(o *model.Order) {
	f.reset(o)
	f.setHeading(lang.L("Intake of {{.No}}", map[string]any{"No": o.No}))
	f.scroll.ScrollToTop()
	f.restoreDraft(strconv.FormatUint(uint64(o.ID), 10))
}

// reset empties the form, or fills it from a saved order, and loads the
// choices (people, the office's tolerance) it needs.
func (f *intakeForm) reset(o *model.Order) {
	f.owner = f.desk.Employee()
	f.filling = true
	f.stored = o
	f.fields.Clear()
	f.terms.Clear()
	f.status.SetText("")
	f.channel.SetSelectedIndex(0)
	for _, e := range []*Entry{f.caller, f.callback, f.po, f.memo, f.payment, f.requested, f.shipTo,
		f.tolerance, f.packaging, f.special, f.answerBy} {
		e.SetText("")
	}
	f.customer.setText("")
	f.setCustomer(nil, nil, 0)
	f.fillSalesperson(nil) // not the last order's: the customer or the saved order chooses
	f.lines.clear()
	if o != nil {
		f.fill(o)
	}
	f.filling = false
	f.changed, f.drafted = false, false
	f.showMissing()
	f.work.Go(func() func() {
		ctx := context.Background()
		people, err := f.store.Employees(ctx, false)
		rc, err2 := f.store.RuleCtx(ctx, model.Actor{})
		return func() {
			if err != nil || err2 != nil {
				f.status.SetText(SayLoadErr(firstErr(err, err2)))
				return
			}
			f.people, f.office = people, rc.Office
			f.fillSalesperson(f.salespersonID())
			f.lines.refreshChecks()
		}
	})
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// fill shows a saved order's intake.
func (f *intakeForm) fill(o *model.Order) {
	f.channel.SetSelectedIndex(channelIndex(o.Channel))
	if o.Customer != nil {
		f.customer.setText(customerName(o.Customer))
	}
	f.caller.SetText(o.CallerName)
	f.callback.SetText(o.CallbackNumber)
	f.po.SetText(o.CustomerPO)
	f.memo.SetText(o.Memo)
	f.payment.SetText(o.PaymentMethod)
	f.requested.SetText(dateText(o.RequestedDate))
	f.shipTo.SetText(o.ShipTo)
	f.incoterm.set(o.DeliveryTerms)
	if o.TolerancePct != nil {
		f.tolerance.SetText(strconv.Itoa(*o.TolerancePct))
	}
	f.packaging.SetText(o.Packaging)
	f.special.SetText(o.SpecialRequirements)
	if o.AnswerPromisedBy != nil {
		f.setAnswerBy(*o.AnswerPromisedBy)
	}
	contactID := uint(0)
	if o.ContactID != nil {
		contactID = *o.ContactID
	}
	f.loadCustomer(o.CustomerID, contactID, o.SalespersonID, false)
	for _, l := range o.Lines {
		f.lines.addFrom(l)
	}
}

func channelIndex(c model.Channel) int {
	for i, ch := range model.Channels {
		if ch == c {
			return i
		}
	}
	return 0
}

// searchCustomers looks up customers by code, name or phone as the clerk types.
func (f *intakeForm) searchCustomers(text string) {
	f.searchGen++
	gen := f.searchGen
	if strings.TrimSpace(text) == "" {
		f.customer.show(nil)
		return
	}
	f.work.Go(func() func() {
		found, err := f.store.Customers(context.Background(), model.ListFilter{Text: text, Limit: 8})
		return func() {
			if gen != f.searchGen {
				return
			}
			if err != nil { // what was typed stays; the clerk may type on
				f.status.SetText(SayLoadErr(err))
				return
			}
			f.found = found
			opts := make([]string, len(found))
			for i, c := range found {
				opts[i] = fmt.Sprintf("%s · %s · %s", customerName(&c), lang.L("Tier {{.Tier}}", map[string]any{"Tier": string(c.Tier)}), c.Phone)
			}
			f.customer.show(opts)
		}
	})
}

func (f *intakeForm) pickCustomer(i int) {
	c := f.found[i]
	f.customer.setText(customerName(&c))
	f.loadCustomer(c.ID, 0, nil, true)
	// On to the lines: left in the customer, the next key typed would
	// undo the pick (the contact and the terms follow the customer, and
	// Shift+Tab reaches them).
	f.lines.focusFirstEmpty()
}

// loadCustomer reads a customer, their contacts and open orders; fresh
// fills the order's defaults from them (salesperson, payment terms, the
// first contact allowed to sign).
func (f *intakeForm) loadCustomer(id, contactID uint, salespersonID *uint, fresh bool) {
	f.work.Go(func() func() {
		ctx := context.Background()
		c, err := f.store.Customer(ctx, id)
		var contacts []model.Contact
		var open model.OrderCount
		if err == nil {
			contacts, err = f.store.ContactsOf(ctx, id)
		}
		if err == nil {
			open, err = f.store.CountOrders(ctx, model.OrderFilter{View: model.ViewOpen, CustomerID: id})
		}
		return func() {
			if err != nil {
				f.status.SetText(SayLoadErr(err))
				return
			}
			was := f.filling
			f.filling = !fresh
			if fresh {
				o := model.NewOrderFor(c, contacts, f.channelValue(), f.store.Now())
				salespersonID = o.SalespersonID
				if o.ContactID != nil {
					contactID = *o.ContactID
				}
				f.payment.SetText(o.PaymentMethod)
				f.incoterm.set(o.DeliveryTerms)
			}
			f.setCustomer(c, contacts, contactID)
			f.fillSalesperson(salespersonID)
			f.showCustomerInfo(c, open.N)
			f.filling = was
			f.lines.refreshPrices()
			if fresh {
				f.onChange()
			} else {
				f.showMissing()
			}
		}
	})
}

// setCustomer makes c the order's customer with their contacts, contactID chosen.
func (f *intakeForm) setCustomer(c *model.Customer, contacts []model.Contact, contactID uint) {
	f.cust, f.contacts = c, contacts
	opts := []string{lang.L("(none)")}
	sel := 0
	for i, ct := range contacts {
		name := ct.Name
		if ct.Title != "" {
			name += " · " + ct.Title
		}
		if ct.CanSign {
			name = lang.L("{{.Name}} (may sign)", map[string]any{"Name": name})
		}
		opts = append(opts, name)
		if ct.ID == contactID {
			sel = i + 1
		}
	}
	f.contact.Options = opts
	f.contact.SetSelectedIndex(sel)
	// An order left without its own address is delivered to the customer's
	// (Order.ShipToAddress), so the completeness list does not ask for one:
	// the empty field shows which address that is.
	f.shipTo.SetPlaceHolder("")
	if c != nil && strings.TrimSpace(c.ShipTo()) != "" {
		f.shipTo.SetPlaceHolder(lang.L("From the customer: {{.Address}}", map[string]any{"Address": c.ShipTo()}))
	}
	if c == nil {
		f.customerInfo.SetText("")
		f.customerInfo.Hide()
		f.addContact.Disable()
	} else {
		f.addContact.Enable()
	}
}

func (f *intakeForm) showCustomerInfo(c *model.Customer, open int) {
	info := lang.L("Tier {{.Tier}}", map[string]any{"Tier": string(c.Tier)})
	if c.DepositPercent > 0 {
		info += " · " + lang.L("deposit {{.Pct}}% before production", map[string]any{"Pct": c.DepositPercent})
	} else {
		info += " · " + lang.L("no deposit")
	}
	if c.PaymentTerms != "" {
		info += " · " + c.PaymentTerms
	}
	info += " · " + plural(open, lang.L("1 open order"), lang.L("{{.N}} open orders", map[string]any{"N": open}))
	f.customerInfo.SetText(info)
	f.customerInfo.Show()
}

// fillSalesperson lists the active employees and chooses id.
func (f *intakeForm) fillSalesperson(id *uint) {
	opts := []string{lang.L("(nobody)")}
	sel := 0
	for i, e := range f.people {
		opts = append(opts, e.Display())
		if id != nil && e.ID == *id {
			sel = i + 1
		}
	}
	was := f.filling
	f.filling = true
	f.salesperson.Options = opts
	f.salesperson.SetSelectedIndex(sel)
	f.filling = was
}

func (f *intakeForm) salespersonID() *uint {
	if i := f.salesperson.SelectedIndex(); i > 0 && i <= len(f.people) {
		id := f.people[i-1].ID
		return &id
	}
	if f.stored != nil {
		return f.stored.SalespersonID
	}
	return nil
}

func (f *intakeForm) channelValue() model.Channel {
	if i := f.channel.SelectedIndex(); i >= 0 {
		return model.Channels[i]
	}
	return model.ChannelPhone
}

// leave goes back to the list, asking first over changes not saved as an
// order (the draft keeps them either way).
func (f *intakeForm) leave() {
	if !f.changed {
		f.done(0)
		return
	}
	f.saveDraftNow()
	askYesNo(f.win, lang.L("Unsaved changes"),
		lang.L("Leave the order without saving it? Your draft is kept and reopens with New order."), func() { f.done(0) })
}
