package testkit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

// TestPercentile takes the value below which pct percent of the times lie,
// the middle one for the median, and copes with one time and with none.
func TestPercentile(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		var out []time.Duration
		for _, v := range n {
			out = append(out, time.Duration(v)*time.Millisecond)
		}
		return out
	}
	for _, c := range []struct {
		times []time.Duration
		pct   int
		want  time.Duration
	}{
		{ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 95, 20 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 50, 11 * time.Millisecond},
		{ms(7), 95, 7 * time.Millisecond},
		{nil, 50, 0},
	} {
		if got := Percentile(c.times, c.pct); got != c.want {
			t.Errorf("Percentile(%v, %d) = %v, want %v", c.times, c.pct, got, c.want)
		}
	}
}
