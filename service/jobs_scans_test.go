package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/model"
)

// TestScansJob reads the watched folder: nothing when none is set, and a
// file that is no scan goes to failed/ with its reason in the report.
func TestScansJob(t *testing.T) {
	ctx := context.Background()
	s, err := model.Open(ctx, filepath.Join(t.TempDir(), "office.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("not a scan"), 0o600)
	folder := ""
	j := Scans{Store: s, Folder: func() string { return folder }}
	v, err := j.Run(ctx)
	if rep := v.(ScansReport); err != nil || rep.Folder != "" || len(rep.Results) != 0 {
		t.Fatalf("no folder set: %+v, %v", rep, err)
	}
	folder = dir
	v, err = j.Run(ctx)
	rep := v.(ScansReport)
	if err != nil || len(rep.Results) != 1 || rep.Results[0].Err == nil {
		t.Fatalf("%+v, %v", rep, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "failed", "note.txt.reason.txt")); err != nil {
		t.Error(err)
	}
}
