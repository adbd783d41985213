package cli

import (
	"context"
	"fmt"
	"os"

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
	register("restore", "replace the database with a backup FILE (checked first; the replaced file is kept); close OrderDesk at every desk first", runRestore)
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "restore", "-as MANAGER FILE")
	as := fs.String("as", "", "the manager (initials or name) who restores; required")
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
	by, err := cliActor(ctx, s, *as)
	s.Close()
	if err != nil {
		return err
	}
	kept, err := model.Restore(ctx, fs.Arg(0), target, by, model.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s from %s; the replaced file is kept as %s\n", target, fs.Arg(0), kept)
	return nil
}
