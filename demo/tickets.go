package demo

import (
	"orderdesk/model"
)

// addTickets puts a day's worth of tickets on the board (seeds 000, 001):
// new ones in the queue, work in house and on site, one pending its
// customer's approval, one internal, one on hold, one recurring check.
func (b *builder) addTickets() error {
	by := b.people["YC"].Actor()
	today := model.DateOf(b.s.Now())
	type step func(t *model.Ticket, c model.Ctx) error
	yc, tm, yt := b.people["YC"].ID, b.people["TM"].ID, b.people["YT"].ID
	tickets := []struct {
		in    model.TicketInput
		steps []step
	}{
		{model.TicketInput{Type: "QUOTE-RFQ", Subject: "詢價：銅版紙 128g 500 捲 / RFQ coated 128g", CustomerID: &b.customers[2].ID, DueOn: today.AddDays(2)}, nil},
		{model.TicketInput{Type: "SO-STATUS", Subject: "Where is my kraft order? tracking number please", CustomerID: &b.customers[18].ID}, nil},
		{model.TicketInput{Type: "COMPLAINT-CUSTOMER", Subject: "捲筒紙邊緣破損 / damaged roll edges", CustomerID: &b.customers[13].ID, DueOn: today.AddDays(-1), Priority: model.PriorityHigh},
			[]step{func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, yc) }}},
		{model.TicketInput{Type: "JOB", Subject: "現場檢查捲紙機張力 / check the rewinder tension on site", CustomerID: &b.customers[5].ID, ContractRef: "CT-2026-006"},
			[]step{
				func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, tm) },
				func(t *model.Ticket, c model.Ctx) error { return t.AssignOnSite(c, tm, "") },
				func(t *model.Ticket, c model.Ctx) error {
					return t.StartWork(c, model.VisitInput{OnSite: true, VisitOn: today.AddDays(2)})
				},
			}},
		{model.TicketInput{Type: "SO-REQUEST", Subject: "Earlier ship date for SO rolls", CustomerID: &b.customers[6].ID, ContractRef: "CT-2026-007"},
			[]step{
				func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, yc) },
				func(t *model.Ticket, c model.Ctx) error { return t.SetExtension(c, model.ExtFCI, 0) },
				func(t *model.Ticket, c model.Ctx) error { return t.MarkPending(c) },
				func(t *model.Ticket, c model.Ctx) error { return t.SetExtension(c, model.ExtCA1, 0) },
			}},
		{model.TicketInput{Type: "PRODUCT-PROOF", Subject: "印前打樣：新標籤設計 / proof for the new label", CustomerID: &b.customers[11].ID},
			[]step{func(t *model.Ticket, c model.Ctx) error { return t.SetExtension(c, model.ExtQuote, yt) }}},
		{model.TicketInput{Type: "PURCHASE-STATUS", Subject: "Waiting for pulp delivery from Nordic Pulp", VendorID: nil},
			[]step{func(t *model.Ticket, c model.Ctx) error {
				return t.Hold(c, today.AddDays(10), "the vendor ships next week")
			}}},
		{model.TicketInput{Type: "TASK", Subject: "每日檢查傳真回傳 / daily check of faxed sign-backs"},
			[]step{func(t *model.Ticket, c model.Ctx) error { return t.MakeRecurring(c, 1, today.AddDays(1)) }}},
		{model.TicketInput{Type: "SO-DOCUMENT", Subject: "Order confirmation sent to Pacific Label", CustomerID: &b.customers[3].ID}, nil},
	}
	for _, tk := range tickets {
		t, err := b.s.CreateTicket(b.ctx, by, tk.in)
		if err != nil {
			return err
		}
		for _, st := range tk.steps {
			if t, err = b.s.ApplyTicket(b.ctx, by, t.ID, t.Version, st); err != nil {
				return err
			}
		}
	}
	return nil
}
