package reports

import (
	"io"

	"orderdesk/model"
)

// ArrivalReceipt writes the arrival receipt (到貨回單) the customer signs
// and stamps when the goods arrive: the shipped lines with a column for the
// quantity received, the condition, and the signature and stamp box.
func ArrivalReceipt(w io.Writer, o *model.Order, s *model.Shipment, opt Options) (rep []Replaced, err error) {
	mark, err := shipmentDoc(o, s, model.DocArrivalReceipt)
	if err != nil {
		return nil, err
	}
	return build(w, "arrival receipt", opt, docLang(opt, o.Customer), func(d *doc) {
		d.mark = mark
		d.date = firstDate(opt.Date, s.ShipDate)
		d.header = d.letterhead("title.receipt", o.No, s.No)
		d.newPage()
		d.kvGrid(shipmentPairs(d, o, s))
		d.kvWide([]kv{{d.L("ship_to"), d.clean("ship to", shipTo(o, s))}})
		d.gap(3)
		d.para(d.L("receipt_text"), stBody)
		d.gap(2)
		cols := lineColumns(d, false)
		cols[2].w -= 26
		received := labels["col.received"]
		head := d.L("col.received")
		if d.bilingual {
			head = d.clean("label", received[0]+"\n"+received[1])
		}
		cols = append(cols, column{head, 26, alignRight})
		rows := shipRows(d, o, shipLines(s))
		for i := range rows {
			rows[i] = append(rows[i], cell{"", stBody})
		}
		d.table(cols, rows)
		d.gap(2)
		d.kvWide([]kv{
			{d.L("condition"), d.L("condition_boxes")},
			{d.L("remarks"), "\n\n"},
		})
		if d.mark != model.MarkNone {
			return // nothing to sign for a cancelled order
		}
		d.gap(3)
		// The number to fax back to inside the box: it goes with the
		// signature to whatever page that lands on.
		var lead []textBlock
		if fax := opt.Company.Fax; fax != "" {
			lead = append(lead, textBlock{d.L("fax_back") + "  " + d.clean("company fax", fax), stHead})
		}
		d.signBox(d.L("customer_sign"), lead...)
	})
}
