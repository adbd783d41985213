// OrderDesk is the order desk of a paper manufacturer's customer service:
// orders taken by phone, fax, sales rep or walk-in, followed through the
// company's procedure to the signed arrival receipt. Run without a command it
// opens the window; with one (orderdesk help) it works on the command line.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	_ "time/tzdata" // the office's time zone must resolve on Windows too

	"orderdesk/cli"
	"orderdesk/demo"
	"orderdesk/internal/profiling"
	"orderdesk/model"
	"orderdesk/secret"
	"orderdesk/ui"
)

// fyneApp is the app's metadata; its Version is this build's when the
// build did not set one (-ldflags, as make does).
//
//go:embed FyneApp.toml
var fyneApp []byte

func init() {
	if v := model.VersionFromFyneApp(fyneApp); model.AppVersion == "dev" && v != "" {
		model.AppVersion = v
	}
}

func main() {
	ctx := context.Background()
	// Unexpected errors of the window and of every command go to
	// orderdesk.log in the app's folder; without it they go nowhere.
	if _, err := model.StartLog(model.AppDir()); err != nil {
		fmt.Fprintln(os.Stderr, "orderdesk: no log file:", err)
	}
	defer model.StopLog()
	// ORDERDESK_PPROF=localhost:6060 serves heap and CPU profiles (off by default).
	if url, err := profiling.FromEnv(); err != nil {
		fmt.Fprintln(os.Stderr, "orderdesk:", err)
	} else if url != "" {
		fmt.Fprintln(os.Stderr, "orderdesk: profiles at", url)
	}
	env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Open: openStore, Create: createStore}
	window, target, code := cli.Start(ctx, env, os.Args[1:])
	if !window {
		model.StopLog()
		os.Exit(code)
	}
	if target == "" {
		target = os.Getenv("ORDERDESK_DB")
	}
	// The window creates a database (empty) and asks on its first start
	// whether to set up the office or explore the demo, in its own file.
	err := ui.Run(target, createStore, func(ctx context.Context, s *model.Store) error {
		return demo.Create(ctx, s, demo.Orders)
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
