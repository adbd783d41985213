package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestTicketDetailQuoteBecomesOrder: a Quote ticket's detail records what
// was quoted (a refusal stays in the form), shows its lines, and "Quote
// won" makes the order from it; the detail then names the order, whose
// own detail names the quote. A Question ticket has no quote part.
func TestTicketDetailQuoteBecomesOrder(t *testing.T) {
	b := newBoardTest(t)
	addProduct(t, b.store, "WF-80-1060", "道林紙 80g")
	question := b.ticket("QUESTION", "roll curl")
	rfq := b.ticket("QUOTE-RFQ", "80g paper for the spring catalogue")
	b.open()
	b.s.openDetail(*question)
	b.settle()
	if b.s.detail.quote.box.Visible() {
		t.Error("a question shows a quote part")
	}
	b.s.detail.dlg.Hide()

	b.s.openDetail(*rfq)
	b.settle()
	q := b.s.detail.quote
	if !q.box.Visible() || !strings.Contains(q.text.Text, "Nothing quoted yet") || !q.won.Disabled() {
		t.Fatalf("the quote part of a new request: %q, won enabled %v", q.text.Text, !q.won.Disabled())
	}
	q.onRecord()
	f := q.form
	f.rows[0].code.SetText("WF-80-1060")
	f.rows[0].qty.SetText("0")
	f.rows[0].price.SetText("2500")
	test.Tap(f.confirm)
	b.settle()
	if !strings.Contains(f.form.Other.Text, "Line 1: the quantity must be more than zero") {
		t.Fatalf("a quantity of zero shows %q", f.form.Other.Text)
	}
	f.rows[0].qty.SetText("40")
	test.Tap(f.confirm)
	b.settle()
	if !strings.Contains(q.text.Text, "WF-80-1060 道林紙 80g · 40 ream × 2,500.00 = 100,000.00") || q.won.Disabled() {
		t.Fatalf("the recorded quote: %q", q.text.Text)
	}

	q.onWon()
	test.Tap(q.wonForm.confirm)
	b.settle()
	got := b.stored(rfq.ID)
	if got.QuoteOutcome != model.QuoteWon || got.OrderID == nil {
		t.Fatalf("quote won: outcome %q order %v", got.QuoteOutcome, got.OrderID)
	}
	o, err := b.store.Order(context.Background(), *got.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(q.text.Text, "Won: order "+o.No) || !q.record.Disabled() || !q.lost.Disabled() {
		t.Errorf("the quote part once won: %q", q.text.Text)
	}
	if !strings.Contains(b.s.detail.history.Text, "quote won: order "+o.No) {
		t.Errorf("the quote's history: %q", b.s.detail.history.Text)
	}
	b.s.detail.dlg.Hide()
	v, err := loadOrderView(context.Background(), b.store, o.ID, b.clerk.Actor())
	if err != nil || v.quote == nil || v.quote.ID != rfq.ID {
		t.Fatalf("the order's detail loads the quote it came from: %+v, %v", v, err)
	}
	// The order list's last view holds the orders won from quotes.
	b.show(SectionOrders)
	l := b.shell.orders.list
	b.do(func() { l.view.SetSelectedIndex(len(orderViews) - 1) })
	if rows := shownOrders(l.list); len(rows) != 1 || !strings.HasPrefix(rows[0], o.No) || l.view.Selected != "Won from quotes" {
		t.Errorf("the orders won from quotes: %q (%s)", rows, l.view.Selected)
	}
	if line := quoteOfOrder(got); line != got.No+" · 80g paper for the spring catalogue" {
		t.Errorf("the order's line naming the quote: %q", line)
	}
}
