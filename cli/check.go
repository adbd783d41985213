package cli

import (
	"context"
	"fmt"
)

func init() {
	register("check", "check the database's integrity, foreign keys, order counts and deadlines; exits 1 on any problem (check [-repair])", runCheck)
}

// errProblems makes check exit non-zero after it printed what it found.
type errProblems int

func (e errProblems) Error() string { return fmt.Sprintf("%d problems found", int(e)) }

func runCheck(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "check", "[-repair]")
	repair := fs.Bool("repair", false, "rebuild the order counts, gate deadlines, last prices, action item counts and ticket counts from the orders, notes and tickets first (they are kept beside them for speed)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *repair {
		if err := s.RebuildDerived(ctx); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "order counts, deadlines, last prices, action item counts and ticket counts rebuilt from the orders, notes and tickets")
	}
	problems, err := s.Check(ctx)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stdout, p)
	}
	if len(problems) > 0 {
		return errProblems(len(problems))
	}
	fmt.Fprintf(env.Stdout, "%s: ok\n", where(s))
	return nil
}
