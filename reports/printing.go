package reports

import (
	"io"
	"time"

	"orderdesk/model"
)

// Printing is one document of an order to print: the order, what is asked
// for and the office's options, made from model values by PrintingOf.
type Printing struct {
	Order   *model.Order
	Request Request
	Options Options
}

// PrintingOf turns what the store returned into one printing: the order's
// shipments and returned scans on req (a shipping notice or arrival receipt
// prints from one of the shipments, the production copy names the sign-back
// scan), and the office's options dated today in the office's time zone,
// not the desk's. The order screen, the shipping screen and the CLI's print
// verb all print through it, so a document reads the same from each.
func PrintingOf(o *model.Order, req Request, shipments []model.Shipment, scans []model.ScanReturn, office model.Office, now time.Time) Printing {
	req.Shipments, req.Scans = shipments, scans
	opt := OptionsFromOffice(office)
	opt.Today = opt.DayOf(now)
	return Printing{Order: o, Request: req, Options: opt}
}

// FileName is where the printing is kept under the documents folder
// (FileNameOf: a document of a shipment carries the shipment's number).
func (p Printing) FileName() string { return FileNameOf(p.Order, p.Request) }

// Render writes the document, or refuses it with the model's reason before
// anything is written.
func (p Printing) Render(w io.Writer) ([]Replaced, error) {
	return Render(w, p.Order, p.Request, p.Options)
}
