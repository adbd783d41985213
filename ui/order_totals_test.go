package ui

import (
	"strings"
	"testing"

	"orderdesk/model"
)

// TestOrderTotalsFollowTheTaxSetting: the detail shows the amounts the
// documents print. Where the office adds the business tax to its prices it
// shows the untaxed amount, the tax and the total with it; where prices
// include the tax, the total alone.
func TestOrderTotalsFollowTheTaxSetting(t *testing.T) {
	for _, included := range []bool{true, false} {
		t.Run(map[bool]string{true: "included", false: "added"}[included], func(t *testing.T) {
			store := demoStore(t, 0)
			f := newOrderFixture(t, store)
			office, err := store.Office(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			office.PricesIncludeTax = included
			if err := store.SaveOffice(f.ctx, employee(t, store, "ML").Actor(), office); err != nil {
				t.Fatal(err)
			}
			order := f.checked(f.intake(f.customer("A001", nil), 100, "WF-80-787"))
			o := newOrderDesk(t, store, f.clerk)
			d := o.open(order.ID)
			got := textsIn(d.totals)
			tax := office.Tax(order.Total)
			total := model.FormatMoney(tax.Total, order.Currency)
			if !strings.Contains(got, total) {
				t.Errorf("the totals read %q, want the printed total %s", got, total)
			}
			if split := strings.Contains(got, "Untaxed amount"); split == included {
				t.Errorf("untaxed amount shown: %v with prices including tax %v:\n%s", split, included, got)
			}
		})
	}
}
