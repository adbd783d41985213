package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/assets"
	"orderdesk/demo"
	"orderdesk/model"
)

// orderDesk is the shell on a demo office with the Orders section open.
type orderDesk struct {
	*deskTest
	s *ordersScreen
}

// demoStore returns a test store holding the demo office and n generated orders.
func demoStore(t *testing.T, n int) *model.Store {
	t.Helper()
	store := openTestStore(t)
	if err := demo.Create(context.Background(), store, n); err != nil {
		t.Fatalf("demo office: %v", err)
	}
	return store
}

// employee returns the demo employee with these initials.
func employee(t *testing.T, store *model.Store, initials string) *model.Employee {
	t.Helper()
	people, err := store.Employees(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range people {
		if people[i].Initials == initials {
			return &people[i]
		}
	}
	t.Fatalf("no employee %s", initials)
	return nil
}

// newOrderDesk opens the shell with clerk at the desk and shows the Orders section.
func newOrderDesk(t *testing.T, store *model.Store, clerk *model.Employee) *orderDesk {
	t.Helper()
	d := newDeskTest(t, store, clerk)
	o := &orderDesk{deskTest: d, s: d.shell.orders}
	d.show(SectionOrders)
	return o
}

// shownOrders returns the number and customer cells of the rows the list shows.
func shownOrders(l *PagedList[model.OrderRow]) []string {
	var rows []string
	for _, obj := range test.LaidOutObjects(l) {
		if row, ok := obj.(*fyne.Container); ok && len(row.Objects) == len(orderColumns) {
			no, _ := row.Objects[0].(*widget.Label)
			cust, _ := row.Objects[1].(*widget.Label)
			if no != nil && cust != nil && row.Visible() && strings.HasPrefix(no.Text, "SO-") {
				rows = append(rows, no.Text+" "+cust.Text)
			}
		}
	}
	return rows
}

// TestOrderListFiltersOnChineseName types part of a customer's Chinese name
// and sees only that customer's orders; the filter is remembered.
func TestOrderListFiltersOnChineseName(t *testing.T) {
	store := demoStore(t, 200)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	l := o.s.list
	o.do(func() { l.view.SetSelectedIndex(5) }) // all orders: closed ones too
	o.shortcut(ShortcutFind)
	o.typeText("金鼎")
	rows := shownOrders(l.list)
	if len(rows) == 0 {
		t.Fatal("searching 金鼎 shows no orders")
	}
	for _, r := range rows {
		if !strings.Contains(r, "A001 金鼎印刷") {
			t.Errorf("searching 金鼎 shows %q", r)
		}
	}
	n, _ := store.CountOrders(context.Background(), model.OrderFilter{View: model.ViewAll, Text: "金鼎"})
	if l.list.Count() != n.N || l.count.Text != fmt.Sprintf("%d orders", n.N) {
		t.Errorf("the list counts %d (%q), the store %d", l.list.Count(), l.count.Text, n.N)
	}
	if got := o.shell.settings.Filter(orderFilterText); got != "金鼎" {
		t.Errorf("the search is not remembered: %q", got)
	}
	if got := o.shell.settings.Filter(orderFilterView); got != string(model.ViewAll) {
		t.Errorf("the view is not remembered: %q", got)
	}

	o.key(fyne.KeyReturn)
	if o.s.page() != o.s.detail.content || o.s.detail.view == nil {
		t.Fatal("Enter in the search box did not open the first order")
	}
	if !strings.Contains(o.s.detail.title.Text, "金鼎") {
		t.Errorf("opened %q", o.s.detail.title.Text)
	}
}

// TestOrderListViews checks the awaiting sign-back view shows days late and
// the slipped date, and that sorting by a column reverses on a second click.
func TestOrderListViews(t *testing.T) {
	store := demoStore(t, 200)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	l := o.s.list
	o.do(func() { l.view.SetSelectedIndex(2) }) // awaiting sign-back
	n, _ := store.CountOrders(context.Background(), model.OrderFilter{View: model.ViewAwaitingSignBack})
	if l.list.Count() != n.N || n.N == 0 {
		t.Fatalf("awaiting sign-back: the list shows %d, the store counts %d", l.list.Count(), n.N)
	}
	r, _ := l.list.Item(0)
	if got := l.attention(r); !strings.Contains(got, "Sign-back") {
		t.Errorf("a row awaiting sign-back says %q", got)
	}
	o.do(func() { l.view.SetSelectedIndex(5) }) // all orders
	o.do(func() { test.Tap(l.headers[0]) })     // number, ascending
	first, _ := l.list.Item(0)
	o.do(func() { test.Tap(l.headers[0]) }) // descending
	last, _ := l.list.Item(0)
	if first.No >= last.No {
		t.Errorf("sorting by number: %s then %s", first.No, last.No)
	}
	if got := o.shell.settings.Filter(orderFilterSort); got != "no desc" {
		t.Errorf("the sort is remembered as %q", got)
	}
}

// TestOrderListMarkup pins the order list's layout (regenerate on purpose:
// copy testdata/failed/orders-list.xml over testdata/orders-list.xml).
func TestOrderListMarkup(t *testing.T) {
	store := demoStore(t, 40)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	o.do(func() { o.s.list.view.SetSelectedIndex(5) }) // all orders, so every kind of row shows
	o.relayout()
	test.AssertRendersToMarkup(t, "orders-list.xml", o.canvas())
}

// TestOrderWordsTranslated checks the words the order screens translate
// without a literal the sentence test can see: the model's step names, and
// that each orders.zh-TW.json entry keeps its placeholders.
func TestOrderWordsTranslated(t *testing.T) {
	zh := translated(t, ".zh-TW.json")
	for _, name := range model.StepNames {
		if !zh[name] {
			t.Errorf("no zh-TW translation of the step %q", name)
		}
	}
	placeholder := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	data, _ := assets.Translations.ReadFile("translations/orders.zh-TW.json")
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for key, text := range m {
		a, b := placeholder.FindAllString(key, -1), placeholder.FindAllString(text, -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%q → %q: placeholders differ", key, text)
		}
	}
}

// TestOrderListSaysWhereElseToLook: a search in "All open" for a delivered
// order shows no row, and the count says to try All orders rather than
// leave the clerk thinking the order is gone; All orders shows it.
func TestOrderListSaysWhereElseToLook(t *testing.T) {
	store := demoStore(t, 200)
	closed, err := store.Orders(context.Background(), model.OrderFilter{View: model.ViewClosed, Limit: 1})
	if err != nil || len(closed) == 0 {
		t.Fatalf("the demo has no closed order: %v", err)
	}
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	l := o.s.list
	o.do(func() { l.view.SetSelectedIndex(0) }) // all open
	o.shortcut(ShortcutFind)
	o.typeText(closed[0].No)
	if n := l.list.Count(); n != 0 || l.count.Text != "None in this view: try All orders" {
		t.Errorf("All open searching closed %s: %d rows, count %q", closed[0].No, n, l.count.Text)
	}
	o.do(func() { l.view.SetSelectedIndex(5) }) // all orders
	if rows := shownOrders(l.list); len(rows) != 1 || l.count.Text != "1 order" {
		t.Errorf("All orders searching %s: %q, count %q", closed[0].No, rows, l.count.Text)
	}
}

// TestOrderCountReadsWithCommas: an office of 250,000 orders shows
// "32,017 orders", not "32017 orders", as every amount on screen groups its digits.
func TestOrderCountReadsWithCommas(t *testing.T) {
	store := demoStore(t, 20)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	l := o.s.list
	o.do(func() { l.onLoaded(32017) })
	if got := l.count.Text; got != "32,017 orders" {
		t.Errorf("the count reads %q", got)
	}
}
