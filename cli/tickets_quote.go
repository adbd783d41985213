package cli

import (
	"context"
	"fmt"
	"strings"

	"orderdesk/model"
)

// quoteLines is the repeatable -line flag: CODE:QTY:UNIT:PRICE.
type quoteLines []string

func (l *quoteLines) String() string     { return strings.Join(*l, " ") }
func (l *quoteLines) Set(v string) error { *l = append(*l, v); return nil }

// runTicketsQuote shows a Quote ticket's quote, records one (-line …),
// or records its outcome (-won, -lost REASON).
func runTicketsQuote(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "tickets", "quote [-as NAME] TICKET-NO [-line CODE:QTY:UNIT:PRICE … -valid-to YYYY-MM-DD -currency C | -won -channel C -po PO | -lost REASON]")
	as := fs.String("as", "", "record as this employee (name or initials)")
	var lines quoteLines
	fs.Var(&lines, "line", "a product quoted, CODE:QTY:UNIT:PRICE (repeat for each line)")
	validTo := fs.String("valid-to", "", "the last day the quote is valid")
	currency := fs.String("currency", "TWD", "the quote's currency")
	won := fs.Bool("won", false, "the customer took the quote: make the order's intake draft from it")
	channel := fs.String("channel", string(model.ChannelEmail), "with -won: how the order came in (phone, fax, sales_rep, visit, email)")
	po := fs.String("po", "", "with -won: the customer's PO number")
	lost := fs.String("lost", "", "the customer did not take the quote: why")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	t, err := s.TicketByNo(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	switch {
	case len(lines) > 0:
		in := model.QuoteInput{Currency: *currency}
		if in.ValidTo, err = model.ParseDate(*validTo); err != nil {
			return badFlag(fs, "-valid-to %q: give the date as YYYY-MM-DD", *validTo)
		}
		for _, l := range lines {
			ql, err := parseQuoteLine(ctx, s, l)
			if err != nil {
				return badFlag(fs, "-line %q: %v", l, err)
			}
			in.Lines = append(in.Lines, ql)
		}
		if t, err = s.RecordQuote(ctx, by, t.ID, 0, in); err != nil {
			return err
		}
	case *won:
		var o *model.Order
		if t, o, err = s.WinQuote(ctx, by, t.ID, 0, model.QuoteWonInput{Channel: model.Channel(*channel), CustomerPO: *po}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "order %s made from the quote (draft)\n", o.No)
	case strings.TrimSpace(*lost) != "":
		if t, err = s.ApplyTicket(ctx, by, t.ID, 0, func(t *model.Ticket, c model.Ctx) error { return t.LoseQuote(c, *lost) }); err != nil {
			return err
		}
	}
	return printQuote(ctx, env, s, t)
}

// parseQuoteLine reads CODE:QTY:UNIT:PRICE.
func parseQuoteLine(ctx context.Context, s *model.Store, v string) (model.QuoteLineInput, error) {
	parts := strings.Split(v, ":")
	if len(parts) != 4 {
		return model.QuoteLineInput{}, fmt.Errorf("write it as CODE:QTY:UNIT:PRICE")
	}
	p, err := s.ProductByCode(ctx, parts[0])
	if err != nil {
		return model.QuoteLineInput{}, fmt.Errorf("no product has the code %s", parts[0])
	}
	l := model.QuoteLineInput{ProductID: p.ID, Unit: parts[2]}
	if l.Qty, err = model.ParseQty(parts[1]); err != nil {
		return l, fmt.Errorf("the quantity %q is not a number", parts[1])
	}
	if l.UnitPrice, err = model.ParseMoney(parts[3]); err != nil {
		return l, fmt.Errorf("the price %q is not a number", parts[3])
	}
	return l, nil
}

func printQuote(ctx context.Context, env *Env, s *model.Store, t *model.Ticket) error {
	lines, err := s.QuoteLines(ctx, t)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\t%s\n", t.No, t.Subject)
	if len(lines) == 0 {
		fmt.Fprintln(env.Stdout, "nothing quoted yet")
	}
	w := newTable(env.Stdout, 2, false)
	var total model.Money
	for _, l := range lines {
		fmt.Fprintf(w, "%d\t%s\t%s %s\t%s\t%s\n", l.LineNo, l.Product.Code, l.Qty, l.Unit, l.UnitPrice, l.Amount())
		total += l.Amount()
	}
	w.Flush()
	if len(lines) > 0 {
		fmt.Fprintf(env.Stdout, "revision %d, total %s, valid to %s\n", t.QuoteRev, model.FormatMoney(total, t.QuoteCurrency), t.QuoteValidTo)
	}
	switch t.QuoteOutcome {
	case model.QuoteWon:
		if t.Order != nil {
			fmt.Fprintf(env.Stdout, "won: order %s\n", t.Order.No)
		}
	case model.QuoteLost:
		fmt.Fprintf(env.Stdout, "lost: %s\n", t.QuoteLostReason)
	}
	return nil
}
