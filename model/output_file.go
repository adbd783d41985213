package model

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Files OrderDesk writes where a person says (an export, a printed PDF, a
// copy saved elsewhere) follow one rule, here: an existing file is replaced
// only when the person said so (force), and the open database, its -wal and
// its -shm are never replaced, not even then (an office once became a PDF).

// databaseSuffixes are the files SQLite keeps beside the database, and the
// desks' lock file (desklock.go).
var databaseSuffixes = []string{"", "-wal", "-shm", "-journal", deskLockSuffix}

// CheckOutputPath says whether a file may be written at path: not one of
// the store's database files (s may be nil or on PostgreSQL: then there is
// none), not a folder, and not an existing file unless force.
func CheckOutputPath(path string, s *Store, force bool) error {
	if strings.TrimSpace(path) == "" {
		return Refuse("Name the file to write.")
	}
	dest := resolvePath(path)
	if s != nil && s.Path != "" {
		db := resolvePath(s.Path)
		for _, suffix := range databaseSuffixes {
			if isSameFile(dest, db+suffix) {
				return Refuse("{{.Path}} is OrderDesk's database; choose another file name.", "Path", path)
			}
		}
	}
	info, err := os.Stat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return Refuse("{{.Path}} is a folder; choose a file name in it.", "Path", path)
	case !force:
		return Refuse("{{.Path}} already exists; choose another file name, or replace it on purpose (-force).", "Path", path)
	}
	return nil
}

// resolvePath is path made absolute and clean, with the symbolic links of
// its folder (and of the file, when it is one) followed, so ./x.db, a link
// to x.db and /full/x.db all name the same file.
func resolvePath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// isSameFile compares two resolved paths: by name (without regard to case
// where the file system usually ignores it), and by identity when both
// exist, which also catches a hard link.
func isSameFile(a, b string) bool {
	if sameName(a, b, runtime.GOOS) {
		return true
	}
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// sameName compares two paths by name as goos's usual file system does:
// Windows (NTFS) and macOS (APFS) ignore case, Linux does not.
func sameName(a, b, goos string) bool {
	return a == b || (goos == "windows" || goos == "darwin") && strings.EqualFold(a, b)
}

// WriteOutputFile writes a file where a person asked, under the rule of
// CheckOutputPath: write fills a temporary file in the same folder, which
// takes the name only once complete, so a failed or killed write never
// leaves half a file, and never touches the file it would have replaced.
// The file is the user's own (mode 600), as exports and documents were.
// Without force, a file that appears at path meanwhile is not replaced.
func WriteOutputFile(path string, s *Store, force bool, write func(w io.Writer) error) error {
	if err := CheckOutputPath(path, s, force); err != nil {
		return err
	}
	dest := resolvePath(path)
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".orderdesk-write-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if force {
		return os.Rename(tmp.Name(), dest)
	}
	// A link fails when the name is taken, where a rename would replace it.
	if err := os.Link(tmp.Name(), dest); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return Refuse("{{.Path}} already exists; choose another file name, or replace it on purpose (-force).", "Path", path)
		}
		return os.Rename(tmp.Name(), dest) // a file system without links: checked just above
	}
	return nil
}
