package cli

import (
	"context"
	"fmt"

	"orderdesk/model"
	"orderdesk/service"
)

// openCurrent opens the database for a command that reads what the slip
// rule moves (promised dates, slipped days, the late sign-back reminders).
// The window applies the rule at start and hourly (service.Slips); a
// command runs that same job once first, so that it reads what a window
// would show, though none was ever opened.
func openCurrent(ctx context.Context, env *Env, target string) (*model.Store, error) {
	s, err := env.Open(ctx, target)
	if err != nil {
		return nil, err
	}
	if _, err := (service.Slips{Store: s}).Run(ctx); err != nil {
		// A database this command may not write (a backup opened
		// read-only, another desk holding the lock) is still worth
		// reading: say the dates may be behind, and go on.
		if c := model.CauseOf(err); c == model.CauseReadOnly || c == model.CauseBusy {
			fmt.Fprintf(env.Stderr, "note: promised dates not brought up to date (%s); they may be behind the slip rule\n", c)
			return s, nil
		}
		s.Close()
		return nil, fmt.Errorf("bring the promised dates up to date: %w", err)
	}
	return s, nil
}
