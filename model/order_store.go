package model

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// NewOrderFor returns a new draft order for a customer, filled from what the
// office knows of them: salesperson, payment terms, currency, delivery
// address, and the first contact allowed to sign.
func NewOrderFor(c *Customer, contacts []Contact, channel Channel, receivedAt time.Time) *Order {
	o := &Order{CustomerID: c.ID, Customer: c, Channel: channel, ReceivedAt: receivedAt, State: StateDraft,
		SalespersonID: c.SalespersonID, Salesperson: c.Salesperson, PaymentMethod: c.PaymentTerms, Currency: c.Currency,
		DeliveryTerms: c.DeliveryTerms}
	for i := range contacts {
		if contacts[i].CanSign {
			id := contacts[i].ID
			o.ContactID, o.Contact = &id, &contacts[i]
			break
		}
	}
	return o
}

// validateIntake checks the fields of an order a clerk typed, field by field
// (completeness against the confirmation is a separate, softer list).
func (o *Order) validateIntake() FieldErrors {
	var fe FieldErrors
	if o.CustomerID == 0 {
		fe.Add("CustomerID", "Choose the customer.")
	}
	known := false
	for _, ch := range Channels {
		known = known || ch == o.Channel
	}
	if !known {
		fe.Add("Channel", "Choose how the order came in.")
	}
	if o.TolerancePct != nil && (*o.TolerancePct < 0 || *o.TolerancePct > 50) {
		fe.Add("TolerancePct", "The tolerance is a percentage from 0 to 50.")
	}
	if len(o.Currency) != 3 {
		fe.Add("Currency", "Use a three-letter currency code such as TWD or USD.")
	}
	if m := checkPhone(o.CallbackNumber); !m.IsZero() {
		fe = append(fe, FieldError{"CallbackNumber", m})
	}
	for _, l := range o.Lines {
		if l.Qty < 0 {
			fe.Add("Qty", "Line {{.Line}}: the quantity cannot be negative.", "Line", l.LineNo)
		}
		if l.UnitPrice < 0 {
			fe.Add("UnitPrice", "Line {{.Line}}: the unit price cannot be negative.", "Line", l.LineNo)
		}
		if l.DiscountPct < 0 || l.DiscountPct > 100 {
			fe.Add("DiscountPct", "Line {{.Line}}: the discount is a percentage from 0 to 100.", "Line", l.LineNo)
		}
		if l.Unit != "" && !ValidUnit(l.Unit) {
			fe.Add("Unit", "Line {{.Line}}: choose a unit from the list.", "Line", l.LineNo)
		}
	}
	return append(fe, o.DeliveryTerms.validate()...)
}

// checkIntakeRefs checks what the intake refers to against the database:
// an active customer, their contact, an active salesperson and active products.
func checkIntakeRefs(tx *gorm.DB, o *Order, cur *Order) error {
	var fe FieldErrors
	var c Customer
	if err := tx.Take(&c, o.CustomerID).Error; err != nil {
		fe.Add("CustomerID", "This customer is not in the customer list.")
	} else {
		if !c.Active && (cur == nil || cur.CustomerID != o.CustomerID) {
			fe.Add("CustomerID", "{{.Customer}} is deactivated: reactivate the customer before taking an order.", "Customer", c.Display())
		}
		o.Customer = &c
	}
	if o.ContactID != nil && !contactOf(tx, *o.ContactID, o.CustomerID) {
		fe.Add("ContactID", "This contact does not belong to the customer.")
	}
	if o.SalespersonID != nil && (cur == nil || cur.SalespersonID == nil || *cur.SalespersonID != *o.SalespersonID) {
		if err := requireActiveEmployee(tx, *o.SalespersonID, "SalespersonID"); err != nil {
			fe = append(fe, err.(FieldErrors)...)
		}
	}
	var ids []uint
	for _, l := range o.Lines {
		if l.ProductID != 0 {
			ids = append(ids, l.ProductID)
		}
	}
	products := map[uint]*Product{}
	if len(ids) > 0 {
		var found []Product
		if err := tx.Where("id IN ?", ids).Find(&found).Error; err != nil {
			return err
		}
		for i := range found {
			products[found[i].ID] = &found[i]
		}
	}
	for i := range o.Lines {
		l := &o.Lines[i]
		if l.ProductID == 0 {
			continue
		}
		p := products[l.ProductID]
		if p == nil {
			fe.Add("ProductID", "Line {{.Line}}: this product is not in the catalogue.", "Line", l.LineNo)
			continue
		}
		var was *OrderLine
		if cur != nil {
			was = cur.lineByID(l.ID)
		}
		if !p.Active && (was == nil || was.ProductID != l.ProductID) {
			fe.Add("ProductID", "Line {{.Line}}: {{.Product}} is no longer sold.", "Line", l.LineNo, "Product", p.Code)
		}
		l.Product = p
	}
	return fe.Err()
}

func (o *Order) lineByID(id uint) *OrderLine {
	if id == 0 {
		return nil
	}
	for i := range o.Lines {
		if o.Lines[i].ID == id {
			return &o.Lines[i]
		}
	}
	return nil
}

// lookUpPrices fills each given line's plan price and the customer's last
// price, as found on the day the order was received (step 5), with one
// query for the plan and one for the last prices, whatever the number of lines.
func lookUpPrices(tx *gorm.DB, o *Order, lines []*OrderLine, loc *time.Location) error {
	var ids []uint
	for _, l := range lines {
		l.PlanPrice, l.LastPrice = 0, 0
		if l.ProductID != 0 {
			ids = append(ids, l.ProductID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	plan, err := planPrices(tx, ids, o.CustomerID, DateOf(o.ReceivedAt.In(loc)))
	if err != nil {
		return err
	}
	var last []LastPrice
	if err := tx.Where("customer_id = ? AND product_id IN ?", o.CustomerID, ids).Find(&last).Error; err != nil {
		return err
	}
	for _, l := range lines {
		if p, ok := plan[l.ProductID]; ok && p.Currency == o.Currency {
			l.PlanPrice = p.UnitPrice
		}
		for _, lp := range last {
			if lp.ProductID != l.ProductID || lp.Currency != o.Currency {
				continue
			}
			if lp.OrderID != o.ID || o.ID == 0 {
				l.LastPrice = lp.UnitPrice
			} else if l.LastPrice, err = lastPrice(tx, o.CustomerID, l.ProductID, o.ID, o.Currency); err != nil {
				return err
			}
		}
	}
	return nil
}

// CreateOrder stores a new draft order with its lines: it takes the next
// order number of the year, looks up each line's plan and last price, and
// records who took it. The clerk who takes it is by, unless TakenByID is set.
func (s *Store) CreateOrder(ctx context.Context, by Actor, o *Order) error {
	if err := by.valid(); err != nil {
		return err
	}
	if o.TakenByID == 0 {
		o.TakenByID = by.ID
	}
	if o.ClerkID == 0 {
		o.ClerkID = o.TakenByID
	}
	if o.ReceivedAt.IsZero() {
		o.ReceivedAt = s.now()
	}
	if o.Currency == "" {
		o.Currency = "TWD"
	}
	for i := range o.Lines {
		if o.Lines[i].LineNo == 0 {
			o.Lines[i].LineNo = i + 1
		}
	}
	o.DeliveryTerms.normalise()
	fe := o.validateIntake()
	if o.TakenByID == 0 {
		fe.Add("TakenByID", "Choose who you are before taking an order.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	saved := *o
	err := s.write(ctx, func(tx *gorm.DB) error {
		*o = saved
		o.Lines = append([]OrderLine(nil), saved.Lines...)
		return s.createOrder(tx, by, o)
	})
	if err != nil {
		*o = saved
	}
	return err
}

// createOrder stores the checked draft o in tx: its number, its lines'
// plan and last prices, its tallies and its event; said are more lines
// for the event (where the order came from).
func (s *Store) createOrder(tx *gorm.DB, by Actor, o *Order, said ...Msg) error {
	if err := checkIntakeRefs(tx, o, nil); err != nil {
		return err
	}
	no, err := nextNumber(tx, SeriesOrder, o.ReceivedAt.In(s.Location()).Year())
	if err != nil {
		return err
	}
	now := s.now()
	o.No, o.State, o.StateSince = no, StateDraft, now
	lines := make([]*OrderLine, len(o.Lines))
	for i := range o.Lines {
		lines[i] = &o.Lines[i]
	}
	if err := lookUpPrices(tx, o, lines, s.Location()); err != nil {
		return err
	}
	o.recomputeTotals()
	o.refreshDerived(s.Location())
	if err := insertRow(tx, by, now, o); err != nil {
		return err
	}
	for i := range o.Lines {
		o.Lines[i].OrderID = o.ID
	}
	if err := insertRows(tx, by, now, o.Lines); err != nil {
		return err
	}
	if err := keepOrderTallies(tx, o, nil, s.Location()); err != nil {
		return err
	}
	said = append([]Msg{orderTaken(M(o.Channel.Name()), by.Name, len(o.Lines), FormatMoney(o.Total, o.Currency))}, said...)
	return logEvent(tx, eventWith(Event{Entity: "order", EntityID: o.ID, At: now, By: by.Name, ByID: by.ID,
		Action: ActCreated, To: string(StateDraft)}, said...))
}

// orderTaken is the history's first word on an order: how it came in, who
// took it, its lines and total ("1 line" in the singular).
func orderTaken(channel Msg, by string, lines int, total string) Msg {
	if lines == 1 {
		return M("{{.Channel}} by {{.By}}, 1 line, total {{.Total}}", "Channel", channel, "By", by, "Total", total)
	}
	return M("{{.Channel}} by {{.By}}, {{.Lines}} lines, total {{.Total}}", "Channel", channel, "By", by, "Lines", lines, "Total", total)
}

// SaveIntake stores a clerk's changes to the intake memo and lines of an
// order still in draft or checking. A change to what the checks signed off
// (products, quantities) voids those signatures, and a printed revision not
// yet faxed is superseded: the procedure has to see the new content.
func (s *Store) SaveIntake(ctx context.Context, by Actor, edited *Order) (*Order, error) {
	edited.DeliveryTerms.normalise()
	if fe := edited.validateIntake(); len(fe) > 0 {
		return nil, fe
	}
	return s.apply(ctx, by, edited.ID, edited.Version, true, func(o *Order, c Ctx) error {
		if err := o.Allowed(DoEdit, c); err != nil {
			return err
		}
		if edited.CustomerID != o.CustomerID && o.State != StateDraft {
			return FieldErrors{{"CustomerID", M("The customer can only be changed on a draft.")}}
		}
		return o.applyIntake(c, edited)
	}, func(tx *gorm.DB, o, cur *Order) error {
		if err := checkIntakeRefs(tx, o, cur); err != nil {
			return err
		}
		var changed []*OrderLine
		for i := range o.Lines {
			l := &o.Lines[i]
			if was := cur.lineByID(l.ID); was == nil || was.ProductID != l.ProductID {
				changed = append(changed, l)
			}
		}
		return lookUpPrices(tx, o, changed, s.Location())
	})
}

// applyIntake copies the editable fields of edited onto o.
func (o *Order) applyIntake(c Ctx, edited *Order) error {
	o.CustomerID, o.ContactID, o.Channel, o.Memo = edited.CustomerID, edited.ContactID, edited.Channel, edited.Memo
	o.CallerName, o.CallbackNumber, o.SalespersonID = edited.CallerName, edited.CallbackNumber, edited.SalespersonID
	o.CustomerPO, o.PaymentMethod, o.Currency = strings.TrimSpace(edited.CustomerPO), strings.TrimSpace(edited.PaymentMethod), edited.Currency
	o.RequestedDate, o.ShipTo, o.TolerancePct = edited.RequestedDate, strings.TrimSpace(edited.ShipTo), edited.TolerancePct
	o.Packaging, o.SpecialRequirements = strings.TrimSpace(edited.Packaging), strings.TrimSpace(edited.SpecialRequirements)
	o.AnswerPromisedBy = edited.AnswerPromisedBy
	o.DeliveryTerms = edited.DeliveryTerms

	contentChanged := len(edited.Lines) != len(o.Lines)
	next := 1
	for _, l := range o.Lines {
		if l.LineNo >= next {
			next = l.LineNo + 1
		}
	}
	var lines []OrderLine
	for _, e := range edited.Lines {
		cur := o.lineByID(e.ID)
		if cur == nil {
			e.ID, e.OrderID, e.LineNo, e.Version = 0, o.ID, next, 0
			e.PriceConfirmed, e.PriceReported, e.ProducedQty = Signature{}, nil, 0
			next++
			lines = append(lines, e)
			contentChanged = true
			continue
		}
		l := *cur
		if l.ProductID != e.ProductID || l.Qty != e.Qty {
			contentChanged = true
		}
		if l.ProductID != e.ProductID || l.UnitPrice != e.UnitPrice || l.DiscountPct != e.DiscountPct {
			l.PriceConfirmed, l.PriceReported = Signature{}, nil
		}
		l.ProductID, l.Product, l.Spec, l.Qty, l.Unit = e.ProductID, e.Product, strings.TrimSpace(e.Spec), e.Qty, e.Unit
		l.UnitPrice, l.DiscountPct = e.UnitPrice, e.DiscountPct
		lines = append(lines, l)
	}
	o.Lines = lines
	o.recomputeTotals()
	if contentChanged && o.State == StateChecking && (o.Tech.Done() || o.ProdDate.Done()) {
		o.Tech, o.ProdDate = TechnicalCheck{}, ProductionDateNote{}
		o.ConfirmedDate, o.PromisedDate = Date{}, Date{}
		o.log(c, "checks_voided", M("products or quantities changed: the technical check and the production date note must be signed again"), "")
	}
	if r := o.Revision(); r != nil && !r.Faxed() && !r.Superseded {
		r.Superseded = true
		o.log(c, "revision_superseded", M("revision {{.Rev}} was printed but not faxed; the order changed", "Rev", r.Rev), "")
	}
	return nil
}

// Apply runs one rule on an order in a single transaction: it loads the
// order, refuses if someone changed it since the clerk read version (0
// skips that check), brings the slip rule up to date, runs rule, and writes
// every change with its events — or nothing, if the rule refuses.
//
//	s.Apply(ctx, me, o.ID, o.Version, func(o *model.Order, c model.Ctx) error {
//		return o.ReleaseProduction(c, signer, true)
//	})
func (s *Store) Apply(ctx context.Context, by Actor, id uint, version int64, rule func(o *Order, c Ctx) error) (*Order, error) {
	return s.apply(ctx, by, id, version, false, rule, nil)
}

// IssueShipmentRequest numbers and issues the order's shipment request.
func (s *Store) IssueShipmentRequest(ctx context.Context, by Actor, id uint, version int64, in ShipmentRequestInput) (*Order, error) {
	var no string
	return s.apply(ctx, by, id, version, false, func(o *Order, c Ctx) error {
		return o.IssueShipmentRequest(c, no, in)
	}, func(tx *gorm.DB, _, _ *Order) error {
		// Numbered before the rule runs; a refusal rolls the number back with
		// the rest of the transaction, so the series keeps no gap.
		var err error
		no, err = nextNumber(tx, SeriesShipmentRequest, s.Now().Year())
		return err
	})
}

// apply is Apply with two options for the intake: lines may be removed, and
// check runs in the transaction after the rule (with the order as it was).
// For IssueShipmentRequest, check runs before the rule instead (it numbers).
func (s *Store) apply(ctx context.Context, by Actor, id uint, version int64, intake bool,
	rule func(o *Order, c Ctx) error, check func(tx *gorm.DB, o, cur *Order) error) (*Order, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *Order
	err := s.write(ctx, func(tx *gorm.DB) error {
		o, err := loadOrder(tx, "orders.id = ?", id)
		if err != nil {
			return err
		}
		if version != 0 && o.Version != version {
			return conflict(o.label(), o.Row, by)
		}
		c, err := s.ruleCtx(tx, by)
		if err != nil {
			return err
		}
		before := o.clone()
		auto := c
		auto.By = System
		o.ApplySlip(auto)
		preCheck := check != nil && !intake
		if preCheck {
			if err := check(tx, o, before); err != nil {
				return err
			}
		}
		if err := rule(o, c); err != nil {
			return err
		}
		if check != nil && intake {
			if err := check(tx, o, before); err != nil {
				return err
			}
			o.recomputeTotals()
		}
		if err := s.persistOrder(tx, by, o, before, intake); err != nil {
			return err
		}
		if err := escalate(tx, c, o, before); err != nil {
			return fmt.Errorf("escalate order %s: %w", o.No, err)
		}
		out = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Store) ruleCtx(tx *gorm.DB, by Actor) (Ctx, error) {
	office, err := loadOffice(tx)
	if err != nil {
		return Ctx{}, err
	}
	staff, err := loadStaff(tx)
	if err != nil {
		return Ctx{}, fmt.Errorf("read who belongs to which department: %w", err)
	}
	return Ctx{By: by, Now: s.Now(), Office: office, Staff: staff}, nil
}

// clone copies the order and its records, so the changes a rule makes can be
// told from what was stored.
func (o *Order) clone() *Order {
	c := *o
	c.Lines = append([]OrderLine(nil), o.Lines...)
	c.Revisions = append([]ConfirmationRevision(nil), o.Revisions...)
	c.Payments = append([]Payment(nil), o.Payments...)
	c.Progress = append([]ProgressEntry(nil), o.Progress...)
	c.Exceptions = append([]ProductionException(nil), o.Exceptions...)
	c.Requests = append([]ShipmentRequest(nil), o.Requests...)
	c.pending = nil
	return &c
}

// persistOrder writes what a rule changed: new records inserted, changed
// ones updated (each under its own version), the order row last, then the
// events the rule recorded plus one for any field changed on the order itself.
func (s *Store) persistOrder(tx *gorm.DB, by Actor, o, before *Order, mayRemoveLines bool) error {
	now := s.now()
	o.refreshDerived(s.Location())
	var removed []string
	if err := persistRecords(tx, by, now, o.ID, o.Lines, before.Lines, mayRemoveLines, &removed); err != nil {
		return err
	}
	for _, err := range []error{
		persistRecords(tx, by, now, o.ID, o.Revisions, before.Revisions, false, nil),
		persistRecords(tx, by, now, o.ID, o.Payments, before.Payments, false, nil),
		persistRecords(tx, by, now, o.ID, o.Progress, before.Progress, false, nil),
		persistRecords(tx, by, now, o.ID, o.Exceptions, before.Exceptions, false, nil),
		persistRecords(tx, by, now, o.ID, o.Requests, before.Requests, false, nil),
	} {
		if err != nil {
			return err
		}
	}
	lineChanges := lineDiff(before.Lines, o.Lines, removed)
	if (wentAhead(before.State) || wentAhead(o.State)) && (before.State != o.State || len(lineChanges) > 0) {
		if err := updateLastPrices(tx, o, before); err != nil {
			return err
		}
	}
	header := changeMsgs(before, o)
	nameOrderRecords(tx, before, o, header)
	if len(header) > 0 || len(o.pending) > 0 || len(lineChanges) > 0 {
		if err := updateChanged(tx, by, now, o, before, o.label()); err != nil {
			return err
		}
	}
	if err := keepOrderTallies(tx, o, before, s.Location()); err != nil {
		return err
	}
	// A step of the procedure that writes on the lines (QC's counts, a
	// price confirmation) is told by its own event; only an edit of the
	// intake lists its field changes.
	if (len(lineChanges) > 0 || len(header) > 0) && onlyIntake(o.pending) {
		o.pending = append(o.pending, eventWith(Event{Entity: "order", EntityID: o.ID, At: now, By: by.Name, ByID: by.ID,
			Action: ActUpdated}, append(header, lineChanges...)...))
	}
	for _, e := range o.pending {
		e.EntityID = o.ID
		if err := logEvent(tx, e); err != nil {
			return err
		}
	}
	o.pending = nil
	return nil
}

// onlyIntake reports whether the rule recorded no event of its own, so the
// field changes need one.
func onlyIntake(pending []Event) bool {
	for _, e := range pending {
		if e.Action != "checks_voided" && e.Action != "revision_superseded" {
			return false
		}
	}
	return true
}

// orderRecord is a record that hangs off an order.
type orderRecord interface {
	saveable
	setOrder(id uint)
}

func (l *OrderLine) setOrder(id uint)            { l.OrderID = id }
func (r *ConfirmationRevision) setOrder(id uint) { r.OrderID = id }
func (p *Payment) setOrder(id uint)              { p.OrderID = id }
func (p *ProgressEntry) setOrder(id uint)        { p.OrderID = id }
func (e *ProductionException) setOrder(id uint)  { e.OrderID = id }
func (r *ShipmentRequest) setOrder(id uint)      { r.OrderID = id }

// persistRecords inserts the new records of one kind, updates the changed
// ones, and removes the missing ones only when allowed (lines of an intake
// being edited); otherwise a missing record is a bug, and refused.
func persistRecords[T any, P interface {
	*T
	orderRecord
}](tx *gorm.DB, by Actor, now time.Time, orderID uint, cur, old []T, mayRemove bool, removed *[]string) error {
	oldByID := make(map[uint]*T, len(old))
	for i := range old {
		oldByID[P(&old[i]).row().ID] = &old[i]
	}
	for i := range cur {
		p := P(&cur[i])
		id := p.row().ID
		if id == 0 {
			p.setOrder(orderID)
			if err := insertRow(tx, by, now, p); err != nil {
				return err
			}
			continue
		}
		was, ok := oldByID[id]
		if !ok {
			return fmt.Errorf("%s %d does not belong to this order", p.entity(), id)
		}
		delete(oldByID, id)
		if Changes(was, p) != "" {
			if err := updateChanged(tx, by, now, p, P(was), p.label()); err != nil {
				return err
			}
		}
	}
	for id, was := range oldByID {
		if !mayRemove {
			return fmt.Errorf("%s %d would be lost: records of an order are never removed", P(was).entity(), id)
		}
		if err := tx.Delete(P(was)).Error; err != nil {
			return err
		}
		if removed != nil {
			*removed = append(*removed, P(was).label())
		}
	}
	return nil
}

// lineDiff describes how the lines changed, for the order's history.
func lineDiff(old, cur []OrderLine, removed []string) []Msg {
	var out []Msg
	for _, l := range cur {
		var was *OrderLine
		for i := range old {
			if old[i].ID == l.ID && l.ID != 0 {
				was = &old[i]
			}
		}
		if was == nil {
			out = append(out, M("line {{.Line}} added: product {{.Product}}, {{.Qty}} {{.Unit}} at {{.Price}}",
				"Line", l.LineNo, "Product", l.ProductID, "Qty", l.Qty.String(), "Unit", l.Unit, "Price", l.UnitPrice.String()))
			continue
		}
		for _, d := range changeMsgs(was, &l) {
			out = append(out, M("line {{.Line}}: {{.Change}}", "Line", l.LineNo, "Change", d))
		}
	}
	for range removed {
		out = append(out, M("a line was removed"))
	}
	return out
}

// Order returns one order with its lines and records.
func (s *Store) Order(ctx context.Context, id uint) (*Order, error) {
	return loadOrder(s.reader(ctx), "orders.id = ?", id)
}

// OrderByNo returns one order by its number, as a clerk types it.
func (s *Store) OrderByNo(ctx context.Context, no string) (*Order, error) {
	canon, err := ParseNumber(SeriesOrder, no)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	return loadOrder(s.reader(ctx), "orders.no = ?", canon)
}

// RuleCtx returns the context the rules see now for by, so a screen can ask
// Order.Allowed what the clerk may do.
func (s *Store) RuleCtx(ctx context.Context, by Actor) (Ctx, error) {
	return s.ruleCtx(s.reader(ctx), by)
}

// remindLateSignBack gives the order's clerk an action item the first day a
// signed confirmation is late: call the customer (seed 002 step 9).
func remindLateSignBack(tx *gorm.DB, now time.Time, loc *time.Location, o *Order, today Date) error {
	faxed := "" // the current revision's fax, which the sign-back is owed since
	if o.SignBackOwedSince != nil {
		faxed = DateOf(o.SignBackOwedSince.In(loc)).String()
	}
	_, err := addNote(tx, System, now, ItemInput{Object: OnOrder, ObjectID: o.ID, Action: true, DueOn: today, Assignee: &o.ClerkID,
		Title: fmt.Sprintf("確認書未回傳 Signed confirmation late: %s rev %d", o.No, o.CurrentRev),
		Body:  fmt.Sprintf("Faxed %s and not back: the promised date slips a day for each day late. Call the customer for the signed or stamped copy.\n傳真於 %s，尚未回傳；每延遲一日，預交日順延一日。請致電客戶回傳簽名或蓋章的確認書。", faxed, faxed),
		Key:   fmt.Sprintf("order:%d:signback:%d", o.ID, o.CurrentRev)})
	return err
}
