package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketCard is one ticket on the board: number and priority, type and
// extension chip, customer, manager and due date (red when overdue). A tap
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
	for _, t := range []**canvas.Text{&r.no, &r.prio, &r.typ, &r.ext, &r.cust, &r.mgr, &r.due} {
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
	c                                  *ticketCard
	bg, chip                           *canvas.Rectangle
	no, prio, typ, ext, cust, mgr, due *canvas.Text
	noText, typText, custText, mgrText string
}

const cardLine = 17

func (r *cardRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 4*cardLine+10) }

func (r *cardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size.SubtractWidthHeight(2, 2))
	r.bg.Move(fyne.NewPos(1, 1))
	pad := float32(6)
	w := size.Width - 2*pad
	line := func(i int) float32 { return 5 + float32(i)*cardLine }
	r.prio.Move(fyne.NewPos(pad, line(0)))
	r.prio.Resize(fyne.NewSize(w, cardLine))
	prioW := fyne.MeasureText(r.prio.Text, r.prio.TextSize, r.prio.TextStyle).Width
	r.no.Text = fit(r.noText, w-prioW-4, r.no)
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
	r.due.Move(fyne.NewPos(pad, line(3)))
	r.due.Resize(fyne.NewSize(w, cardLine))
	dueW := fyne.MeasureText(r.due.Text, r.due.TextSize, r.due.TextStyle).Width
	r.mgr.Text = fit(r.mgrText, w-dueW-6, r.mgr)
	r.mgr.Move(fyne.NewPos(pad, line(3)))
}

// fit shortens s with an ellipsis until it is at most w wide in t's font.
func fit(s string, w float32, t *canvas.Text) string {
	if fyne.MeasureText(s, t.TextSize, t.TextStyle).Width <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 {
		runes = runes[:len(runes)-1]
		if fyne.MeasureText(string(runes)+"…", t.TextSize, t.TextStyle).Width <= w {
			break
		}
	}
	return string(runes) + "…"
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
		r.noText, r.typText, r.custText, r.mgrText = "", "", "", ""
		r.prio.Text, r.ext.Text, r.due.Text = "", "", ""
	} else {
		r.noText, r.typText = t.No, typeNameOf(t.Type)
		r.prio.Text = ""
		if t.Priority != model.PriorityNA {
			r.prio.Text = lang.L(t.Priority.Name())
		}
		r.prio.Color = fg
		if t.Priority >= model.PriorityHigh {
			r.prio.Color = theme.Color(theme.ColorNameWarning)
		}
		r.ext.Text = string(t.Ext)
		r.custText = t.Subject
		if t.Customer != nil {
			r.custText = t.Customer.Code + " " + t.Customer.Name(c.board.s.settings.Language()) + " · " + t.Subject
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
	for _, x := range []*canvas.Text{r.no, r.typ, r.cust, r.mgr} {
		x.Color = fg
	}
	r.typ.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.Layout(c.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.chip, r.no, r.prio, r.typ, r.ext, r.cust, r.mgr, r.due}
}

func (r *cardRenderer) Destroy() {}
