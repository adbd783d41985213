package model

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// The hourly slip pass. Every desk runs it at start and every hour; most
// passes move nothing. It used to load and save every order awaiting its
// signed confirmation, each in a transaction of its own (7.5 s for 4,221
// orders while the writer was held, every hour, on every desk). Now one
// indexed query finds the orders whose date may move today
// (Order.SlipDueOn), and only those are written, with a small update and
// the slip's event.

// slipPassBatch is how many orders one transaction of the pass writes, so
// a clerk's save waits for one batch at most on the first pass of a day.
const slipPassBatch = 200

// slipPassLock is the PostgreSQL advisory lock a desk holds while its pass
// writes: on a shared database one desk does the pass, the others skip it.
const slipPassLock = 7301015

// slipColumns are what the slip rule and its event read of an order.
const slipColumns = "id, version, no, clerk_id, current_rev, sign_back_owed_since, confirmed_date, promised_date, slip_days, slip_due_on, rel_clerk_by, rel_clerk_at"

// slipDueOn returns the first day on which the slip rule may move the
// promised date again, or the zero Date when it cannot (nothing owed,
// released, no confirmed date). With office nil it is the day counted in
// calendar days, which is never later than the day counted in working
// days: the order's own saves do not know the office, and the pass stores
// the exact day when it finds an order not yet due.
func (o *Order) slipDueOn(loc *time.Location, office *Office) Date {
	if o.SignBackOwedSince == nil || o.Release.Released() || o.ConfirmedDate.IsZero() {
		return Date{}
	}
	sent := DateOf(o.SignBackOwedSince.In(loc))
	if office == nil {
		return sent.AddDays(o.SlipDays + 1)
	}
	return addDays(sent, o.SlipDays+1, *office)
}

// ApplySlips brings the slip rule up to date on every order whose
// promised date may move today, and returns how many dates moved. The app
// runs it at start and every hour; each move is an event by OrderDesk.
// On PostgreSQL a desk that finds another desk's pass writing skips its own.
func (s *Store) ApplySlips(ctx context.Context) (int, error) {
	var due []Order
	if err := s.reader(ctx).Model(&Order{}).Select(slipColumns).
		Where("slip_due_on <= ?", s.Today()).Order("id").Find(&due).Error; err != nil {
		return 0, fmt.Errorf("find the orders the slip rule may move: %w", err)
	}
	if len(due) == 0 {
		return 0, nil
	}
	release, ok, err := s.claimSlipPass(ctx)
	if err != nil || !ok {
		return 0, err
	}
	defer release()
	moved := 0
	for start := 0; start < len(due); start += slipPassBatch {
		batch := due[start:min(start+slipPassBatch, len(due))]
		n := 0
		err := s.write(ctx, func(tx *gorm.DB) error {
			n = 0
			c, err := s.ruleCtx(tx, System)
			if err != nil {
				return err
			}
			for _, o := range batch { // a copy: a retried transaction starts again from the row as read
				did, err := s.slipOne(tx, c, o)
				if err != nil {
					return fmt.Errorf("apply the slip rule to order %s: %w", o.No, err)
				}
				if did {
					n++
				}
			}
			return nil
		})
		if err != nil {
			return moved, err
		}
		moved += n
	}
	return moved, nil
}

// slipOne applies the slip rule to o, as read by the pass, and writes what
// moved: the date, the slip's event, and on the first late day the
// clerk's reminder. The slip changes no state and no deadline (production's
// deadline counts from the promised date only once released, and a
// released order no longer slips), so the order's tallies stay as they are.
// A row changed since the pass read it is left alone: its own save applied
// the rule, or the next pass will.
func (s *Store) slipOne(tx *gorm.DB, c Ctx, o Order) (bool, error) {
	first := o.SlipDays == 0
	moved := o.ApplySlip(c)
	upd := map[string]any{"slip_due_on": o.slipDueOn(s.Location(), &c.Office)}
	if moved {
		upd["promised_date"], upd["slip_days"] = o.PromisedDate, o.SlipDays
		upd["version"], upd["updated_at"], upd["updated_by"] = o.Version+1, s.now(), System.Name
	} else if upd["slip_due_on"] == o.SlipDueOn {
		return false, nil
	}
	// Not moved: the day it is due counted in working days, past weekends
	// and holidays, so the next passes do not read it again before then.
	res := tx.Model(&Order{}).Where("id = ? AND version = ?", o.ID, o.Version).Updates(upd)
	if res.Error != nil || res.RowsAffected == 0 || !moved {
		return false, res.Error
	}
	for _, e := range o.pending {
		if err := logEvent(tx, e); err != nil {
			return false, err
		}
	}
	if first {
		return true, remindLateSignBack(tx, s.now(), s.Location(), &o, c.Today())
	}
	return true, nil
}

// claimSlipPass lets one desk at a time write a pass. SQLite's single
// writer already does; on PostgreSQL a session lock on a connection of its
// own is held until release (and goes with a desk that dies).
func (s *Store) claimSlipPass(ctx context.Context) (release func(), ok bool, err error) {
	if s.Dialect != Postgres {
		return func() {}, true, nil
	}
	return s.tryPostgresLock(ctx, slipPassLock)
}
