package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"
)

// writeWaitLimit is the longest a save waits for another desk to finish
// its own; after it the clerk reads that the database is busy and that
// nothing was lost.
const writeWaitLimit = 2 * time.Second

// busyTimeoutMS is SQLite's own wait for a lock (busy_timeout) on every
// connection, for everything but a save's BEGIN (see writeSQLite).
const busyTimeoutMS = 10000

// writeSQLite runs fn in one transaction on the writer connection, waiting
// for the write lock in Go rather than in SQLite's busy handler.
//
// Why: SQLite's default busy handler sleeps 1, 2, 5, 10, … ms and from the
// twelfth try on 100 ms between looks at the lock. A desk that has waited a
// while therefore looks ten times a second, while a desk that has just
// started looks after 1 ms: the newcomer wins the lock nearly every time it
// is freed. With four processes saving at once one of them lost for the
// whole busy_timeout (10 s), got SQLITE_BUSY, and lost again on its retry:
// the 13.7–17 s slowest saves. Here every waiter looks again after a short
// random sleep however long it has waited, so each free moment goes to any
// of them alike, and after writeWaitLimit the save is given up as busy.
func (s *Store) writeSQLite(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		// BEGIN IMMEDIATE fails at once when another process writes; the
		// connection's usual wait is put back for whatever uses it next
		// (a migration, ANALYZE on close).
		if err := conn.Exec("PRAGMA busy_timeout = 0").Error; err != nil {
			return err
		}
		defer conn.WithContext(context.Background()).Exec(fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeoutMS))
		deadline := time.Now().Add(writeWaitLimit)
		for {
			err := conn.Transaction(fn)
			if err == nil {
				s.checkpoints.written()
				return nil
			}
			if !isBusy(err) || time.Now().After(deadline) {
				return err
			}
			select {
			case <-ctx.Done():
				return err
			case <-time.After(busyPause()):
			}
		}
	})
}

// busyPause is how long a waiting save sleeps before it looks at the lock
// again: short, so a free moment is not missed, and random, so waiters do
// not look in step.
func busyPause() time.Duration {
	return 50*time.Microsecond + rand.N(450*time.Microsecond)
}
