package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// buildArrival adds the fields of the order's "Arrival receipt signed"
// step. The arrival is a shipment's: it is recorded as the Shipping screen
// records it (Store.RecordArrival, or Store.RecordReceipt for a shipment
// that has arrived without its receipt), so the shipment shows it and the
// order is delivered once every line has arrived with a signed receipt.
func buildArrival(ad *actionDialog, v *orderView, today string) {
	in := &ad.inputs
	var waiting []model.Shipment
	var arrived []bool // the shipment has arrived; only its receipt is missing
	for i := range v.shipments {
		sh := &v.shipments[i]
		acts := model.ActionsOn(v.order, sh, v.shipments, v.ctx)
		switch {
		case acts.Allowed(model.ShipDoArrival) == nil:
			waiting, arrived = append(waiting, *sh), append(arrived, false)
		case acts.Allowed(model.ShipDoReceipt) == nil:
			waiting, arrived = append(waiting, *sh), append(arrived, true)
		}
	}
	if len(waiting) == 0 {
		ad.fields.SetOther(lang.L("No shipment of {{.No}} is waiting for its arrival: record what is left to ship in Shipping first.",
			map[string]any{"No": v.order.No}))
		ad.blocked = true
		return
	}
	opts := make([]string, len(waiting))
	for i, sh := range waiting {
		if arrived[i] {
			opts[i] = lang.L("{{.No}} · arrived {{.On}}, receipt not back", map[string]any{"No": sh.No, "On": sh.ArrivedOn.String()})
		} else {
			opts[i] = lang.L("{{.No}} · shipped {{.On}}, in transit", map[string]any{"No": sh.No, "On": sh.ShipDate.String()})
		}
	}
	which := NewSelect(opts, nil)
	which.SetSelectedIndex(0)
	in.add("Shipment", lang.L("Shipment"), which)
	on := in.entry("ArrivedOn", lang.L("Arrived on"), today)
	by := in.entry("ReceiptSignedBy", lang.L("Receipt signed by (empty: not back yet)"), "")
	problems := in.multi("Problems", lang.L("Problems in transit"))
	ad.save = func() (func(context.Context, model.Actor) error, model.FieldErrors) {
		i := max(which.SelectedIndex(), 0)
		sh := waiting[i]
		if arrived[i] {
			signedBy := by.Text
			return func(ctx context.Context, actor model.Actor) error {
				_, err := ad.inputs.d.store.RecordReceipt(ctx, actor, sh.ID, sh.Version, signedBy, "")
				return err
			}, nil
		}
		arrival := model.ArrivalInput{ArrivedOn: in.date(on, "ArrivedOn"), ReceiptSignedBy: strings.TrimSpace(by.Text), Problems: problems.Text}
		fe := in.fe
		in.fe = nil
		return func(ctx context.Context, actor model.Actor) error {
			_, err := ad.inputs.d.store.RecordArrival(ctx, actor, sh.ID, sh.Version, arrival)
			return err
		}, fe
	}
}
