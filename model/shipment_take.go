package model

import (
	"fmt"
	"strings"
	"time"
)

// said is what a new shipment tells its order's and its own history: the
// lines that left, how, and a warning when it arrives after the requested date.
func (sh *Shipment) said(o *Order) []Msg {
	var parts []string
	for _, l := range sh.Lines {
		parts = append(parts, fmt.Sprintf("%d: %s", l.LineNo, l.Qty))
	}
	what := []Msg{M("shipment {{.No}}: lines {{.Lines}}; {{.Carrier}} {{.Tracking}}, expected {{.Expected}}", "No", sh.No,
		"Lines", strings.Join(parts, ", "), "Carrier", sh.Carrier, "Tracking", sh.TrackingNo, "Expected", sh.ExpectedArrival.String())}
	if sh.LateAgainstRequest(o) {
		what = append(what, M("expected arrival {{.Expected}} is after the requested date {{.Requested}}: tell the customer",
			"Expected", sh.ExpectedArrival.String(), "Requested", o.RequestedDate.String()))
	}
	return what
}

// takeShipment records a numbered shipment on its order: the order's
// history says what left, and the first shipment moves the order to
// shipped. It is the only way an order ships — the Shipping screen, the
// order's own "Shipped" step and the generator all come here — so a shipped
// order always has the shipment the Shipping screen and the shipping notice need.
func (o *Order) takeShipment(c Ctx, sh *Shipment) error {
	o.pending = append(o.pending, eventWith(Event{Entity: "order", EntityID: o.ID, At: c.Now.UTC().Truncate(time.Microsecond),
		By: c.By.Name, ByID: c.By.ID, Action: "shipment", Note: sh.Note}, sh.said(o)...))
	if o.State == StateShipped {
		return nil
	}
	return o.recordShipped(c, sh.ShipDate, sh.ExpectedArrival)
}
