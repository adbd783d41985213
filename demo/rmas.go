package demo

import (
	"fmt"
	"time"

	"orderdesk/model"
)

// demoRMA is one return of the demo office: why the goods come back and how
// far the Repair & Returns team has taken it.
type demoRMA struct {
	reason    model.RMAReason
	lot       string
	complaint string
	// daysAgo is when the customer asked: the overdue return was opened
	// and authorized long enough ago that its goods are late.
	daysAgo int
	// steps are the team's (and QC's) steps after opening, in order.
	steps []rmaStep
}

type rmaStep struct {
	who  string // initials of the signer
	rule func(r *model.RMA, c model.Ctx) error
}

var (
	authorize = rmaStep{"AN", func(r *model.RMA, c model.Ctx) error { return r.Authorize(c) }}
	receive   = rmaStep{"AN", func(r *model.RMA, c model.Ctx) error { return r.Receive(c, "2 cartons") }}
	inspect   = rmaStep{"LH", func(r *model.RMA, c model.Ctx) error { return r.Inspect(c, "邊緣受潮，約 20% 無法使用") }}
	closeRMA  = rmaStep{"AN", func(r *model.RMA, c model.Ctx) error { return r.Close(c, "") }}
)

func decide(d model.RMADecision, credit model.Money, reason string) rmaStep {
	return rmaStep{"AN", func(r *model.RMA, c model.Ctx) error { return r.Decide(c, d, credit, reason) }}
}

// demoRMAs put a return in each state of the team's queue, one of them overdue.
var demoRMAs = []demoRMA{
	{reason: model.ReasonDamage, complaint: "兩箱外箱壓損，紙張邊緣受潮"},
	{reason: model.ReasonWrongItem, complaint: "Received 70 g/m² instead of 80 g/m²", steps: []rmaStep{authorize}},
	{reason: model.ReasonDamage, complaint: "棧板破損", steps: []rmaStep{authorize, receive}},
	{reason: model.ReasonQuality, lot: "L-2026-118", complaint: "Curling after printing", steps: []rmaStep{authorize, receive, inspect}},
	{reason: model.ReasonDamage, complaint: "外箱進水", steps: []rmaStep{authorize, receive, inspect, decide(model.DecideReplace, 0, "")}},
	{reason: model.ReasonQuality, lot: "L-2026-097", complaint: "色差", steps: []rmaStep{authorize, receive, inspect, decide(model.DecideCredit, model.MoneyOf(1200), ""), closeRMA}},
	{reason: model.ReasonWrongItem, complaint: "尺寸不符", daysAgo: 16, steps: []rmaStep{authorize}},
}

// addRMAs opens the demo's returns on orders that shipped, through the
// model's rules with the signers the rules require: Andy of the Repair &
// Returns team, Liu Hsin of QC for the inspection.
func (b *builder) addRMAs() error {
	// The goods come back from delivered orders, then from those the demo
	// shipped itself (a small office has few delivered orders).
	rows, err := b.s.Orders(b.ctx, model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: len(demoRMAs)})
	if err != nil {
		return err
	}
	orders := make([]uint, 0, len(rows)+len(b.shipped))
	for _, r := range rows {
		orders = append(orders, r.ID)
	}
	orders = append(orders, b.shipped...)
	for i, d := range demoRMAs {
		if i >= len(orders) {
			return nil
		}
		if err := b.atDaysAgo(d.daysAgo, func() error { return b.addRMA(orders[i], d) }); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) addRMA(orderID uint, d demoRMA) error {
	o, err := b.s.Order(b.ctx, orderID)
	if err != nil {
		return err
	}
	l := o.Lines[0]
	qty := l.Qty / 5
	if qty <= 0 {
		qty = l.Qty
	}
	r, err := b.s.OpenRMA(b.ctx, b.people["AN"].Actor(), model.RMAInput{OrderID: o.ID, Lines: map[int]model.Qty{l.LineNo: qty},
		Reason: d.reason, QCLot: d.lot, Complaint: d.complaint})
	if err != nil {
		return fmt.Errorf("open a return of %s: %w", o.No, err)
	}
	for _, st := range d.steps {
		if r, err = b.s.ChangeRMA(b.ctx, b.people[st.who].Actor(), r.ID, r.Version, st.rule); err != nil {
			return fmt.Errorf("%s: %w", r.No, err)
		}
		if r.State == model.RMADecided && r.Decision == model.DecideReplace {
			if r, err = b.s.ShipReplacement(b.ctx, b.people["AN"].Actor(), r.ID, r.Version, carriers[0], fmt.Sprintf("TW%09d", 320000000+r.ID)); err != nil {
				return fmt.Errorf("replacement of %s: %w", r.No, err)
			}
		}
	}
	return nil
}

// atDaysAgo runs fn with the store's clock n days back, so that what it
// records is dated then and falls due as it would have. The demo is made
// before any window or job reads the clock.
func (b *builder) atDaysAgo(n int, fn func() error) error {
	if n == 0 {
		return fn()
	}
	clock := b.s.Clock
	b.s.Clock = func() time.Time { return clock().AddDate(0, 0, -n) }
	defer func() { b.s.Clock = clock }()
	return fn()
}
