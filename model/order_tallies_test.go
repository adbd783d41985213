package model

import (
	"context"
	"strings"
	"testing"
	"time"
)

// checkTallies fails the test when the kept counts or deadlines differ from
// what the orders say, or when a view's count differs from its rows.
func (f *deskFixture) checkTallies(when string) {
	f.t.Helper()
	problems, err := orderTallyProblems(f.s.db, f.s.Location())
	if err != nil {
		f.t.Fatal(err)
	}
	if len(problems) > 0 {
		f.t.Fatalf("%s:\n%s", when, strings.Join(problems, "\n"))
	}
	for _, v := range []OrderFilter{{View: ViewOpen}, {View: ViewAll}, {View: ViewClosed},
		{View: ViewState, State: StateDraft}, {View: ViewState, State: StateShipped}, {View: ViewState, State: StateDelivered}} {
		n, err := f.s.CountOrders(f.ctx, v)
		if err != nil {
			f.t.Fatal(err)
		}
		var want int64
		if err := orderQuery(f.s.read, v, f.s.Now(), nil).Count(&want).Error; err != nil {
			f.t.Fatal(err)
		}
		if int64(n.N) != want {
			f.t.Fatalf("%s: view %s %s counts %d, has %d rows", when, v.View, v.State, n.N, want)
		}
	}
}

func TestOrderTalliesFollowEveryChange(t *testing.T) {
	f := newDesk(t)
	f.checkTallies("empty")
	draft := f.intake(f.custB, 10)
	f.checkTallies("after an intake")
	when := f.clock.Now().Add(2 * time.Hour)
	draft.AnswerPromisedBy = &when
	draft, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), draft)
	if err != nil {
		t.Fatal(err)
	}
	f.checkTallies("after an answer was promised")
	sent := f.toConfirmationSent(f.intake(f.custB, 10))
	f.checkTallies("after a confirmation was sent")
	f.advance(3 * day) // the slip rule moves the promised date when the order is next touched
	f.signBack(sent)
	f.checkTallies("after the sign-back")
	shipped := f.readyToShip(f.custA, 10, true)
	f.checkTallies("after clearing")
	sh := f.ship(shipped, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	f.checkTallies("after shipping")
	f.arrive(sh, "林經理", "")
	f.checkTallies("after delivery")
	f.do(draft, func(o *Order, c Ctx) error { return o.Cancel(c, "customer withdrew") })
	f.checkTallies("after a cancellation")

	n, err := f.s.CountOrders(f.ctx, OrderFilter{View: ViewState, State: StateDelivered})
	if err != nil || n.N != 1 {
		t.Fatalf("delivered count %d, %v; want 1", n.N, err)
	}
}

func TestGeneratedOrdersHaveTheirTallies(t *testing.T) {
	f := newDesk(t)
	f.intake(f.custA, 10) // a database that already has an order: the counts add up
	if err := f.s.GenerateOrders(f.ctx, 400, 7, nil); err != nil {
		t.Fatal(err)
	}
	f.checkTallies("after generating")
	var deadlines int64
	f.s.db.Model(&OrderDeadline{}).Count(&deadlines)
	if deadlines == 0 {
		t.Fatal("400 generated orders and not one deadline: the overdue views would be empty")
	}
}

func TestCheckFindsAndRepairsTallies(t *testing.T) {
	f := newDesk(t)
	f.toConfirmationSent(f.intake(f.custB, 10))
	f.intake(f.custA, 10)
	// A count off by one and a deadline lost, as a bug or a hand edit would leave them.
	f.s.db.Exec("UPDATE order_state_counts SET n = n + 1 WHERE state = ?", StateDraft)
	f.s.db.Where("gate = ?", GateSignBack).Delete(&OrderDeadline{})
	problems, err := f.s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "\n")
	if !strings.Contains(joined, "order count: 1 orders are draft, the count says 2") || !strings.Contains(joined, "gate sign_back") {
		t.Fatalf("check found:\n%s", joined)
	}
	if err := f.s.RebuildDerived(f.ctx); err != nil {
		t.Fatal(err)
	}
	f.checkTallies("after the repair")
}

func TestOverdueGateViewIsLongestOverdueFirst(t *testing.T) {
	f := newDesk(t)
	first := f.toConfirmationSent(f.intake(f.custB, 10))
	f.advance(day)
	second := f.toConfirmationSent(f.intake(f.custB, 10))
	f.advance(5 * day)
	rows, err := f.s.Orders(f.ctx, OrderFilter{View: ViewOverdue, Gate: GateSignBack})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != first.ID || rows[1].ID != second.ID {
		t.Fatalf("sign-back overdue: %v, want %s then %s", rows, first.No, second.No)
	}
	n, err := f.s.CountOrders(f.ctx, OrderFilter{View: ViewOverdue, Gate: GateSignBack})
	if err != nil || n.N != 2 {
		t.Fatalf("count %d, %v", n.N, err)
	}
}
