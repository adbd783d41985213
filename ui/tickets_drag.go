package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// Moving a card with the mouse: the "Move to…" menu (right click, M, or
// the toolbar's button) and drag and drop onto another column. Fyne has no
// drag and drop between containers; a card is Draggable, the board follows
// the pointer's absolute position and finds the column under it on release.

// showMoveMenu shows "Move to…" for the picked card, under the card.
func (b *ticketBoard) showMoveMenu() {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.cols[b.selCol].box)
	b.showMoveMenuAt(pos.AddXY(20, 60))
}

func (b *ticketBoard) showMoveMenuAt(pos fyne.Position) {
	t, ok := b.selected()
	if !ok {
		setProblemText(b.s.status, lang.L("Pick a ticket first: click a card or use the arrows."))
		return
	}
	tk := *t
	items := []*fyne.MenuItem{fyne.NewMenuItem(lang.L("Open…"), func() { b.s.openDetail(tk) }), fyne.NewMenuItemSeparator()}
	for _, st := range model.TicketStatuses {
		item := fyne.NewMenuItem(fmt.Sprintf("%d  %s", st, lang.L(st.Name())), func() { b.s.move(tk, st) })
		item.Disabled = st == tk.Status
		items = append(items, item)
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), b.s.win.Canvas(), pos)
}

// dragging follows a card dragged over the board, lighting the column under it.
func (b *ticketBoard) dragging(card *ticketCard, at fyne.Position) {
	b.dragAt = at
	if b.ghost == nil {
		ghostCard := newTicketCard(b, card.col)
		ghostCard.set(-1, card.ticket, true)
		b.ghost = widget.NewPopUp(ghostCard, b.s.win.Canvas())
		b.ghost.Resize(card.Size())
		b.ghost.ShowAtPosition(at.AddXY(8, 8))
	} else {
		b.ghost.Move(at.AddXY(8, 8))
	}
	over := b.columnAt(at)
	if over == b.dragOver {
		return
	}
	if b.dragOver != nil {
		b.dragOver.target.Hide()
	}
	b.dragOver = over
	if over != nil && !over.collapsed {
		over.target.Show()
	}
}

// dropped moves the dragged card to the column it was let go over.
func (b *ticketBoard) dropped(card *ticketCard) {
	over := b.columnAt(b.dragAt)
	if b.ghost != nil {
		b.ghost.Hide()
		b.ghost = nil
	}
	if b.dragOver != nil {
		b.dragOver.target.Hide()
	}
	b.dragOver = nil
	if over != nil && card.ticket != nil && over.status != card.ticket.Status {
		b.s.move(*card.ticket, over.status)
	}
}

// columnAt returns the column (open, or the strip of a collapsed one) under
// the absolute position at.
func (b *ticketBoard) columnAt(at fyne.Position) *boardColumn {
	d := fyne.CurrentApp().Driver()
	for _, c := range b.cols {
		obj := c.box
		if c.collapsed {
			obj = c.strip
		}
		if !obj.Visible() {
			continue
		}
		p, size := d.AbsolutePositionForObject(obj), obj.Size()
		if at.X >= p.X && at.X < p.X+size.Width && at.Y >= p.Y && at.Y < p.Y+size.Height {
			return c
		}
	}
	return nil
}
