package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestReadsSayCouldNotLoad: a read that fails (the database went away
// under a screen; a database that cannot be opened at start) says "Could
// not load", never "Could not save".
func TestReadsSayCouldNotLoad(t *testing.T) {
	test.NewTempApp(t)
	s := openTestStore(t)
	s.Close()
	_, err := s.Employees(context.Background(), false)
	if err == nil {
		t.Fatal("a closed store read")
	}
	if got := SayLoadErr(err); !strings.HasPrefix(got, "Could not load") {
		t.Errorf("a failed read says %q", got)
	}
	content := startupErrorContent(errors.New("file is not a database"), func() {})
	all := textsIn(content)
	if strings.Contains(all, "Could not save") || !strings.Contains(all, "Could not load") {
		t.Errorf("the start-up error says:\n%s", all)
	}
}
