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
		s.Close()
		return nil, fmt.Errorf("bring the promised dates up to date: %w", err)
	}
	return s, nil
}
