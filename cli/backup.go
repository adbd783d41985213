package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"orderdesk/model"
)

func init() {
	register("backup", "write a consistent copy of the database to FILE while desks keep working (SQLite)", runBackup)
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "backup", "FILE")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	dest := fs.Arg(0)
	if err := s.Backup(ctx, dest); err != nil {
		return err
	}
	info, err := os.Stat(dest)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backed up %s to %s (%d KB)\n", where(s), dest, info.Size()/1024)
	return nil
}

func init() {
	register("restore", "replace the database with a backup FILE: checked first, both shown side by side, replaced after -yes or a y on the terminal (the replaced file is kept); refused while OrderDesk is open on the database anywhere", runRestore)
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "restore", "-as MANAGER [-yes] FILE")
	as := fs.String("as", "", "the manager (initials or name) who restores; required")
	yes := fs.Bool("yes", false, "replace without asking (after showing what is replaced by what)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	target := *db
	if target == "" {
		target = model.DefaultTarget()
	}
	s, err := env.Open(ctx, target)
	if err != nil {
		return err
	}
	by, err := cliActor(ctx, env, s, *as)
	s.Close()
	if err != nil {
		return err
	}
	plan, err := model.PrepareRestore(ctx, fs.Arg(0), target, by, model.Options{})
	if err != nil {
		return err
	}
	defer plan.Cancel()
	printSummaries(env.Stdout, plan.Current, plan.Backup)
	if !*yes {
		if !isTerminal(env.Stdin) {
			return errors.New("nothing was replaced: run again with -yes to replace the database with the backup shown above")
		}
		fmt.Fprintf(env.Stdout, "Replace %s with %s? [y/N] ", plan.Current.Path, plan.Backup.Path)
		answer, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			return errors.New("nothing was replaced")
		}
	}
	kept, err := plan.Apply()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s from %s; the replaced file is kept as %s\n", plan.Current.Path, plan.Backup.Path, kept)
	return nil
}

// printSummaries shows the database in place beside the backup that would replace it.
func printSummaries(w io.Writer, cur, bak model.Summary) {
	tw := newTable(w, 3, false)
	day := func(d model.Date) string {
		if d.IsZero() {
			return "(no orders)"
		}
		return d.String()
	}
	fmt.Fprintf(tw, "\tnow in place\tfrom the backup\n")
	fmt.Fprintf(tw, "file\t%s\t%s\n", cur.Path, bak.Path)
	fmt.Fprintf(tw, "orders\t%d\t%d\n", cur.Orders, bak.Orders)
	fmt.Fprintf(tw, "customers\t%d\t%d\n", cur.Customers, bak.Customers)
	fmt.Fprintf(tw, "newest order\t%s\t%s\n", day(cur.Newest), day(bak.Newest))
	fmt.Fprintf(tw, "schema\t%d\t%d\n", cur.Schema, bak.Schema)
	tw.Flush()
}

// isTerminal reports whether r is a terminal a person can answer on.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok || f == nil {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
