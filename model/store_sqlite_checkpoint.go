package model

import (
	"database/sql"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// checkpointer copies the WAL back into the database file in the
// background, on a connection of its own, so that no clerk's save waits for
// it. SQLite's automatic checkpoint runs inside the commit that takes the
// WAL past 1,000 pages: about one order saved in forty paid 10–25 ms for
// it, most of the slowest saves. The writer's automatic checkpoint is off
// (wal_autocheckpoint(0) in its DSN); a PASSIVE checkpoint here neither
// waits for nor blocks readers and the writer.
type checkpointer struct {
	db  *sql.DB
	wal string // the -wal file's path
	// limit is the WAL size past which it is truncated (walSizeLimit;
	// smaller in tests).
	limit atomic.Int64
	// truncate runs a TRUNCATE checkpoint between two of this desk's
	// saves (Store.truncateWAL).
	truncate func() error
	kick     chan struct{}
	stop     chan struct{}
	stopped  chan struct{}
	closing  sync.Once
}

// checkpointDelay is how long the writer must be quiet before a
// checkpoint: saves come seconds apart at a desk, and a burst of them (an
// import, the handover of a clerk's orders) gets one checkpoint, and one
// fsync, at its end instead of competing with it.
const checkpointDelay = 200 * time.Millisecond

// checkpointMaxWait bounds a burst: after it the checkpoint runs even while
// saves continue, so the WAL does not grow without end.
const checkpointMaxWait = 5 * time.Second

// walSizeLimit is the WAL size past which the checkpointer starts it over.
// A PASSIVE checkpoint copies the WAL into the file but never starts it
// over while a writer keeps appending (SQLite restarts the WAL only when a
// write finds every frame already copied, and new frames arrive during each
// copy): a long handover grew it to 5.36 GB beside a 531 MB database, and
// a reader looks up pages in a wal-index as large. 64 MB is some 800
// orders saved without a pause (about 80 KB of pages each) and far more
// than a desk writes between two quiet moments, so only bursts reach it,
// and the WAL copied at once is small enough (tens of ms) that the saves
// held off meanwhile wait well inside writeWaitLimit.
const walSizeLimit = 64 << 20

// walTruncateWait is how long the TRUNCATE checkpoint waits for the write
// lock and for readers of older pages (its busy_timeout); past it the
// checkpoint copies what it can and tries again later. It holds this
// desk's saves meanwhile, so it stays far below writeWaitLimit.
const walTruncateWait = 200 * time.Millisecond

// checkpointEvery catches writes that did not go through Store.write (a
// bulk load, a migration).
const checkpointEvery = 10 * time.Second

func startCheckpointer(path string, truncate func() error) (*checkpointer, error) {
	db, err := sql.Open(sqlite.DriverName, sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, wal: path + "-wal", truncate: truncate,
		kick: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	c.limit.Store(walSizeLimit)
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
		if c.full() {
			// The PASSIVE checkpoint copied most of it without holding
			// anyone; what came since is copied with the saves held off.
			c.truncate()
		}
	}
}

// full reports whether the WAL has passed its limit.
func (c *checkpointer) full() bool {
	st, err := os.Stat(c.wal)
	return err == nil && st.Size() > c.limit.Load()
}

// quiet waits until no save has come for checkpointDelay, until
// checkpointMaxWait has passed, or until the WAL passes its limit; false
// when the checkpointer is stopped.
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
			if c.full() {
				return true
			}
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

// truncateWAL copies what is left of the WAL into the file and truncates
// it to nothing. It runs on the writer connection, so this desk's saves
// wait for it rather than racing it for the lock (a save begins microseconds
// after the last one commits, and a checkpoint on its own connection,
// looking every few ms, would lose nearly every time); its busy_timeout is
// walTruncateWait for the duration, put back after.
func (s *Store) truncateWAL() error {
	return s.db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec(fmt.Sprintf("PRAGMA busy_timeout = %d", walTruncateWait.Milliseconds())).Error; err != nil {
			return err
		}
		defer conn.Exec(fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeoutMS))
		return conn.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
	})
}
