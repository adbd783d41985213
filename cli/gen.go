package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"orderdesk/demo"
)

func init() {
	register("gen", "fill a database with generated orders for benchmarks (gen -orders N [-seed S])", runGen)
}

func runGen(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "gen", "-orders N [-seed S]")
	n := fs.Int("orders", 1000, "how many orders to generate")
	seed := fs.Int64("seed", 1, "the random seed: the same seed on the same office gives the same orders")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "orders", *n, 1); err != nil {
		return err
	}
	// Ctrl-C (or a kill's SIGTERM) cancels the load, which then builds
	// the indexes it dropped before the process ends.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := demo.IfEmpty(ctx, s); err != nil {
		return err
	}
	start := time.Now()
	last := time.Now()
	err = s.GenerateOrders(ctx, *n, *seed, func(done int) {
		if time.Since(last) > 5*time.Second || done == *n {
			fmt.Fprintf(env.Stderr, "%d of %d orders (%s)\n", done, *n, time.Since(start).Round(time.Second))
			last = time.Now()
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d orders generated in %s into %s\n", *n, time.Since(start).Round(100*time.Millisecond), where(s))
	return nil
}
