package model

import (
	"strings"
	"testing"
)

// A step of the procedure that writes on the order's lines (QC's counted
// quantities, a salesperson's price confirmation) is told by its own event;
// the history must not add a raw "Changed: QC.Inspector.ByID …" line after
// it, as it did in the walk through a fresh office (issue 16). An edit of
// the intake still lists what changed.
func TestAStepOnTheLinesLeavesNoRawChangeLine(t *testing.T) {
	f := newDesk(t)
	updated := func(o *Order) []string {
		t.Helper()
		events, err := f.s.EventsFor(f.ctx, "order", o.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			if e.Action == ActUpdated {
				got = append(got, e.English())
			}
		}
		return got
	}

	released := f.do(f.signBack(f.toConfirmationSent(f.intake(f.custB, 100))), func(o *Order, c Ctx) error {
		return o.RecordPayment(c, PaymentDeposit, o.DepositDue, c.Today(), "TT-1")
	})
	released = f.do(released, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), true) })
	o := f.do(released, func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(100), true, "") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
	if o.Lines[0].ProducedQty != QtyOf(100) {
		t.Fatalf("QC did not count line 1: %s", o.Lines[0].ProducedQty)
	}
	if got := updated(o); len(got) != 0 {
		t.Errorf("QC left a raw change line in the history: %q", got)
	}

	draft := f.intake(f.custB, 10)
	draft.Lines[0].Qty = QtyOf(20)
	draft, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), draft)
	if err != nil {
		t.Fatal(err)
	}
	if got := updated(draft); len(got) != 1 || !strings.Contains(got[0], "Qty") {
		t.Errorf("an intake edit's changes: %q", got)
	}
}
