package model

import (
	"database/sql"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
)

// checkpointer copies the WAL back into the database file in the
// background, on a connection of its own, so that no clerk's save waits for
// it. SQLite's automatic checkpoint runs inside the commit that takes the
// WAL past 1,000 pages: about one order saved in forty paid 10–25 ms for
// it, most of the slowest saves. The writer's automatic checkpoint is off
// (wal_autocheckpoint(0) in its DSN); a PASSIVE checkpoint here neither
// waits for nor blocks readers and the writer.
type checkpointer struct {
	db      *sql.DB
	kick    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
	closing sync.Once
}

// checkpointDelay is how long the writer must be quiet before a
// checkpoint: saves come seconds apart at a desk, and a burst of them (an
// import, the handover of a clerk's orders) gets one checkpoint, and one
// fsync, at its end instead of competing with it.
const checkpointDelay = 200 * time.Millisecond

// checkpointMaxWait bounds a burst: after it the checkpoint runs even while
// saves continue, so the WAL does not grow without end.
const checkpointMaxWait = 5 * time.Second

// checkpointEvery catches writes that did not go through Store.write (a
// bulk load, a migration).
const checkpointEvery = 10 * time.Second

func startCheckpointer(path string) (*checkpointer, error) {
	db, err := sql.Open(sqlite.DriverName, sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	go c.run()
	return c, nil
}

// written tells the checkpointer that a transaction was committed.
func (c *checkpointer) written() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default: // one is already due
	}
}

func (c *checkpointer) run() {
	defer close(c.stopped)
	tick := time.NewTicker(checkpointEvery)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-tick.C:
		case <-c.kick:
			if !c.quiet() {
				return
			}
		}
		// An error (the file went away, a disk full) is left for the
		// next checkpoint or the one on closing; the WAL keeps the data.
		c.db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	}
}

// quiet waits until no save has come for checkpointDelay, or until
// checkpointMaxWait has passed; false when the checkpointer is stopped.
func (c *checkpointer) quiet() bool {
	limit := time.NewTimer(checkpointMaxWait)
	defer limit.Stop()
	for {
		quiet := time.NewTimer(checkpointDelay)
		select {
		case <-c.stop:
			quiet.Stop()
			return false
		case <-limit.C:
			quiet.Stop()
			return true
		case <-quiet.C:
			return true
		case <-c.kick:
			quiet.Stop()
		}
	}
}

// close stops the checkpointer and closes its connection (once: a store
// may be closed twice).
func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	var err error
	c.closing.Do(func() {
		close(c.stop)
		<-c.stopped
		err = c.db.Close()
	})
	return err
}
