package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"orderdesk/demo"
)

func init() {
	register("demo", "create the demo office (people, teams, customers, products, prices, orders) in an empty database", runDemo)
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "demo", "[-orders N]")
	n := fs.Int("orders", demo.Orders, "how many orders the demo office starts with")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "orders", *n, 0); err != nil {
		return err
	}
	s, err := env.Create(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	people, err := s.Employees(ctx, true)
	if err != nil {
		return err
	}
	if len(people) > 0 {
		// A real office's data is never mixed with invented people and orders.
		return errors.New("the database already holds an office; the demo goes only into an empty one (use -db with a new file)")
	}
	start := time.Now()
	if err := demo.Create(ctx, s, *n); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "demo office created in %s in %s\n", time.Since(start).Round(10*time.Millisecond), where(s))
	return nil
}
