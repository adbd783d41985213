package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"orderdesk/history"
	"orderdesk/model"
)

func init() {
	register("orders", "list orders (orders list [-state S] [-overdue] [-customer CODE] [-q TEXT]) or show one (orders show [-lang zh-TW] NO), or sign a gate (orders step NO STEP [-signer CODE] -as CODE)", runOrders)
}

func runOrders(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list", "show", "step")
	switch verb {
	case "step":
		return ordersStep(ctx, env, args)
	case "show":
		return ordersShow(ctx, env, args)
	case "list":
		return ordersList(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk orders list [-db …] [-state S] [-overdue] [-customer CODE] [-q TEXT] [-n N]\n       orderdesk orders show [-db …] [-lang en|zh-TW] NO\n       orderdesk orders step [-db …] NO STEP [-signer CODE] -as CODE   (orderdesk orders step -h)")
	return errUsage
}

func ordersList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "orders", "list [-state S] [-overdue] [-customer CODE] [-q TEXT]")
	state := fs.String("state", "", "only orders in this state: "+stateCodes())
	overdue := fs.Bool("overdue", false, "only orders overdue at some gate")
	signBack := fs.Bool("sign-back", false, "only orders awaiting their signed confirmation")
	customer := fs.String("customer", "", "only this customer's orders (code)")
	text := fs.String("q", "", "search: order number, customer, PO number, product (Chinese too)")
	limit := fs.Int("n", 50, "at most this many orders (0: all)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "n", *limit, 0); err != nil {
		return err
	}
	var st model.State
	if *state != "" {
		var err error
		if st, err = model.ParseState(*state); err != nil {
			return badFlag(fs, "-state %q: the states are %s", *state, stateCodes())
		}
	}
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	f := model.OrderFilter{View: model.ViewOpen, Text: *text, Limit: *limit}
	switch {
	case *state != "":
		f.View, f.State = model.ViewState, st
	case *overdue:
		f.View = model.ViewOverdue
	case *signBack:
		f.View = model.ViewAwaitingSignBack
	}
	if *customer != "" {
		c, err := s.CustomerByCode(ctx, *customer)
		if err != nil {
			return err
		}
		f.CustomerID = c.ID
	}
	rows, err := s.Orders(ctx, f)
	if err != nil {
		return err
	}
	total, err := s.CountOrders(ctx, f)
	if err != nil {
		return err
	}
	office, err := s.Office(ctx)
	if err != nil {
		return err
	}
	now := s.Now()
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "ORDER\tRECEIVED\tCUSTOMER\tSTATE\tPROMISED\tTOTAL\tOVERDUE")
	for _, r := range rows {
		promised := r.PromisedDate.String()
		if r.SlipDays > 0 {
			promised += fmt.Sprintf(" (+%d)", r.SlipDays)
		}
		if late := r.DaysLate(now, office); late > 0 {
			promised += fmt.Sprintf(", sign-back %d days late", late)
		}
		var gates []string
		for _, g := range r.Overdue(now) {
			gates = append(gates, string(g))
		}
		fmt.Fprintf(w, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\n", r.No, r.ReceivedAt.In(s.Location()).Format("2006-01-02"),
			r.CustomerCode, r.CustomerName(model.LangZH), r.State, promised, model.FormatMoney(r.Total, r.Currency), strings.Join(gates, ","))
	}
	w.Flush()
	more := ""
	if total.AtLeast {
		more = " or more"
	}
	fmt.Fprintf(env.Stdout, "%d of %d%s orders\n", len(rows), total.N, more)
	return nil
}

func stateCodes() string {
	codes := make([]string, len(model.States))
	for i, s := range model.States {
		codes[i] = string(s)
	}
	return strings.Join(codes, ", ")
}

func ordersShow(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "orders", "show [-lang en|zh-TW] NO")
	language := fs.String("lang", "en", "the language of the history: "+strings.Join(history.Languages, " or "))
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	book, err := history.Open(*language)
	if err != nil {
		return err
	}
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	o, err := s.OrderByNo(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("order %s: %w", fs.Arg(0), err)
	}
	events, err := s.EventsFor(ctx, "order", o.ID)
	if err != nil {
		return err
	}
	c, err := s.RuleCtx(ctx, model.System)
	if err != nil {
		return err
	}
	printOrder(env.Stdout, o, events, c, s.Location(), book.L)
	return nil
}

// printOrder writes an order as a clerk would read it on paper: header,
// lines, the gates of the procedure with who and when, and the history.
// The history is in L's language; the rest is English.
func printOrder(out io.Writer, o *model.Order, events []model.Event, c model.Ctx, loc *time.Location, L history.Translator) {
	when := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(loc).Format("2006-01-02 15:04")
	}
	w := newTable(out, 2, false)
	fmt.Fprintf(w, "%s\t%s\n", o.No, o.State.Name())
	fmt.Fprintf(w, "Customer\t%s (tier %s)\n", o.Customer.Display(), o.Customer.Tier)
	if o.Contact != nil {
		fmt.Fprintf(w, "Contact\t%s\n", o.Contact.Name)
	}
	taken := ""
	if o.TakenBy != nil {
		taken = o.TakenBy.Name
	}
	fmt.Fprintf(w, "Received\t%s by %s, %s\n", o.ReceivedAt.In(loc).Format("2006-01-02 15:04"), o.Channel.Name(), taken)
	if o.Salesperson != nil {
		fmt.Fprintf(w, "Salesperson\t%s\n", o.Salesperson.Name)
	}
	fmt.Fprintf(w, "Customer PO\t%s\nPayment\t%s\nRequested\t%s\n", o.CustomerPO, o.PaymentMethod, o.RequestedDate)
	if o.Incoterm != "" {
		fmt.Fprintf(w, "Delivery terms\t%s (Incoterms 2020)\n", o.DeliveryTerms)
	}
	fmt.Fprintf(w, "Promised\t%s (confirmed %s, slipped %d days)\n", o.PromisedDate, o.ConfirmedDate, o.SlipDays)
	tol := "-"
	if o.TolerancePct != nil {
		tol = fmt.Sprintf("±%d%%", *o.TolerancePct)
	}
	fmt.Fprintf(w, "Tolerance\t%s\nPackaging\t%s\nShip to\t%s\n", tol, o.Packaging, o.ShipToAddress())
	if o.Memo != "" {
		fmt.Fprintf(w, "Memo\t%s\n", strings.ReplaceAll(o.Memo, "\n", " / "))
	}
	w.Flush()

	fmt.Fprintln(out, "\nLines:")
	w = newTable(out, 2, true)
	fmt.Fprintln(w, "#\tPRODUCT\tQTY\tUNIT\tPRICE\tAMOUNT\tPRICE CHECK\t")
	for _, l := range o.Lines {
		code := ""
		if l.Product != nil {
			code = l.Product.Code
		}
		check := "ok"
		if d := l.CheckPrice(c.Office.PriceTolerancePct); d.Beyond {
			check = fmt.Sprintf("plan %+d%% last %+d%%", d.PlanPct, d.LastPct)
			if l.PriceConfirmed.Signed() {
				check += ", confirmed by " + l.PriceConfirmed.By
			} else {
				check += ", NOT CONFIRMED"
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", l.LineNo, code, l.Qty, l.Unit, l.UnitPrice, l.Amount, check)
	}
	w.Flush()
	fmt.Fprintf(out, "Total %s; deposit due %s, paid %s; balance paid %s\n",
		model.FormatMoney(o.Total, o.Currency), model.FormatMoney(o.DepositDue, o.Currency),
		model.FormatMoney(o.DepositPaid, o.Currency), model.FormatMoney(o.BalancePaid, o.Currency))

	fmt.Fprintln(out, "\nGates:")
	w = newTable(out, 2, false)
	sig := func(s model.Signature) string {
		if !s.Signed() {
			return "—"
		}
		return s.By + ", " + when(s.At)
	}
	fmt.Fprintf(w, "Technical check\t%s\n", sig(o.Tech.Signed))
	fmt.Fprintf(w, "Production date note\t%s\n", sig(o.ProdDate.Signed))
	for _, r := range o.Revisions {
		state := "faxed " + when(r.FaxedAt)
		switch {
		case r.SignedOK():
			state += "; signed back by " + sig(r.SignedBack)
		case r.Problems != "":
			state += "; came back with problems: " + r.Problems
		}
		if r.Superseded {
			state += " (superseded)"
		}
		fmt.Fprintf(w, "Confirmation rev %d\tissued %s; promised %s; %s\n", r.Rev, sig(r.Issued), r.PromisedDate, state)
	}
	fmt.Fprintf(w, "Production order\tclerk %s; production %s\n", sig(o.Release.ClerkSigned), sig(o.Release.ProductionSigned))
	qc := sig(o.QC.Inspector)
	if o.QC.Passed {
		qc += ", passed, stocked in " + when(o.QC.StockedInAt)
	}
	fmt.Fprintf(w, "QC inspection\t%s\n", qc)
	fmt.Fprintf(w, "Balance notice\t%s\n", sig(o.Balance.IssuedBy))
	fmt.Fprintf(w, "Finance clearance\t%s\n", sig(o.Finance.Signed))
	if o.Emergency.Active() {
		fmt.Fprintf(w, "Emergency shipping\tauthorised by %s: %s\n", sig(o.Emergency.Authorised), o.Emergency.Reason)
	}
	for _, r := range o.Requests {
		fmt.Fprintf(w, "Shipment request\t%s, %s\n", r.No, sig(r.Issued))
	}
	if !o.Shipping.ShippedOn.IsZero() {
		fmt.Fprintf(w, "Shipped\t%s, expected %s\n", o.Shipping.ShippedOn, o.Shipping.ExpectedArrival)
	}
	if !o.Shipping.ArrivedOn.IsZero() {
		fmt.Fprintf(w, "Arrival receipt\t%s, signed by %s\n", o.Shipping.ArrivedOn, o.Shipping.ReceiptSignedBy)
	}
	for _, g := range o.Summary().Overdue(c.Now) {
		fmt.Fprintf(w, "OVERDUE\t%s\n", g.Name())
	}
	w.Flush()

	if missing := o.MissingForConfirmation(c.Office); len(missing) > 0 && (o.State == model.StateDraft || o.State == model.StateChecking) {
		fmt.Fprintln(out, "\nThe confirmation still lacks:")
		for _, m := range missing {
			fmt.Fprintln(out, "  -", m.Msg.String())
		}
	}

	printHistory(out, events, loc, L)
}

// printHistory writes events, oldest first, in L's language.
func printHistory(out io.Writer, events []model.Event, loc *time.Location, L history.Translator) {
	fmt.Fprintln(out, "\nHistory:")
	printEvents(out, events, loc, L)
}

// printEvents writes the lines of a history, oldest first, in L's language.
func printEvents(out io.Writer, events []model.Event, loc *time.Location, L history.Translator) {
	for _, e := range events {
		h := history.Render(e, L)
		line := fmt.Sprintf("  %s  %-14s %s", e.At.In(loc).Format("2006-01-02 15:04"), e.By, h.What)
		if h.Move != "" {
			line += " " + h.Move
		}
		if len(h.Said) > 0 {
			line += ": " + strings.Join(h.Said, "; ")
		}
		if h.Note != "" {
			line += " — " + strings.ReplaceAll(h.Note, "\n", " ")
		}
		fmt.Fprintln(out, line)
	}
}
