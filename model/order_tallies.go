package model

import (
	"context"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// OrderStateCount is how many orders stand in one state. The order list
// shows a count beside every view; counting the delivered orders of a
// few years from an index takes tens of milliseconds, reading this row
// none. It changes in the same transaction as the orders it counts.
type OrderStateCount struct {
	State State `gorm:"primaryKey;size:20"`
	N     int64 `gorm:"not null;default:0"`
}

// OrderDeadline is the moment an order becomes overdue at one gate, as
// OrderRow.Deadlines computes it, kept for each gate the order owes. The
// overdue list of one gate reads its own index of these rows instead of
// testing the gate's condition on every order that is overdue anywhere.
type OrderDeadline struct {
	OrderID uint      `gorm:"primaryKey;autoIncrement:false"`
	Gate    Gate      `gorm:"primaryKey;size:20;index:idx_order_deadlines_gate,priority:1"`
	DueAt   time.Time `gorm:"not null;index:idx_order_deadlines_gate,priority:2"`
}

// keepOrderTallies brings the state counts and the order's deadlines in
// step with a change from before (nil for a new order) to o, in o's
// transaction. loc is the office's time zone.
func keepOrderTallies(tx *gorm.DB, o, before *Order, loc *time.Location) error {
	was := State("")
	var old map[Gate]time.Time
	if before != nil {
		was, old = before.State, before.Summary().Deadlines(loc)
	}
	if was != o.State {
		// Rows are changed in the order of their keys, so two desks moving
		// orders between the same states cannot deadlock on PostgreSQL.
		delta := map[State]int64{o.State: 1}
		if was != "" {
			delta[was] = -1
		}
		if err := addStateCounts(gormSink{tx}, delta); err != nil {
			return err
		}
	}
	now := o.Summary().Deadlines(loc)
	for _, g := range Gates {
		t, owed := now[g]
		prev, owedBefore := old[g]
		switch {
		case owed && (!owedBefore || !t.Equal(prev)):
			d := OrderDeadline{OrderID: o.ID, Gate: g, DueAt: t.UTC()}
			if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "order_id"}, {Name: "gate"}},
				DoUpdates: clause.AssignmentColumns([]string{"due_at"})}).Create(&d).Error; err != nil {
				return err
			}
		case !owed && owedBefore:
			if err := tx.Where("order_id = ? AND gate = ?", o.ID, g).Delete(&OrderDeadline{}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// addStateCounts adds delta to the counts of its states, creating a row
// for a state that has none yet.
func addStateCounts(w bulkSink, delta map[State]int64) error {
	states := make([]State, 0, len(delta))
	for st := range delta {
		states = append(states, st)
	}
	sort.Slice(states, func(i, j int) bool { return states[i] < states[j] })
	for _, st := range states {
		err := w.exec("INSERT INTO order_state_counts (state, n) VALUES (?, ?) ON CONFLICT (state) DO UPDATE SET n = order_state_counts.n + excluded.n",
			st, delta[st])
		if err != nil {
			return err
		}
	}
	return nil
}

// deadlineColumns are the order columns OrderRow.Deadlines reads.
const deadlineColumns = `orders.id, orders.state, orders.answer_promised_by, orders.answer_given_at,
	orders.sign_back_owed_since, orders.signed_back_at, orders.deposit_due, orders.deposit_paid,
	orders.prod_done, orders.promised_date, orders.qc_stocked_in_at, orders.em_auth_at, orders.request_no`

// talliesFromOrders computes the state counts and every order's deadlines
// from the orders table itself.
func talliesFromOrders(db *gorm.DB, loc *time.Location) (map[State]int64, []OrderDeadline, error) {
	var counts []OrderStateCount
	if err := db.Model(&Order{}).Select("state, COUNT(*) AS n").Group("state").Scan(&counts).Error; err != nil {
		return nil, nil, err
	}
	byState := map[State]int64{}
	for _, c := range counts {
		byState[c.State] = c.N
	}
	// Only an order that owes something has a due_at.
	var rows []OrderRow
	if err := db.Model(&Order{}).Select(deadlineColumns).Where("orders.due_at IS NOT NULL").Order("orders.id").Scan(&rows).Error; err != nil {
		return nil, nil, err
	}
	var deadlines []OrderDeadline
	for _, r := range rows {
		d := r.Deadlines(loc)
		for _, g := range Gates {
			if t, ok := d[g]; ok {
				deadlines = append(deadlines, OrderDeadline{OrderID: r.ID, Gate: g, DueAt: t.UTC()})
			}
		}
	}
	return byState, deadlines, nil
}

// rebuildOrderTallies replaces the state counts and deadlines with ones
// computed from the orders: after a migration, a bulk load, or a repair.
func rebuildOrderTallies(tx *gorm.DB, loc *time.Location) error {
	byState, deadlines, err := talliesFromOrders(tx, loc)
	if err != nil {
		return err
	}
	if err := tx.Where("1 = 1").Delete(&OrderStateCount{}).Error; err != nil {
		return err
	}
	if err := tx.Where("1 = 1").Delete(&OrderDeadline{}).Error; err != nil {
		return err
	}
	var counts []OrderStateCount
	for st, n := range byState {
		counts = append(counts, OrderStateCount{State: st, N: n})
	}
	sort.Slice(counts, func(i, j int) bool { return counts[i].State < counts[j].State })
	if len(counts) > 0 {
		if err := tx.Create(&counts).Error; err != nil {
			return err
		}
	}
	if len(deadlines) > 0 {
		return tx.CreateInBatches(&deadlines, batchRows(tx, &OrderDeadline{})).Error
	}
	return nil
}

// RebuildDerived recomputes what is kept for speed (the orders' counts by
// state, the gate deadlines, each customer's last prices, the pending
// action items by owner and day, the tickets by status) from the records themselves, in one
// transaction (orderdesk check -repair).
func (s *Store) RebuildDerived(ctx context.Context) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := rebuildOrderTallies(tx, s.Location()); err != nil {
			return err
		}
		if err := rebuildItemDays(tx); err != nil {
			return err
		}
		if err := rebuildTicketCounts(tx); err != nil {
			return err
		}
		return rebuildLastPrices(tx)
	})
}

// orderTallyProblems compares the stored counts and deadlines with the
// ones the orders give, and names every difference.
func orderTallyProblems(db *gorm.DB, loc *time.Location) ([]string, error) {
	byState, deadlines, err := talliesFromOrders(db, loc)
	if err != nil {
		return nil, err
	}
	var stored []OrderStateCount
	if err := db.Find(&stored).Error; err != nil {
		return nil, err
	}
	var problems []string
	have := map[State]int64{}
	for _, c := range stored {
		have[c.State] = c.N
	}
	for _, st := range States {
		if have[st] != byState[st] {
			problems = append(problems, fmt.Sprintf("order count: %d orders are %s, the count says %d", byState[st], st, have[st]))
		}
	}
	var keep []OrderDeadline
	if err := db.Order("order_id, gate").Find(&keep).Error; err != nil {
		return nil, err
	}
	type key struct {
		order uint
		gate  Gate
	}
	want := map[key]time.Time{}
	for _, d := range deadlines {
		want[key{d.OrderID, d.Gate}] = d.DueAt
	}
	for _, d := range keep {
		k := key{d.OrderID, d.Gate}
		if t, ok := want[k]; !ok {
			problems = append(problems, fmt.Sprintf("order deadline: order id %d owes nothing at %s, a deadline %s is stored", d.OrderID, d.Gate, d.DueAt.Format(time.RFC3339)))
		} else if !t.Equal(d.DueAt) {
			problems = append(problems, fmt.Sprintf("order deadline: order id %d, gate %s: stored %s, the order says %s", d.OrderID, d.Gate, d.DueAt.Format(time.RFC3339), t.Format(time.RFC3339)))
		}
		delete(want, k)
	}
	for k, t := range want {
		problems = append(problems, fmt.Sprintf("order deadline: order id %d, gate %s, due %s, is missing", k.order, k.gate, t.Format(time.RFC3339)))
	}
	sort.Strings(problems)
	return problems, nil
}
