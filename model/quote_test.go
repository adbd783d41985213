package model

import (
	"strings"
	"testing"
	"time"
)

func (f *deskFixture) quote(t *Ticket, in QuoteInput) (*Ticket, error) {
	return f.s.RecordQuote(f.ctx, f.clerk.Actor(), t.ID, 0, in)
}

// quoted is 10 reams of paper at the plan's price and 5 of kraft 8% under it.
func (f *deskFixture) quoted(validDays int) QuoteInput {
	return QuoteInput{Currency: "twd", ValidTo: f.today().AddDays(validDays), Lines: []QuoteLineInput{
		{ProductID: f.paper.ID, Qty: QtyOf(10), Unit: "ream", UnitPrice: MoneyOf(2500)},
		{ProductID: f.kraft.ID, Qty: QtyOf(5), Unit: "ream", UnitPrice: MoneyOf(2300)},
	}}
}

// TestQuoteRecordsWhatWasQuoted: a Quote ticket records the products,
// quantities, prices, currency and validity, each revision kept; other
// tickets, and quotes with parts missing, are refused with the reason.
func TestQuoteRecordsWhatWasQuoted(t *testing.T) {
	f := newDesk(t)
	rfq := f.ticket("QUOTE-RFQ")

	_, err := f.quote(f.ticket("QUESTION"), f.quoted(30))
	refusedWith(t, err, "Only a Quote ticket records a quote")
	_, err = f.quote(f.ticket("QUOTE-NOBID"), f.quoted(30))
	refusedWith(t, err, "Only a Quote ticket")
	bad := f.quoted(-1)
	bad.Lines[1].Qty = 0
	_, err = f.quote(rfq, bad)
	refusedWith(t, err, "valid to")
	refusedWith(t, err, "Line 2: the quantity must be more than zero")
	noCustomer, _ := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "QUOTE-RFQ", Subject: "walk-in"})
	_, err = f.quote(noCustomer, f.quoted(30))
	refusedWith(t, err, "Choose the customer the quote is for")

	tk, err := f.quote(rfq, f.quoted(30))
	if err != nil {
		t.Fatal(err)
	}
	revised := f.quoted(45)
	revised.Lines = revised.Lines[:1]
	if tk, err = f.quote(tk, revised); err != nil {
		t.Fatal(err)
	}
	lines, err := f.s.QuoteLines(f.ctx, tk)
	if err != nil || len(lines) != 1 || lines[0].Product == nil || lines[0].Product.Code != "WF-80-1060" || lines[0].Amount() != MoneyOf(25000) {
		t.Fatalf("the revised quote's lines: %+v, %v", lines, err)
	}
	if tk.QuoteRev != 2 || tk.QuoteCurrency != "TWD" || tk.QuoteValidTo != f.today().AddDays(45) {
		t.Errorf("quote rev %d, currency %q, valid to %s", tk.QuoteRev, tk.QuoteCurrency, tk.QuoteValidTo)
	}
	var kept int64
	f.s.db.Model(&QuoteLine{}).Where("ticket_id = ?", tk.ID).Count(&kept)
	if kept != 3 {
		t.Errorf("%d quote lines kept; want the first revision's 2 and the second's 1", kept)
	}
	events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
	if last := events[len(events)-1].English(); !strings.Contains(last, "quote revision 2: 1 line, total NT$25,000") {
		t.Errorf("the revision's history: %q", last)
	}
}

// TestQuoteWonMakesTheIntakeDraft: winning a quote makes the order's intake
// draft with the quote's customer, products, quantities and prices, checked
// against the price plan as any intake is; ticket and order name each
// other, the quote's history names the order, and the order list's
// "from quotes" view shows it. A quote past its validity, or decided, is
// refused.
func TestQuoteWonMakesTheIntakeDraft(t *testing.T) {
	f := newDesk(t)
	rfq, err := f.quote(f.ticket("QUOTE-RFQ"), f.quoted(7))
	if err != nil {
		t.Fatal(err)
	}
	other := f.intake(f.custB, 3) // an order taken the usual way

	_, _, err = f.s.WinQuote(f.ctx, f.clerk.Actor(), f.ticket("QUOTE-RFQ").ID, 0, QuoteWonInput{Channel: ChannelEmail})
	refusedWith(t, err, "Record what was quoted first")
	f.advance(8 * 24 * time.Hour)
	_, _, err = f.s.WinQuote(f.ctx, f.clerk.Actor(), rfq.ID, 0, QuoteWonInput{Channel: ChannelEmail})
	refusedWith(t, err, "record a revised quote")
	if rfq, err = f.quote(rfq, f.quoted(30)); err != nil {
		t.Fatal(err)
	}
	_, _, err = f.s.WinQuote(f.ctx, f.clerk.Actor(), rfq.ID, 0, QuoteWonInput{})
	refusedWith(t, err, "Choose how the order came in")
	_, _, err = f.s.WinQuote(f.ctx, Actor{Name: "command line"}, rfq.ID, 0, QuoteWonInput{Channel: ChannelEmail})
	refusedWith(t, err, "Choose who you are")

	tk, o, err := f.s.WinQuote(f.ctx, f.clerk.Actor(), rfq.ID, 0, QuoteWonInput{Channel: ChannelEmail, CustomerPO: "po-7781"})
	if err != nil {
		t.Fatal(err)
	}
	o = f.reload(o)
	if o.State != StateDraft || o.CustomerID != f.custB.ID || o.CustomerPO != "PO-7781" || o.Currency != "TWD" || len(o.Lines) != 2 {
		t.Fatalf("the order made from the quote: %+v", o)
	}
	if l := o.Lines[1]; l.ProductID != f.kraft.ID || l.Qty != QtyOf(5) || l.UnitPrice != MoneyOf(2300) || l.PlanPrice != MoneyOf(2500) {
		t.Errorf("line 2 carried over: %+v", l)
	}
	office, _ := f.s.Office(f.ctx)
	if !o.Lines[1].CheckPrice(office.PriceTolerancePct).Beyond || o.Lines[0].CheckPrice(office.PriceTolerancePct).Beyond {
		t.Errorf("the quoted price 8%% under the plan is not checked as an intake's would be")
	}
	if tk.QuoteOutcome != QuoteWon || tk.OrderID == nil || *tk.OrderID != o.ID || o.QuoteTicketID == nil || *o.QuoteTicketID != tk.ID {
		t.Errorf("ticket and order do not name each other: ticket order %v outcome %q, order quote %v", tk.OrderID, tk.QuoteOutcome, o.QuoteTicketID)
	}
	events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
	if last := events[len(events)-1].English(); last != "quote won: order "+o.No {
		t.Errorf("the quote's history: %q", last)
	}
	if created := f.events(o)[0].English(); !strings.Contains(created, "from quote "+tk.No+" (revision 2)") {
		t.Errorf("the order's history: %q", created)
	}
	rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewFromQuote})
	if err != nil || len(rows) != 1 || rows[0].No != o.No || rows[0].No == other.No {
		t.Errorf("the order list's view of orders from quotes: %+v, %v", rows, err)
	}

	_, _, err = f.s.WinQuote(f.ctx, f.clerk.Actor(), tk.ID, 0, QuoteWonInput{Channel: ChannelEmail})
	refusedWith(t, err, "won already")
	_, err = f.quote(tk, f.quoted(30))
	refusedWith(t, err, "won already")
}

// TestQuoteLostAsksWhy: a lost quote needs its reason, kept on the ticket
// and in its history; a lost quote is not won after.
func TestQuoteLostAsksWhy(t *testing.T) {
	f := newDesk(t)
	rfq, err := f.quote(f.ticket("QUOTE-RFQ"), f.quoted(30))
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.onTicket(rfq, func(t *Ticket, c Ctx) error { return t.LoseQuote(c, "  ") })
	refusedWith(t, err, "Say why the quote was lost")
	tk := f.mustTicket(rfq, func(t *Ticket, c Ctx) error { return t.LoseQuote(c, "price: a mill in Vietnam quoted 12% less") })
	if tk.QuoteOutcome != QuoteLost || tk.QuoteLostReason != "price: a mill in Vietnam quoted 12% less" {
		t.Errorf("lost quote: %q %q", tk.QuoteOutcome, tk.QuoteLostReason)
	}
	events, _ := f.s.EventsFor(f.ctx, "ticket", tk.ID)
	if e := events[len(events)-1]; e.English() != "quote lost" || e.Note != tk.QuoteLostReason || e.To != QuoteLost {
		t.Errorf("the loss's history: %+v", e)
	}
	_, _, err = f.s.WinQuote(f.ctx, f.clerk.Actor(), tk.ID, 0, QuoteWonInput{Channel: ChannelEmail})
	refusedWith(t, err, "lost already")
}
