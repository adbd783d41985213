package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// Escalations put action items in people's queues (seed 002, DESIGN.md):
// a reported price doubt goes to the CS supervisor and the marketing
// director; a production exception to the salesperson, the CS supervisor
// and the marketing director; goods stocked in tell the salesperson the
// same day. A timestamp on the order alone would reach nobody.

// escalate adds the action items a rule's changes call for, and closes the
// late sign-back reminders once nothing is owed. It runs in the rule's
// transaction, after the order was written.
func escalate(tx *gorm.DB, c Ctx, o, before *Order) error {
	today := c.Today()
	add := func(to []uint, key, title, body string) error {
		for _, id := range people(c, to...) {
			assignee := id
			if _, err := addNote(tx, System, c.Now, ItemInput{Object: OnOrder, ObjectID: o.ID, Action: true, DueOn: today,
				Assignee: &assignee, Title: title, Body: body, Key: fmt.Sprintf("%s:%d", key, id)}); err != nil {
				return err
			}
		}
		return nil
	}
	sales := uint(0)
	if o.SalespersonID != nil {
		sales = *o.SalespersonID
	}
	reported := map[uint]bool{}
	for _, l := range before.Lines {
		reported[l.ID] = l.PriceReported != nil
	}
	for _, l := range o.Lines {
		if l.PriceReported == nil || reported[l.ID] {
			continue
		}
		if err := add([]uint{c.Office.CSSupervisorID, c.Office.MarketingDirectorID}, fmt.Sprintf("order:%d:price:%d", o.ID, l.LineNo),
			fmt.Sprintf("價格疑義 Price doubt: %s line %d at %s", o.No, l.LineNo, l.UnitPrice.String()),
			"The price strays from the price plan or the last price: confirm it or tell the clerk what to quote.\n價格偏離價格表或上次成交價，請確認或告知應報價格。"); err != nil {
			return err
		}
	}
	for n := len(before.Exceptions) + 1; n <= len(o.Exceptions); n++ {
		e := o.Exceptions[n-1]
		if err := add([]uint{sales, c.Office.CSSupervisorID, c.Office.MarketingDirectorID}, fmt.Sprintf("order:%d:exception:%d", o.ID, n),
			fmt.Sprintf("生產異常 Production exception: %s", o.No), e.Description+"\nAgree the response with the customer. 請與客戶協商處理方式。"); err != nil {
			return err
		}
	}
	if before.QC.StockedInAt == nil && o.QC.StockedInAt != nil {
		if err := add([]uint{sales}, fmt.Sprintf("order:%d:stocked-in", o.ID),
			fmt.Sprintf("已入庫 Goods stocked in: %s", o.No),
			"QC passed the goods and stocked them in: tell the customer, and collect the balance if one is owed.\n品管已檢驗入庫，請通知客戶，如有餘款請催收。"); err != nil {
			return err
		}
	}
	if r := o.Revision(); before.SignBackOwedSince != nil && o.SignBackOwedSince == nil && r != nil && r.SignedBack.Signed() {
		return closeItems(tx, c, fmt.Sprintf("order:%d:signback:", o.ID))
	}
	return nil
}

// people returns the distinct active employees among ids (0 is nobody):
// an escalation skips a role nobody holds, or someone who has left.
func people(c Ctx, ids ...uint) []uint {
	var out []uint
	for _, id := range ids {
		if _, active := c.Staff[id]; id != 0 && active && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// closeItems marks done the pending action items whose key starts with
// prefix: what they asked for has happened.
func closeItems(tx *gorm.DB, c Ctx, prefix string) error {
	now := c.Now.UTC().Truncate(time.Microsecond)
	upd := map[string]any{"pending": false, "done_at": now, "done_by": c.By.Name, "version": gorm.Expr("version + 1"), "updated_at": now, "updated_by": c.By.Name}
	done, err := updateItems(tx, upd, "pending = ? AND item_key LIKE ?", true, prefix+"%")
	if err != nil {
		return err
	}
	d := itemDays{}
	for _, it := range done {
		d.add(it.AssigneeID, it.AssignedGroupID, it.DueOn, -1)
	}
	if err := d.apply(tx); err != nil {
		return err
	}
	slices.SortFunc(done, func(a, b Note) int { return cmp.Compare(a.ID, b.ID) })
	for _, it := range done {
		if err := logEvent(tx, eventWith(Event{Entity: "note", EntityID: it.ID, At: now, By: c.By.Name, ByID: c.By.ID, Action: ActDone},
			M("done by itself: the signed confirmation was recorded"))); err != nil {
			return err
		}
	}
	return nil
}
