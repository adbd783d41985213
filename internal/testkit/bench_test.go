package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLatestOrdersFileFindsWhatTheModelWrites: the UI's benchmarks open the
// file the model's write (OrdersFile), of the current data version, at the
// highest schema step (numerically: step 12 after step 9), and none of an
// older data version or of another size.
func TestLatestOrdersFileFindsWhatTheModelWrites(t *testing.T) {
	dir := t.TempDir()
	if got := LatestOrdersFile(dir, 500); got != "" {
		t.Fatalf("empty folder: %q, want none", got)
	}
	files := []string{
		OrdersFile(dir, 500, 9),
		OrdersFile(dir, 500, 12),
		OrdersFile(dir, 400, 30),
		filepath.Join(dir, "orders-500-schema40-data4.db"), // an older generator's
	}
	for _, f := range files {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := LatestOrdersFile(dir, 500), OrdersFile(dir, 500, 12); got != want {
		t.Errorf("LatestOrdersFile = %q, want %q", got, want)
	}
}

// TestBuildOnce builds a missing file once, under a temporary name, and
// reuses it after.
func TestBuildOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.db")
	builds := 0
	build := func(tmp string) error {
		builds++
		if tmp == path {
			t.Errorf("built in place, not under a temporary name")
		}
		return os.WriteFile(tmp, []byte("x"), 0o644)
	}
	for range 2 {
		if got := BuildOnce(t, path, build); got != path {
			t.Fatalf("BuildOnce = %q, want %q", got, path)
		}
	}
	if builds != 1 {
		t.Errorf("built %d times, want once", builds)
	}
	if _, err := os.Stat(path + ".building"); !os.IsNotExist(err) {
		t.Errorf("the temporary file is left behind: %v", err)
	}
}
