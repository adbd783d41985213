package model

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Quotes become orders (seed 000's Quote types, issue 22). A Quote ticket
// records what was quoted: the customer (the ticket's), the products,
// quantities and unit prices, the currency and the day the quote is valid
// to. "Quote won" makes the order's intake draft from it; "quote lost"
// records why.

// The outcomes of a quote.
const (
	QuoteWon  = "won"
	QuoteLost = "lost"
)

// QuoteLine is one line of what a Quote ticket quoted. A revised quote
// writes a new set of lines under the next revision: the one sent before
// is kept, as nothing is deleted.
type QuoteLine struct {
	Row
	TicketID  uint     `gorm:"not null"`
	Rev       int      `gorm:"not null"`
	LineNo    int      `gorm:"not null"`
	ProductID uint     `gorm:"not null"`
	Product   *Product `gorm:"constraint:OnDelete:RESTRICT"`
	Qty       Qty      `gorm:"not null"`
	Unit      string   `gorm:"size:10;not null"`
	UnitPrice Money    `gorm:"not null"`
}

// Amount returns the line's quantity at its unit price.
func (l QuoteLine) Amount() Money { return Amount(l.Qty, l.UnitPrice) }

// Quotes reports whether a ticket of the type records a quote: the Quote
// family, but for "no bid" (products we do not make are not quoted).
func (t TicketType) Quotes() bool { return t.Group == "Quote" && t.Code != "QUOTE-NOBID" }

// QuoteInput is what a clerk quoted.
type QuoteInput struct {
	Currency string
	ValidTo  Date
	Lines    []QuoteLineInput
}

// QuoteLineInput is one product quoted.
type QuoteLineInput struct {
	ProductID uint
	Qty       Qty
	Unit      string
	UnitPrice Money
}

// quoteOpen refuses a ticket that is not a quote, or whose quote is decided.
func (t *Ticket) quoteOpen() error {
	if typ, _ := TicketTypeOf(t.Type); !typ.Quotes() {
		return Refuse("Only a Quote ticket records a quote; this one is {{.Type}}.", "Type", typ.word())
	}
	if t.Status == TicketCancelled {
		return Refuse("The ticket is cancelled.")
	}
	switch t.QuoteOutcome {
	case QuoteWon:
		return Refuse("The quote was won already.")
	case QuoteLost:
		return Refuse("The quote was lost already.")
	}
	return nil
}

// checkQuote refuses a quote with missing or impossible parts, field by field.
func (in QuoteInput) check(t *Ticket, today Date) FieldErrors {
	var fe FieldErrors
	if t.CustomerID == nil {
		fe.Add("CustomerID", "Choose the customer the quote is for.")
	}
	if len(strings.TrimSpace(in.Currency)) != 3 {
		fe.Add("Currency", "Use a three-letter currency code such as TWD or USD.")
	}
	if in.ValidTo.IsZero() || in.ValidTo.Before(today) {
		fe.Add("ValidTo", "Enter the day the quote is valid to (today or later).")
	}
	if len(in.Lines) == 0 {
		fe.Add("Lines", "Add the products quoted.")
	}
	for i, l := range in.Lines {
		switch {
		case l.ProductID == 0:
			fe.Add("ProductID", "Line {{.Line}}: choose the product.", "Line", i+1)
		case l.Qty <= 0:
			fe.Add("Qty", "Line {{.Line}}: the quantity must be more than zero.", "Line", i+1)
		case l.UnitPrice < 0:
			fe.Add("UnitPrice", "Line {{.Line}}: the unit price cannot be negative.", "Line", i+1)
		case !ValidUnit(l.Unit):
			fe.Add("Unit", "Line {{.Line}}: choose a unit from the list.", "Line", i+1)
		}
	}
	return fe
}

// RecordQuote records what a Quote ticket quoted, as the next revision of
// its quote (the lines of the one before are kept). Only a quote not yet
// won or lost can be revised.
func (s *Store) RecordQuote(ctx context.Context, by Actor, id uint, version int64, in QuoteInput) (*Ticket, error) {
	return s.applyTicket(ctx, by, id, version, func(tx *gorm.DB, t *Ticket, c Ctx) error {
		if err := t.quoteOpen(); err != nil {
			return err
		}
		in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
		if fe := in.check(t, c.Today()); len(fe) > 0 {
			return fe
		}
		lines := make([]QuoteLine, len(in.Lines))
		var total Money
		for i, l := range in.Lines {
			var p Product
			if err := tx.Select("id, code, active").Take(&p, l.ProductID).Error; err != nil || !p.Active {
				return FieldErrors{{"ProductID", M("Line {{.Line}}: this product is not sold.", "Line", i+1)}}
			}
			lines[i] = QuoteLine{TicketID: t.ID, Rev: t.QuoteRev + 1, LineNo: i + 1, ProductID: l.ProductID, Qty: l.Qty, Unit: l.Unit, UnitPrice: l.UnitPrice}
			total += lines[i].Amount()
		}
		if err := insertRows(tx, by, s.now(), lines); err != nil {
			return err
		}
		t.QuoteRev, t.QuoteCurrency, t.QuoteValidTo = t.QuoteRev+1, in.Currency, in.ValidTo
		said := M("quote revision {{.Rev}}: {{.Lines}} lines, total {{.Total}}, valid to {{.ValidTo}}",
			"Rev", t.QuoteRev, "Lines", len(lines), "Total", FormatMoney(total, in.Currency), "ValidTo", in.ValidTo.String())
		if len(lines) == 1 {
			said = M("quote revision {{.Rev}}: 1 line, total {{.Total}}, valid to {{.ValidTo}}",
				"Rev", t.QuoteRev, "Total", FormatMoney(total, in.Currency), "ValidTo", in.ValidTo.String())
		}
		t.log(c, TktQuote, "", "", "", said)
		return nil
	})
}

// TicketByNo returns the ticket with the number ("TK-2026-00042").
func (s *Store) TicketByNo(ctx context.Context, no string) (*Ticket, error) {
	var t Ticket
	if err := s.reader(ctx).Select("id").Where("no = ?", strings.ToUpper(strings.TrimSpace(no))).Take(&t).Error; err != nil {
		return nil, fmt.Errorf("ticket %s: %w", no, ErrNotFound)
	}
	return s.Ticket(ctx, t.ID)
}

// QuoteLines returns the lines of the quote in force on a ticket, with
// their products.
func (s *Store) QuoteLines(ctx context.Context, t *Ticket) ([]QuoteLine, error) {
	return quoteLines(s.reader(ctx), t)
}

func quoteLines(db *gorm.DB, t *Ticket) ([]QuoteLine, error) {
	var out []QuoteLine
	if t.QuoteRev == 0 {
		return nil, nil
	}
	err := db.Preload("Product").Where("ticket_id = ? AND rev = ?", t.ID, t.QuoteRev).Order("line_no").Find(&out).Error
	return out, err
}

// LoseQuote records that the customer did not take the quote, and why.
func (t *Ticket) LoseQuote(c Ctx, reason string) error {
	if err := t.quoteOpen(); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return FieldErrors{{"QuoteLostReason", M("Say why the quote was lost.")}}
	}
	t.QuoteOutcome, t.QuoteLostReason = QuoteLost, reason
	t.log(c, TktQuote, "", QuoteLost, reason, M("quote lost"))
	return nil
}

// QuoteWonInput is how the customer's order came in.
type QuoteWonInput struct {
	Channel    Channel
	CustomerPO string
}

// WinQuote records that the customer took the quote: it makes the order's
// intake draft from the quote in force — the customer and contact, the
// products, quantities and unit prices, the currency — which is checked
// against the price plan as any intake is (a price off the plan needs its
// confirmation), and links the ticket and the order both ways, each with
// its event. A quote past its validity is refused: revise it first.
func (s *Store) WinQuote(ctx context.Context, by Actor, id uint, version int64, in QuoteWonInput) (*Ticket, *Order, error) {
	if by.ID == 0 {
		// The order names who took it, as every intake does.
		return nil, nil, FieldErrors{{"TakenByID", M("Choose who you are before taking an order.")}}
	}
	var o *Order
	t, err := s.applyTicket(ctx, by, id, version, func(tx *gorm.DB, t *Ticket, c Ctx) error {
		if err := t.quoteOpen(); err != nil {
			return err
		}
		if t.QuoteRev == 0 {
			return Refuse("Record what was quoted first: the order is made from the quote's lines.")
		}
		if t.QuoteValidTo.Before(c.Today()) {
			return Refuse("The quote was valid to {{.Date}}: record a revised quote before the order is made from it.", "Date", t.QuoteValidTo.String())
		}
		lines, err := quoteLines(tx, t)
		if err != nil {
			return err
		}
		o = &Order{CustomerID: *t.CustomerID, ContactID: t.ContactID, Channel: in.Channel, ReceivedAt: c.Now,
			TakenByID: by.ID, ClerkID: by.ID, Currency: t.QuoteCurrency, CustomerPO: normalisePO(in.CustomerPO),
			QuoteTicketID: &t.ID}
		var cust Customer
		if err := tx.Select("id, salesperson_id, payment_terms").Take(&cust, o.CustomerID).Error; err == nil {
			o.SalespersonID, o.PaymentMethod = cust.SalespersonID, cust.PaymentTerms
		}
		for _, l := range lines {
			o.Lines = append(o.Lines, OrderLine{LineNo: l.LineNo, ProductID: l.ProductID, Qty: l.Qty, Unit: l.Unit, UnitPrice: l.UnitPrice})
		}
		if fe := o.validateIntake(); len(fe) > 0 {
			return fe
		}
		if err := s.createOrder(tx, by, o, M("from quote {{.Ticket}} (revision {{.Rev}})", "Ticket", t.No, "Rev", t.QuoteRev)); err != nil {
			return err
		}
		t.QuoteOutcome, t.OrderID = QuoteWon, &o.ID
		t.log(c, TktQuote, "", QuoteWon, "", M("quote won: order {{.Order}}", "Order", o.No))
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return t, o, nil
}
