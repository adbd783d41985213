package model

import "testing"

// The deposit and the balance are shares of what the customer pays, tax
// and all, in both tax settings: the total the documents print. So a
// balance notice's paid plus owed is that total, and paying what the
// notice asks clears finance.
func TestDepositAndBalanceCountTheTaxedTotal(t *testing.T) {
	for _, included := range []bool{true, false} {
		t.Run(map[bool]string{true: "prices include tax", false: "tax added"}[included], func(t *testing.T) {
			f := newDesk(t)
			office, err := f.s.Office(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			office.PricesIncludeTax = included
			if err := f.s.SaveOffice(f.ctx, f.super.Actor(), office); err != nil {
				t.Fatal(err)
			}
			o := f.toConfirmationSent(f.intake(f.custB, 100))
			total := office.Tax(o.Total).Total
			if want := total.Percent(30); o.DepositDue != want {
				t.Fatalf("deposit due %s, want 30%% of the printed total %s = %s", o.DepositDue, total, want)
			}
			o = f.signBack(o)
			o = f.do(o, func(o *Order, c Ctx) error {
				return o.RecordPayment(c, PaymentDeposit, o.DepositDue, c.Today(), "TT-1")
			})
			o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), true) })
			o = f.do(o, func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(200), true, "") })
			o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
			o = f.do(o, func(o *Order, c Ctx) error { return o.IssueBalanceNotice(c) })
			if got := o.PaidTotal() + o.Balance.Amount; got != total {
				t.Errorf("notice: paid %s + owed %s = %s, want the printed total %s", o.PaidTotal(), o.Balance.Amount, got, total)
			}
			o = f.do(o, func(o *Order, c Ctx) error {
				return o.RecordPayment(c, PaymentBalance, o.Balance.Amount, c.Today(), "TT-2")
			})
			if err := f.try(o, func(o *Order, c Ctx) error { return o.ClearFinance(c, SignerOf(f.finance), "") }); err != nil {
				t.Errorf("the balance the notice asked for is paid, finance refuses: %v", err)
			}
			// Paid in full, the desk no longer offers to record the balance.
			err = f.try(o, func(o *Order, c Ctx) error { return o.RecordPayment(c, PaymentBalance, MoneyOf(1), c.Today(), "TT-3") })
			if err == nil || Say(err).String() != "The balance has been received in full." {
				t.Errorf("a balance paid in full took another payment: %v", err)
			}
		})
	}
}
