package model

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutputPath: an existing file is replaced only with force, and the
// database, its -wal and -shm never, however they are named.
func TestCheckOutputPath(t *testing.T) {
	sqliteOnly(t, "the database files are SQLite's")
	s, _ := openTestStore(t)
	dir := filepath.Dir(s.Path)
	other := filepath.Join(dir, "other.csv")
	os.WriteFile(other, []byte("kept"), 0o600)
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(s.Path, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(s.Path, hard); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, _ := filepath.Rel(wd, s.Path)
	cases := []struct {
		name  string
		path  string
		force bool
		want  string // in the refusal; "" when allowed
	}{
		{"a new file", filepath.Join(dir, "new.csv"), false, ""},
		{"an existing file", other, false, "already exists"},
		{"an existing file, forced", other, true, ""},
		{"a folder", dir, true, "is a folder"},
		{"no name", " ", true, "Name the file"},
		{"the database", s.Path, true, "database"},
		{"the database, unclean", filepath.Join(dir, ".", "x", "..", filepath.Base(s.Path)), true, "database"},
		{"the database, relative", rel, true, "database"},
		{"the database through a link", link, true, "database"},
		{"the database through a hard link", hard, true, "database"},
		{"its wal", s.Path + "-wal", true, "database"},
		{"its shm", s.Path + "-shm", true, "database"},
		{"its desk lock", s.Path + ".lock", true, "database"},
		{"its wal through the link's folder", filepath.Join(dir, "..", filepath.Base(dir), filepath.Base(s.Path)+"-wal"), true, "database"},
	}
	for _, c := range cases {
		err := CheckOutputPath(c.path, s, c.force)
		var r *Refusal
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (!errors.As(err, &r) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
	if err := CheckOutputPath(s.Path, nil, true); err != nil {
		t.Errorf("without a store no file is the database: %v", err)
	}
}

// TestWriteOutputFile: the file appears whole or not at all, and what it
// would have replaced without leave stays as it was.
func TestWriteOutputFile(t *testing.T) {
	sqliteOnly(t, "the database files are SQLite's")
	s, _ := openTestStore(t)
	dir := filepath.Dir(s.Path)
	dest := filepath.Join(dir, "out.csv")
	write := func(text string, fail bool) func(io.Writer) error {
		return func(w io.Writer) error {
			io.WriteString(w, text)
			if fail {
				return errors.New("disk full")
			}
			return nil
		}
	}
	if err := WriteOutputFile(dest, s, false, write("one", false)); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutputFile(dest, s, false, write("two", false)); err == nil {
		t.Error("an existing file was replaced without -force")
	}
	if err := WriteOutputFile(dest, s, true, write("three", true)); err == nil {
		t.Error("a failed write reported success")
	}
	if b, _ := os.ReadFile(dest); string(b) != "one" {
		t.Errorf("the file holds %q, want the first write kept", b)
	}
	if err := WriteOutputFile(dest, s, true, write("four", false)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "four" {
		t.Errorf("the file holds %q after a forced write", b)
	}
	before, _ := os.ReadFile(s.Path)
	if err := WriteOutputFile(s.Path, s, true, write("%PDF-", false)); err == nil {
		t.Error("the database was replaced")
	}
	if after, _ := os.ReadFile(s.Path); string(after) != string(before) {
		t.Error("the database changed")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".orderdesk-write-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
