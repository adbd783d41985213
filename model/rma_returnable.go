package model

// Returnable is what of one order line may come back: what was shipped
// and what the order's other returns (not cancelled) already take back.
type Returnable struct{ Shipped, Returned Qty }

// Left is what may still come back.
func (r Returnable) Left() Qty { return r.Shipped - r.Returned }

// ReturnableByLine says, by order line number, what each line shipped and
// what other returns already take back; shipmentID names the shipment the
// goods came on (0: any of the order's). It is the one count both the
// return rule (newRMA) and the return form use, so the form's line says
// exactly what the rule allows. A line that shipped nothing and has no
// return is absent.
func ReturnableByLine(shipments []Shipment, rmas []RMA, shipmentID uint) map[int]Returnable {
	out := map[int]Returnable{}
	for no, q := range sumLines(shipments, func(sh *Shipment) bool {
		return !sh.Void() && (shipmentID == 0 || sh.ID == shipmentID)
	}) {
		out[no] = Returnable{Shipped: q}
	}
	for i := range rmas {
		r := &rmas[i]
		if r.State == RMACancelled || (shipmentID != 0 && r.ShipmentID != nil && *r.ShipmentID != shipmentID) {
			continue
		}
		for _, l := range r.Lines {
			x := out[l.LineNo]
			x.Returned += l.Qty
			out[l.LineNo] = x
		}
	}
	return out
}

// shippedAny reports whether any line of by shipped something.
func shippedAny(by map[int]Returnable) bool {
	for _, x := range by {
		if x.Shipped > 0 {
			return true
		}
	}
	return false
}
