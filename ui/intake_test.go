package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// tabTo presses Tab until the focus is on w, at most max times, as a clerk
// moving through the form by keyboard would.
func (o *orderDesk) tabTo(w fyne.Focusable, max int) {
	o.t.Helper()
	for i := 0; i < max; i++ {
		o.tab()
		if o.focused() == w {
			return
		}
	}
	o.t.Fatalf("%d Tabs did not reach the field (focus on %T)", max, o.focused())
}

// line types one line of the grid from its product: code, Enter to pick
// (the spec follows the product), then the quantity; Enter at the price (filled from the plan) adds the next line.
func (o *orderDesk) line(code, qty string, last bool) {
	o.t.Helper()
	f := o.s.intake
	row := f.lines.rows[len(f.lines.rows)-1]
	if o.focused() != row.product {
		o.t.Fatalf("the cursor is not in the new line's product but on %T", o.focused())
	}
	o.typeText(code)
	o.key(fyne.KeyReturn) // picks the first suggestion; the cursor goes on to the quantity
	if row.prod == nil || o.focused() != row.qty {
		o.t.Fatalf("typing %s and Enter picked %v, focus on %T", code, row.prod, o.focused())
	}
	o.typeText(qty)
	o.tab() // unit, from the product
	o.tab() // the unit price, filled from the plan
	if o.focused() != row.price || row.price.Text == "" {
		o.t.Fatalf("line %s: no price filled (focus on %T)", code, o.focused())
	}
	if !last {
		o.key(fyne.KeyReturn)
	}
}

// TestPhoneOrderByKeyboard enters a complete 3-line phone order with the
// keyboard alone: Ctrl+N, the customer by name, the lines grid, the terms;
// Ctrl+S saves it as a draft, Ctrl+Enter moves it to checking.
func TestPhoneOrderByKeyboard(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake

	o.shortcut(ShortcutNew)
	if o.s.page() != f.content || o.focused() != f.customer {
		t.Fatalf("Ctrl+N did not open the intake with the cursor on the customer (%T)", o.focused())
	}
	o.typeText("金鼎")
	o.key(fyne.KeyReturn)
	if f.cust == nil || f.cust.Code != "A001" {
		t.Fatalf("the customer was not picked: %q", f.customer.Text)
	}
	if o.focused() != f.lines.rows[0].product {
		t.Fatalf("after the customer's pick the cursor is on %T, not the first line's product", o.focused())
	}
	o.typeText("W") // typed after the pick: the line's, not the customer's
	if f.cust == nil || f.lines.rows[0].product.Text != "W" {
		t.Fatalf("a key after the pick undid the customer (%q) or missed the line (%q)", f.customer.Text, f.lines.rows[0].product.Text)
	}
	o.do(func() { f.lines.rows[0].product.SetText("") })
	o.canvas().Focus(f.customer) // back to the caller's details
	if !strings.Contains(f.customerInfo.Text, "Tier A") || !strings.Contains(f.customerInfo.Text, "open orders") {
		t.Errorf("customer info %q", f.customerInfo.Text)
	}
	o.tabTo(f.caller, 3)
	o.typeText("林經理")
	o.tabTo(f.po, 3)
	o.typeText("po-2026-118")
	o.tab()
	o.typeText("林經理來電，三種紙，月底前要")
	o.tabTo(f.lines.rows[0].product, 2)
	o.line("WF-80-787", "120", false)
	o.line("KR-120-900", "80", false)
	o.line("CT-105-889", "40", false)
	if len(f.lines.rows) != 4 {
		t.Fatalf("Enter at the third line's price made %d lines, want 4", len(f.lines.rows))
	}
	o.key(fyne.KeyDelete) // on the empty fourth line: removes it
	if len(f.lines.rows) != 3 || o.focused() != f.lines.rows[2].product {
		t.Fatalf("Delete on the empty line left %d lines, focus on %T", len(f.lines.rows), o.focused())
	}
	o.tabTo(f.requested, 8)
	o.typeText("2026-12-15")
	o.tabTo(f.tolerance, 5) // past the delivery address and terms
	o.typeText("5")
	o.tab()
	o.typeText("棧板包裝")
	o.tabTo(f.answerBy, 3)
	o.typeText("2026-11-20 15:00")

	o.shortcut(ShortcutSave)
	if f.stored == nil {
		t.Fatalf("Ctrl+S saved nothing: %q %q %q", f.status.Text, f.fields.Other.Text, f.terms.Other.Text)
	}
	saved, err := store.Order(context.Background(), f.stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.State != model.StateDraft || len(saved.Lines) != 3 || saved.Channel != model.ChannelPhone {
		t.Fatalf("saved %s with %d lines by %s", saved.State, len(saved.Lines), saved.Channel)
	}
	if saved.CustomerPO != "PO-2026-118" || saved.CallerName != "林經理" || saved.Packaging != "棧板包裝" ||
		saved.RequestedDate.String() != "2026-12-15" || saved.TolerancePct == nil || *saved.TolerancePct != 5 ||
		saved.ContactID == nil || saved.SalespersonID == nil || saved.AnswerPromisedBy == nil || saved.PaymentMethod == "" {
		t.Errorf("the saved intake lost fields: %+v", saved)
	}
	if q := saved.Lines[0].Qty; q != model.QtyOf(120) || saved.Lines[0].UnitPrice == 0 {
		t.Errorf("line 1: %s at %s", q, saved.Lines[0].UnitPrice)
	}
	if !strings.HasPrefix(f.status.Text, "Saved as draft SO-") {
		t.Errorf("after Ctrl+S the form says %q", f.status.Text)
	}

	o.canvas().Focus(f.memo)
	o.shortcut(ShortcutSubmit)
	got, _ := store.Order(context.Background(), saved.ID)
	if got.State != model.StateChecking {
		t.Fatalf("Ctrl+Enter left the order %s: %q", got.State, f.status.Text)
	}
	if o.s.page() != o.s.detail.content || o.s.detail.view == nil || o.s.detail.view.order.ID != got.ID {
		t.Error("after Ctrl+Enter the order is not shown")
	}
	if drafts, _ := store.Drafts(context.Background(), o.clerk.ID, intakeDraftForm); len(drafts) != 0 {
		t.Errorf("%d drafts left after the order was submitted", len(drafts))
	}
}

// TestIntakePriceDeviation types a price far from the plan: the line says
// who must confirm it, and the completeness list lists it.
func TestIntakePriceDeviation(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("B002")
	o.key(fyne.KeyReturn)
	o.s.win.Canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "10", true)
	row := f.lines.rows[0]
	o.do(func() { row.price.SetText("9999") })
	if !row.check.Visible() || !strings.Contains(row.check.Text, "Chang Ya-ting must confirm") {
		t.Errorf("the deviating line says %q", row.check.Text)
	}
	if !strings.Contains(textsIn(f.missing), "Line 1: the price differs") {
		t.Errorf("the completeness list does not list the price:\n%s", textsIn(f.missing))
	}
}

// TestIntakeDraftSurvivesClose closes the window over a half-typed order
// without saving: it asks, and the next start reopens the draft as typed.
func TestIntakeDraftSurvivesClose(t *testing.T) {
	store := demoStore(t, 0)
	clerk := employee(t, store, "YC")
	o := newOrderDesk(t, store, clerk)
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("金鼎")
	o.key(fyne.KeyReturn)
	f.win.Canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "75", true)
	o.canvas().Focus(f.po)
	o.typeText("PO-99")

	o.shell.CloseIntercept()
	o.settle()
	if o.canvas().Overlays().Top() == nil {
		t.Fatal("closing over an unsaved order did not ask")
	}
	// The clerk answers yes, or the app is killed: either way the next start
	// is a new window on the same database. (The test window closes at cleanup.)
	again := newOrderDesk(t, store, clerk)
	if again.s.page() != again.s.intake.content {
		t.Error("opening Orders after the restart did not reopen the draft")
	}
	again.shortcut(ShortcutNew)
	g := again.s.intake
	if g.customer.Text != f.customer.Text || g.po.Text != "PO-99" || g.cust == nil {
		t.Errorf("the reopened draft shows customer %q PO %q", g.customer.Text, g.po.Text)
	}
	if len(g.lines.rows) != 1 || g.lines.rows[0].qty.Text != "75" || g.lines.rows[0].prod == nil || g.lines.rows[0].price.Text == "" {
		t.Errorf("the reopened draft lost its line: %d rows, qty %q", len(g.lines.rows), g.lines.rows[0].qty.Text)
	}
	if !strings.HasPrefix(g.status.Text, "Your draft of ") {
		t.Errorf("the form says %q", g.status.Text)
	}
}

// TestIntakeDraftSavedOncePaused: the half-typed order is saved as the
// clerk's draft once typing pauses for the draft delay, not before, and a
// key typed meanwhile starts the wait again.
func TestIntakeDraftSavedOncePaused(t *testing.T) {
	store := demoStore(t, 0)
	clerk := employee(t, store, "YC")
	o := newOrderDesk(t, store, clerk)
	f := o.s.intake
	drafts := func() int {
		t.Helper()
		ds, err := store.Drafts(context.Background(), clerk.ID, intakeDraftForm)
		if err != nil {
			t.Fatal(err)
		}
		return len(ds)
	}
	o.shortcut(ShortcutNew)
	o.canvas().Focus(f.po)
	o.typeText("PO-1")
	passTime(t, f.draftDelay-time.Second)
	o.typeText("2") // the wait starts again: no draft at the first delay's end
	passTime(t, f.draftDelay-time.Second)
	if n := drafts(); n != 0 {
		t.Fatalf("%d drafts saved before typing paused for %s", n, f.draftDelay)
	}
	passTime(t, time.Second)
	if n := drafts(); n != 1 {
		t.Fatalf("%d drafts saved once typing paused, want 1", n)
	}
}

// TestIntakeMarkup pins the intake form's layout.
func TestIntakeMarkup(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	o.typeText("B002")
	o.key(fyne.KeyReturn)
	f.win.Canvas().Focus(f.lines.rows[0].product)
	o.line("WF-80-787", "10", true)
	o.relayout()
	test.AssertRendersToMarkup(t, "order-intake.xml", o.canvas())
}

// TestEditIntakeVoidsChecks edits the quantity of an order in checking from
// its detail: the model voids the signed checks, and the history says so.
func TestEditIntakeVoidsChecks(t *testing.T) {
	store := demoStore(t, 0)
	fx := newOrderFixture(t, store)
	order := fx.checked(fx.intake(fx.customer("A002", nil), 100, "WF-80-787"))
	o := newOrderDesk(t, store, fx.clerk)
	d := o.open(order.ID)
	o.do(func() { test.Tap(d.actions.buttons[model.DoEdit]) })
	f := o.s.intake
	if o.s.page() != f.content || len(f.lines.rows) != 1 || f.lines.rows[0].qty.Text != "100" {
		t.Fatalf("Edit intake shows %d lines", len(f.lines.rows))
	}
	o.canvas().Focus(f.lines.rows[0].qty)
	o.do(func() { f.lines.rows[0].qty.SetText("150") })
	o.shortcut(ShortcutSubmit)
	if o.s.page() != o.s.detail.content {
		t.Fatalf("Ctrl+Enter on an edited order stayed on the form: %q", f.status.Text)
	}
	got, _ := store.Order(context.Background(), order.ID)
	if got.Lines[0].Qty != model.QtyOf(150) || got.Tech.Done() || got.State != model.StateChecking {
		t.Errorf("after the edit: qty %s, technical check done %v, %s", got.Lines[0].Qty, got.Tech.Done(), got.State)
	}
	if !strings.Contains(timelineText(o.s.detail), "Checks voided") {
		t.Errorf("the history does not show the voided checks:\n%s", timelineText(o.s.detail))
	}
}
