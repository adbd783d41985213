package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestPrintingSaysWhereItWent: after the confirmation is printed the
// detail shows the saved file with Open and Show in folder; when no viewer
// could open it, it says so and names the folder.
func TestPrintingSaysWhereItWent(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.checked(f.intake(f.customer("A001", nil), 100, "WF-80-787"))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	d.docsDir = t.TempDir()
	var opened []string
	d.openFile = func(p string) error {
		opened = append(opened, p)
		return errors.New(`exec: "xdg-open": executable file not found in $PATH`)
	}
	o.runAction(d, model.DoIssueConfirmation)
	o.settle()
	want := filepath.Join(d.docsDir, "OrderDesk", strings.Split(order.No, "-")[1], order.No, order.No+"-confirmation-R1.pdf")
	s := d.saved
	if !s.box.Visible() || !strings.Contains(s.path.Text, want) {
		t.Fatalf("the detail says %q (shown %v), want the path %s", s.path.Text, s.box.Visible(), want)
	}
	// On screen, not only marked shown: the section made room for it.
	if got, min := s.box.Size().Height, s.box.MinSize().Height; got < min {
		t.Errorf("the notice is %.0f px high on screen, it needs %.0f", got, min)
	}
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "No viewer could open it") || !strings.Contains(s.problem.Text, filepath.Dir(want)) {
		t.Errorf("a failed viewer is said as %q", s.problem.Text)
	}
	d.openFile = func(p string) error { opened = append(opened, p); return nil }
	o.do(func() { test.Tap(s.folder) })
	o.do(func() { test.Tap(s.open) })
	if len(opened) != 3 || opened[1] != filepath.Dir(want) || opened[2] != want {
		t.Errorf("opened %v, want the file, its folder, the file", opened)
	}
	if s.problem.Visible() {
		t.Errorf("the viewer's failure is still said after it opened: %q", s.problem.Text)
	}
}
