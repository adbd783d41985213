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

// partialStale is the age past which a .partial file is a dead process's
// leftover: a copy being written changes every moment.
const partialStale = time.Hour

// newPartial creates the empty temporary file for final, mode 600 and
// never an existing file (VACUUM INTO writes into an existing empty file,
// keeping its mode). It also removes stale leftovers of final's name.
func newPartial(final string) (string, error) {
	cleanPartials(filepath.Dir(final), filepath.Base(final))
	var b [6]byte
	rand.Read(b[:])
	tmp := final + "." + hex.EncodeToString(b[:]) + partialSuffix
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	return tmp, f.Close()
}

// removeFile removes a SQLite file and whatever SQLite or OrderDesk kept
// beside it.
func removeFile(path string) {
	for _, ext := range []string{"", "-wal", "-shm", "-journal", deskLockSuffix} {
		os.Remove(path + ext)
	}
}

// cleanPartials removes the stale .partial files in dir whose names start
// with prefix.
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
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > partialStale {
			removeFile(filepath.Join(dir, name))
		}
	}
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
