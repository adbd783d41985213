package cli

import (
	"context"
	"fmt"

	"orderdesk/model"
)

func init() {
	register("version", "print the OrderDesk version, the schema version and the database engine's version", runVersion)
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "version", "")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "OrderDesk %s (schema %d)\n", model.AppVersion, model.LatestSchema())
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	engine, err := s.EngineVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\ndatabase: %s (schema %d)\n", engine, where(s), s.SchemaVersion)
	return nil
}

// where names the database for a person: the file, or "PostgreSQL".
func where(s *model.Store) string {
	if s.Path != "" {
		return s.Path
	}
	return "PostgreSQL"
}
