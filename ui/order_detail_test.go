package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// orderFixture creates orders in a demo office through the model, as
// another desk would, for the detail screen to show.
type orderFixture struct {
	t     *testing.T
	store *model.Store
	ctx   context.Context
	clerk *model.Employee
}

func newOrderFixture(t *testing.T, store *model.Store) *orderFixture {
	return &orderFixture{t: t, store: store, ctx: context.Background(), clerk: employee(t, store, "YC")}
}

// customer returns a demo customer, with edit applied and saved.
func (f *orderFixture) customer(code string, edit func(*model.Customer)) *model.Customer {
	f.t.Helper()
	c, err := f.store.CustomerByCode(f.ctx, code)
	if err != nil {
		f.t.Fatal(err)
	}
	if edit != nil {
		edit(c)
		if err := f.store.SaveCustomer(f.ctx, setupBy(f.t, f.store), c); err != nil {
			f.t.Fatal(err)
		}
	}
	return c
}

// intake creates a complete phone order for c: one line per product code,
// at the plan price times pricePct/100.
func (f *orderFixture) intake(c *model.Customer, pricePct int64, codes ...string) *model.Order {
	f.t.Helper()
	contacts, _ := f.store.ContactsOf(f.ctx, c.ID)
	o := model.NewOrderFor(c, contacts, model.ChannelPhone, f.store.Now())
	tol := 5
	o.TolerancePct, o.Packaging, o.RequestedDate = &tol, "棧板包裝", f.store.Today().AddDays(20)
	o.CustomerPO = "PO-7781"
	for _, code := range codes {
		p, err := f.store.ProductByCode(f.ctx, code)
		if err != nil {
			f.t.Fatal(err)
		}
		price, err := f.store.ValidPrice(f.ctx, p.ID, c.ID, f.store.Today())
		if err != nil {
			f.t.Fatal(err)
		}
		o.Lines = append(o.Lines, model.OrderLine{ProductID: p.ID, Qty: model.QtyOf(100), Unit: p.Unit,
			UnitPrice: price.UnitPrice * model.Money(pricePct) / 100})
	}
	if err := f.store.CreateOrder(f.ctx, f.clerk.Actor(), o); err != nil {
		f.t.Fatalf("create order: %v", err)
	}
	return o
}

// do runs a rule on the order as the clerk.
func (f *orderFixture) do(o *model.Order, rule func(o *model.Order, c model.Ctx) error) *model.Order {
	f.t.Helper()
	got, err := f.store.Apply(f.ctx, f.clerk.Actor(), o.ID, 0, rule)
	if err != nil {
		f.t.Fatalf("%s: %v", o.No, err)
	}
	return got
}

// checked submits the order and records the signed technical check and production dates.
func (f *orderFixture) checked(o *model.Order) *model.Order {
	f.t.Helper()
	tech, prod := employee(f.t, f.store, "TM"), employee(f.t, f.store, "AA")
	o = f.do(o, func(o *model.Order, c model.Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *model.Order, c model.Ctx) error {
		return o.RecordTechnicalCheck(c, model.TechnicalInput{CanProduce: true, MaterialInStock: true,
			Note: "原紙庫存足夠", SignedBy: model.SignerOf(tech)})
	})
	return f.do(o, func(o *model.Order, c model.Ctx) error {
		return o.RecordProductionDate(c, model.ProductionDateInput{ProductionDate: c.Today().AddDays(3),
			FinishedDate: c.Today().AddDays(10), Qty: model.QtyOf(200), SignedBy: model.SignerOf(prod)})
	})
}

// faxed issues and faxes the confirmation.
func (f *orderFixture) faxed(o *model.Order) *model.Order {
	o = f.do(o, func(o *model.Order, c model.Ctx) error { return o.IssueConfirmation(c, "") })
	return f.do(o, func(o *model.Order, c model.Ctx) error { return o.RecordFaxSent(c) })
}

// open shows the order on the detail screen.
func (o *orderDesk) open(id uint) *orderDetail {
	o.s.openOrder(id)
	o.settle()
	if o.s.detail.view == nil {
		o.t.Fatalf("order %d did not open: %s", id, o.s.detail.status.Text)
	}
	return o.s.detail
}

// runAction opens an action's dialog and confirms it as it stands.
func (o *orderDesk) runAction(d *orderDetail, act model.Action) {
	o.t.Helper()
	if d.actions.buttons[act].Disabled() {
		o.t.Fatalf("%s is disabled: %s", act, d.actions.reasons[act].Text)
	}
	o.do(func() { test.Tap(d.actions.buttons[act]) })
	dlg := d.actions.open
	o.do(func() { test.Tap(dlg.confirm) })
	if dlg.fields.Other.Visible() {
		o.t.Fatalf("%s refused: %s", act, dlg.fields.Other.Text)
	}
}

// TestTierBReleaseWaitsForSignBack shows "release production" disabled with
// the model's reason on a tier B order, and enabled once the sign-back is recorded.
func TestTierBReleaseWaitsForSignBack(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	order := f.faxed(f.checked(f.intake(c, 100, "WF-80-787", "KR-120-900")))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)

	release, reason := d.actions.buttons[model.DoRelease], d.actions.reasons[model.DoRelease]
	if !release.Disabled() {
		t.Fatal("release production is enabled before the sign-back")
	}
	if want := "Tier B customer: the signed confirmation has not been received."; reason.Text != want {
		t.Errorf("release production says %q, want %q", reason.Text, want)
	}
	o.runAction(d, model.DoSignBack)
	if release.Disabled() {
		t.Fatalf("release production still disabled after the sign-back: %s", reason.Text)
	}
	if reason.Visible() {
		t.Errorf("an allowed action shows a reason: %q", reason.Text)
	}
	got, _ := store.Order(context.Background(), order.ID)
	if r := got.Revision(); r == nil || !r.SignedOK() || r.SignedBack.By == "" {
		t.Errorf("the sign-back was not stored: %+v", r)
	}
	if !strings.Contains(timelineText(d), "Sign-back received") {
		t.Errorf("the timeline does not show the sign-back:\n%s", timelineText(d))
	}
}

// TestPriceDeviationBlocksConfirmation shows a line priced beyond the
// tolerance with who must confirm it; the confirmation cannot be issued
// until the salesperson's confirmation is recorded.
func TestPriceDeviationBlocksConfirmation(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B002", nil)
	order := f.checked(f.intake(c, 120, "WF-80-787"))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)

	if text := linesText(d); !strings.Contains(text, "plan +20%: Chang Ya-ting must confirm") {
		t.Errorf("the line does not say who must confirm:\n%s", text)
	}
	issue := d.actions.buttons[model.DoIssueConfirmation]
	if !issue.Disabled() {
		t.Fatal("the confirmation can be issued with an unconfirmed price")
	}
	if want := "The confirmation cannot be printed yet: 1 thing is missing; see the completeness list."; d.actions.reasons[model.DoIssueConfirmation].Text != want {
		t.Errorf("issue says %q", d.actions.reasons[model.DoIssueConfirmation].Text)
	}
	if !strings.Contains(gatesText(d), "the salesperson must confirm it") {
		t.Errorf("the gate panel does not show the price:\n%s", gatesText(d))
	}
	// The clerk at the desk enters the salesperson's confirmation: she
	// names them (nobody is chosen for her: she may not sign it herself).
	o.do(func() { test.Tap(d.actions.buttons[model.DoConfirmPrice]) })
	dlg := d.actions.open
	o.do(func() { dlg.fields.byName["ConfirmedBy"].input.(*Select).SetSelectedIndex(0) })
	o.do(func() { test.Tap(dlg.confirm) })
	if dlg.fields.Other.Visible() {
		t.Fatalf("the price confirmation was refused: %s", dlg.fields.Other.Text)
	}
	if issue.Disabled() {
		t.Fatalf("issue still disabled after the price was confirmed: %s", d.actions.reasons[model.DoIssueConfirmation].Text)
	}
	if text := linesText(d); !strings.Contains(text, "confirmed by Chang Ya-ting") {
		t.Errorf("the line does not show the confirmation:\n%s", text)
	}
	o.runAction(d, model.DoIssueConfirmation)
	o.runAction(d, model.DoRecordFax)
	if d.view.order.State != model.StateConfirmationSent {
		t.Errorf("the order is %s after the fax", d.view.order.State)
	}
}

// TestOrderDetailMarkup pins the detail screen's layout.
func TestOrderDetailMarkup(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.faxed(f.checked(f.intake(f.customer("B001", nil), 100, "WF-80-787", "KR-120-900")))
	o := newOrderDesk(t, store, f.clerk)
	o.open(order.ID)
	o.relayout()
	test.AssertRendersToMarkup(t, "order-detail.xml", o.canvas())
}

// textsIn returns the texts of the labels under obj, one per line.
func textsIn(obj fyne.CanvasObject) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *widget.Label:
			out = append(out, w.Text)
		case *tapLabel:
			out = append(out, w.Text)
		case *widget.RichText:
			out = append(out, w.String())
		}
	}
	walk(obj)
	return strings.Join(out, "\n")
}

func timelineText(d *orderDetail) string { return textsIn(d.timeline) }
func linesText(d *orderDetail) string    { return textsIn(d.lines) }
func gatesText(d *orderDetail) string    { return textsIn(d.gates) }

// TestSignerPickersOfferOnlyEligiblePeople opens the technical note's dialog
// and finds in "Signed by" only the technical department (seed 004: Tsai
// Ming and Kevin Simmons), not the clerk or production.
func TestSignerPickersOfferOnlyEligiblePeople(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", nil)
	order := f.do(f.intake(c, 100, "WF-80-787"), func(o *model.Order, c model.Ctx) error { return o.Submit(c) })
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	o.do(func() { test.Tap(d.actions.buttons[model.DoTechnicalCheck]) })
	sel, ok := d.actions.open.fields.byName["SignedBy"].input.(*Select)
	if !ok {
		t.Fatalf("Signed by is a %T", d.actions.open.fields.byName["SignedBy"].input)
	}
	got := strings.Join(sel.Options, "; ")
	if !strings.Contains(got, "Tsai Ming") || !strings.Contains(got, "Kevin Simmons") || strings.Contains(got, "Chen Yi-chun") || strings.Contains(got, "Aaron") {
		t.Errorf("the technical note may be signed by: %s", got)
	}
}
