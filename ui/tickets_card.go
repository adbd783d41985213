package ui

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketCard is one ticket on the board: number and priority, type and
// extension chip, customer, subject, manager and due date (red when
// overdue). The number is never shortened: the priority gives way to it. A tap
// picks it, a double tap opens it, a right tap shows "Move to…", and it
// can be dragged onto another column.
type ticketCard struct {
	widget.BaseWidget
	board    *ticketBoard
	col, row int
	ticket   *model.Ticket
	selected bool
	overdue  bool
}

func newTicketCard(b *ticketBoard, col int) *ticketCard {
	c := &ticketCard{board: b, col: col, row: -1}
	c.ExtendBaseWidget(c)
	return c
}

// set shows ticket t at row of the card's column.
func (c *ticketCard) set(row int, t *model.Ticket, selected bool) {
	c.row, c.ticket, c.selected = row, t, selected
	c.overdue = t != nil && overdue(t, c.board.s.store.Today())
	c.Refresh()
}

// Tapped picks the card and gives the board the keyboard.
func (c *ticketCard) Tapped(*fyne.PointEvent) {
	if c.ticket != nil {
		c.board.pick(c.col, c.row)
		c.board.focus()
	}
}

// DoubleTapped opens the ticket.
func (c *ticketCard) DoubleTapped(*fyne.PointEvent) {
	if c.ticket != nil {
		c.board.pick(c.col, c.row)
		c.board.s.openDetail(*c.ticket)
	}
}

// TappedSecondary shows the "Move to…" menu at the card.
func (c *ticketCard) TappedSecondary(ev *fyne.PointEvent) {
	if c.ticket != nil {
		c.board.pick(c.col, c.row)
		c.board.showMoveMenuAt(ev.AbsolutePosition)
	}
}

// Dragged follows a card being dragged towards another column.
func (c *ticketCard) Dragged(ev *fyne.DragEvent) {
	if c.ticket != nil {
		c.board.dragging(c, ev.AbsolutePosition)
	}
}

// DragEnd moves the dragged card to the column it was dropped on.
func (c *ticketCard) DragEnd() {
	if c.ticket != nil {
		c.board.dropped(c)
	}
}

// CreateRenderer draws the card.
func (c *ticketCard) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), chip: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = 4
	r.chip.CornerRadius = 3
	small := theme.CaptionTextSize() + 1
	for _, t := range []**canvas.Text{&r.no, &r.prio, &r.typ, &r.ext, &r.cust, &r.subj, &r.mgr, &r.due} {
		*t = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		(*t).TextSize = small
	}
	r.no.TextStyle.Bold = true
	r.prio.Alignment = fyne.TextAlignTrailing
	r.prio.TextSize = theme.CaptionTextSize()
	r.due.Alignment = fyne.TextAlignTrailing
	return r
}

type cardRenderer struct {
	c                                              *ticketCard
	bg, chip                                       *canvas.Rectangle
	no, prio, typ, ext, cust, subj, mgr, due       *canvas.Text
	typText, prioText, custText, subjText, mgrText string
}

const cardLine = 17

// MinSize is wide enough for the number whole (TK-2026-00012), clear of
// the column's scroll bar, which Fyne draws over the cards' right edge: at
// 1024 wide, where the columns are this narrow, it covered the last digit.
func (r *cardRenderer) MinSize() fyne.Size {
	bar := 2 * theme.ScrollBarSmallSize()
	return fyne.NewSize(fyne.MeasureText("TK-2026-00000", r.no.TextSize, r.no.TextStyle).Width+12+bar, 5*cardLine+10)
}

func (r *cardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size.SubtractWidthHeight(2, 2))
	r.bg.Move(fyne.NewPos(1, 1))
	pad := float32(6)
	w := size.Width - 2*pad
	line := func(i int) float32 { return 5 + float32(i)*cardLine }
	r.prio.Move(fyne.NewPos(pad, line(0)))
	r.prio.Resize(fyne.NewSize(w, cardLine))
	noW := fyne.MeasureText(r.no.Text, r.no.TextSize, r.no.TextStyle).Width
	r.prio.Text = fit(r.prioText, w-noW-4, r.prio)
	r.no.Move(fyne.NewPos(pad, line(0)))
	extW := float32(0)
	if r.ext.Text != "" {
		extW = fyne.MeasureText(r.ext.Text, r.ext.TextSize, r.ext.TextStyle).Width + 8
	}
	r.typ.Text = fit(r.typText, w-extW-4, r.typ)
	r.typ.Move(fyne.NewPos(pad, line(1)))
	r.chip.Resize(fyne.NewSize(extW, cardLine-2))
	r.chip.Move(fyne.NewPos(size.Width-pad-extW, line(1)+1))
	r.ext.Move(fyne.NewPos(size.Width-pad-extW+4, line(1)))
	r.cust.Text = fit(r.custText, w, r.cust)
	r.cust.Move(fyne.NewPos(pad, line(2)))
	r.subj.Text = fit(r.subjText, w, r.subj)
	r.subj.Move(fyne.NewPos(pad, line(3)))
	r.due.Move(fyne.NewPos(pad, line(4)))
	r.due.Resize(fyne.NewSize(w, cardLine))
	dueW := fyne.MeasureText(r.due.Text, r.due.TextSize, r.due.TextStyle).Width
	r.mgr.Text = fit(r.mgrText, w-dueW-6, r.mgr)
	r.mgr.Move(fyne.NewPos(pad, line(4)))
}

// fit shortens s with an ellipsis until it is at most w wide in t's font.
// What it keeps never ends in a word with a digit: a quantity or a code is
// not cut ("128g 5…"), nor shown without what follows it ("500 …" of
// what?), so such a word goes whole.
func fit(s string, w float32, t *canvas.Text) string {
	if s == "" || fyne.MeasureText(s, t.TextSize, t.TextStyle).Width <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 {
		runes = runes[:len(runes)-1]
		words := strings.Fields(string(runes))
		if len(words) > 0 && strings.ContainsFunc(words[len(words)-1], unicode.IsDigit) {
			continue
		}
		if fyne.MeasureText(string(runes)+"…", t.TextSize, t.TextStyle).Width <= w {
			break
		}
	}
	if kept := strings.TrimRightFunc(string(runes), unicode.IsSpace); kept != "" {
		return kept + "…"
	}
	// Nothing fits: a lone "…" beside the number read as part of it
	// ("TK-2026-00002…" at 1024 wide, the priority cut to nothing).
	return ""
}

func (r *cardRenderer) Refresh() {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.bg.StrokeWidth, r.bg.StrokeColor = 1, theme.Color(theme.ColorNameSeparator)
	if c.selected {
		r.bg.StrokeWidth, r.bg.StrokeColor = 2, theme.Color(theme.ColorNamePrimary)
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	t := c.ticket
	if t == nil {
		r.typText, r.prioText, r.custText, r.subjText, r.mgrText = "", "", "", "", ""
		r.no.Text, r.ext.Text, r.due.Text = "", "", ""
	} else {
		r.no.Text, r.typText = t.No, typeNameOf(t.Type)
		r.prioText = ""
		if t.Priority != model.PriorityNA {
			r.prioText = lang.L(t.Priority.Name())
		}
		r.prio.Color = fg
		if t.Priority >= model.PriorityHigh {
			r.prio.Color = theme.Color(theme.ColorNameWarning)
		}
		r.ext.Text = string(t.Ext)
		r.custText, r.subjText = "", t.Subject
		if t.Customer != nil {
			r.custText = t.Customer.Code + " " + t.Customer.Name(c.board.s.settings.Language())
		}
		r.mgrText = lang.L("New tickets")
		if t.Manager != nil {
			r.mgrText = t.Manager.Display()
			if t.Manager.Initials != "" {
				r.mgrText = t.Manager.Initials
			}
		}
		r.due.Text = ""
		if !t.DueOn.IsZero() {
			r.due.Text = t.DueOn.String()
		}
	}
	r.due.Color, r.due.TextStyle.Bold = fg, false
	if c.overdue {
		r.due.Color, r.due.TextStyle.Bold = theme.Color(theme.ColorNameError), true
	}
	r.chip.FillColor = color.Transparent
	if r.ext.Text != "" {
		r.chip.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	r.ext.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
	for _, x := range []*canvas.Text{r.no, r.typ, r.cust, r.subj, r.mgr} {
		x.Color = fg
	}
	r.typ.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.Layout(c.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.chip, r.no, r.prio, r.typ, r.ext, r.cust, r.subj, r.mgr, r.due}
}

func (r *cardRenderer) Destroy() {}
