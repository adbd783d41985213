package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"orderdesk/model"
	"orderdesk/scan"
)

func init() {
	register("tickets", "the ticket board (tickets list [-status N] [-manager NAME] | tickets quote TICKET-NO | tickets import-mail DIR | tickets gen -n N)", runTickets)
}

func runTickets(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list", "quote", "import-mail", "gen")
	switch verb {
	case "list":
		return runTicketsList(ctx, env, args)
	case "quote":
		return runTicketsQuote(ctx, env, args)
	case "import-mail":
		return runTicketsImportMail(ctx, env, args)
	case "gen":
		return runTicketsGen(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk tickets list [-db …] [-status N] [-manager NAME|new] [-text T] [-n N]\n"+
		"       orderdesk tickets quote [-db …] [-as NAME] TICKET-NO [-line CODE:QTY:UNIT:PRICE … -valid-to DATE | -won -channel C -po PO | -lost REASON]\n"+
		"       orderdesk tickets import-mail [-db …] [-as NAME] DIR\n"+
		"       orderdesk tickets gen [-db …] -n N")
	return errUsage
}

func runTicketsList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "tickets", "list [-status N] [-manager NAME|new]")
	status := fs.Int("status", 0, "only tickets in this status (0–9; default: every open status)")
	manager := fs.String("manager", "", `only the tickets this person (name or initials) manages; "new" for the New tickets queue`)
	text := fs.String("text", "", "only tickets whose number or subject contains this")
	limit := fs.Int("n", 50, "at most this many rows (0: all)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "n", *limit, 0); err != nil {
		return err
	}
	f := model.TicketFilter{Text: *text, Limit: *limit}
	if isSet(fs, "status") {
		if *status < 0 || *status > 9 {
			return badFlag(fs, "-status %d: the statuses are 0 to 9", *status)
		}
		f.Statuses = []model.TicketStatus{model.TicketStatus(*status)}
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	switch m := strings.TrimSpace(*manager); {
	case strings.EqualFold(m, "new"):
		f.NewQueue = true
	case m != "":
		e, err := s.EmployeeByName(ctx, m)
		if err != nil {
			return err
		}
		f.Manager = &e.ID
	}
	rows, err := s.Tickets(ctx, f)
	if err != nil {
		return err
	}
	counts, err := s.CountTicketsByStatus(ctx, model.TicketFilter{Statuses: f.Statuses, Manager: f.Manager, NewQueue: f.NewQueue, Text: f.Text})
	if err != nil {
		return err
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	today := s.Today()
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "TICKET\tSTATUS\tEXT\tTYPE\tPRIORITY\tMANAGER\tCUSTOMER\tDUE\tSUBJECT")
	for _, t := range rows {
		typ, _ := model.TicketTypeOf(t.Type)
		mgr, cust, due := "New tickets", "", t.DueOn.String()
		if t.Manager != nil {
			mgr = t.Manager.Display()
		}
		if t.Customer != nil {
			cust = t.Customer.Code
		}
		if t.Open && !t.DueOn.IsZero() && t.DueOn.Before(today) {
			due += " overdue"
		}
		fmt.Fprintf(w, "%s\t%d %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.No, t.Status, t.Status.Name(), t.Ext, typ.Display(),
			t.Priority.Name(), mgr, cust, due, t.Subject)
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "%d of %d tickets\n", len(rows), total)
	return nil
}

func runTicketsImportMail(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "tickets", "import-mail [-as NAME] DIR")
	as := fs.String("as", "", "record the tickets as opened by this employee (name or initials)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder of saved e-mails", dir)
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	results, err := s.ProcessMailFolder(ctx, by, dir, s.AttachmentDir(), scan.Decode)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	failed, tickets := 0, 0
	for _, r := range results {
		for _, ret := range r.Returns {
			fmt.Fprintf(env.Stdout, "%s\t%s\n", r.File, sayScanResult(ret))
		}
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(env.Stdout, "%s\tfailed: %v (moved to %s)\n", r.File, r.Err, filepath.Join(dir, "failed"))
		case r.Ticket != "":
			tickets++
			fmt.Fprintf(env.Stdout, "%s\t%s\n", r.File, r.Ticket)
		}
	}
	fmt.Fprintf(env.Stdout, "%d e-mails, %d new tickets, %d failed\n", len(results), tickets, failed)
	if failed > 0 {
		return fmt.Errorf("%d of %d e-mails could not be read", failed, len(results))
	}
	return nil
}

func runTicketsGen(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "tickets", "gen -n N")
	n := fs.Int("n", 1000, "how many tickets to generate")
	seed := fs.Int64("seed", 1, "the random seed")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "n", *n, 1); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.GenerateTickets(ctx, *n, *seed); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d tickets generated\n", *n)
	return nil
}
