package service

import (
	"context"
	"time"

	"orderdesk/model"
)

// JobIdleLock is the name of the IdleLock job.
const JobIdleLock = "idle_lock"

// IdleLock reads, every 15 seconds, after how many idle minutes the office
// locks a desk (model.Office.LockMinutes, 0 never), so that the window can
// compare it with the time since the clerk last typed or moved the mouse.
// Its result is that number of minutes (int). The window decides; the job
// only brings the setting a manager may change at another desk.
type IdleLock struct{ Store *model.Store }

// StartsLater makes the first run wait a period: nobody has been idle yet.
func (IdleLock) StartsLater() {}

func (IdleLock) Name() string         { return JobIdleLock }
func (IdleLock) Every() time.Duration { return 15 * time.Second }

// Run reads the office's lock setting.
func (j IdleLock) Run(ctx context.Context) (any, error) {
	o, err := j.Store.Office(ctx)
	if err != nil {
		return 0, err
	}
	return o.LockMinutes, nil
}
