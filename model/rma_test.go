package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// rmaDesk is the desk fixture with a Repair & Returns team (Andy, as seed
// 004 names the person who handles RMAs) and an order shipped in part.
func rmaDesk(t *testing.T) (*deskFixture, *Employee, *Order, *Shipment) {
	f := newDesk(t)
	andy := clerk(t, f.s, "Andy", "AN", false)
	f.group("RR", andy)
	o := f.readyToShip(f.custA, 100, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(100), 2: QtyOf(40)})
	return f, andy, f.reload(o), sh
}

func TestOpenRMARules(t *testing.T) {
	f, andy, o, sh := rmaDesk(t)
	first, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(30)}, Reason: ReasonDamage})
	if err != nil {
		t.Fatal(err)
	}
	if first.No != "RMA-2026-00001" || first.State != RMAOpened || first.DueOn != f.today().AddDays(RMADueDays[RMAOpened]) {
		t.Fatalf("first RMA: %s %s due %s", first.No, first.State, first.DueOn)
	}
	cases := []struct {
		name string
		by   *Employee
		in   RMAInput
		want string // "" opens
	}{
		{"not in the team", f.clerk, RMAInput{Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage}, "not in group RR"},
		{"no reason", andy, RMAInput{Lines: map[int]Qty{1: QtyOf(1)}}, "Choose why"},
		{"quality claim without its lot", andy, RMAInput{Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonQuality}, "QC lot"},
		{"no lines", andy, RMAInput{Reason: ReasonDamage}, "Name the lines"},
		{"zero quantity", andy, RMAInput{Lines: map[int]Qty{1: 0}, Reason: ReasonDamage}, "more than zero"},
		{"no such line", andy, RMAInput{Lines: map[int]Qty{9: QtyOf(1)}, Reason: ReasonDamage}, "no such line"},
		{"more than shipped", andy, RMAInput{Lines: map[int]Qty{2: QtyOf(41)}, Reason: ReasonWrongItem}, "40 were shipped"},
		{"more than shipped less returned", andy, RMAInput{Lines: map[int]Qty{1: QtyOf(71)}, Reason: ReasonDamage}, "70 were shipped"},
		{"another order's shipment", andy, RMAInput{ShipmentID: sh.ID + 99, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage}, "not one of order"},
		{"no such ticket", andy, RMAInput{TicketID: 999, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage}, "no such ticket"},
		{"the rest of the line", andy, RMAInput{ShipmentID: sh.ID, Lines: map[int]Qty{1: QtyOf(70)}, Reason: ReasonQuality, QCLot: "L-2026-118"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.OrderID = o.ID
			r, err := f.s.OpenRMA(f.ctx, tc.by.Actor(), tc.in)
			if tc.want == "" {
				if err != nil || r.QCLot != tc.in.QCLot {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ref *Refusal
			var fe FieldErrors
			if !(errors.As(err, &ref) || errors.As(err, &fe)) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a refusal with %q", err, tc.want)
			}
		})
	}
	// An order that shipped nothing has nothing to return.
	bare := f.readyToShip(f.custB, 10, true)
	if _, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: bare.ID, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage}); err == nil || !strings.Contains(err.Error(), "shipped nothing") {
		t.Fatalf("unshipped order: %v", err)
	}
}

// TestOpenRMALineProblemsNameTheirLine: what is wrong with a line's
// quantity (none, more than shipped and not returned) is a problem of that
// line, every line's at once, so the return form shows each at its line.
func TestOpenRMALineProblemsNameTheirLine(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	_, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(101), 2: 0}, Reason: ReasonDamage})
	var fe FieldErrors
	if !errors.As(err, &fe) || len(fe) != 2 {
		t.Fatalf("got %v, want a problem at each of lines 1 and 2", err)
	}
	for i, want := range []struct {
		line int
		text string
	}{{1, "100 were shipped"}, {2, "more than zero"}} {
		if fe[i].Field != "Lines" || fe[i].Line() != want.line || !strings.Contains(fe[i].Msg.String(), want.text) {
			t.Errorf("problem %d: %s line %d %q; want line %d, %q", i, fe[i].Field, fe[i].Line(), fe[i].Msg, want.line, want.text)
		}
	}
}

func TestRMAStepsInOrderBySigners(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	r, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{2: QtyOf(5)}, Reason: ReasonWrongItem})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		by    *Employee
		rule  func(r *RMA, c Ctx) error
		want  string // refusal text, or "" for the step to pass
		state RMAState
	}{
		{"receive before authorizing", andy, func(r *RMA, c Ctx) error { return r.Receive(c, "") }, "comes when it is Authorized", ""},
		{"authorize by a clerk outside the team", f.clerk, func(r *RMA, c Ctx) error { return r.Authorize(c) }, "not in group RR", ""},
		{"authorize", andy, func(r *RMA, c Ctx) error { return r.Authorize(c) }, "", RMAAuthorized},
		{"receive", andy, func(r *RMA, c Ctx) error { return r.Receive(c, "2 boxes") }, "", RMAReceived},
		{"cancel once the goods are back", andy, func(r *RMA, c Ctx) error { return r.Cancel(c, "customer changed mind") }, "decide it instead", ""},
		{"inspect by the team, not QC", andy, func(r *RMA, c Ctx) error { return r.Inspect(c, "wrong grammage") }, "not in group QC", ""},
		{"inspect without findings", f.qc, func(r *RMA, c Ctx) error { return r.Inspect(c, " ") }, "what QC found", ""},
		{"inspect by QC", f.qc, func(r *RMA, c Ctx) error { return r.Inspect(c, "wrong grammage: 70g sent") }, "", RMAInspected},
		{"credit without an amount", andy, func(r *RMA, c Ctx) error { return r.Decide(c, DecideCredit, 0, "") }, "Credit: A credit names the credit note's amount", ""},
		{"reject without a reason", andy, func(r *RMA, c Ctx) error { return r.Decide(c, DecideReject, 0, "") }, "RejectReason: Say why", ""},
		{"decide nothing", andy, func(r *RMA, c Ctx) error { return r.Decide(c, "", 0, "") }, "Decision: Decide to replace", ""},
		{"decide by QC", f.qc, func(r *RMA, c Ctx) error { return r.Decide(c, DecideReplace, 0, "") }, "not in group RR", ""},
		{"decide replace", andy, func(r *RMA, c Ctx) error { return r.Decide(c, DecideReplace, 0, "") }, "", RMADecided},
		{"close before the replacement shipped", andy, func(r *RMA, c Ctx) error { return r.Close(c, "") }, "waits for its replacement", ""},
	}
	for _, st := range steps {
		got, err := f.s.ChangeRMA(f.ctx, st.by.Actor(), r.ID, r.Version, st.rule)
		if st.want != "" {
			var ref *Refusal
			var fe FieldErrors
			if !(errors.As(err, &ref) || errors.As(err, &fe)) || !strings.Contains(err.Error(), st.want) {
				t.Fatalf("%s: got %v, want a refusal with %q", st.name, err, st.want)
			}
			continue
		}
		if err != nil || got.State != st.state {
			t.Fatalf("%s: %v", st.name, err)
		}
		r = got
	}
	r, err = f.s.ShipReplacement(f.ctx, andy.Actor(), r.ID, r.Version, "新竹物流", "HCT-1")
	if err != nil || r.ReplacementID == nil {
		t.Fatalf("replacement: %v", err)
	}
	if _, err := f.s.ShipReplacement(f.ctx, andy.Actor(), r.ID, r.Version, "x", ""); err == nil || !strings.Contains(err.Error(), "shipped already") {
		t.Fatalf("second replacement: %v", err)
	}
	repl, err := f.s.Shipment(f.ctx, *r.ReplacementID)
	if err != nil || repl.OrderID != o.ID || len(repl.Lines) != 1 || repl.Lines[0].Qty != QtyOf(5) || repl.Lines[0].LineNo != 2 {
		t.Fatalf("replacement shipment: %+v %v", repl, err)
	}
	if r, err = f.s.ChangeRMA(f.ctx, andy.Actor(), r.ID, r.Version, func(r *RMA, c Ctx) error { return r.Close(c, "") }); err != nil || r.State != RMAClosed {
		t.Fatalf("close: %v", err)
	}
	evs, _ := f.s.EventsFor(f.ctx, "rma", r.ID)
	var acts []string
	for _, e := range evs {
		acts = append(acts, e.Action+":"+e.By)
	}
	want := "created:Andy authorized:Andy received:Andy inspected:Liu Hsin decided:Andy replacement:Andy closed:Andy"
	if strings.Join(acts, " ") != want {
		t.Fatalf("events %q, want %q", strings.Join(acts, " "), want)
	}
}

func TestRMACreditRejectCancel(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	open := func() *RMA {
		r, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	run := func(r *RMA, by *Employee, rule func(r *RMA, c Ctx) error) *RMA {
		t.Helper()
		got, err := f.s.ChangeRMA(f.ctx, by.Actor(), r.ID, 0, rule)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	toInspected := func() *RMA {
		r := run(open(), andy, func(r *RMA, c Ctx) error { return r.Authorize(c) })
		r = run(r, andy, func(r *RMA, c Ctx) error { return r.Receive(c, "") })
		return run(r, f.qc, func(r *RMA, c Ctx) error { return r.Inspect(c, "torn wrapping") })
	}
	credit := run(toInspected(), andy, func(r *RMA, c Ctx) error { return r.Decide(c, DecideCredit, MoneyOf(2500), "") })
	if credit.Credit != MoneyOf(2500) || credit.NextStep().Text != "Close the return" {
		t.Fatalf("credit: %d, next %q", credit.Credit, credit.NextStep().Text)
	}
	reject := run(toInspected(), andy, func(r *RMA, c Ctx) error { return r.Decide(c, DecideReject, 0, "damage from the customer's forklift") })
	if reject.RejectReason == "" || run(reject, andy, func(r *RMA, c Ctx) error { return r.Close(c, "") }).State != RMAClosed {
		t.Fatal("reject and close")
	}
	if _, err := f.s.ChangeRMA(f.ctx, andy.Actor(), open().ID, 0, func(r *RMA, c Ctx) error { return r.Cancel(c, "") }); err == nil {
		t.Fatal("cancel without a reason")
	}
	c := run(open(), andy, func(r *RMA, c Ctx) error { return r.Cancel(c, "sent to the wrong office") })
	if c.State != RMACancelled || c.CancelReason == "" || !c.DueOn.IsZero() {
		t.Fatalf("cancelled: %+v", c)
	}
	// A cancelled return gives its quantity back: the line's 100 can come back again.
	if _, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(97)}, Reason: ReasonDamage}); err != nil {
		t.Fatalf("after cancelling: %v", err)
	}
}

func TestOverdueRMAs(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	late, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage})
	if err != nil {
		t.Fatal(err)
	}
	f.advance(time.Duration(RMADueDays[RMAOpened]+1) * 24 * time.Hour)
	fresh, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(1)}, Reason: ReasonDamage})
	if err != nil {
		t.Fatal(err)
	}
	over, err := f.s.OverdueRMAs(f.ctx)
	if err != nil || len(over) != 1 || over[0].No != late.No || !over[0].Overdue(f.today()) {
		t.Fatalf("overdue: %+v %v", over, err)
	}
	queue, _ := f.s.RMAs(f.ctx, true)
	if len(queue) != 2 || queue[0].No != late.No || queue[1].No != fresh.No || queue[0].OrderNo != o.No {
		t.Fatalf("queue: %+v", queue)
	}
	// The customer reads by code and name, in English when it has no Chinese name.
	if c := o.Customer; !strings.HasPrefix(queue[0].Customer, c.Code+" ") || len(queue[0].Customer) <= len(c.Code)+1 {
		t.Errorf("the queue's customer reads %q for %s", queue[0].Customer, c.Code)
	}
	d, err := f.s.ManagerDashboard(f.ctx)
	if err != nil || d.OverdueRMAs != 1 {
		t.Fatalf("dashboard: %d %v", d.OverdueRMAs, err)
	}
	// Authorizing it sets the next step's due date: no longer overdue.
	if _, err := f.s.ChangeRMA(f.ctx, andy.Actor(), late.ID, 0, func(r *RMA, c Ctx) error { return r.Authorize(c) }); err != nil {
		t.Fatal(err)
	}
	if over, _ := f.s.OverdueRMAs(f.ctx); len(over) != 0 {
		t.Fatalf("still overdue: %+v", over)
	}
	if got, err := f.s.RMAByNo(f.ctx, "rma 2026 1"); err != nil || got.ID != late.ID || len(got.Lines) != 1 {
		t.Fatalf("by number: %v", err)
	}
}

// TestReturnableByLine: what each line shipped and what returns already
// take back (a cancelled return takes nothing); the count the return rule
// refuses by is the one the return form shows.
func TestReturnableByLine(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	c, err := f.s.RuleCtx(f.ctx, andy.Actor())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(30)}, Reason: ReasonDamage}); err != nil {
		t.Fatal(err)
	}
	gone, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{2: QtyOf(40)}, Reason: ReasonDamage})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeRMA(f.ctx, andy.Actor(), gone.ID, gone.Version, func(r *RMA, c Ctx) error { return r.Cancel(c, "customer kept them") }); err != nil {
		t.Fatal(err)
	}
	shipments, _ := f.s.OrderShipments(f.ctx, o.ID)
	rmas, _ := f.s.RMAsOf(f.ctx, o.ID)
	got := ReturnableByLine(shipments, rmas, 0)
	want := map[int]Returnable{1: {QtyOf(100), QtyOf(30)}, 2: {QtyOf(40), 0}}
	if len(got) != len(want) || got[1] != want[1] || got[2] != want[2] || got[1].Left() != QtyOf(70) {
		t.Fatalf("got %v, want %v", got, want)
	}
	// The rule refuses by the same count: 70 of line 1 may come back, 71 not.
	if _, err := newRMA(o, c, RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(71)}, Reason: ReasonDamage}, shipments, rmas); err == nil || !strings.Contains(err.Error(), "70 were shipped and not returned") {
		t.Fatalf("71 of 70 left: %v", err)
	}
}

// TestOpenRMAStatesAreTheOpenOnes: the list the overdue counts seek is
// exactly the states Open reports.
func TestOpenRMAStatesAreTheOpenOnes(t *testing.T) {
	for _, st := range []RMAState{RMAOpened, RMAAuthorized, RMAReceived, RMAInspected, RMADecided, RMAClosed, RMACancelled} {
		if slices.Contains(openRMAStates, st) != st.Open() {
			t.Errorf("%s: in the open list %v, open %v", st, slices.Contains(openRMAStates, st), st.Open())
		}
	}
}
