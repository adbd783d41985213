package cli

import (
	"context"
	"fmt"
	"os"
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
