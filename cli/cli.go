// Package cli holds the command-line verbs of the orderdesk binary
// (orderdesk version, demo, check, import...). They run without a window
// and print in English; every command takes -db and -h.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"orderdesk/model"
)

// Env is what a command may use: where to write, and how to open the database.
type Env struct {
	Stdout, Stderr io.Writer
	// Stdin is where a command reads a person's answer (restore's "replace?");
	// only a terminal is asked, nil is none.
	Stdin io.Reader
	// Open opens the database named by -db ("" for the default file); it
	// refuses what is not an OrderDesk database already.
	Open func(ctx context.Context, target string) (*model.Store, error)
	// Create opens the database named by -db, creating it when there is
	// none: for demo and office init only, the commands that make a database.
	Create func(ctx context.Context, target string) (*model.Store, error)
}

// command is one verb: its one-line summary and what it does.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands maps each verb to its command; each file of this package adds its own.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary, run}
}

// IsCommand reports whether name is a verb of the command line (as opposed to
// a flag or nothing, which start the window).
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help"
}

// errUsage is returned after a command printed its own usage.
var errUsage = errors.New("usage")

// Run runs the command named by args[0] and returns the process exit code:
// 0 on success, 1 when the command failed, 2 for a usage error.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" {
		usage(env.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "orderdesk: unknown command %q\n", args[0])
		usage(env.Stderr)
		return 2
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		return 2
	default:
		fmt.Fprintf(env.Stderr, "orderdesk %s: %s\n", args[0], model.Redact(err.Error()))
		sayFault(env.Stderr, args[0], err)
		return 1
	}
}

// sayFault logs an error that is no refusal of the clerk's and prints its
// cause in plain words, and where the details are.
func sayFault(w io.Writer, command string, err error) {
	if model.Expected(err) {
		return
	}
	model.LogError("orderdesk "+command, err)
	if c := model.CauseOf(err); c != model.CauseUnknown {
		fmt.Fprintf(w, "cause: %s\n", c)
	}
	if p := model.LogPath(); p != "" {
		fmt.Fprintf(w, "details: %s\n", p)
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "OrderDesk — the order desk of a paper manufacturer's customer service.")
	fmt.Fprintln(w, "\nUsage:\n  orderdesk [-db FILE|postgres://…]      start the app\n  orderdesk COMMAND [-db …] [args]        run a command without a window\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nEvery command takes -db (the database; default: "+model.DefaultTarget()+") and -h.")
}

// flags returns a flag set for a command with the -db flag every command takes.
func flags(env *Env, name, args string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("orderdesk "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", "", "the database: a SQLite file or a postgres:// URL (default "+model.DefaultTarget()+")")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: orderdesk %s [-db …] %s\n\n%s\n\nFlags:\n", name, args, commands[name].summary)
		fs.PrintDefaults()
	}
	return fs, db
}

// parse parses the flags and checks the number of remaining arguments.
// Flags may come before, between or after the arguments, as a person types
// them (orders show NO -db FILE); "--" ends the flags, so an argument that
// begins with a dash can still be given.
func parse(fs *flag.FlagSet, args []string, minArgs, maxArgs int) error {
	flagArgs, pos := splitFlags(fs, args)
	if err := fs.Parse(flagArgs); err != nil {
		return errUsage
	}
	// Parse again, past a "--", to leave the arguments in fs.Args: the flags
	// keep the values just parsed.
	if err := fs.Parse(append([]string{"--"}, pos...)); err != nil {
		return errUsage
	}
	if n := fs.NArg(); n < minArgs || (maxArgs >= 0 && n > maxArgs) {
		fs.Usage()
		return errUsage
	}
	return nil
}

// splitFlags separates args into the flags (each with its value) and the
// arguments, in their order. A flag the set does not know is kept with the
// flags, so that parsing it refuses it.
func splitFlags(fs *flag.FlagSet, args []string) (flagArgs, pos []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flagArgs, append(pos, args[i+1:]...)
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flagArgs = append(flagArgs, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue // -name=value
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flagArgs = append(flagArgs, args[i])
		}
	}
	return flagArgs, pos
}

// badFlag refuses a flag's value: it says why, shows the usage and makes the
// command exit 2.
func badFlag(fs *flag.FlagSet, format string, a ...any) error {
	fmt.Fprintf(fs.Output(), format+"\n", a...)
	fs.Usage()
	return errUsage
}

// atLeast refuses an integer flag below min.
func atLeast(fs *flag.FlagSet, name string, v, min int) error {
	if v < min {
		return badFlag(fs, "-%s %d: give a number of %d or more", name, v, min)
	}
	return nil
}

// isSet reports whether the flag was given, for a flag whose default means "not given".
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// subverb finds a command's verb (orders list, orders show) among its
// arguments, so that flags may come before it too (orders -db FILE show NO),
// and returns the arguments without it.
func subverb(args []string, verbs ...string) (string, []string) {
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, v := range verbs {
			if a == v {
				return v, append(append([]string{}, args[:i]...), args[i+1:]...)
			}
		}
	}
	return "", args
}
