package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestManagerAddsChangesAndEndsAPrice: in a fresh office the product form's
// price plan is where a manager gives a product its first price; what
// cannot be read and what the model refuses stay in the dialog at their
// field; the saved price shows in the plan, is changed and then ended.
func TestManagerAddsChangesAndEndsAPrice(t *testing.T) {
	store := openTestStore(t)
	manager := addEmployee(t, store, "Wang Mei-ling", "", "ML", true)
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	p := addProduct(t, store, "P-80-1060", "道林紙 80g")
	d := newDeskTest(t, store, manager)
	d.show(SectionProducts)
	s := d.shell.products
	d.do(func() { s.list.Open(0) })
	pp := s.prices
	if pp.empty.Text != "No prices in the plan for this product." || pp.add.Disabled() || pp.rights.Visible() {
		t.Fatalf("empty plan: %q, add disabled %v, note %q", pp.empty.Text, pp.add.Disabled(), pp.rights.Text)
	}
	if s.priceImporter.button.Disabled() {
		t.Error("Import prices… is disabled for a manager")
	}

	d.do(func() { test.Tap(pp.add) })
	e := pp.editor
	if d.focused() != e.customer || e.currency.Text != "TWD" || e.validFrom.Text != store.Today().String() {
		t.Fatalf("new price dialog: focus %T, currency %q, from %q", d.focused(), e.currency.Text, e.validFrom.Text)
	}
	steps := []struct {
		customer, price string
		field, want     string // where the problem shows, and what it says
	}{
		{"", "abc", "UnitPrice", "Enter an amount such as 1200 or 1,200.50."},
		{"", "", "UnitPrice", "Enter a unit price above zero."},
		{"NOPE", "1,180", "CustomerID", "No customer has the code NOPE."},
	}
	for _, st := range steps {
		e.customer.SetText(st.customer)
		e.unitPrice.SetText(st.price)
		d.do(func() { test.Tap(e.confirm) })
		if got := e.fields.form.Problem(st.field); got != st.want {
			t.Errorf("%q/%q: %s shows %q, want %q", st.customer, st.price, st.field, got, st.want)
		}
		if !d.dialogOpen() {
			t.Fatalf("%q/%q closed the dialog", st.customer, st.price)
		}
	}
	e.customer.SetText("")
	e.unitPrice.SetText("1,180")
	e.note.SetText("首批牌價")
	d.do(func() { e.note.OnSubmitted(e.note.Text) }) // Enter saves, as the button does
	if d.dialogOpen() {
		t.Fatalf("the dialog stayed open: %q", e.fields.form.Other.Text)
	}
	prices, _ := store.PricesOf(context.Background(), p.ID)
	if len(prices) != 1 || prices[0].UnitPrice != model.MoneyOf(1180) || prices[0].CustomerID != nil {
		t.Fatalf("stored plan %+v", prices)
	}
	if got := shownTexts(pp.rows); !slices.Equal(got, []string{"List price", "NT$1,180", store.Today().String(), "until replaced", "首批牌價"}) {
		t.Errorf("the plan shows %q", got)
	}
	events, _ := store.EventsFor(context.Background(), "price", prices[0].ID)
	if len(events) != 1 || events[0].ByID != manager.ID {
		t.Errorf("events of the new price: %+v", events)
	}

	if !pp.change.Disabled() || !pp.end.Disabled() {
		t.Error("Change… and End… are enabled with no row selected")
	}
	d.do(func() { test.Tap(pp.lines[0]) })
	d.do(func() { test.Tap(pp.change) })
	if pp.editor.unitPrice.Text != "1180.00" || pp.editor.customer.Text != "" {
		t.Errorf("change dialog starts from %q for %q", pp.editor.unitPrice.Text, pp.editor.customer.Text)
	}
	pp.editor.unitPrice.SetText("1200")
	d.do(func() { test.Tap(pp.editor.confirm) })

	if pp.selected != 0 || pp.end.Disabled() {
		t.Fatalf("after the change row %d is selected, End… disabled %v", pp.selected, pp.end.Disabled())
	}
	d.do(func() { test.Tap(pp.end) })
	end := pp.ender
	end.last.SetText("2000-01-01") // before the price starts: the model's problem, at the field
	d.do(func() { test.Tap(end.confirm) })
	if got := end.fields.form.Problem("ValidTo"); got != "The last day cannot be before the first day." || !d.dialogOpen() {
		t.Errorf("an end before the start shows %q, dialog open %v", got, d.dialogOpen())
	}
	last := store.Today().AddDays(30)
	end.last.SetText(last.String())
	d.do(func() { test.Tap(end.confirm) })
	prices, _ = store.PricesOf(context.Background(), p.ID)
	if len(prices) != 1 || prices[0].UnitPrice != model.MoneyOf(1200) || prices[0].ValidTo != last {
		t.Fatalf("after change and end the plan holds %+v", prices)
	}
	if got := shownTexts(pp.rows); len(got) < 4 || got[1] != "NT$1,200" || got[3] != last.String() {
		t.Errorf("the plan shows %q", got)
	}
}

// TestClerkSeesThePricePlanReadOnly: a clerk reads the plan with every
// button that would change it disabled, a row selected or not, and the
// model's reason shown.
func TestClerkSeesThePricePlanReadOnly(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	manager := addEmployee(t, store, "Wang Mei-ling", "", "ML", true)
	p := addProduct(t, store, "P-80-1060", "道林紙 80g")
	if err := store.SavePrice(context.Background(), manager.Actor(),
		&model.Price{ProductID: p.ID, UnitPrice: model.MoneyOf(1200), ValidFrom: model.NewDate(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	d := newDeskTest(t, store, clerk)
	d.show(SectionProducts)
	s := d.shell.products
	d.do(func() { s.list.Open(0) })
	pp := s.prices
	if len(pp.lines) != 1 {
		t.Fatalf("the plan shows %d rows, want 1", len(pp.lines))
	}
	d.do(func() { test.Tap(pp.lines[0]) }) // a clerk may select a row to read it, not change it
	for name, b := range map[string]interface{ Disabled() bool }{"Add price…": pp.add, "Change…": pp.change, "End…": pp.end,
		"Import prices…": s.priceImporter.button} {
		if !b.Disabled() {
			t.Errorf("%s is enabled for a clerk", name)
		}
	}
	if !pp.rights.Visible() || pp.rights.Text != "Only a manager may change a price plan." {
		t.Errorf("the note says %q (shown %v)", pp.rights.Text, pp.rights.Visible())
	}
}

// dialogOpen reports whether a dialog is showing over the window.
func (d *deskTest) dialogOpen() bool { return d.canvas().Overlays().Top() != nil }
