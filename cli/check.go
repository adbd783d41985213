package cli

import (
	"context"
	"fmt"
)

func init() {
	register("check", "check the database's integrity and foreign keys; exits 1 on any problem", runCheck)
}

// errProblems makes check exit non-zero after it printed what it found.
type errProblems int

func (e errProblems) Error() string { return fmt.Sprintf("%d problems found", int(e)) }

func runCheck(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "check", "")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
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
