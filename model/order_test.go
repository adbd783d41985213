package model

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// refusal returns the English text of a refusal, or fails the test if err is not one.
func refusal(t *testing.T, err error) string {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("want a refusal, got %v", err)
	}
	return r.Error()
}

func TestCreateOrderNumbersAndLooksUpPrices(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 100)
	if o.No != "SO-2026-00001" || o.State != StateDraft {
		t.Fatalf("first order: %s %s", o.No, o.State)
	}
	if o.TakenByID != f.clerk.ID || o.Total != MoneyOf(500000) {
		t.Errorf("taken by %d, total %s", o.TakenByID, o.Total)
	}
	if l := o.Lines[0]; l.PlanPrice != MoneyOf(2500) || l.LastPrice != 0 || l.Amount != MoneyOf(250000) {
		t.Errorf("line 1: plan %s last %s amount %s", l.PlanPrice, l.LastPrice, l.Amount)
	}
	second := f.intake(f.custB, 10)
	if second.No != "SO-2026-00002" {
		t.Errorf("second order %s", second.No)
	}
	ev := f.events(o)
	if len(ev) != 1 || ev[0].Action != ActCreated || ev[0].By != f.clerk.Name || ev[0].To != "draft" {
		t.Errorf("creation event %+v", ev)
	}
}

func TestOrderNumbersRestartEachYear(t *testing.T) {
	f := newDesk(t)
	f.intake(f.custA, 1)
	f.clock.Set(at(2027, 1, 1, 0, 30))
	o := f.intake(f.custA, 1)
	if o.No != "SO-2027-00001" {
		t.Errorf("first order of 2027: %s", o.No)
	}
}

func TestWholeProcedureTierB(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 100)
	steps := []struct {
		name  string
		rule  func(o *Order, c Ctx) error
		state State
	}{
		{"submit", func(o *Order, c Ctx) error { return o.Submit(c) }, StateChecking},
		{"technical check", func(o *Order, c Ctx) error {
			return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, MaterialInStock: true, Note: "原紙庫存足夠", SignedBy: SignerOf(f.tech)})
		}, StateChecking},
		{"production date", func(o *Order, c Ctx) error {
			return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: NewDate(2026, 11, 25), FinishedDate: NewDate(2026, 12, 2), Qty: QtyOf(200), SignedBy: SignerOf(f.prod)})
		}, StateChecking},
		{"issue confirmation", func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "SO-2026-00001-R1.pdf") }, StateChecking},
		{"fax", func(o *Order, c Ctx) error { return o.RecordFaxSent(c) }, StateConfirmationSent},
		{"legible", func(o *Order, c Ctx) error { return o.ConfirmFaxLegible(c, "林經理") }, StateConfirmationSent},
		{"sign-back", func(o *Order, c Ctx) error {
			return o.RecordSignBack(c, SignBackInput{Contact: f.signer[o.CustomerID], Stamped: true})
		}, StateConfirmationSent},
		{"deposit", func(o *Order, c Ctx) error {
			return o.RecordPayment(c, PaymentDeposit, MoneyOf(150000), c.Today(), "TT-1")
		}, StateConfirmationSent},
		{"release", func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), true) }, StateReleased},
		{"progress", func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(150), false, "") }, StateInProduction},
		{"finished", func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(50), true, "復卷完成") }, StateInProduction},
		{"QC", func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) }, StateInspected},
		{"balance notice", func(o *Order, c Ctx) error { return o.IssueBalanceNotice(c) }, StateInspected},
		{"balance paid", func(o *Order, c Ctx) error {
			return o.RecordPayment(c, PaymentBalance, MoneyOf(350000), c.Today(), "TT-2")
		}, StateInspected},
		{"finance", func(o *Order, c Ctx) error { return o.ClearFinance(c, SignerOf(f.finance), "月結30天 per contract") }, StateCleared},
		{"shipped", nil, StateShipped},
		{"delivered", func(o *Order, c Ctx) error { return o.recordDelivered(c, c.Today(), "林經理") }, StateDelivered},
	}
	for _, st := range steps {
		if st.name == "shipped" {
			var err error
			o, err = f.s.IssueShipmentRequest(f.ctx, f.clerk.Actor(), o.ID, o.Version, ShipmentRequestInput{
				ShipTo: o.ShipToAddress(), Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
			if err != nil {
				t.Fatalf("shipment request: %v", err)
			}
			if o.RequestNo != "SR-2026-00001" {
				t.Errorf("request number %q", o.RequestNo)
			}
			st.rule = func(o *Order, c Ctx) error { return o.recordShipped(c, c.Today(), c.Today().AddDays(2)) }
		}
		o = f.do(o, st.rule)
		if o.State != st.state {
			t.Fatalf("after %s: state %s, want %s", st.name, o.State, st.state)
		}
		f.advance(day)
	}
	if o.DepositDue != MoneyOf(150000) || o.Balance.Amount != MoneyOf(350000) {
		t.Errorf("deposit due %s, balance notice %s", o.DepositDue, o.Balance.Amount)
	}
	if !o.Release.ProductionSigned.Signed() || o.Release.CopyToTechAt == nil || !o.QC.Passed || o.QC.StockedInAt == nil {
		t.Error("a gate lost its who/when")
	}
	// Every step left an event naming who did it.
	ev := f.events(o)
	actions := map[string]int{}
	moves := 0
	for _, e := range ev {
		actions[e.Action]++
		if e.To != "" && e.Action != ActCreated {
			moves++
		}
		if e.By == "" {
			t.Errorf("event without actor: %+v", e)
		}
	}
	for _, a := range []string{"created", "state", "technical_check", "production_date", "issue_confirmation", "fax_sent",
		"fax_legible", "sign_back", "deposit", "progress", "qc_passed", "balance_notice", "balance_payment", "finance", "shipment_request"} {
		if actions[a] == 0 {
			t.Errorf("no %s event (events: %v)", a, actions)
		}
	}
	if moves != 8 {
		t.Errorf("%d state changes, want 8", moves)
	}
}

func TestTierAReleasedBeforeSignBackAndSignedLater(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custA, 10))
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	if o.State != StateReleased || !o.Release.BeforeSignBack || o.SignBackOwedSince == nil {
		t.Fatalf("tier A release: %s before-sign-back=%v owed=%v", o.State, o.Release.BeforeSignBack, o.SignBackOwedSince)
	}
	// Next day the sign-back is still owed and shows as overdue.
	f.advance(day)
	row := o.Summary()
	if !containsGate(row.Overdue(f.s.Now()), GateSignBack) {
		t.Errorf("owed sign-back not overdue: %v", row.Overdue(f.s.Now()))
	}
	if n, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewOverdue, Gate: GateSignBack}); n.N != 1 {
		t.Errorf("overdue sign-back list has %d orders", n.N)
	}
	// The released order's date does not slip: production has started.
	if f.reload(o).PromisedDate != o.ConfirmedDate {
		t.Error("a released order's date slipped")
	}
	o = f.signBack(f.reload(o))
	if o.SignBackOwedSince != nil || !o.Revision().SignedOK() || o.State != StateReleased {
		t.Errorf("late sign-back on a released order: owed %v state %s", o.SignBackOwedSince, o.State)
	}
}

func TestTierBRefusedWithoutSignBack(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	err := f.try(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	if got := refusal(t, err); got != "Tier B customer: the signed confirmation has not been received." {
		t.Errorf("refusal %q", got)
	}
	c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	if f.reload(o).Allowed(DoRelease, c) == nil {
		t.Error("Allowed says release is possible")
	}
}

func TestTierCRefusedUntilDepositComplete(t *testing.T) {
	f := newDesk(t)
	o := f.signBack(f.toConfirmationSent(f.intake(f.custC, 10)))
	if o.DepositDue != MoneyOf(25000) {
		t.Fatalf("deposit due %s, want 50%% of %s", o.DepositDue, o.Total)
	}
	release := func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) }
	if got := refusal(t, f.try(o, release)); got != "Deposit 50% (NT$25,000) not received." {
		t.Errorf("no deposit: %q", got)
	}
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordPayment(c, PaymentDeposit, MoneyOf(5000), NewDate(2026, 11, 20), "")
	})
	if got := refusal(t, f.try(o, release)); got != "Deposit 50% (NT$25,000) not received: NT$5,000 received by 2026-11-20." {
		t.Errorf("part deposit: %q", got)
	}
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordPayment(c, PaymentDeposit, MoneyOf(20000), NewDate(2026, 11, 20), "")
	})
	if o = f.do(o, release); o.State != StateReleased {
		t.Errorf("full deposit: %s", o.State)
	}
}

func TestSlipRule(t *testing.T) {
	cases := []struct {
		name    string
		faxed   [3]int // month, day, hour (2026, Taipei)
		now     [3]int
		working bool
		holiday Date
		late    int
		want    string // promised date after the slip
	}{
		{"same day", [3]int{11, 20, 9}, [3]int{11, 20, 23}, false, Date{}, 0, "2026-11-30"},
		{"next morning", [3]int{11, 20, 17}, [3]int{11, 21, 8}, false, Date{}, 1, "2026-12-01"},
		{"over a weekend, calendar days", [3]int{11, 20, 9}, [3]int{11, 23, 9}, false, Date{}, 3, "2026-12-03"},
		{"over a weekend, working days", [3]int{11, 20, 9}, [3]int{11, 23, 9}, true, Date{}, 1, "2026-12-01"},
		{"month end, calendar", [3]int{11, 27, 9}, [3]int{12, 2, 9}, false, Date{}, 5, "2026-12-05"},
		{"month end, working days", [3]int{11, 27, 9}, [3]int{12, 2, 9}, true, Date{}, 3, "2026-12-03"},
		{"holiday skipped", [3]int{11, 30, 9}, [3]int{12, 2, 9}, true, NewDate(2026, 12, 1), 1, "2026-12-02"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := &Order{No: "SO-T", State: StateConfirmationSent, CurrentRev: 1, Customer: &Customer{Tier: TierB}}
			confirmed := NewDate(2026, 11, 30)
			if tc.faxed[0] == 11 && tc.faxed[1] == 27 {
				confirmed = NewDate(2026, 11, 30)
			}
			o.ConfirmedDate, o.PromisedDate = confirmed, confirmed
			faxed := at(2026, monthOf(tc.faxed[0]), tc.faxed[1], tc.faxed[2], 0).UTC()
			o.SignBackOwedSince = &faxed
			office := DefaultOffice()
			office.SlipWorkingDays = tc.working
			if !tc.holiday.IsZero() {
				office.Holidays = []Date{tc.holiday}
			}
			c := Ctx{By: System, Now: at(2026, monthOf(tc.now[0]), tc.now[1], tc.now[2], 0), Office: office}
			moved := o.ApplySlip(c)
			if o.SlipDays != tc.late || o.PromisedDate.String() != tc.want {
				t.Errorf("slip %d days to %s, want %d to %s", o.SlipDays, o.PromisedDate, tc.late, tc.want)
			}
			if moved != (tc.late > 0) || len(o.pending) != map[bool]int{true: 1, false: 0}[tc.late > 0] {
				t.Errorf("moved %v with %d events", moved, len(o.pending))
			}
			// Applying again the same day changes nothing and records nothing.
			if o.ApplySlip(c) || len(o.pending) > 1 {
				t.Error("a second application on the same day moved the date again")
			}
		})
	}
}

func monthOf(m int) time.Month { return time.Month(m) }

func TestSlipIsRecordedEachTimeItMoves(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10)) // faxed Friday 2026-11-20
	confirmed := o.ConfirmedDate
	for i := 1; i <= 3; i++ {
		f.advance(day)
		n, err := f.s.ApplySlips(f.ctx)
		if err != nil || n != 1 {
			t.Fatalf("day %d: %d moved, %v", i, n, err)
		}
	}
	if n, _ := f.s.ApplySlips(f.ctx); n != 0 {
		t.Errorf("a second run the same day moved %d dates", n)
	}
	o = f.reload(o)
	if o.SlipDays != 3 || o.PromisedDate != confirmed.AddDays(3) {
		t.Errorf("after 3 days: slip %d, promised %s (confirmed %s)", o.SlipDays, o.PromisedDate, confirmed)
	}
	slips := 0
	for _, e := range f.events(o) {
		if e.Action == OrdSlip {
			slips++
			if e.By != "OrderDesk" {
				t.Errorf("slip recorded by %q", e.By)
			}
		}
	}
	if slips != 3 {
		t.Errorf("%d slip events, want 3", slips)
	}
	// The clerk got one reminder, the first day, in their queue.
	items, _ := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueMine, PersonID: f.clerk.ID})
	if len(items) != 1 || items[0].ObjectID != o.ID || items[0].AuthorID != nil || !strings.Contains(items[0].Title, o.No) {
		t.Errorf("late sign-back reminders: %+v", items)
	}
	// The sign-back arrives: the slip stops there.
	o = f.signBack(o)
	f.advance(2 * day)
	f.s.ApplySlips(f.ctx)
	if o = f.reload(o); o.SlipDays != 3 {
		t.Errorf("slip went on after the sign-back: %d", o.SlipDays)
	}
}

func TestFaultySignBackRestartsTheClockWithRevisionTwo(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	f.advance(2 * day) // back two days late, with an unclear stamp
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordSignBack(c, SignBackInput{Stamped: true, Problems: "印章模糊 stamp unclear"})
	})
	if o.State != StateChecking || o.SlipDays != 2 || o.SignBackOwedSince != nil {
		t.Fatalf("faulty sign-back: %s slip %d owed %v", o.State, o.SlipDays, o.SignBackOwedSince)
	}
	slipped := o.PromisedDate
	if err := f.try(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) }); err == nil {
		t.Fatal("released on a faulty sign-back")
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") })
	if o.CurrentRev != 2 || !o.Revisions[0].Superseded || o.Revision().PromisedDate != slipped {
		t.Fatalf("revision 2: rev %d, rev 1 superseded %v, promises %s (slipped %s)", o.CurrentRev, o.Revisions[0].Superseded, o.Revision().PromisedDate, slipped)
	}
	if o.SlipDays != 0 {
		t.Errorf("the clock did not restart: %d", o.SlipDays)
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordFaxSent(c) })
	f.advance(day)
	f.s.ApplySlips(f.ctx)
	o = f.reload(o)
	if o.SlipDays != 1 || o.PromisedDate != slipped.AddDays(1) {
		t.Errorf("rev 2 one day late: slip %d promised %s", o.SlipDays, o.PromisedDate)
	}
	o = f.signBack(o)
	if !o.Revision().SignedOK() || o.Revision().Rev != 2 {
		t.Error("rev 2 sign-back not recorded")
	}
}

func TestSignBackNeedsADesignatedSignerOrStamp(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	contacts, _ := f.s.ContactsOf(f.ctx, f.custB.ID)
	var assistant *Contact
	for i := range contacts {
		if !contacts[i].CanSign {
			assistant = &contacts[i]
		}
	}
	cases := []struct {
		in    SignBackInput
		field string
	}{
		{SignBackInput{}, "Contact"},
		{SignBackInput{Contact: assistant}, "Contact"},
		{SignBackInput{Contact: f.signer[f.custA.ID]}, "Contact"},
	}
	for _, tc := range cases {
		err := f.try(o, func(o *Order, c Ctx) error { return o.RecordSignBack(c, tc.in) })
		var fe FieldErrors
		if !errors.As(err, &fe) || fe.For(tc.field).IsZero() {
			t.Errorf("%+v: %v", tc.in, err)
		}
	}
	if err := f.try(o, func(o *Order, c Ctx) error {
		return o.RecordSignBack(c, SignBackInput{Contact: assistant, Stamped: true})
	}); err != nil {
		t.Errorf("company stamp with the assistant's name: %v", err)
	}
}

func TestEmergencyShippingLeavesPaperworkOverdue(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custA, 10))
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	o = f.signBack(o)
	o = f.toCleared(o)
	ship := func(o *Order, c Ctx) error { return o.recordShipped(c, c.Today(), c.Today().AddDays(1)) }
	if got := refusal(t, f.try(o, ship)); !strings.HasPrefix(got, "Nothing ships without a shipment request") {
		t.Errorf("ship without request: %q", got)
	}
	// Only the CS supervisor may authorise it.
	err := f.try(o, func(o *Order, c Ctx) error {
		return o.AuthoriseEmergencyShipping(c, SignerOf(f.sales), "客戶產線停機")
	})
	if got := refusal(t, err); !strings.HasPrefix(got, "Only the CS supervisor may authorise") {
		t.Errorf("salesperson authorising: %q", got)
	}
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.AuthoriseEmergencyShipping(c, SignerOf(f.super), "客戶產線停機 line down")
	})
	o = f.do(o, ship)
	if o.State != StateShipped || o.Emergency.Authorised.By != f.super.Name {
		t.Fatalf("emergency shipped: %s by %q", o.State, o.Emergency.Authorised.By)
	}
	if !containsGate(o.Summary().Overdue(f.s.Now()), GatePaperwork) {
		t.Error("missing paperwork not overdue")
	}
	if n, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewOverdue, Gate: GatePaperwork}); n.N != 1 {
		t.Errorf("paperwork overdue list: %d", n.N)
	}
	o, err = f.s.IssueShipmentRequest(f.ctx, f.clerk.Actor(), o.ID, o.Version, ShipmentRequestInput{ShipTo: "台北", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
	if err != nil {
		t.Fatal(err)
	}
	if containsGate(o.Summary().Overdue(f.s.Now()), GatePaperwork) || !o.Requests[0].AfterEmerg {
		t.Error("paperwork still overdue after the request")
	}
}

func TestCancellationKeepsEverything(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	if err := f.try(o, func(o *Order, c Ctx) error { return o.Cancel(c, "") }); err == nil {
		t.Error("cancel without a reason")
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.Cancel(c, "客戶取消 customer cancelled") })
	o = f.reload(o)
	if o.State != StateCancelled || len(o.Lines) != 2 || len(o.Revisions) != 1 || !o.Tech.Done() || o.SignBackOwedSince != nil {
		t.Errorf("cancelled: state %s, %d lines, %d revisions, tech %v", o.State, len(o.Lines), len(o.Revisions), o.Tech.Done())
	}
	if len(f.events(o)) < 7 {
		t.Errorf("history lost: %d events", len(f.events(o)))
	}
	if got := refusal(t, f.try(o, func(o *Order, c Ctx) error { return o.Resume(c) })); !strings.Contains(got, "cancelled") {
		t.Errorf("action on a cancelled order: %q", got)
	}
	if n, _ := f.s.CountOrders(f.ctx, OrderFilter{View: ViewClosed}); n.N != 1 {
		t.Errorf("closed list: %d", n.N)
	}
}

func TestHoldAndResume(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 10))
	o = f.do(o, func(o *Order, c Ctx) error { return o.Hold(c, "等待客戶確認規格") })
	if got := refusal(t, f.try(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })); got != "The order is on hold: resume it first." {
		t.Errorf("release while on hold: %q", got)
	}
	// Facts are still recorded while on hold.
	o = f.signBack(o)
	o = f.do(o, func(o *Order, c Ctx) error { return o.Resume(c) })
	if o.State != StateConfirmationSent || o.HeldFrom != "" {
		t.Errorf("resumed to %s", o.State)
	}
}

func TestPriceDeviationNeedsTheSalesperson(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 10)
	o.Lines[1].UnitPrice = MoneyOf(2000) // 20% under the plan
	o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
	if err != nil {
		t.Fatal(err)
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, Note: "ok", SignedBy: SignerOf(f.tech)})
	})
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: c.Today(), FinishedDate: c.Today().AddDays(7), Qty: QtyOf(20), SignedBy: SignerOf(f.prod)})
	})
	c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	missing := o.MissingForConfirmation(c.Office)
	if len(missing) != 1 || missing[0].Field != "PriceConfirmed" || missing[0].Line != 2 {
		t.Fatalf("missing %+v", missing)
	}
	if d := o.Lines[1].CheckPrice(3); d.PlanPct != -20 || !d.Beyond {
		t.Errorf("deviation %+v", d)
	}
	if err := f.try(o, func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") }); err == nil {
		t.Fatal("confirmation issued with an unconfirmed price")
	}
	// The clerk cannot confirm it; the supervisor can only once it was reported.
	for _, who := range []*Employee{f.clerk, f.super} {
		if err := f.try(o, func(o *Order, c Ctx) error { return o.ConfirmPrice(c, 2, SignerOf(who), "") }); err == nil {
			t.Errorf("%s confirmed the price", who.Name)
		}
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReportPriceDoubt(c, 2, "比價格表低 20%") })
	if err := f.try(o, func(o *Order, c Ctx) error { return o.ConfirmPrice(c, 2, SignerOf(f.super), "") }); err != nil {
		t.Errorf("supervisor after escalation: %v", err)
	}
	o = f.do(f.reload(o), func(o *Order, c Ctx) error { return o.ConfirmPrice(c, 2, SignerOf(f.sales), "大量訂單特價") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") })
	if o.CurrentRev != 1 {
		t.Errorf("confirmation not issued")
	}
}

func TestLastPriceIsTheCustomersPreviousOrder(t *testing.T) {
	f := newDesk(t)
	first := f.intake(f.custB, 10)
	first.Lines[0].UnitPrice = MoneyOf(2400)
	first, _ = f.s.SaveIntake(f.ctx, f.clerk.Actor(), first)
	f.do(first, func(o *Order, c Ctx) error { return o.Submit(c) })
	f.advance(day)
	second := f.intake(f.custB, 10)
	if second.Lines[0].LastPrice != MoneyOf(2400) || second.Lines[1].LastPrice != MoneyOf(2500) {
		t.Errorf("last prices %s %s", second.Lines[0].LastPrice, second.Lines[1].LastPrice)
	}
	other := f.intake(f.custC, 10)
	if other.Lines[0].LastPrice != 0 {
		t.Error("another customer's price counted as last price")
	}
}

func TestCompletenessAndWhoMustCall(t *testing.T) {
	f := newDesk(t)
	o := NewOrderFor(f.custB, nil, ChannelFax, f.clock.Now())
	o.Salesperson = f.sales
	missing := o.MissingForChecking()
	fields := map[string]bool{}
	for _, m := range missing {
		fields[m.Field] = true
	}
	for _, want := range []string{"ContactID", "RequestedDate", "TolerancePct", "Packaging", "Lines"} {
		if !fields[want] {
			t.Errorf("%s not listed as missing: %v", want, missing)
		}
	}
	if fields["PaymentMethod"] || fields["ShipTo"] {
		t.Error("filled-in fields listed as missing")
	}
	if got := o.WhoMustCall().String(); !strings.Contains(got, "Lin Chih-hao (or a clerk on their behalf) must call") {
		t.Errorf("who must call: %q", got)
	}
	o.Channel = ChannelPhone
	if !o.WhoMustCall().IsZero() {
		t.Error("a phone order asked for a call back")
	}
}

func TestEditingTheIntakeVoidsChecks(t *testing.T) {
	f := newDesk(t)
	o := f.intake(f.custB, 10)
	o = f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, Note: "ok", SignedBy: SignerOf(f.tech)})
	})
	o.Lines[0].Qty = QtyOf(500)
	o.Lines = o.Lines[:1] // line 2 removed
	o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
	if err != nil {
		t.Fatal(err)
	}
	if o.Tech.Done() || len(o.Lines) != 1 || o.Total != MoneyOf(1250000) {
		t.Errorf("after the edit: tech %v, %d lines, total %s", o.Tech.Done(), len(o.Lines), o.Total)
	}
	last := f.events(o)
	joined := ""
	for _, e := range last {
		joined += e.Action + ":" + e.English() + e.Note + "\n"
	}
	if !strings.Contains(joined, "checks_voided") || !strings.Contains(joined, "line 1: Qty") || !strings.Contains(joined, "a line was removed") {
		t.Errorf("history of the edit:\n%s", joined)
	}
	// A stale edit is refused.
	stale := *o
	stale.Version--
	if _, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), &stale); !errors.As(err, new(*ConflictError)) {
		t.Errorf("stale edit: %v", err)
	}
}

func TestDeclineAfterTechnicalCheck(t *testing.T) {
	f := newDesk(t)
	o := f.do(f.intake(f.custB, 10), func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: false, FormulaChanged: true, Note: "配方已改", SignedBy: SignerOf(f.tech)})
	})
	if err := f.try(o, func(o *Order, c Ctx) error {
		return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: c.Today(), FinishedDate: c.Today(), Qty: 1, SignedBy: SignerOf(f.prod)})
	}); err == nil {
		t.Error("production date recorded for an order that cannot be produced")
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.Decline(c, "無法生產 cannot be produced", "NPS-2026-014") })
	if o.State != StateDeclined || o.SamplingRequest != "NPS-2026-014" {
		t.Errorf("declined: %s %q", o.State, o.SamplingRequest)
	}
}

func TestQCOutsideToleranceCannotPassQuantity(t *testing.T) {
	f := newDesk(t)
	o := f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 100))), func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	in := f.qcPass(o)
	in.Produced[1] = QtyOf(90) // 10% short, tolerance 5%
	err := f.try(o, func(o *Order, c Ctx) error { return o.RecordQC(c, in) })
	if fe, ok := err.(FieldErrors); !ok || !strings.Contains(fe.Error(), "outside the ±5% tolerance") {
		t.Errorf("short quantity passed: %v", err)
	}
	in.QuantityOK = false
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, in) })
	if o.State != StateReleased || o.QC.Failures != 1 {
		t.Errorf("failed QC: %s failures %d", o.State, o.QC.Failures)
	}
	in = f.qcPass(o)
	in.Produced[1] = QtyOf(96)
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, in) })
	if o.State != StateInspected || o.Lines[0].ProducedQty != QtyOf(96) {
		t.Errorf("QC within tolerance: %s", o.State)
	}
}

func TestFinanceGateForTierC(t *testing.T) {
	f := newDesk(t)
	o := f.signBack(f.toConfirmationSent(f.intake(f.custC, 10)))
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordPayment(c, PaymentDeposit, o.DepositDue, c.Today(), "") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
	clear := func(o *Order, c Ctx) error { return o.ClearFinance(c, SignerOf(f.finance), "") }
	if got := refusal(t, f.try(o, clear)); got != "Tier C customer: issue the balance collection notice for the produced quantity first." {
		t.Errorf("before the notice: %q", got)
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueBalanceNotice(c) })
	if got := refusal(t, f.try(o, clear)); got != "Tier C customer: balance NT$25,000 not received (notice issued 2026-11-20)." {
		t.Errorf("before payment: %q", got)
	}
}

func TestConcurrentCreationGivesGapFreeNumbers(t *testing.T) {
	f := newDesk(t)
	const n = 1000
	var wg sync.WaitGroup
	nos := make(chan string, n)
	errs := make(chan error, n)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; i < n; i += 8 {
				o := &Order{CustomerID: f.custB.ID, Channel: ChannelPhone, Currency: "TWD",
					Lines: []OrderLine{{ProductID: f.paper.ID, Qty: QtyOf(1), Unit: "roll", UnitPrice: MoneyOf(10)}}}
				if err := f.s.CreateOrder(context.Background(), f.clerk.Actor(), o); err != nil {
					errs <- err
					return
				}
				nos <- o.No
			}
		}(g)
	}
	wg.Wait()
	close(nos)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for no := range nos {
		seen[no] = true
	}
	if len(seen) != n {
		t.Fatalf("%d distinct numbers for %d orders", len(seen), n)
	}
	for i := 1; i <= n; i++ {
		if !seen[fmt.Sprintf("SO-2026-%05d", i)] {
			t.Fatalf("number %d missing: the series has a gap", i)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]string{
		"SO-2026-00042": "SO-2026-00042", "so 2026 42": "SO-2026-00042", "SO2026-42": "SO-2026-00042",
		"SO202600042": "SO-2026-00042", "ＳＯ": "", "SO-26-1": "", "SR-2026-1": "", "SO-2026-0": "",
		// A year past 99,999 orders (issue 23): numbers of any length read.
		"SO-2026-123456": "SO-2026-123456", "SO-2026-168000": "SO-2026-168000", "so 2026 168000": "SO-2026-168000",
		"SO2026168000": "SO-2026-168000", "SO-2026-99999999": "SO-2026-99999999", "SO-2026-123456789": "",
	} {
		got, err := ParseNumber(SeriesOrder, in)
		if (err != nil) != (want == "") || got != want {
			t.Errorf("ParseNumber(%q) = %q, %v", in, got, err)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"SO-2026-00042", "so 2026 42", "SO2026-42", "SO--", "SO-9999-99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseNumber(SeriesOrder, s)
		if err != nil {
			return
		}
		again, err := ParseNumber(SeriesOrder, got)
		if err != nil || again != got {
			t.Fatalf("%q → %q does not read back (%q, %v)", s, got, again, err)
		}
	})
}

func containsGate(gs []Gate, g Gate) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}
