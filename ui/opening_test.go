package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestOpeningSaysWhatItOpens: the window shows at once which data it
// opens; an upgrade says so, with where the copy of the file goes; the
// opened store (empty or not) or the reason it failed reaches the start.
func TestOpeningSaysWhatItOpens(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "office.db")
	op := newOpening(path)
	w := test.NewWindow(op.content)
	t.Cleanup(w.Close)
	if !strings.Contains(op.heading.Text, "Opening") || op.detail.Text != path {
		t.Errorf("opening shows %q / %q", op.heading.Text, op.detail.Text)
	}
	op.upgrading(model.Upgrade{From: 21, To: 24, Copy: path + ".before-schema-22.bak"})
	if !strings.Contains(op.heading.Text, "Upgrading") || !strings.Contains(op.detail.Text, "21 to 24") ||
		!strings.Contains(op.detail.Text, path+".before-schema-22.bak") {
		t.Errorf("an upgrade shows %q / %q", op.heading.Text, op.detail.Text)
	}

	type result struct {
		s     *model.Store
		empty bool
		err   error
	}
	var got []result
	done := func(s *model.Store, empty bool, err error) { got = append(got, result{s, empty, err}) }
	refused := errors.New("the file is locked by another program")
	op.open(func(context.Context, string) (*model.Store, error) { return nil, refused }, path, done)
	op.open(func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{Create: true})
	}, path, done)
	settle(t)
	if len(got) != 2 || !errors.Is(got[0].err, refused) || got[1].err != nil || got[1].s == nil || !got[1].empty {
		t.Fatalf("opened: %+v", got)
	}
	got[1].s.Close()
}
