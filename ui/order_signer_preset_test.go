package ui

import (
	"testing"

	"orderdesk/model"
)

// TestSignerPickersPresetThePersonAtTheDesk opens every gate's dialog with
// a signer picker: the person at the desk is chosen when their department
// signs that gate, and nobody is chosen for a clerk who may sign none of
// them (not the salesperson, not the CS supervisor who alone may authorise
// emergency shipping).
func TestSignerPickersPresetThePersonAtTheDesk(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	// An off-price line (150% of the plan) for the price gate; the dialogs
	// are built for the order whatever its step, as the picker is the point.
	order := f.do(f.intake(f.customer("B002", nil), 150, "WF-80-787"), func(o *model.Order, c model.Ctx) error { return o.Submit(c) })
	cases := []struct {
		act      model.Action
		field    string
		initials string // who signs it in the demo office
	}{
		{model.DoConfirmPrice, "ConfirmedBy", "YT"},
		{model.DoTechnicalCheck, "SignedBy", "TM"},
		{model.DoProductionDate, "SignedBy", "AA"},
		{model.DoRelease, "ProductionSigner", "AA"},
		{model.DoQC, "Inspector", "LH"},
		{model.DoFinance, "SignedBy", "MA"},
		{model.DoEmergency, "Supervisor", "ML"},
	}
	preset := func(o *orderDesk, act model.Action, field string) string {
		t.Helper()
		d := o.open(order.ID)
		var got string
		o.do(func() {
			ad := newActionDialog(d, act)
			sel, ok := ad.fields.byName[field].input.(*Select)
			if !ok {
				t.Fatalf("%s: %s is a %T", act, field, ad.fields.byName[field].input)
			}
			got = sel.Selected
			ad.dialog.Hide()
		})
		return got
	}
	clerk := newOrderDesk(t, store, f.clerk)
	for _, c := range cases {
		if got := preset(clerk, c.act, c.field); got != "" {
			t.Errorf("%s with the clerk at the desk: %q chosen, want nobody", c.act, got)
		}
	}
	for _, c := range cases {
		e := employee(t, store, c.initials)
		if got := preset(newOrderDesk(t, store, e), c.act, c.field); got != e.Display() {
			t.Errorf("%s with %s at the desk: %q chosen, want them", c.act, e.Name, got)
		}
	}
}
