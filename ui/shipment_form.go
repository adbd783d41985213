package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// shipmentFields is what a dialog offers the shipment form: its inputs and
// its readers, which collect the problems of what cannot be read.
type shipmentFields interface {
	entry(name, label, value string) *Entry
	multi(name, label string) *Entry
	date(e *Entry, field string) model.Date
	qty(e *Entry, field string) model.Qty
	number(e *Entry, field string) int
}

// shipmentForm is the fields of a new shipment. The Shipping screen and the
// order's own "Shipped" step both use it and both record the shipment with
// Store.CreateShipment, so an order ships one way, partly or whole.
type shipmentForm struct {
	order                               *model.Order
	qtys                                map[int]*Entry
	carrier, tracking, packages, weight *Entry
	shipDate, leadDays, followUp, note  *Entry
}

// newShipmentForm adds the fields to f: each line's quantity, filled with
// what remains to ship, then how and when it leaves.
func newShipmentForm(f shipmentFields, o *model.Order, remaining map[int]model.Qty, today model.Date) *shipmentForm {
	sf := &shipmentForm{order: o, qtys: map[int]*Entry{}}
	nos := make([]int, 0, len(o.Lines))
	for _, l := range o.Lines {
		nos = append(nos, l.LineNo)
	}
	sort.Ints(nos)
	for _, no := range nos {
		l := o.Line(no)
		name := l.Spec
		if l.Product != nil {
			name = l.Product.Code + " " + l.Product.NameZH
		}
		label := lang.L("Line {{.Line}} {{.Product}} (to ship {{.Qty}})", map[string]any{"Line": no, "Product": name, "Qty": remaining[no].String()})
		sf.qtys[no] = f.entry(fmt.Sprintf("Line%d", no), label, remaining[no].Plain())
	}
	lead := model.LeadDaysFor("")
	if o.Customer != nil {
		lead = model.LeadDaysFor(o.Customer.Region)
	}
	sf.carrier = f.entry("Carrier", lang.L("Carrier"), "")
	sf.tracking = f.entry("TrackingNo", lang.L("Tracking no."), "")
	sf.packages = f.entry("Packages", lang.L("Packages"), "")
	sf.weight = f.entry("WeightKg", lang.L("Weight (kg)"), "")
	sf.shipDate = f.entry("ShipDate", lang.L("Ship date"), today.String())
	sf.leadDays = f.entry("LeadDays", lang.L("Lead time (days)"), strconv.Itoa(lead))
	sf.followUp = f.entry("FollowUpOn", lang.L("Follow-up on (empty: the expected arrival)"), "")
	sf.note = f.multi("Note", lang.L("Note"))
	return sf
}

// input reads the fields back; problems reading them go to f's collector.
func (sf *shipmentForm) input(f shipmentFields) model.ShipmentInput {
	in := model.ShipmentInput{OrderID: sf.order.ID, Lines: map[int]model.Qty{}, Carrier: sf.carrier.Text, TrackingNo: sf.tracking.Text,
		Packages: f.number(sf.packages, "Packages"), WeightKg: f.qty(sf.weight, "WeightKg"), ShipDate: f.date(sf.shipDate, "ShipDate"),
		Note: sf.note.Text}
	if strings.TrimSpace(sf.followUp.Text) != "" { // empty: the expected arrival
		in.FollowUpOn = f.date(sf.followUp, "FollowUpOn")
	}
	for no, e := range sf.qtys {
		if q := f.qty(e, fmt.Sprintf("Line%d", no)); q > 0 {
			in.Lines[no] = q
		}
	}
	n := f.number(sf.leadDays, "LeadDays")
	in.LeadDays = &n
	return in
}

// wholeNumber reads a count such as a number of packages (empty is 0).
func wholeNumber(text string) (int, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, true
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}
