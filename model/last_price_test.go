package model

import "testing"

func TestLastPriceFollowsOrders(t *testing.T) {
	f := newDesk(t)
	last := func() Money {
		m, err := f.s.LastPrice(f.ctx, f.custB.ID, f.paper.ID, "TWD")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := f.intake(f.custB, 10)
	if last() != 0 {
		t.Error("a draft counted as a last price")
	}
	first = f.do(first, func(o *Order, c Ctx) error { return o.Submit(c) })
	if last() != MoneyOf(2500) {
		t.Errorf("after submitting: %s", last())
	}
	f.advance(day)
	second := f.intake(f.custB, 10)
	second.Lines[0].UnitPrice = MoneyOf(2300)
	second, _ = f.s.SaveIntake(f.ctx, f.clerk.Actor(), second)
	second = f.do(second, func(o *Order, c Ctx) error { return o.Submit(c) })
	if last() != MoneyOf(2300) {
		t.Errorf("after a newer order: %s", last())
	}
	// A price changed while checking is the last price.
	second.Lines[0].UnitPrice = MoneyOf(2350)
	second, _ = f.s.SaveIntake(f.ctx, f.clerk.Actor(), second)
	if last() != MoneyOf(2350) {
		t.Errorf("after editing the price: %s", last())
	}
	// Cancelling the newest order hands the last price back to the one before.
	f.do(second, func(o *Order, c Ctx) error { return o.Cancel(c, "test") })
	if last() != MoneyOf(2500) {
		t.Errorf("after cancelling the newest: %s", last())
	}
	f.do(first, func(o *Order, c Ctx) error { return o.Decline(c, "test", "") })
	if last() != 0 {
		t.Errorf("after declining the only one left: %s", last())
	}
	// The table and a full rebuild agree.
	third := f.do(f.intake(f.custB, 3), func(o *Order, c Ctx) error { return o.Submit(c) })
	var before []LastPrice
	f.s.read.Order("customer_id, product_id").Find(&before)
	if err := f.s.write(f.ctx, rebuildLastPrices); err != nil {
		t.Fatal(err)
	}
	var after []LastPrice
	f.s.read.Order("customer_id, product_id").Find(&after)
	if len(before) != len(after) || len(after) != 2 {
		t.Fatalf("kept %d, rebuilt %d", len(before), len(after))
	}
	for i := range after {
		if before[i].UnitPrice != after[i].UnitPrice || before[i].OrderID != after[i].OrderID || before[i].OrderID != third.ID {
			t.Errorf("kept %+v, rebuilt %+v", before[i], after[i])
		}
	}
}
