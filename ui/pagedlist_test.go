package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// numbers is a PageSource over the numbers 0…n-1 as text, which records
// the queries it was asked so a test can tell what the list fetched.
type numbers struct {
	n       int
	mu      sync.Mutex
	counts  []string // the filter text of each Count
	fetches []string // "offset+limit" of each Fetch
}

func (s *numbers) matching(text string) []string {
	var out []string
	for i := 0; i < s.n; i++ {
		if v := fmt.Sprint(i); strings.Contains(v, text) {
			out = append(out, v)
		}
	}
	return out
}

func (s *numbers) Count(_ context.Context, f model.ListFilter) (int, error) {
	s.mu.Lock()
	s.counts = append(s.counts, f.Text)
	s.mu.Unlock()
	return len(s.matching(f.Text)), nil
}

func (s *numbers) Fetch(_ context.Context, f model.ListFilter) ([]string, error) {
	s.mu.Lock()
	s.fetches = append(s.fetches, fmt.Sprintf("%d+%d", f.Offset, f.Limit))
	s.mu.Unlock()
	m := s.matching(f.Text)
	end := min(f.Offset+f.Limit, len(m))
	if f.Offset >= end {
		return nil, nil
	}
	return m[f.Offset:end], nil
}

// numberSource is what a test list reads: numbers, or numbers that type
// during a load.
type numberSource interface {
	Count(context.Context, model.ListFilter) (int, error)
	Fetch(context.Context, model.ListFilter) ([]string, error)
}

func newNumberList(t *testing.T, src numberSource) (*PagedList[string], fyne.Window) {
	test.NewTempApp(t)
	l := NewPagedList(PageSource[string]{Count: src.Count, Fetch: src.Fetch},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(v string, o fyne.CanvasObject) { o.(*widget.Label).SetText(v) },
		func(o fyne.CanvasObject) { o.(*widget.Label).SetText("…") })
	w := test.NewWindow(l)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(300, 400))
	return l, w
}

// shownTexts returns the texts of the rows the list shows.
func shownTexts(l fyne.CanvasObject) []string {
	var out []string
	for _, o := range test.LaidOutObjects(l) {
		if lbl, ok := o.(*widget.Label); ok && lbl.Visible() {
			out = append(out, lbl.Text)
		}
	}
	return out
}

func TestPagedListFetchesOnlyShownPages(t *testing.T) {
	src := &numbers{n: 1000}
	l, _ := newNumberList(t, src)
	l.SetPageSize(50)
	l.Reload()
	settle(t)
	if l.Count() != 1000 {
		t.Fatalf("Count = %d, want 1000", l.Count())
	}
	if got := strings.Join(src.fetches, " "); got != "0+50" {
		t.Errorf("the first screen fetched %q, want only the first page", got)
	}
	l.ScrollTo(500)
	settle(t)
	// Row 500 lands at the bottom of the view, so the page before it shows too.
	for _, f := range src.fetches {
		if f != "0+50" && f != "450+50" && f != "500+50" {
			t.Errorf("scrolling to row 500 fetched %q, a page that is not on screen", f)
		}
	}
	if v, ok := l.Item(500); !ok || v != "500" {
		t.Errorf("Item(500) = %q, %v", v, ok)
	}
}

func TestPagedListDebouncesTyping(t *testing.T) {
	src := &numbers{n: 1000}
	l, _ := newNumberList(t, src)
	l.Reload()
	settle(t)
	src.counts, src.fetches = nil, nil
	for _, text := range []string{"9", "99", "999"} { // typed faster than the debounce
		l.SetFilter(model.ListFilter{Text: text})
	}
	settle(t)
	if got := strings.Join(src.fetches, " "); got != "0+100" {
		t.Errorf("typing 9, 99, 999 quickly queried %q, want one page for 999", got)
	}
	if len(src.counts) != 0 {
		t.Errorf("a short first page was counted too (%v): it holds every match", src.counts)
	}
	if l.Count() != 1 {
		t.Errorf("Count = %d, want 1", l.Count())
	}
	if got := shownTexts(l); len(got) != 1 || got[0] != "999" {
		t.Errorf("shows %q, want [999]", got)
	}
}

func TestPagedListOpenFirstWaitsForTheLoad(t *testing.T) {
	src := &numbers{n: 1000}
	l, _ := newNumberList(t, src)
	var opened []string
	l.OnOpened = func(v string) { opened = append(opened, v) }
	l.Reload()
	settle(t)
	l.SetFilter(model.ListFilter{Text: "42"})
	l.OpenFirst() // Enter pressed before the filter's load landed
	settle(t)
	if strings.Join(opened, " ") != "42" {
		t.Errorf("opened %q, want the first match of the new filter, 42", opened)
	}
	l.Open(0) // opening the open row again still tells
	if len(opened) != 2 {
		t.Errorf("opening the selected row again was ignored")
	}
}

// TestPagedListEnterWaitsForTheTextTypedDuringALoad: the clerk typed "4",
// its load started, then "2" and Enter came while it ran: Enter opens the
// first match of "42", not the first row of the load for "4".
func TestPagedListEnterWaitsForTheTextTypedDuringALoad(t *testing.T) {
	src := &typingDuringFetch{numbers: numbers{n: 1000}}
	l, _ := newNumberList(t, src)
	var opened []string
	l.OnOpened = func(v string) { opened = append(opened, v) }
	src.during = func(f model.ListFilter) {
		if f.Text == "4" {
			l.SetFilter(model.ListFilter{Text: "42"})
			l.OpenFirst()
		}
	}
	l.SetFilter(model.ListFilter{Text: "4"})
	settle(t)
	if strings.Join(opened, " ") != "42" {
		t.Errorf("opened %q, want the first match of the text typed, 42", opened)
	}
}

// typingDuringFetch is numbers that runs during (once) inside a Fetch, as
// typing that lands while a load runs.
type typingDuringFetch struct {
	numbers
	during func(model.ListFilter)
}

func (s *typingDuringFetch) Fetch(ctx context.Context, f model.ListFilter) ([]string, error) {
	if d := s.during; d != nil {
		s.during = nil
		d(f)
	}
	return s.numbers.Fetch(ctx, f)
}

func TestPagedListEnterOpensHighlighted(t *testing.T) {
	src := &numbers{n: 10}
	l, w := newNumberList(t, src)
	var opened string
	l.OnOpened = func(v string) { opened = v }
	l.Reload()
	settle(t)
	l.FocusFirst()
	if w.Canvas().Focused() != l {
		t.Fatal("FocusFirst did not focus the list")
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != "2" {
		t.Errorf("Down, Down, Enter opened %q, want 2", opened)
	}
}

// TestPagedListScrollsTwentyThousandCustomers scrolls the customer list of a
// 20,000-customer store to row 10,000 and sees the right rows there.
func TestPagedListScrollsTwentyThousandCustomers(t *testing.T) {
	store := openTestStore(t)
	bulkInsert(t, store, 20000, 0)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers
	test.Tap(s.inactive) // all 20,000, so row i is C<i>
	d.settle()
	if s.list.Count() != 20000 {
		t.Fatalf("Count = %d, want 20000", s.list.Count())
	}
	s.list.ScrollTo(10000)
	d.settle()
	codes := strings.Fields(shownCodes(s.list))
	if len(codes) < 10 {
		t.Fatalf("after scrolling the list shows %v", codes)
	}
	found := false
	for i, c := range codes {
		if c == "…" {
			t.Errorf("row %d is still loading after the load settled", i)
		}
		found = found || c == "C10000"
	}
	if !found {
		t.Errorf("row 10,000 (C10000) is not among the rows shown: %v", codes)
	}
	if c, ok := s.list.Item(10000); !ok || c.Code != "C10000" {
		t.Errorf("Item(10000) = %q, %v", c.Code, ok)
	}
}
