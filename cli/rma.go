package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"orderdesk/history"
	"orderdesk/model"
)

func init() {
	register("rma", "returns (RMA): rma list [-open] | rma show NO [-lang en|zh-TW]", runRMA)
}

func runRMA(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list", "show")
	switch verb {
	case "list":
		return rmaList(ctx, env, args)
	case "show":
		return rmaShow(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk rma list [-db …] [-open]\n       orderdesk rma show [-db …] [-lang en|zh-TW] NO")
	return errUsage
}

func rmaList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "rma", "list [-open]")
	open := fs.Bool("open", false, "only the returns still waiting for a step (the Repair & Returns team's queue)")
	if err := parse(fs, args, 0, 0); err != nil {
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
	w := tabwriter.NewWriter(env.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(w, "RMA\tORDER\tCUSTOMER\tSTATE\tREASON\tDUE\t")
	for _, r := range rows {
		due := r.DueOn.String()
		if r.Overdue(today) {
			due += " OVERDUE"
		}
		state := r.State.Name().String()
		if r.Decision != "" {
			state += " (" + r.Decision.Name().String() + ")"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t\n", r.No, r.OrderNo, r.Customer, state, r.Reason.Name(), due)
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "%d returns\n", len(rows))
	return nil
}

func rmaShow(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "rma", "show [-lang en|zh-TW] NO")
	language := fs.String("lang", "en", "the language of the history: "+strings.Join(history.Languages, " or "))
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
	printRMA(env.Stdout, r, s.Today(), s.Location())
	printHistory(env.Stdout, events, s.Location(), book.L)
	return nil
}

// printRMA writes a return as the team reads it: the order, why, the lines
// coming back, each step with who and when, and what it waits for.
func printRMA(out io.Writer, r *model.RMA, today model.Date, loc *time.Location) {
	o := r.Order
	w := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\n", r.No, r.State.Name())
	fmt.Fprintf(w, "Order\t%s\n", o.No)
	fmt.Fprintf(w, "Customer\t%s\n", o.Customer.Display())
	reason := r.Reason.Name().String()
	if r.QCLot != "" {
		reason += ", QC lot " + r.QCLot
	}
	fmt.Fprintf(w, "Reason\t%s\n", reason)
	if r.Complaint != "" {
		fmt.Fprintf(w, "Complaint\t%s\n", strings.ReplaceAll(r.Complaint, "\n", " / "))
	}
	if r.State.Open() {
		due := r.DueOn.String()
		if r.Overdue(today) {
			due += " (OVERDUE)"
		}
		fmt.Fprintf(w, "Next step\t%s, due %s\n", r.NextStep(), due)
	}
	w.Flush()

	fmt.Fprintln(out, "\nLines:")
	w = tabwriter.NewWriter(out, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "#\tPRODUCT\tQTY\tUNIT\t")
	for _, l := range r.Lines {
		code, unit := "", ""
		for _, ol := range o.Lines {
			if ol.LineNo == l.LineNo {
				unit = string(ol.Unit)
				if ol.Product != nil {
					code = ol.Product.Code
				}
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t\n", l.LineNo, code, l.Qty, unit)
	}
	w.Flush()

	fmt.Fprintln(out, "\nSteps:")
	w = tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
	sig := func(s model.Signature) string {
		if !s.Signed() {
			return "—"
		}
		return s.By + ", " + s.At.In(loc).Format("2006-01-02 15:04")
	}
	fmt.Fprintf(w, "Opened\t%s\n", sig(r.Opened))
	fmt.Fprintf(w, "Authorized\t%s\n", sig(r.Authorized))
	fmt.Fprintf(w, "Received\t%s\n", sig(r.Received))
	inspected := sig(r.Inspected)
	if r.Findings != "" {
		inspected += ": " + strings.ReplaceAll(r.Findings, "\n", " / ")
	}
	fmt.Fprintf(w, "Inspected (QC)\t%s\n", inspected)
	decided := sig(r.Decided)
	switch r.Decision {
	case model.DecideCredit:
		decided += "; credit " + r.Credit.String()
	case model.DecideReject:
		decided += "; rejected: " + r.RejectReason
	case "":
	default:
		decided += "; " + r.Decision.Name().String()
	}
	fmt.Fprintf(w, "Decided\t%s\n", decided)
	fmt.Fprintf(w, "Closed\t%s\n", sig(r.Closed))
	if r.State == model.RMACancelled {
		fmt.Fprintf(w, "Cancelled\t%s: %s\n", sig(r.Cancelled), r.CancelReason)
	}
	w.Flush()
}
