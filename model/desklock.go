package model

import (
	"errors"
	"os"
)

// Every Store on a SQLite file holds a shared lock on a small file beside
// it (PATH.lock) for as long as it is open; a restore takes the same lock
// exclusively, without waiting. So a restore is refused while any desk or
// command has the database open, and a desk cannot open while a restore
// runs. We chose refusing over letting a restore go ahead and telling the
// open desks afterwards: a desk that carried on saving into the replaced
// file lost those saves unseen (223 orders in one trial), and a desk can
// only learn of the swap at its next save, after the clerk typed it. A
// lock held by the operating system also goes away with a process that
// dies, so a crashed desk never blocks a restore.
//
// The lock is on a file of its own, not on the database: SQLite takes its
// own locks on the database file, and on Windows a byte-range lock there
// would collide with them. The store's own extra connections (the
// checkpointer, backups, the bulk loader) take no lock: they belong to the
// Store that holds one.

// deskLockSuffix names the lock file beside a database.
const deskLockSuffix = ".lock"

// errLockHeld means the lock is held in a mode that conflicts.
var errLockHeld = errors.New("lock held")

// deskLock is one held lock on a database's lock file.
type deskLock struct{ f *os.File }

// lockDatabase takes the lock of the database at path (an absolute file
// path): shared for a desk, exclusive for a restore. It never waits.
func lockDatabase(path string, exclusive bool) (*deskLock, error) {
	f, err := os.OpenFile(path+deskLockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		return nil, err
	}
	return &deskLock{f: f}, nil
}

// release gives the lock up.
func (l *deskLock) release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}

// refuseOpenDuringRestore is what a desk hears when a restore holds the lock.
func refuseOpenDuringRestore(path string) error {
	return Refuse("A restore is under way on {{.Path}}; open OrderDesk again when it has finished.", "Path", path)
}

// refuseRestoreWhileOpen is what a restore hears when a desk holds the lock.
func refuseRestoreWhileOpen(path string) error {
	return Refuse("OrderDesk is open at another desk or in another command on this database ({{.Path}}); close it everywhere first. Nothing was replaced.", "Path", path)
}
