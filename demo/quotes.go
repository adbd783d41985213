package demo

import (
	"fmt"

	"orderdesk/model"
)

// demoQuote is a Quote ticket of the demo: what was quoted (products by
// code, at the plan's price less off percent) and how it ended.
type demoQuote struct {
	customer string // code
	subject  string
	lines    []quotedLine
	validFor int    // days from today
	outcome  string // model.QuoteWon, model.QuoteLost or "" (still open)
	lost     string // why it was lost
	po       string // the customer's PO of a won quote
}

type quotedLine struct {
	product string
	qty     int64
	off     int64 // percent under the plan price
}

// quotes are one of each ending: won (its order's intake draft waits on
// the order list's "from quotes"), lost with the customer's reason, and
// one the customer still thinks about.
var quotes = []demoQuote{
	{customer: "B003", subject: "報價：道林紙 80g 與牛皮紙 / quote woodfree 80g and kraft", validFor: 30, outcome: model.QuoteWon, po: "PO220107",
		lines: []quotedLine{{"WF-80-787", 40, 0}, {"KR-80-900", 20, 3}}},
	{customer: "C002", subject: "Quote: label stock 80g, 60 rolls", validFor: 14, outcome: model.QuoteLost, lost: "價格高於競爭對手 8% / a competitor quoted 8% lower",
		lines: []quotedLine{{"LB-80-330", 60, 5}}},
	{customer: "A003", subject: "報價：銅版紙 157g 年度用量 / yearly volume of coated 157g", validFor: 45,
		lines: []quotedLine{{"CT-157-889", 120, 6}, {"CT-157-1194", 80, 6}}},
}

// addQuotes records the demo's Quote tickets by a salesperson, and one
// Project ticket of a customer under a managed-service contract, charged
// to its own contract as seed 001 says.
func (b *builder) addQuotes() error {
	by := b.people["CH"].Actor()
	today := model.DateOf(b.s.Now())
	for _, q := range quotes {
		c := b.customer(q.customer)
		if c == nil {
			return fmt.Errorf("no demo customer %s", q.customer)
		}
		in := model.QuoteInput{Currency: "TWD", ValidTo: today.AddDays(q.validFor)}
		for _, l := range q.lines {
			p := b.product(l.product)
			if p == nil {
				return fmt.Errorf("no demo product %s", l.product)
			}
			in.Lines = append(in.Lines, model.QuoteLineInput{ProductID: p.ID, Qty: model.QtyOf(l.qty), Unit: p.Unit,
				UnitPrice: model.MoneyOf(planPrice(p) * (100 - l.off) / 100)})
		}
		t, err := b.s.CreateTicket(b.ctx, by, model.TicketInput{Type: "QUOTE-RFQ", Subject: q.subject, CustomerID: &c.ID, DueOn: today.AddDays(3)})
		if err != nil {
			return err
		}
		if t, err = b.s.RecordQuote(b.ctx, by, t.ID, t.Version, in); err != nil {
			return fmt.Errorf("quote for %s: %w", q.customer, err)
		}
		switch q.outcome {
		case model.QuoteWon:
			_, _, err = b.s.WinQuote(b.ctx, by, t.ID, t.Version, model.QuoteWonInput{Channel: model.ChannelEmail, CustomerPO: q.po})
		case model.QuoteLost:
			_, err = b.s.ApplyTicket(b.ctx, by, t.ID, t.Version, func(t *model.Ticket, c model.Ctx) error { return t.LoseQuote(c, q.lost) })
		}
		if err != nil {
			return fmt.Errorf("quote for %s, %s: %w", q.customer, q.outcome, err)
		}
	}

	// The Project: A001 is under a managed-service contract; the project
	// runs on its sales contract.
	c := b.customer("A001")
	t, err := b.s.CreateTicket(b.ctx, b.people["YC"].Actor(), model.TicketInput{Type: "JOB", CustomerID: &c.ID, ContractRef: c.ContractRef,
		Subject: "專案：新產線捲筒紙規格測試 / project: roll specs for the new line", DueOn: today.AddDays(21)})
	if err != nil {
		return err
	}
	if t, err = b.s.ApplyTicket(b.ctx, b.people["YC"].Actor(), t.ID, t.Version, func(t *model.Ticket, c model.Ctx) error {
		return t.SetExtension(c, model.ExtProject, 0)
	}); err != nil {
		return err
	}
	_, err = b.s.ApplyTicket(b.ctx, b.people["YC"].Actor(), t.ID, t.Version, func(t *model.Ticket, c model.Ctx) error {
		return t.AssignInHouse(c, b.people["TM"].ID)
	})
	return err
}

// customer returns the demo customer with the code, or nil.
func (b *builder) customer(code string) *model.Customer {
	for _, c := range b.customers {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// product returns the demo product with the code, or nil.
func (b *builder) product(code string) *model.Product {
	for _, p := range b.products {
		if p.Code == code {
			return p
		}
	}
	return nil
}
