package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/reports"
)

// kindLabels are the names of the documents in the Print menu.
var kindLabels = map[reports.Kind]string{
	reports.KindConfirmation:    "Order confirmation",
	reports.KindProductionCopy:  "Production copy of the confirmation",
	reports.KindFaxCover:        "Fax cover sheet",
	reports.KindBalanceNotice:   "Balance collection notice",
	reports.KindShipmentRequest: "Shipment request",
	reports.KindShippingNotice:  "Shipping notice",
	reports.KindArrivalReceipt:  "Arrival receipt",
}

// newPrintButton returns the order's Print button: a menu of its documents.
func (d *orderDetail) newPrintButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), func() {
		if d.view == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(d.printMenu(), d.win.Canvas(), pos)
	})
	return b
}

// printMenu lists the order's documents: each the model says is printable
// now opens or saves it (a document of a shipment, once per shipment);
// the rest are disabled, each with the model's reason beneath it.
func (d *orderDetail) printMenu() *fyne.Menu {
	o, shipments := d.view.order, d.view.shipments
	var items []*fyne.MenuItem
	for _, k := range reports.Kinds {
		label := lang.L(kindLabels[k])
		_, err := o.CanPrint(k, shipments)
		if err != nil {
			item := fyne.NewMenuItem(label, nil)
			item.Disabled = true
			why := fyne.NewMenuItem(SayErr(err), nil)
			why.Disabled = true
			items = append(items, item, why)
			continue
		}
		if !k.OfShipment() {
			items = append(items, d.docItem(label, reports.Request{Kind: k}))
			continue
		}
		for _, sh := range shipments {
			if sh.Void() {
				continue
			}
			items = append(items, d.docItem(label+" · "+sh.No, reports.Request{Kind: k, ShipmentNo: sh.No}))
		}
	}
	return fyne.NewMenu("", items...)
}

// docItem is one printable document: open it to print or fax, send it to
// the default printer, or save a copy.
func (d *orderDetail) docItem(label string, req reports.Request) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, func() { d.printDoc(req, verbOpen) })
	item.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Open to print or fax"), func() { d.printDoc(req, verbOpen) }),
		fyne.NewMenuItem(lang.L("Print on the default printer"), func() { d.printDoc(req, verbPrint) }),
		fyne.NewMenuItem(lang.L("Save a copy as…"), func() { d.saveDocAs(req) }))
	return item
}

// docPath is where a document of the order is kept: the documents folder,
// OrderDesk/<year>/<order no>/, with the revision in the name.
func (d *orderDetail) docPath(o *model.Order, req reports.Request) string {
	return filepath.Join(d.docsDir, reports.FileNameOf(o, req))
}

// printDoc writes a document of the open order as a PDF and opens it in the
// system's viewer to print or fax, or sends it to the default printer
// (verbPrint); runes the font cannot print are named.
func (d *orderDetail) printDoc(req reports.Request, verb docVerb) {
	if d.view == nil {
		return
	}
	id := d.view.order.ID
	req.From = d.desk.Name()
	setProblemText(d.status, "")
	d.work.Go(func() func() {
		path, replaced, err := d.renderDoc(context.Background(), id, req)
		return func() {
			if err != nil {
				setProblemText(d.status, SayErr(err))
				return
			}
			if len(replaced) > 0 {
				var runes []string
				for _, r := range replaced {
					runes = append(runes, r.String())
				}
				setProblemText(d.status, lang.L("The font cannot print {{.Runes}}; a □ stands in its place on the document.",
					map[string]any{"Runes": strings.Join(runes, ", ")}))
			}
			if verb != verbPrint {
				d.saved.show(path, d.openFile(path))
				return
			}
			d.saved.show(path, nil)
			if err := d.printFile(path); err != nil {
				setProblemText(d.status, lang.L("The document could not be printed: {{.Reason}}", map[string]any{"Reason": err.Error()}))
			}
		}
	})
}

func (d *orderDetail) renderDoc(ctx context.Context, id uint, req reports.Request) (string, []reports.Replaced, error) {
	o, err := d.store.Order(ctx, id)
	if err != nil {
		return "", nil, err
	}
	shipments, err := d.store.OrderShipments(ctx, id)
	if err != nil {
		return "", nil, err
	}
	scans, err := d.store.ScansOf(ctx, id)
	if err != nil {
		return "", nil, err
	}
	office, err := d.store.PrintOffice(ctx)
	if err != nil {
		return "", nil, err
	}
	p := reports.PrintingOf(o, req, shipments, scans, office, d.store.Now())
	path := filepath.Join(d.docsDir, p.FileName())
	var replaced []reports.Replaced
	err = writeFileAtomically(path, func(f io.Writer) error {
		var err error
		replaced, err = p.Render(f)
		return err
	})
	return path, replaced, err
}

// saveDocAs writes a document of the open order where the clerk chooses
// (a USB stick, a shared folder); the kept copy is written as well.
func (d *orderDetail) saveDocAs(req reports.Request) {
	if d.view == nil {
		return
	}
	o := d.view.order
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			setProblemText(d.status, SayErr(err))
		}
		if w != nil {
			d.saveDocTo(o.ID, req, w)
		}
	}, d.win)
	save.SetFileName(filepath.Base(d.docPath(o, req)))
	save.Show()
}

// saveDocTo writes the document into w (a file the clerk chose) and closes it.
func (d *orderDetail) saveDocTo(id uint, req reports.Request, w fyne.URIWriteCloser) {
	req.From = d.desk.Name()
	d.work.Go(func() func() {
		path, _, err := d.renderDoc(context.Background(), id, req)
		if err == nil {
			err = copyInto(w, path)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return func() {
			if err != nil {
				setProblemText(d.status, SayErr(err))
				return
			}
			setProblemText(d.status, "")
		}
	})
}

// copyInto copies the file at path to w.
func copyInto(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// nextConfirmationPath is where the revision IssueConfirmation is about to
// record will be printed, so the order names its document.
func (d *orderDetail) nextConfirmationPath(o *model.Order) string {
	next := *o
	next.CurrentRev++
	return d.docPath(&next, reports.Request{Kind: reports.KindConfirmation})
}
