// OrderDesk is the order desk of a paper manufacturer's customer service:
// orders taken by phone, fax, sales rep or walk-in, followed through the
// company's procedure to the signed arrival receipt. Run without a command it
// opens the window; with one (orderdesk help) it works on the command line.
package main

import (
	"context"
	"flag"
	"os"
	_ "time/tzdata" // the office's time zone must resolve on Windows too

	"orderdesk/cli"
	"orderdesk/demo"
	"orderdesk/model"
	"orderdesk/secret"
	"orderdesk/ui"
)

func main() {
	ctx := context.Background()
	env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Open: openStore, Create: createStore}
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(ctx, env, os.Args[1:]))
	}

	fs := flag.NewFlagSet("orderdesk", flag.ExitOnError)
	db := fs.String("db", "", "the database: a SQLite file or a postgres:// URL (default: $ORDERDESK_DB, this desk's setting, or "+model.DefaultTarget()+")")
	fs.Usage = func() { cli.Run(ctx, env, []string{"help"}) }
	fs.Parse(os.Args[1:])
	target := *db
	if target == "" {
		target = os.Getenv("ORDERDESK_DB")
	}
	err := ui.Run(target, func(ctx context.Context, target string) (*model.Store, error) {
		// The window's first start makes the office (the demo one).
		s, err := createStore(ctx, target)
		if err == nil {
			if err = demo.IfEmpty(ctx, s); err != nil {
				s.Close()
			}
		}
		return s, err
	})
	if err != nil {
		os.Exit(1)
	}
}

// openStore opens a database for the window or a command: a SQLite file, or
// a PostgreSQL URL whose password comes from the environment or the
// keychain (never from the command line's history or the preferences).
func openStore(ctx context.Context, target string) (*model.Store, error) {
	return open(ctx, target, model.Options{})
}

// createStore opens a database as openStore does, creating it when there
// is none: for the window and orderdesk demo only.
func createStore(ctx context.Context, target string) (*model.Store, error) {
	return open(ctx, target, model.Options{Create: true})
}

func open(ctx context.Context, target string, opt model.Options) (*model.Store, error) {
	if target == "" {
		target = os.Getenv("ORDERDESK_DB")
	}
	return model.Open(ctx, secret.WithPassword(target), opt)
}
