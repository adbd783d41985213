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
	register("rma", "returns (RMA): rma list [-open] [-lang en|zh-TW] | rma show NO [-lang en|zh-TW]", runRMA)
}

func runRMA(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list", "show")
	switch verb {
	case "list":
		return rmaList(ctx, env, args)
	case "show":
		return rmaShow(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk rma list [-db …] [-open] [-lang en|zh-TW]\n       orderdesk rma show [-db …] [-lang en|zh-TW] NO")
	return errUsage
}

func rmaList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "rma", "list [-open] [-lang en|zh-TW]")
	open := fs.Bool("open", false, "only the returns still waiting for a step (the Repair & Returns team's queue)")
	language := fs.String("lang", "en", "the language of the headings, states and reasons: "+strings.Join(history.Languages, " or "))
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	say, err := sayer(*language)
	if err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := s.RMAs(ctx, *open)
	if err != nil {
		return err
	}
	today := s.Today()
	w := newTable(env.Stdout, 2, false)
	// English headings are capitals, as the other lists'; Chinese has none.
	heads := []model.Msg{model.M("RMA"), model.M("Order"), model.M("Customer"), model.M("State"), model.M("Reason"), model.M("Due")}
	for _, h := range heads {
		fmt.Fprint(w, strings.ToUpper(say(h))+"\t")
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		due := r.DueOn.String()
		if r.Overdue(today) {
			due += " " + strings.ToUpper(say(model.M("Overdue")))
		}
		state := say(r.State.Name())
		if r.Decision != "" {
			state += " (" + say(r.Decision.Name()) + ")"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t\n", r.No, r.OrderNo, r.Customer, state, say(r.Reason.Name()), due)
	}
	w.Flush()
	fmt.Fprintln(env.Stdout, say(model.M("{{.N}} returns", "N", len(rows))))
	return nil
}

// sayer returns a Msg's sentence in language, read from the same
// translation files as the window's.
func sayer(language string) (func(model.Msg) string, error) {
	book, err := history.Open(language)
	if err != nil {
		return nil, err
	}
	return func(m model.Msg) string { return history.Say(m, book.L) }, nil
}

func rmaShow(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "rma", "show [-lang en|zh-TW] NO")
	language := fs.String("lang", "en", "the language of the return and its history: "+strings.Join(history.Languages, " or "))
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	book, err := history.Open(*language)
	if err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.RMAByNo(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("RMA %s: %w", fs.Arg(0), err)
	}
	events, err := s.EventsFor(ctx, "rma", r.ID)
	if err != nil {
		return err
	}
	say := func(m model.Msg) string { return history.Say(m, book.L) }
	printRMA(env.Stdout, r, s.Today(), s.Location(), say)
	fmt.Fprintln(env.Stdout, "\n"+say(model.M("History:")))
	printEvents(env.Stdout, events, s.Location(), book.L)
	return nil
}

// printRMA writes a return as the team reads it: the order, why, the lines
// coming back, each step with who and when, and what it waits for; every
// word through say, in the language asked.
func printRMA(out io.Writer, r *model.RMA, today model.Date, loc *time.Location, say func(model.Msg) string) {
	o := r.Order
	w := newTable(out, 2, false)
	row := func(label model.Msg, value string) { fmt.Fprintf(w, "%s\t%s\n", say(label), value) }
	fmt.Fprintf(w, "%s\t%s\n", r.No, say(r.State.Name()))
	row(model.M("Order"), o.No)
	row(model.M("Customer"), o.Customer.Display())
	reason := say(r.Reason.Name())
	if r.QCLot != "" {
		reason += say(model.M(", QC lot {{.Lot}}", "Lot", r.QCLot))
	}
	row(model.M("Reason"), reason)
	if r.Complaint != "" {
		row(model.M("Complaint"), strings.ReplaceAll(r.Complaint, "\n", " / "))
	}
	if r.State.Open() {
		due := say(model.M("{{.Step}}, due {{.Date}}", "Step", r.NextStep(), "Date", r.DueOn.String()))
		if r.Overdue(today) {
			due += " (" + strings.ToUpper(say(model.M("Overdue"))) + ")"
		}
		row(model.M("Next step"), due)
	}
	w.Flush()

	fmt.Fprintln(out, "\n"+say(model.M("Lines:")))
	w = newTable(out, 2, true)
	fmt.Fprintf(w, "#\t%s\t%s\t%s\t\n", strings.ToUpper(say(model.M("Product"))), strings.ToUpper(say(model.M("Qty"))), strings.ToUpper(say(model.M("Unit"))))
	for _, l := range r.Lines {
		code, unit := "", ""
		if ol := o.Line(l.LineNo); ol != nil {
			unit = string(ol.Unit)
			if ol.Product != nil {
				code = ol.Product.Code
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t\n", l.LineNo, code, l.Qty, unit)
	}
	w.Flush()

	fmt.Fprintln(out, "\n"+say(model.M("Steps:")))
	w = newTable(out, 2, false)
	sig := func(s model.Signature) string {
		if !s.Signed() {
			return "—"
		}
		return s.By + ", " + s.At.In(loc).Format("2006-01-02 15:04")
	}
	row(model.M("Opened"), sig(r.Opened))
	row(model.M("Authorized"), sig(r.Authorized))
	row(model.M("Goods received"), sig(r.Received))
	inspected := sig(r.Inspected)
	if r.Findings != "" {
		inspected += ": " + strings.ReplaceAll(r.Findings, "\n", " / ")
	}
	row(model.M("Inspected (QC)"), inspected)
	decided := sig(r.Decided)
	switch r.Decision {
	case model.DecideCredit:
		decided += "; " + say(model.M("credit {{.Amount}}", "Amount", r.Credit.String()))
	case model.DecideReject:
		decided += "; " + say(model.M("rejected: {{.Reason}}", "Reason", r.RejectReason))
	case "":
	default:
		decided += "; " + say(r.Decision.Name())
	}
	row(model.M("Decided"), decided)
	row(model.M("Closed"), sig(r.Closed))
	if r.State == model.RMACancelled {
		row(model.M("Cancelled"), sig(r.Cancelled)+": "+r.CancelReason)
	}
	w.Flush()
}
