package model

import (
	"context"
	"strings"
)

// DocKind names a document of an order (seed 002), as the print command and
// the file names spell it.
type DocKind string

// The documents of seed 002.
const (
	DocConfirmation    DocKind = "confirmation"
	DocProductionCopy  DocKind = "production-copy"
	DocFaxCover        DocKind = "fax-cover"
	DocBalanceNotice   DocKind = "balance-notice"
	DocShipmentRequest DocKind = "shipment-request"
	DocShippingNotice  DocKind = "shipping-notice"
	DocArrivalReceipt  DocKind = "arrival-receipt"
)

// DocKinds lists every document in the order of the procedure.
var DocKinds = []DocKind{DocConfirmation, DocProductionCopy, DocFaxCover, DocBalanceNotice,
	DocShipmentRequest, DocShippingNotice, DocArrivalReceipt}

// OfShipment reports whether the document is one of a shipment (it prints
// from the shipment record and lists only what that shipment carries).
func (k DocKind) OfShipment() bool { return k == DocShippingNotice || k == DocArrivalReceipt }

// DocMark is how a printable document is marked across its face.
type DocMark int

// The marks.
const (
	MarkNone      DocMark = iota
	MarkDraft             // a confirmation before its first revision: DRAFT, no barcode, not for signing
	MarkCancelled         // the order is cancelled or declined: every document says so
)

// CanPrint returns how the document k of the order prints now, or a refusal
// saying why it is not printable: each document states something (the goods
// are produced, shipped, the revision is in force) that must be true when
// it prints. shipments are the order's shipments; only the documents of a
// shipment look at them. The Print menu and the print command both ask this.
func (o *Order) CanPrint(k DocKind, shipments []Shipment) (DocMark, error) {
	closed := o.State == StateCancelled || o.State == StateDeclined
	mark := MarkNone
	if closed {
		mark = MarkCancelled
	}
	switch k {
	case DocConfirmation:
		if o.CurrentRev > 0 {
			return mark, nil
		}
		if closed {
			return 0, Refuse("Order {{.No}} was closed before a confirmation was issued; there is nothing to confirm.", "No", o.No)
		}
		return MarkDraft, nil
	case DocProductionCopy:
		if !o.Release.Released() {
			return 0, Refuse("The production copy prints once production is released.")
		}
	case DocFaxCover:
	case DocBalanceNotice:
		if o.Tier() == TierA {
			return 0, Refuse("Tier A customers ship as their contract allows; no balance collection notice is needed.")
		}
		if !o.Balance.IssuedBy.Signed() {
			return 0, Refuse("The balance collection notice prints once it is issued, after QC has stocked the goods in.")
		}
	case DocShipmentRequest:
		if o.RequestNo == "" && len(o.Requests) == 0 {
			return 0, Refuse("Order {{.No}} has no shipment request yet.", "No", o.No)
		}
	case DocShippingNotice, DocArrivalReceipt:
		if len(liveShipments(shipments)) == 0 {
			return 0, Refuse("Order {{.No}} has no shipment recorded; the shipping notice and arrival receipt print from a shipment.", "No", o.No)
		}
	default:
		return 0, Refuse("There is no document {{.Kind}}.", "Kind", string(k))
	}
	return mark, nil
}

// PickShipment returns the shipment a shipping notice or arrival receipt is
// printed from: the one numbered no, or, when no is empty, the order's only
// shipment. An order with several shipments is refused with their numbers,
// so the clerk says which.
func (o *Order) PickShipment(shipments []Shipment, no string) (*Shipment, error) {
	live := liveShipments(shipments)
	if no != "" {
		canon, err := ParseNumber(SeriesShipment, no)
		if err != nil {
			canon = no
		}
		for i := range shipments {
			sh := &shipments[i]
			if sh.No != canon {
				continue
			}
			if sh.Void() {
				return nil, Refuse("Shipment {{.Ship}} was voided; it has no documents.", "Ship", sh.No)
			}
			return sh, nil
		}
		return nil, Refuse("Shipment {{.Ship}} is not one of order {{.No}}'s.", "Ship", no, "No", o.No)
	}
	switch len(live) {
	case 0:
		return nil, Refuse("Order {{.No}} has no shipment recorded; the shipping notice and arrival receipt print from a shipment.", "No", o.No)
	case 1:
		return live[0], nil
	}
	nos := make([]string, len(live))
	for i, sh := range live {
		nos[i] = sh.No
	}
	return nil, Refuse("Order {{.No}} went in {{.N}} shipments ({{.List}}): say which one.",
		"No", o.No, "N", len(live), "List", strings.Join(nos, ", "))
}

// liveShipments returns the shipments not voided.
func liveShipments(all []Shipment) []*Shipment {
	var out []*Shipment
	for i := range all {
		if !all[i].Void() {
			out = append(out, &all[i])
		}
	}
	return out
}

// OrderShipments returns an order's shipments with their lines, oldest
// first, voided ones included: what CanPrint and PickShipment look at.
func (s *Store) OrderShipments(ctx context.Context, orderID uint) ([]Shipment, error) {
	return shipmentsOf(s.reader(ctx), orderID)
}
