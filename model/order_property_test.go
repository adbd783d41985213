package model

import (
	"math/rand"
	"testing"
	"time"
)

// TestNoPathToShippedSkipsAGate walks thousands of random sequences of
// actions, with inputs good and bad, through the rules (in memory), and
// checks after every step that the gates of seed 002 hold:
//   - nothing is shipped without QC passed, finance cleared and a shipment
//     request, except through the CS supervisor's recorded emergency path;
//   - a tier B or C order is never released without its signed confirmation
//     and full deposit;
//   - nothing is ever removed from an order.
func TestNoPathToShippedSkipsAGate(t *testing.T) {
	rng := rand.New(rand.NewSource(20261122))
	const supervisor, director, sales uint = 90, 91, 92
	office := DefaultOffice()
	office.CSSupervisorID, office.MarketingDirectorID = supervisor, director
	// Tsai (93) belongs to every department that signs a gate; the others to none.
	staff := Staff{supervisor: {}, director: {}, sales: {}, 93: {"TECH", "PROD", "QC", "FIN"}}
	reached := map[State]int{}
	for run := 0; run < 3000; run++ {
		tier := []Tier{TierA, TierB, TierC}[rng.Intn(3)]
		cust := &Customer{Row: Row{ID: 1}, Tier: tier, DepositPercent: []int{0, 30, 50}[rng.Intn(3)], Fax: "02-2345-6789"}
		signer := &Contact{Row: Row{ID: 7}, CustomerID: &cust.ID, Name: "林經理", CanSign: rng.Intn(4) > 0}
		tol := 5
		spID := sales
		o := &Order{No: "SO-P", CustomerID: 1, Customer: cust, ContactID: &signer.ID, Channel: ChannelPhone, Currency: "TWD",
			State: StateDraft, PaymentMethod: "月結", RequestedDate: NewDate(2026, 12, 20), ShipTo: "台北",
			TolerancePct: &tol, Packaging: "棧板", SalespersonID: &spID,
			Lines: []OrderLine{{LineNo: 1, ProductID: 3, Qty: QtyOf(100), Unit: "roll", UnitPrice: MoneyOf(100),
				PlanPrice: MoneyOf([]int64{100, 80}[rng.Intn(2)])}}}
		o.recomputeTotals()
		now := at(2026, 11, 20, 9, 0)
		records := 0
		for step := 0; step < 80; step++ {
			now = now.Add(time.Duration(rng.Intn(30)) * time.Hour)
			c := Ctx{By: Actor{ID: uint(rng.Intn(3)) + 90, Name: "p"}, Now: now, Office: office, Staff: staff}
			before := o.State
			randomAction(rng, o, c, signer, sales)
			checkGates(t, o, before)
			n := len(o.Lines) + len(o.Revisions) + len(o.Payments) + len(o.Progress) + len(o.Exceptions) + len(o.Requests)
			if n < records {
				t.Fatalf("run %d step %d: records went from %d to %d", run, step, records, n)
			}
			records = n
			reached[o.State]++
		}
	}
	// The walk must actually get everywhere, or it proves nothing.
	for _, s := range []State{StateReleased, StateInspected, StateCleared, StateShipped, StateDelivered, StateCancelled, StateOnHold} {
		if reached[s] == 0 {
			t.Errorf("no random walk reached %s: %v", s, reached)
		}
	}
}

func checkGates(t *testing.T, o *Order, before State) {
	t.Helper()
	if (o.State == StateShipped || o.State == StateDelivered) && before != o.State {
		if !o.QC.Passed || o.QC.StockedInAt == nil {
			t.Fatalf("%s reached without QC", o.State)
		}
		if !o.Finance.Cleared() {
			t.Fatalf("%s reached without finance clearance", o.State)
		}
		if len(o.Requests) == 0 && !o.Emergency.Active() {
			t.Fatalf("%s reached without a shipment request or an authorised emergency", o.State)
		}
		if o.Emergency.Active() && o.Emergency.Authorised.ByID != nil && *o.Emergency.Authorised.ByID != 90 {
			t.Fatalf("emergency authorised by %d, not the CS supervisor", *o.Emergency.Authorised.ByID)
		}
	}
	if o.State == StateReleased && before == StateConfirmationSent && o.Tier() != TierA {
		if r := o.Revision(); r == nil || !r.SignedOK() {
			t.Fatalf("tier %s released without a signed confirmation", o.Tier())
		}
		if o.DepositPaid < o.DepositDue {
			t.Fatalf("tier %s released with deposit %s of %s", o.Tier(), o.DepositPaid, o.DepositDue)
		}
	}
}

// randomAction tries one action, picked at random, with inputs that are
// sometimes right and sometimes not; refusals are fine, they are the point.
func randomAction(rng *rand.Rand, o *Order, c Ctx, signer *Contact, sales uint) {
	who := []Signer{{}, {Name: "Tsai", EmployeeID: 93}, {Name: "Tsai", EmployeeID: 93}, {Name: "Lin", EmployeeID: sales}, {Name: "Wang", EmployeeID: 90}}
	pick := func() Signer { return who[rng.Intn(len(who))] }
	today := c.Today()
	coin := func() bool { return rng.Intn(2) == 0 }
	// Mostly an action the rules allow now, so walks get deep into the
	// procedure; sometimes any action at all, to knock on closed doors.
	var open []Action
	for _, a := range Actions {
		if o.Allowed(a, c) == nil {
			open = append(open, a)
		}
	}
	a := Actions[rng.Intn(len(Actions))]
	if len(open) > 0 && rng.Intn(10) < 7 {
		a = open[rng.Intn(len(open))]
	}
	switch a {
	case DoSubmit:
		o.Submit(c)
	case DoAnswerGiven:
		o.RecordAnswerGiven(c, "")
	case DoConfirmPrice:
		o.ConfirmPrice(c, 1, pick(), "")
	case DoReportPrice:
		o.ReportPriceDoubt(c, 1, "")
	case DoTechnicalCheck:
		o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: rng.Intn(5) > 0, FormulaChanged: rng.Intn(5) == 0, Note: "n", SignedBy: pick()})
	case DoProductionDate:
		o.RecordProductionDate(c, ProductionDateInput{ProductionDate: today, FinishedDate: today.AddDays(rng.Intn(10) - 1), Qty: QtyOf(100), SignedBy: pick()})
	case DoLoosenDate:
		o.LoosenPromisedDate(c, today.AddDays(rng.Intn(30)), "urgent", pick())
	case DoIssueConfirmation:
		o.IssueConfirmation(c, "")
	case DoRecordFax:
		o.RecordFaxSent(c)
	case DoConfirmLegible:
		o.ConfirmFaxLegible(c, "林")
	case DoSignBack:
		in := SignBackInput{Stamped: coin()}
		if coin() {
			in.Contact = signer
		}
		if rng.Intn(4) == 0 {
			in.Problems = "unclear"
		}
		o.RecordSignBack(c, in)
	case DoRevise:
		o.Revise(c, "change")
	case DoDeposit:
		o.RecordPayment(c, PaymentDeposit, Money(rng.Int63n(int64(o.DepositDue)+2)), today, "")
	case DoRelease:
		o.ReleaseProduction(c, pick(), coin())
	case DoCopyToTech:
		o.RecordCopyToTechnical(c)
	case DoProgress:
		o.RecordProgress(c, today, QtyOf(50), coin(), "")
	case DoException:
		o.ReportException(c, pick(), "jam")
	case DoQC:
		in := QCInput{Produced: map[int]Qty{1: QtyOf(int64(90 + rng.Intn(20)))}, QuantityOK: coin(), PackagingOK: rng.Intn(4) > 0, LabelsOK: rng.Intn(4) > 0, Inspector: pick()}
		o.RecordQC(c, in)
	case DoBalanceNotice:
		o.IssueBalanceNotice(c)
	case DoBalancePayment:
		o.RecordPayment(c, PaymentBalance, Money(rng.Int63n(int64(o.BalanceDue())+2)), today, "")
	case DoFinance:
		o.ClearFinance(c, pick(), "")
	case DoEmergency:
		o.AuthoriseEmergencyShipping(c, pick(), "line down")
	case DoShipmentRequest:
		o.IssueShipmentRequest(c, "SR-P", ShipmentRequestInput{ShipTo: "台北", Receiver: "林", Phone: "02-2345-6789", Checked: rng.Intn(4) > 0})
	case DoShipped:
		o.recordShipped(c, today, today.AddDays(2))
	case DoDelivered:
		o.recordDelivered(c, today, "林")
	case DoHold:
		if rng.Intn(4) == 0 {
			o.Hold(c, "wait")
		}
	case DoResume:
		o.Resume(c)
	case DoCancel:
		if rng.Intn(20) == 0 {
			o.Cancel(c, "error")
		}
	case DoDecline:
		if rng.Intn(20) == 0 {
			o.Decline(c, "cannot", "")
		}
	}
}
