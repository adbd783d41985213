package ui

import (
	"context"
	"slices"
	"testing"

	"orderdesk/model"
)

// countingTickets counts the ticket reads the board makes.
type countingTickets struct {
	ticketsStore
	reads int
}

func (c *countingTickets) Tickets(ctx context.Context, f model.TicketFilter) ([]model.Ticket, error) {
	c.reads++
	return c.ticketsStore.Tickets(ctx, f)
}

// TestBoardOpensItsColumnsInOneRead: the open columns' first pages come
// from one read, each column showing the page a read of its own returns.
func TestBoardOpensItsColumnsInOneRead(t *testing.T) {
	b := newBoardTest(t)
	for i := range 4 {
		b.ticket("QUESTION", "new one")
		b.ticket("QUESTION", "in house", b.inHouse)
		if i%2 == 0 {
			b.ticket("QUESTION", "internal", func(t *model.Ticket, c model.Ctx) error { return t.MakeInternal(c, b.clerk.ID) })
		}
	}
	b.open()
	counting := &countingTickets{ticketsStore: b.s.store}
	b.s.store = counting
	b.do(b.s.reload)
	if counting.reads != 1 {
		t.Errorf("the board read tickets %d times, want once", counting.reads)
	}
	for _, st := range []model.TicketStatus{model.TicketNew, model.TicketInHouse, model.TicketInternal, model.TicketHold} {
		page, err := b.store.Tickets(context.Background(), model.TicketFilter{Statuses: []model.TicketStatus{st}, Limit: ticketPage})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, tk := range page {
			want = append(want, tk.No)
		}
		if got := b.column(st); !slices.Equal(got, want) || !b.s.board.cols[st].loaded {
			t.Errorf("column %d shows %v, want %v", st, got, want)
		}
	}
}
