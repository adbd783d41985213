package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// boardColumn is one status of the board: its count, the cards loaded so
// far (a page at a time), and whether it is collapsed to its count.
type boardColumn struct {
	status    model.TicketStatus
	tickets   []model.Ticket
	count     int
	collapsed bool
	loaded    bool // a page has arrived since the last reload
	// fetched is how many tickets of the column the store returned so far.
	fetched int

	title   *widget.Label
	counter *widget.Label
	list    *widget.List
	more    *widget.Button
	strip   *widget.Button // the collapsed column: its name and count
	target  *canvas.Rectangle
	box     fyne.CanvasObject
}

// ticketBoard is the columns of the board and the keyboard on them: the
// arrows pick a card, 0–9 or Ctrl+Left/Right move it, Enter opens it, M
// shows the "Move to…" menu.
type ticketBoard struct {
	widget.BaseWidget
	s       *ticketsScreen
	cols    []*boardColumn
	content *fyne.Container
	grid    *fyne.Container
	strips  *fyne.Container

	gen            int
	filter         model.TicketFilter
	selCol, selRow int
	hasFocus       bool
	dragAt         fyne.Position
	dragOver       *boardColumn
	ghost          *widget.PopUp // the copy of the dragged card that follows the pointer
	// follow is the ticket just moved: the pick goes to it when its column loads.
	follow uint
}

// Keys that move the picked card one status left or right.
var (
	shortcutMoveLeft  = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutMoveRight = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault}
)

func newTicketBoard(s *ticketsScreen) *ticketBoard {
	b := &ticketBoard{s: s}
	b.ExtendBaseWidget(b)
	for i, st := range model.TicketStatuses {
		b.cols = append(b.cols, b.newColumn(i, st))
	}
	b.grid = container.NewGridWithColumns(1)
	b.strips = container.NewVBox()
	// The columns keep their cards' width and scroll sideways on a screen
	// too narrow for all of them (1024 wide), rather than widen the window.
	b.content = container.NewBorder(nil, nil, nil, b.strips, container.NewHScroll(b.grid))
	b.layoutColumns()
	return b
}

func (b *ticketBoard) newColumn(i int, st model.TicketStatus) *boardColumn {
	c := &boardColumn{status: st, collapsed: st.Closed()}
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Not cut: the columns are as wide as their widest name (or a card's
	// number), and scroll sideways when the window is narrower.
	c.counter = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.list = widget.NewList(func() int { return len(c.tickets) },
		func() fyne.CanvasObject { return newTicketCard(b, i) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*ticketCard).set(id, &c.tickets[id], b.selCol == i && b.selRow == id)
		})
	c.more = widget.NewButton(lang.L("more…"), func() { b.loadPage(c, c.fetched) })
	c.more.Hide()
	c.strip = widget.NewButton("", func() { b.expand(c, c.collapsed) })
	c.target = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	c.target.Hide()
	// The count goes under the name, as on the collapsed columns' strips:
	// beside it, it left the name about 60 px of a 100 px column at 1024.
	var head fyne.CanvasObject = container.NewVBox(c.title, c.counter)
	if st.Closed() {
		head = container.NewBorder(nil, nil, nil,
			widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { b.expand(c, false) }), head)
	}
	c.box = container.NewStack(c.target, container.NewBorder(head, c.more, nil, nil, c.list))
	c.updateTitle()
	return c
}

func (c *boardColumn) updateTitle() {
	name := fmt.Sprintf("%d %s", c.status, lang.L(c.status.ShortName()))
	c.title.SetText(name)
	c.counter.SetText(fmt.Sprint(c.count))
	c.strip.SetText(fmt.Sprintf("%s\n%d", name, c.count))
	if c.loaded && c.fetched < c.count {
		c.more.SetText(lang.L("more… ({{.Shown}} of {{.Count}})", map[string]any{"Shown": c.fetched, "Count": c.count}))
		c.more.Show()
	} else {
		c.more.Hide()
	}
}

// expand shows a collapsed column (Cancelled, Completed) in full, or collapses it.
func (b *ticketBoard) expand(c *boardColumn, open bool) {
	c.collapsed = !open
	b.layoutColumns()
	if open && !c.loaded {
		b.loadPage(c, 0)
	}
}

func (b *ticketBoard) layoutColumns() {
	var open, strips []fyne.CanvasObject
	for _, c := range b.cols {
		if c.collapsed {
			strips = append(strips, c.strip)
		} else {
			open = append(open, c.box)
		}
	}
	b.grid.Layout = container.NewGridWithColumns(len(open)).Layout
	b.grid.Objects = open
	b.strips.Objects = strips
	b.grid.Refresh()
	b.strips.Refresh()
	if b.selCol < len(b.cols) && b.cols[b.selCol].collapsed {
		b.pick(b.nextOpen(b.selCol, -1), b.selRow)
	}
}

// CreateRenderer draws the columns.
func (b *ticketBoard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.content)
}

// reload loads every column afresh with filter f: the counts in one query,
// the first pages of the open columns in one more.
func (b *ticketBoard) reload(f model.TicketFilter) {
	b.gen++
	b.filter = f
	for _, c := range b.cols {
		c.loaded = false
	}
	// The open columns' counts come first; the closed ones (most of the
	// tickets, shown collapsed) in their own load, so they never hold up the board.
	for _, closed := range []bool{false, true} {
		b.load(func() (func(), error) {
			counts, err := boardCounts(context.Background(), b.s.store, f, closed)
			return func() {
				for _, c := range b.cols {
					if c.status.Closed() == closed {
						c.count = counts[c.status]
						c.updateTitle()
					}
				}
			}, err
		})
	}
	if f.Manager != nil {
		b.loadPerson(f)
	}
	var open, closed []*boardColumn
	for _, c := range b.cols {
		switch {
		case c.collapsed:
		case c.status.Closed():
			closed = append(closed, c)
		case f.Manager == nil:
			open = append(open, c)
		}
	}
	b.loadFirstPages(open)
	for _, c := range closed {
		b.loadPage(c, 0)
	}
}

// personCap is how many open tickets a person's board loads in one query;
// someone with more gets the columns loaded page by page.
const personCap = 1000

// ticketBoardStore is the store as the tickets board reads it.
type ticketBoardStore interface {
	Tickets(ctx context.Context, f model.TicketFilter) ([]model.Ticket, error)
	CountTicketsByStatus(ctx context.Context, f model.TicketFilter) (map[model.TicketStatus]int, error)
}

// personBoard loads every open ticket the filter's person manages in one
// query (at most personCap+1). Per column, the store would look through
// all of the person's tickets, closed ones included, once per column.
func personBoard(ctx context.Context, store ticketBoardStore, f model.TicketFilter) ([]model.Ticket, error) {
	f.Statuses, f.Offset, f.Limit = nil, 0, personCap+1
	return store.Tickets(ctx, f)
}

// load runs fetch off the UI goroutine and applies what it returns on the
// UI goroutine, unless the board was reloaded meanwhile (a newer filter's
// loads are on their way) or the load failed (said on the screen).
func (b *ticketBoard) load(fetch func() (apply func(), err error)) {
	gen := b.gen
	b.s.work.Go(func() func() {
		apply, err := fetch()
		return func() {
			if gen != b.gen {
				return
			}
			if err != nil {
				b.s.showLoadErr(err)
				return
			}
			apply()
		}
	})
}

// loadPerson fills the open columns of a person's board from one load.
func (b *ticketBoard) loadPerson(f model.TicketFilter) {
	b.load(func() (func(), error) {
		rows, err := personBoard(context.Background(), b.s.store, f)
		return func() {
			if len(rows) > personCap {
				var open []*boardColumn
				for _, c := range b.cols {
					if !c.collapsed && !c.status.Closed() {
						open = append(open, c)
					}
				}
				b.loadFirstPages(open)
				return
			}
			by := map[model.TicketStatus][]model.Ticket{}
			fetched := map[model.TicketStatus]int{}
			for i := range rows {
				fetched[rows[i].Status]++
				by[rows[i].Status] = append(by[rows[i].Status], rows[i])
			}
			for _, c := range b.cols {
				if !c.status.Closed() {
					c.tickets, c.fetched = by[c.status], fetched[c.status]
					b.landed(c)
				}
			}
		}, err
	})
}

// boardCounts counts the tickets of the open columns, or of the closed
// ones, under filter f (off the UI goroutine).
func boardCounts(ctx context.Context, store ticketBoardStore, f model.TicketFilter, closed bool) (map[model.TicketStatus]int, error) {
	f.Statuses = nil
	for _, st := range model.TicketStatuses {
		if st.Closed() == closed {
			f.Statuses = append(f.Statuses, st)
		}
	}
	return store.CountTicketsByStatus(ctx, f)
}

// columnPage loads the page of status's column from offset under filter f
// (off the UI goroutine).
func columnPage(ctx context.Context, store ticketBoardStore, f model.TicketFilter, status model.TicketStatus, offset int) ([]model.Ticket, error) {
	f.Statuses, f.Offset, f.Limit = []model.TicketStatus{status}, offset, ticketPage
	return store.Tickets(ctx, f)
}

// firstPages loads the first page of each open column of statuses under
// filter f in one read (off the UI goroutine): the cards come by status,
// each column's in its order.
func firstPages(ctx context.Context, store ticketBoardStore, f model.TicketFilter, statuses []model.TicketStatus) ([]model.Ticket, error) {
	f.Statuses, f.Offset, f.Limit, f.PerStatus = statuses, 0, 0, ticketPage
	return store.Tickets(ctx, f)
}

// loadFirstPages loads the first page of each of the open columns cols in
// one load, as loadPage(c, 0) would column by column.
func (b *ticketBoard) loadFirstPages(cols []*boardColumn) {
	if len(cols) == 0 {
		return
	}
	f := b.filter
	statuses := make([]model.TicketStatus, len(cols))
	for i, c := range cols {
		statuses[i] = c.status
	}
	b.load(func() (func(), error) {
		rows, err := firstPages(context.Background(), b.s.store, f, statuses)
		return func() {
			by := map[model.TicketStatus][]model.Ticket{}
			for i := range rows {
				by[rows[i].Status] = append(by[rows[i].Status], rows[i])
			}
			for _, c := range cols {
				c.tickets, c.fetched = by[c.status], len(by[c.status])
				b.landed(c)
			}
		}, err
	})
}

// loadPage loads the page of c's column starting at offset (0 replaces the cards).
func (b *ticketBoard) loadPage(c *boardColumn, offset int) {
	f := b.filter
	b.load(func() (func(), error) {
		rows, err := columnPage(context.Background(), b.s.store, f, c.status, offset)
		return func() {
			if offset == 0 {
				c.tickets = rows
			} else {
				c.tickets = append(c.tickets, rows...)
			}
			c.fetched = offset + len(rows)
			b.landed(c)
		}, err
	})
}

// landed shows the cards of c that just arrived, and keeps the pick on
// the ticket just moved, or within the column.
func (b *ticketBoard) landed(c *boardColumn) {
	c.loaded = true
	c.updateTitle()
	c.list.Refresh()
	for i := range c.tickets {
		if b.follow != 0 && c.tickets[i].ID == b.follow {
			b.follow = 0
			b.pick(b.colOf(c), i)
		}
	}
	if b.cols[b.selCol] == c && b.selRow >= len(c.tickets) {
		b.pick(b.selCol, len(c.tickets)-1)
	}
}

func (b *ticketBoard) colOf(c *boardColumn) int {
	for i := range b.cols {
		if b.cols[i] == c {
			return i
		}
	}
	return 0
}

// selected returns the picked ticket, if any.
func (b *ticketBoard) selected() (*model.Ticket, bool) {
	c := b.cols[b.selCol]
	if c.collapsed || b.selRow < 0 || b.selRow >= len(c.tickets) {
		return nil, false
	}
	return &c.tickets[b.selRow], true
}

// pick makes the card at row of column col the picked one.
func (b *ticketBoard) pick(col, row int) {
	old := b.cols[b.selCol]
	oldRow := b.selRow
	b.selCol, b.selRow = col, max(row, 0)
	c := b.cols[col]
	if c.collapsed {
		return
	}
	if b.selRow >= len(c.tickets) {
		b.selRow = len(c.tickets) - 1
	}
	if oldRow >= 0 && oldRow < len(old.tickets) {
		old.list.RefreshItem(oldRow)
	}
	if b.selRow >= 0 {
		c.list.RefreshItem(b.selRow)
		c.list.ScrollTo(b.selRow)
	}
}

// nextOpen returns the next column from col in direction dir that is not
// collapsed, or col when there is none.
func (b *ticketBoard) nextOpen(col, dir int) int {
	for i := col + dir; i >= 0 && i < len(b.cols); i += dir {
		if !b.cols[i].collapsed {
			return i
		}
	}
	if b.cols[col].collapsed {
		for i := range b.cols {
			if !b.cols[i].collapsed {
				return i
			}
		}
	}
	return col
}

func (b *ticketBoard) focus() { b.s.win.Canvas().Focus(b) }

// FocusGained shows the picked card.
func (b *ticketBoard) FocusGained() {
	b.hasFocus = true
	b.refreshPicked()
}

// FocusLost hides the pick.
func (b *ticketBoard) FocusLost() {
	b.hasFocus = false
	b.refreshPicked()
}

func (b *ticketBoard) refreshPicked() {
	if c := b.cols[b.selCol]; b.selRow >= 0 && b.selRow < len(c.tickets) {
		c.list.RefreshItem(b.selRow)
	}
}

// TypedRune moves the picked card to the status typed (0–9); M shows the move menu.
func (b *ticketBoard) TypedRune(r rune) {
	switch {
	case r >= '0' && r <= '9':
		if t, ok := b.selected(); ok {
			b.s.move(*t, model.TicketStatus(r-'0'))
		}
	case r == 'm' || r == 'M':
		b.showMoveMenu()
	}
}

// TypedKey picks with the arrows and opens with Enter.
func (b *ticketBoard) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		b.pick(b.selCol, b.selRow-1)
	case fyne.KeyDown:
		b.pick(b.selCol, b.selRow+1)
	case fyne.KeyLeft:
		b.pick(b.nextOpen(b.selCol, -1), b.selRow)
	case fyne.KeyRight:
		b.pick(b.nextOpen(b.selCol, 1), b.selRow)
	case fyne.KeyHome:
		b.pick(b.selCol, 0)
	case fyne.KeyEnd:
		b.pick(b.selCol, len(b.cols[b.selCol].tickets)-1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if t, ok := b.selected(); ok {
			b.s.openDetail(*t)
		}
	default:
		forwardEscape(b, ev)
	}
}

// TypedShortcut moves the picked card one status left or right
// (Ctrl+Left/Right) and passes the window's shortcuts on.
func (b *ticketBoard) TypedShortcut(s fyne.Shortcut) {
	t, ok := b.selected()
	switch s.ShortcutName() {
	case shortcutMoveLeft.ShortcutName():
		if ok && t.Status > 0 {
			b.s.move(*t, t.Status-1)
		}
	case shortcutMoveRight.ShortcutName():
		if ok && t.Status < model.TicketCompleted {
			b.s.move(*t, t.Status+1)
		}
	default:
		forwardShortcut(b, s)
	}
}
