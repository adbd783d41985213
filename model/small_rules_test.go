package model

import (
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// TestDepositBeforeTheConfirmationIsNotWaived: before its confirmation a
// tier-B order with a deposit is not said to owe none; after it, the
// deposit is owed; a tier-A order owes none.
func TestDepositBeforeTheConfirmationIsNotWaived(t *testing.T) {
	f := newDesk(t)
	c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	b := f.intake(f.custB, 10)
	got := refusal(t, b.Allowed(DoDeposit, c))
	if strings.Contains(got, "owes no deposit") || !strings.Contains(got, "30%") {
		t.Errorf("tier B before the confirmation: %q", got)
	}
	b = f.toConfirmationSent(b)
	if err := f.reload(b).Allowed(DoDeposit, c); err != nil {
		t.Errorf("tier B after the confirmation: %v", err)
	}
	if got := refusal(t, f.intake(f.custA, 10).Allowed(DoDeposit, c)); got != "This customer owes no deposit on this order." {
		t.Errorf("tier A: %q", got)
	}
}

// TestOneThingIsMissing: the count of what the confirmation lacks reads
// right in the singular.
func TestOneThingIsMissing(t *testing.T) {
	f := newDesk(t)
	c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	o := f.intake(f.custB, 10)
	o = f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, MaterialInStock: true, Note: "原紙庫存足夠", SignedBy: SignerOf(f.tech)})
	})
	missing := o.MissingForConfirmation(c.Office)
	if len(missing) != 1 {
		t.Fatalf("want one thing missing, got %v", missing)
	}
	if got := refusal(t, o.Allowed(DoIssueConfirmation, c)); got != "The confirmation cannot be printed yet: 1 thing is missing; see the completeness list." {
		t.Errorf("one missing (%v): %q", missing, got)
	}
}

// TestOneThingLacksForChecking: a submit refused for one missing thing,
// and an order of one line in the history, read in the singular; two
// still read in the plural.
func TestOneThingLacksForChecking(t *testing.T) {
	f := newDesk(t)
	c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	o := f.intake(f.custA, 10)
	o.Packaging = ""
	if got := refusal(t, o.Allowed(DoSubmit, c)); got != "The intake memo still lacks 1 thing the confirmation needs: see the completeness list." {
		t.Errorf("one missing (%v): %q", o.MissingForChecking(), got)
	}
	o.TolerancePct = nil
	if got := refusal(t, o.Allowed(DoSubmit, c)); !strings.Contains(got, "lacks 2 things") {
		t.Errorf("two missing: %q", got)
	}

	contacts, _ := f.s.ContactsOf(f.ctx, f.custA.ID)
	one := NewOrderFor(f.custA, contacts, ChannelPhone, f.clock.Now())
	one.Lines = []OrderLine{{ProductID: f.paper.ID, Qty: QtyOf(2), Unit: "roll", UnitPrice: MoneyOf(2500)}}
	if err := f.s.CreateOrder(f.ctx, f.clerk.Actor(), one); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   uint
		want string
	}{{one.ID, ", 1 line, total NT$5,000"}, {o.ID, ", 2 lines, total "}} {
		events, _ := f.s.EventsFor(f.ctx, "order", tc.id)
		if len(events) == 0 || !strings.Contains(events[0].English(), tc.want) {
			t.Errorf("the order's first history entry: %v, want %q", events, tc.want)
		}
	}
}

// TestProductionDateKeepsUnitsApart: the quantities production confirms
// are recorded per unit; an order of one unit keeps its quantity.
func TestProductionDateKeepsUnitsApart(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custA, 10)
	f.s.write(f.ctx, func(tx *gorm.DB) error {
		return tx.Model(&OrderLine{}).Where("id = ?", o.Lines[1].ID).Update("unit", "ream").Error
	})
	o = f.do(f.reload(o), func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, MaterialInStock: true, Note: "原紙庫存足夠", SignedBy: SignerOf(f.tech)})
	})
	in := ProductionDateInput{ProductionDate: f.today().AddDays(3), FinishedDate: f.today().AddDays(10),
		PerUnit: map[string]Qty{"roll": QtyOf(10)}, SignedBy: SignerOf(f.prod)}
	err := f.try(o, func(o *Order, c Ctx) error { return o.RecordProductionDate(c, in) })
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For(ProdQtyField("ream")).IsZero() {
		t.Fatalf("no ream quantity: %v", err)
	}
	in.PerUnit["ream"] = QtyOf(4)
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordProductionDate(c, in) })
	if o.ProdDate.Qty != 0 {
		t.Errorf("rolls and reams added into %s", o.ProdDate.Qty)
	}
	ev := f.events(o)
	if got := ev[len(ev)-1].English(); !strings.Contains(got, "quantity 10 roll, 4 ream") {
		t.Errorf("history says %q", got)
	}
}
