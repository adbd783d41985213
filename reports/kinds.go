package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"orderdesk/model"
)

// Kind names a document of an order, as the print command and the file
// names spell it; which kinds print when is the model's rule (Order.CanPrint).
type Kind = model.DocKind

// The documents of seed 002.
const (
	KindConfirmation    = model.DocConfirmation
	KindProductionCopy  = model.DocProductionCopy
	KindFaxCover        = model.DocFaxCover
	KindBalanceNotice   = model.DocBalanceNotice
	KindShipmentRequest = model.DocShipmentRequest
	KindShippingNotice  = model.DocShippingNotice
	KindArrivalReceipt  = model.DocArrivalReceipt
)

// Kinds lists every document in the order of the procedure.
var Kinds = model.DocKinds

// Request is what one printing of an order's document needs besides the order.
type Request struct {
	Kind Kind
	// From is who sends it (the fax cover's sender): the clerk at the desk.
	From string
	// Shipments are the order's shipments (Store.OrderShipments): the
	// shipping notice and arrival receipt print from one of them.
	Shipments []model.Shipment
	// ShipmentNo picks that shipment when the order went in several.
	ShipmentNo string
	// With is the document a fax cover is sent with (default: the
	// confirmation); the cover counts its pages.
	With Kind
	// Scans are the order's returned scans (Store.ScansOf): the production
	// copy notes the one the sign-back came by.
	Scans []model.ScanReturn
}

// Render writes the requested document of o. The order must be loaded with
// its customer, lines with products, revisions and requests (Store.Order
// loads all of them). A document the order is not ready for is refused with
// the model's reason, before anything is written.
func Render(w io.Writer, o *model.Order, req Request, opt Options) ([]Replaced, error) {
	if !slices.Contains(Kinds, req.Kind) {
		return nil, fmt.Errorf("unknown document %q (one of %s)", req.Kind, kindList())
	}
	if _, err := o.CanPrint(req.Kind, req.Shipments); err != nil {
		return nil, err
	}
	switch req.Kind {
	case KindConfirmation:
		return Confirmation(w, o, opt)
	case KindProductionCopy:
		opt.ProductionCopy = true
		if s := o.SignBackScan(req.Scans); s != nil {
			opt.signBackScan = s.FileName
		}
		return Confirmation(w, o, opt)
	case KindFaxCover:
		return faxCoverFor(w, o, req, opt)
	case KindBalanceNotice:
		return BalanceNotice(w, o, opt)
	case KindShipmentRequest:
		if len(o.Requests) == 0 {
			return nil, model.Refuse("Order {{.No}} has no shipment request yet.", "No", o.No)
		}
		return ShipmentRequest(w, o, &o.Requests[len(o.Requests)-1], nil, opt)
	}
	sh, err := o.PickShipment(req.Shipments, req.ShipmentNo)
	if err != nil {
		return nil, err
	}
	if req.Kind == KindShippingNotice {
		return ShippingNotice(w, o, sh, opt)
	}
	return ArrivalReceipt(w, o, sh, opt)
}

// faxCoverFor writes the cover for faxing one of the order's documents:
// dated the day it is sent, from the clerk sending it, with the real page
// count of that document plus the cover.
func faxCoverFor(w io.Writer, o *model.Order, req Request, opt Options) ([]Replaced, error) {
	with := req.With
	if with == "" || with == KindFaxCover {
		with = KindConfirmation
	}
	pages, err := PageCount(o, Request{Kind: with, Shipments: req.Shipments, ShipmentNo: req.ShipmentNo}, opt)
	if err != nil {
		return nil, err
	}
	subject := o.No
	if with == KindConfirmation && o.CurrentRev > 0 {
		subject = fmt.Sprintf("%s/R%d", o.No, o.CurrentRev)
	}
	fc := NewFaxCover(o, req.From, pages+1, subject)
	fc.Date = firstDate(opt.Today, opt.Date)
	fc.Mark, _ = o.CanPrint(KindFaxCover, nil) // a fax cover is always printable
	return FaxCoverSheet(w, fc, opt)
}

// PageCount returns how many pages the requested document prints on.
func PageCount(o *model.Order, req Request, opt Options) (int, error) {
	var n int
	opt.pages = &n
	if _, err := Render(io.Discard, o, req, opt); err != nil {
		return 0, err
	}
	return n, nil
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// FileName is where a printed document is kept under the documents folder:
// OrderDesk/<year>/<order no>/<order no>-<kind>-R<rev>.pdf, the revision
// in the name so a reprint never overwrites what was faxed.
func FileName(o *model.Order, k Kind) string {
	year := "0000"
	if parts := strings.Split(o.No, "-"); len(parts) == 3 {
		year = parts[1]
	}
	name := fmt.Sprintf("%s-%s-R%d.pdf", o.No, k, max(o.CurrentRev, 1))
	return filepath.Join("OrderDesk", year, o.No, name)
}

// FileNameOf is FileName for one printing: a document of a shipment has
// the shipment's number in its name (one notice per shipment), and a
// draft confirmation is named a draft, never a revision.
func FileNameOf(o *model.Order, req Request) string {
	name := FileName(o, req.Kind)
	if req.Kind == KindConfirmation && o.CurrentRev == 0 {
		return strings.TrimSuffix(name, "-R1.pdf") + "-draft.pdf"
	}
	if req.Kind.OfShipment() {
		if sh, err := o.PickShipment(req.Shipments, req.ShipmentNo); err == nil {
			return strings.TrimSuffix(name, ".pdf") + "-" + sh.No + ".pdf"
		} else if req.ShipmentNo != "" {
			return strings.TrimSuffix(name, ".pdf") + "-" + req.ShipmentNo + ".pdf"
		}
	}
	return name
}
