package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"orderdesk/model"
)

// Start decides what a run of the binary does with its arguments; main
// only wires the answer. A command runs here, and its exit code comes back
// with window false. Anything else must be the window's own flags: a word or
// flag it does not know is refused with the usage and exit 2, rather than
// opening the window on a typo and exiting 0 as if the command had run.
func Start(ctx context.Context, env *Env, args []string) (window bool, db string, code int) {
	if len(args) > 0 && IsCommand(args[0]) {
		return false, "", Run(ctx, env, args)
	}
	fs := flag.NewFlagSet("orderdesk", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	target := fs.String("db", "", "the database: a SQLite file or a postgres:// URL (default: $ORDERDESK_DB, this desk's setting, or "+model.DefaultTarget()+")")
	fs.Usage = func() { usage(env.Stderr) }
	flagArgs, pos := splitFlags(fs, args)
	if err := fs.Parse(flagArgs); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, "", 0
		}
		return false, "", 2
	}
	if len(pos) > 0 {
		if IsCommand(pos[0]) {
			fmt.Fprintf(env.Stderr, "orderdesk: the command comes first: orderdesk %s [-db …] …\n", pos[0])
		} else {
			fmt.Fprintf(env.Stderr, "orderdesk: unknown command %q\n", pos[0])
		}
		usage(env.Stderr)
		return false, "", 2
	}
	return true, *target, 0
}
