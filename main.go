// OrderDesk is the order desk of a paper manufacturer's customer service:
// orders taken by phone, fax, sales rep or walk-in, followed through the
// company's procedure to the signed arrival receipt. Run without a command it
// opens the window; with one (orderdesk help) it works on the command line.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	_ "time/tzdata" // the office's time zone must resolve on Windows too

	"orderdesk/cli"
	"orderdesk/demo"
	"orderdesk/model"
	"orderdesk/ui"
)

func main() {
	ctx := context.Background()
	env := &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Open: openStore}
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(ctx, env, os.Args[1:]))
	}

	fs := flag.NewFlagSet("orderdesk", flag.ExitOnError)
	db := fs.String("db", "", "the database: a SQLite file or a postgres:// URL (default "+model.DefaultTarget()+")")
	fs.Usage = func() { cli.Run(ctx, env, []string{"help"}) }
	fs.Parse(os.Args[1:])

	store, err := openStore(ctx, *db)
	if err == nil {
		err = demo.IfEmpty(ctx, store)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "orderdesk:", err)
		ui.ShowStartupError(err)
		os.Exit(1)
	}
	defer store.Close()
	ui.Run(store)
}

func openStore(ctx context.Context, target string) (*model.Store, error) {
	return model.Open(ctx, target, model.Options{})
}
