package model

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A copy OrderDesk writes (a backup, the copy made before a schema
// upgrade, a backup being checked for a restore) is written under a
// temporary name ending in .partial, readable by the user only, and
// renamed into place only when it is whole: a copy killed or failed
// half-way never stands where a good one is expected, and never counts as
// a backup (Backups reads only orderdesk-DAY.db).

const partialSuffix = ".partial"

// partialStale is the age past which a .partial file with no lock file
// beside it is a dead process's leftover (one written before partial files
// had locks): a copy being written changes every moment.
const partialStale = time.Hour

// partial is a copy being written: its .partial file and the lock its
// writer holds on the file's .lock beside it. The lock, held by the
// operating system, goes away with a writer that is killed, so the next
// start removes the leftover at once (a first backup of the day killed
// half-way left 1.25 GB that waited for an hour to pass, and a second
// copy was written beside it meanwhile). A killed copy is written again
// from the start rather than resumed: VACUUM INTO writes the copy in one
// read transaction, and the pages it wrote before the kill may be older
// than the database's, so there is nothing safe to resume from.
type partial struct {
	path string
	lock *deskLock
}

// newPartial creates the empty temporary file for final, mode 600 and
// never an existing file (VACUUM INTO writes into an existing empty file,
// keeping its mode), and locks it. It also removes leftovers of final's
// name.
func newPartial(final string) (*partial, error) {
	cleanPartials(filepath.Dir(final), filepath.Base(final))
	var b [6]byte
	rand.Read(b[:])
	tmp := final + "." + hex.EncodeToString(b[:]) + partialSuffix
	// The lock first: a .partial file is never seen without its lock held.
	lock, err := lockDatabase(tmp, true)
	if err != nil {
		return nil, err
	}
	p := &partial{path: tmp, lock: lock}
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		p.discard()
		return nil, err
	}
	if err := f.Close(); err != nil {
		p.discard()
		return nil, err
	}
	return p, nil
}

// moveTo renames the whole copy to final and gives up its lock; on failure
// the copy is removed.
func (p *partial) moveTo(final string) error {
	if err := os.Rename(p.path, final); err != nil {
		p.discard()
		return err
	}
	p.lock.release() // before the remove: Windows removes no open file
	os.Remove(p.path + deskLockSuffix)
	return nil
}

// discard removes the copy and its lock.
func (p *partial) discard() {
	p.lock.release()
	removeFile(p.path)
}

// removeFile removes a SQLite file and whatever SQLite or OrderDesk kept
// beside it.
func removeFile(path string) {
	for _, ext := range []string{"", "-wal", "-shm", "-journal", deskLockSuffix} {
		os.Remove(path + ext)
	}
}

// cleanPartials removes the .partial files in dir whose names start with
// prefix and whose writer is gone.
func cleanPartials(dir, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, partialSuffix) {
			continue
		}
		if path := filepath.Join(dir, name); abandoned(path, e) {
			removeFile(path)
		}
	}
}

// abandoned reports whether no one writes the .partial file at path any
// more: its lock can be taken, or, with no lock file, it is stale.
func abandoned(path string, e os.DirEntry) bool {
	if _, err := os.Stat(path + deskLockSuffix); err == nil {
		lock, err := lockDatabase(path, true)
		if err != nil {
			return false // its writer is at work
		}
		lock.release()
		return true
	}
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > partialStale
}

// copyInto copies the file from into to, an empty file made by newPartial,
// and syncs it.
func copyInto(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
