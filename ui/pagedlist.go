package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// Defaults of a PagedList.
const (
	// DefaultPageSize rows are fetched per query: a few screens' worth.
	DefaultPageSize = 100
	// DefaultDebounce is how long typing must pause before the list reloads:
	// long enough to skip the letters of a word typed quickly, short enough
	// not to be noticed.
	DefaultDebounce = 150 * time.Millisecond
	// maxPages bounds the rows kept in memory when the clerk scrolls far.
	maxPages = 30
)

// PageSource is the query behind a PagedList: how many rows match a filter,
// and one page of them (the filter's Offset and Limit are set by the list).
type PageSource[T any] struct {
	Count func(ctx context.Context, f model.ListFilter) (int, error)
	Fetch func(ctx context.Context, f model.ListFilter) ([]T, error)
}

// PagedList is a list over a query that may match tens of thousands of rows.
// Its length is the query's count; rows are fetched a page at a time, off the
// UI goroutine, the first time one of them is shown, and applied through
// fyne.Do. A new filter is applied after a short pause in typing and cancels
// the load of the previous one. Open a row with a click, Space or Enter.
type PagedList[T any] struct {
	widget.List

	// OnOpened is called with the row the clerk opens.
	OnOpened func(row T)
	// OnLoaded is called after each reload with the number of matching rows.
	OnLoaded func(count int)
	// OnError is called when a load fails.
	OnError func(err error)

	src      PageSource[T]
	bind     func(T, fyne.CanvasObject)
	blank    func(fyne.CanvasObject)
	pageSize int
	debounce time.Duration
	work     jobs

	mu        sync.Mutex // guards the fields below, shared with the loaders
	filter    model.ListFilter
	n         int
	pages     map[int][]T
	loading   map[int]bool
	gen       int // bumped by each reload: results of an older one are dropped
	ctx       context.Context
	cancel    context.CancelFunc
	timer     uiTimer // the pending reload of a typed filter
	reloading bool    // a reload is scheduled or under way
	openFirst bool    // open row 0 when the pending reload lands
	top       bool    // scroll to the top when the pending reload lands
	highlight int
	selected  int
}

// NewPagedList returns a list over src. create makes a row's widgets, bind
// fills them from a row (it only assigns), blank shows a row not loaded yet.
func NewPagedList[T any](src PageSource[T], create func() fyne.CanvasObject, bind func(T, fyne.CanvasObject), blank func(fyne.CanvasObject)) *PagedList[T] {
	l := &PagedList[T]{src: src, bind: bind, blank: blank, pageSize: DefaultPageSize,
		debounce: DefaultDebounce, pages: map[int][]T{}, loading: map[int]bool{}, selected: -1}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	l.Length = l.length
	l.CreateItem = create
	l.UpdateItem = l.updateItem
	l.List.OnSelected = l.selectedRow
	l.List.OnUnselected = func(widget.ListItemID) { l.selected = -1 }
	l.List.OnHighlighted = func(id widget.ListItemID) { l.highlight = id }
	l.ExtendBaseWidget(l)
	return l
}

// SetPageSize sets how many rows one query fetches (before the first load).
func (l *PagedList[T]) SetPageSize(n int) {
	if n > 0 {
		l.pageSize = n
	}
}

// SetFilter shows the rows matching f once typing pauses.
func (l *PagedList[T]) SetFilter(f model.ListFilter) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.filter = f
	l.reloading, l.top = true, true
	// A load already on its way is for the old text: it must not land, or
	// Enter pressed now would open its first row ("Y" still loading when
	// "C" and Enter came: "YC⏎" signed in as Marcy, not YC).
	l.gen++
	l.timer.reset(l.debounce, func() { l.reload(true) })
}

// Filter returns the filter the list shows (or is about to).
func (l *PagedList[T]) Filter() model.ListFilter {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.filter
}

// Reload fetches the count and the rows again now, keeping the scroll
// position: after a save, a deactivation, or a change of the filter that
// is not typing (a check box).
func (l *PagedList[T]) Reload() {
	l.mu.Lock()
	l.timer.Stop()
	l.mu.Unlock()
	l.reload(false)
}

// reload starts loading the count and the first page for the current
// filter, dropping everything loaded or being loaded for an older one.
func (l *PagedList[T]) reload(top bool) {
	l.mu.Lock()
	l.gen++
	gen := l.gen
	l.cancel()
	l.ctx, l.cancel = context.WithCancel(context.Background())
	ctx, f := l.ctx, l.filter
	l.reloading = true
	l.top = l.top || top
	l.loading = map[int]bool{0: true}
	l.mu.Unlock()

	l.work.Go(func() func() {
		n, rows, err := firstPage(ctx, l.src, f, l.pageSize)
		return func() { l.applyReload(gen, n, rows, err) }
	})
}

// firstPage fetches the first page of f and how many rows match it. When
// the page comes back short it holds every match, so the count query is
// skipped: a filter that narrows the list, the usual case while typing,
// costs one query. (Running the count beside the page was measured: on a
// two-core machine the two scans compete and nothing is gained.)
func firstPage[T any](ctx context.Context, src PageSource[T], f model.ListFilter, size int) (int, []T, error) {
	pf := f
	pf.Offset, pf.Limit = 0, size
	rows, err := src.Fetch(ctx, pf)
	if err != nil || len(rows) < size {
		return len(rows), rows, err
	}
	n, err := src.Count(ctx, f)
	return n, rows, err
}

func (l *PagedList[T]) applyReload(gen, n int, rows []T, err error) {
	l.mu.Lock()
	if gen != l.gen {
		l.mu.Unlock()
		return
	}
	l.reloading = false
	delete(l.loading, 0)
	openFirst, top := l.openFirst, l.top
	l.openFirst, l.top = false, false
	if err != nil {
		l.mu.Unlock()
		if l.OnError != nil {
			l.OnError(err)
		}
		return
	}
	l.n = n
	l.pages = map[int][]T{0: rows}
	l.mu.Unlock()

	l.UnselectAll()
	if top {
		l.highlight = 0
		l.ScrollToTop()
	}
	l.List.Refresh()
	if l.OnLoaded != nil {
		l.OnLoaded(n)
	}
	if openFirst && n > 0 {
		l.Open(0)
	}
}

// fetchPage starts loading page p unless it is loaded or on its way.
// Called with l.mu held.
func (l *PagedList[T]) fetchPage(p int) {
	if l.loading[p] {
		return
	}
	l.loading[p] = true
	gen, ctx, f := l.gen, l.ctx, l.filter
	f.Offset, f.Limit = p*l.pageSize, l.pageSize
	l.work.Go(func() func() {
		rows, err := l.src.Fetch(ctx, f)
		return func() { l.applyPage(gen, p, rows, err) }
	})
}

func (l *PagedList[T]) applyPage(gen, p int, rows []T, err error) {
	l.mu.Lock()
	if gen != l.gen {
		l.mu.Unlock()
		return
	}
	delete(l.loading, p)
	if err != nil {
		l.mu.Unlock()
		if l.OnError != nil {
			l.OnError(err)
		}
		return
	}
	l.pages[p] = rows
	l.evict(p)
	l.mu.Unlock()
	l.List.Refresh() // re-binds the visible rows only
}

// evict drops the pages farthest from p when too many are kept. Called with l.mu held.
func (l *PagedList[T]) evict(p int) {
	for len(l.pages) > maxPages {
		far, dist := -1, -1
		for q := range l.pages {
			d := q - p
			if d < 0 {
				d = -d
			}
			if d > dist {
				far, dist = q, d
			}
		}
		delete(l.pages, far)
	}
}

func (l *PagedList[T]) length() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

func (l *PagedList[T]) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	row, ok := l.item(id, true)
	if ok {
		l.bind(row, o)
	} else {
		l.blank(o)
	}
}

// item returns row id if its page is loaded; fetch starts loading it if not.
func (l *PagedList[T]) item(id int, fetch bool) (T, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var zero T
	if id < 0 || id >= l.n {
		return zero, false
	}
	p := id / l.pageSize
	rows, ok := l.pages[p]
	if !ok {
		if fetch {
			l.fetchPage(p)
		}
		return zero, false
	}
	if i := id - p*l.pageSize; i < len(rows) {
		return rows[i], true
	}
	return zero, false
}

// Item returns row id if it is loaded.
func (l *PagedList[T]) Item(id int) (T, bool) { return l.item(id, false) }

// Count returns how many rows match the filter, as of the last load.
func (l *PagedList[T]) Count() int { return l.length() }

// Open opens row id, as a click on it would.
func (l *PagedList[T]) Open(id int) {
	if id == l.selected {
		l.selectedRow(id) // Select does nothing for the selected row; open it again
		return
	}
	l.Select(id)
}

// OpenFirst opens the first matching row, after the pending reload if the
// clerk typed faster than the list loads (Enter in the search box).
func (l *PagedList[T]) OpenFirst() {
	l.mu.Lock()
	if l.reloading {
		l.openFirst = true
		l.mu.Unlock()
		return
	}
	n := l.n
	l.mu.Unlock()
	if n > 0 {
		l.Open(0)
	}
}

// FocusFirst highlights the first row and gives the list the keyboard
// focus, for the Down key in the search box.
func (l *PagedList[T]) FocusFirst() {
	if l.length() == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	l.Highlight(0)
}

func (l *PagedList[T]) selectedRow(id widget.ListItemID) {
	l.selected = id
	row, ok := l.Item(id)
	if ok && l.OnOpened != nil {
		l.OnOpened(row)
	}
}

// TypedKey opens the highlighted row on Enter, passes Esc to the window,
// and leaves Up, Down and Space to the list.
func (l *PagedList[T]) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case forwardEscape(l, ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		l.Open(l.highlight)
	default:
		l.List.TypedKey(ev)
	}
}
