package ui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// failingScans is the store of the Unmatched returns tab when the database
// fails under it (a full disk, a lost network share): every call errs.
type failingScans struct{ err error }

func (f failingScans) UnmatchedScans(context.Context) ([]model.ScanReturn, error)   { return nil, f.err }
func (f failingScans) AssignScan(context.Context, model.Actor, uint, string) error  { return f.err }
func (f failingScans) DiscardScan(context.Context, model.Actor, uint, string) error { return f.err }

// TestUnmatchedReturnsShowAFailingStore hands the Unmatched returns tab a
// store that fails: the clerk who assigns a scan reads why it was not
// assigned, and the scan stays on the list; a reload that fails says it
// could not load and keeps the rows shown.
func TestUnmatchedReturnsShowAFailingStore(t *testing.T) {
	store := demoOffice(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	o := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	d := newItemsDesk(t, store, f.clerk)
	d.shell.scanDecode = textDecode
	u := d.sec.unmatched
	d.do(func() { d.shell.droppedOnWindow(fyne.Position{}, []fyne.URI{scanFile(t, "blank.png", "-")}) })
	if len(u.scans) != 1 {
		t.Fatalf("%d unmatched scans, want the dropped one", len(u.scans))
	}

	failure := errors.New("disk I/O error")
	u.store = failingScans{failure}
	d.do(func() { u.list.Select(0); u.orderNo.SetText(o.No); test.Tap(u.assign) })
	if want := SayErr(failure); u.status.Text != want || !u.status.Visible() {
		t.Errorf("after a failed assign the clerk reads %q (shown %v), want %q", u.status.Text, u.status.Visible(), want)
	}
	if len(u.scans) != 1 || u.orderNo.Text != o.No {
		t.Errorf("a failed assign changed the screen: %d scans, order no %q", len(u.scans), u.orderNo.Text)
	}

	d.do(u.reload)
	if want := SayLoadErr(failure); u.status.Text != want {
		t.Errorf("after a failed reload the clerk reads %q, want %q", u.status.Text, want)
	}
	if len(u.scans) != 1 {
		t.Errorf("a failed reload emptied the list: %d scans", len(u.scans))
	}
}
