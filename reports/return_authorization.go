package reports

import (
	"io"
	"path/filepath"

	"orderdesk/model"
)

// KindReturnAuthorization names the return authorization where documents
// are named (the print verb, file names). It prints from a return, not
// from an order, so it is none of Kinds.
const KindReturnAuthorization Kind = "return-authorization"

// ReturnAuthorizationFileName is where a return's authorization is kept,
// beside its order's documents: OrderDesk/2026/SO-…/RMA-…-return-authorization.pdf.
func ReturnAuthorizationFileName(r *model.RMA) string {
	dir := filepath.Dir(FileName(r.Order, KindReturnAuthorization))
	return filepath.Join(dir, r.No+"-"+string(KindReturnAuthorization)+".pdf")
}

// ReturnAuthorization writes the return authorization (退貨授權書) the
// customer receives once a return is authorized: the RMA number as Code 128
// (the same barcode as the confirmation's, so a copy that comes back with
// the goods is matched by it), the lines that may come back and why, and
// where to send them.
func ReturnAuthorization(w io.Writer, r *model.RMA, opt Options) (rep []Replaced, err error) {
	if r == nil || r.Order == nil {
		return nil, errNoOrder
	}
	if r.State == model.RMAOpened || r.State == model.RMACancelled {
		return nil, model.Refuse("RMA {{.No}} is {{.State}}: the return authorization prints once the return is authorized.",
			"No", r.No, "State", r.State.Name())
	}
	o := r.Order
	return build(w, "return authorization", opt, docLang(opt, o.Customer), func(d *doc) {
		d.date = firstDate(opt.Date, opt.dateOf(r.Authorized.At))
		d.header = d.letterhead("title.rma", r.No, "")
		d.newPage()
		module, barH := 0.4, 11.0
		bw := barcodeWidth(r.No, module)
		top := d.y
		d.barcode(d.right-bw, top, r.No, module, barH)
		d.paraAt(d.left, d.right-bw-d.left-2, d.L("rma_no")+"  "+d.clean("RMA no", r.No), stBold)
		d.y = max(d.y, top+barH+stSmall.lineH()+2)
		reason := d.L("reason." + string(r.Reason))
		if r.QCLot != "" {
			reason += "  (" + d.L("qc_lot") + " " + d.clean("QC lot", r.QCLot) + ")"
		}
		d.kvGrid([]kv{
			{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
			{d.L("contact"), d.clean("contact", contactName(o))},
			{d.L("order_no"), d.clean("order no", o.No)},
			{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
			{d.L("rma_reason"), reason},
			{d.L("date"), d.date.String()},
		})
		if r.Complaint != "" {
			d.kvWide([]kv{{d.L("complaint"), d.clean("complaint", r.Complaint)}})
		}
		d.gap(3)
		d.para(d.L("rma_text"), stBody)
		d.gap(2)
		lines := make([]model.ShipmentLine, len(r.Lines))
		for i, l := range r.Lines {
			lines[i] = model.ShipmentLine{LineNo: l.LineNo, Qty: l.Qty}
		}
		d.table(lineColumns(d, false), shipRows(d, o, lines))
		d.gap(3)
		if a := opt.Company.Address; a != "" {
			d.kvWide([]kv{{d.L("return_to"), d.clean("company address", a)}})
		}
		d.gap(3)
		d.signBox(d.L("rma_signer"))
	})
}
