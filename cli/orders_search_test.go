package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"orderdesk/model"
)

// TestOrdersListFindsANumberBySequence: orders list -q 42 and -q 00042
// find SO-YYYY-00042, as the window's search does (issue 18 item 9).
func TestOrdersListFindsANumberBySequence(t *testing.T) {
	now := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	openWith := func(create bool) Opener {
		return func(ctx context.Context, target string) (*model.Store, error) {
			return model.Open(ctx, target, model.Options{Clock: func() time.Time { return now }, Create: create})
		}
	}
	db := filepath.Join(t.TempDir(), "office.db")
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(context.Background(), &Env{Stdout: &out, Stderr: &errOut, Open: openWith(false), Create: openWith(true)}, args); code != 0 {
			t.Fatalf("orderdesk %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
		return out.String()
	}
	run("demo", "-db", db, "-orders", "60")
	no := strings.Fields(lineOf(run("orders", "list", "-db", db, "-n", "1"), "SO-"))[0] // the newest
	zeros := no[strings.LastIndex(no, "-")+1:]
	seq, err := strconv.Atoi(zeros)
	if err != nil {
		t.Fatalf("newest order %q", no)
	}
	for _, q := range []string{strconv.Itoa(seq), zeros} {
		if list := run("orders", "list", "-db", db, "-n", "0", "-q", q); lineOf(list, no) == "" {
			t.Errorf("orders list -q %s does not list %s:\n%s", q, no, firstLines(list, 8))
		}
	}
}
