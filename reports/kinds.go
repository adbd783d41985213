package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"orderdesk/model"
)

// Kind names a document of an order, as the print command and the file
// names spell it.
type Kind string

// The documents of seed 002.
const (
	KindConfirmation    Kind = "confirmation"
	KindProductionCopy  Kind = "production-copy"
	KindFaxCover        Kind = "fax-cover"
	KindBalanceNotice   Kind = "balance-notice"
	KindShipmentRequest Kind = "shipment-request"
	KindShippingNotice  Kind = "shipping-notice"
	KindArrivalReceipt  Kind = "arrival-receipt"
)

// Kinds lists every document in the order of the procedure.
var Kinds = []Kind{KindConfirmation, KindProductionCopy, KindFaxCover, KindBalanceNotice,
	KindShipmentRequest, KindShippingNotice, KindArrivalReceipt}

// Request is what one printing of an order's document needs besides the order.
type Request struct {
	Kind Kind
	// From is who sends it (the fax cover's sender): the clerk at the desk.
	From string
	// PayBy is the balance notice's due date; zero means seven days from its date.
	PayBy model.Date
}

// Render writes the requested document of o. The order must be loaded with
// its customer, lines with products, revisions and requests (Store.Order
// loads all of them). A document the order is not ready for is refused with
// a reason, before anything is written.
func Render(w io.Writer, o *model.Order, req Request, opt Options) ([]Replaced, error) {
	switch req.Kind {
	case KindConfirmation:
		return Confirmation(w, o, opt)
	case KindProductionCopy:
		opt.ProductionCopy = true
		return Confirmation(w, o, opt)
	case KindFaxCover:
		return FaxCoverSheet(w, NewFaxCover(o, req.From, 2, o.No), opt)
	case KindBalanceNotice:
		payBy := req.PayBy
		if payBy.IsZero() {
			day := opt.Date
			if day.IsZero() {
				day = model.DateOf(o.StateSince.In(locationOf(opt)))
			}
			payBy = day.AddDays(7)
		}
		return BalanceNotice(w, o, payBy, opt)
	case KindShipmentRequest:
		if len(o.Requests) == 0 {
			return nil, model.Refuse("Order {{.No}} has no shipment request yet.", "No", o.No)
		}
		return ShipmentRequest(w, o, &o.Requests[len(o.Requests)-1], nil, opt)
	case KindShippingNotice:
		return ShippingNotice(w, o, ShipmentFromOrder(o), opt)
	case KindArrivalReceipt:
		return ArrivalReceipt(w, o, ShipmentFromOrder(o), opt)
	}
	return nil, fmt.Errorf("unknown document %q (one of %s)", req.Kind, kindList())
}

func locationOf(opt Options) *time.Location {
	if opt.Location != nil {
		return opt.Location
	}
	return time.UTC
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
