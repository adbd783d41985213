package reports

import (
	"io"
	"strconv"

	"orderdesk/model"
)

// shipRows returns the lines of a shipment: no., product, spec, quantity,
// unit. nil lines (a shipment request before anything left): every order
// line at its produced quantity (ordered quantity before QC counted).
func shipRows(d *doc, o *model.Order, lines []model.ShipmentLine) [][]cell {
	var rows [][]cell
	add := func(l *model.OrderLine, q model.Qty) {
		rows = append(rows, []cell{
			{strconv.Itoa(l.LineNo), stBody}, productCell(d, l), specCell(d, l),
			{d.clean("quantity", q.String()), stBody}, {d.clean("unit", unitName(l.Unit, d.lang, false)), stBody},
		})
	}
	if lines == nil {
		for i := range o.Lines {
			l := &o.Lines[i]
			q := l.Qty
			if l.ProducedQty > 0 {
				q = l.ProducedQty
			}
			add(l, q)
		}
		return rows
	}
	for _, sl := range lines {
		if l := o.Line(sl.LineNo); l != nil {
			add(l, sl.Qty)
		}
	}
	return rows
}

// shipmentDoc checks that sh is a shipment of o that may print, and
// returns the mark its documents carry.
func shipmentDoc(o *model.Order, sh *model.Shipment, k model.DocKind) (model.DocMark, error) {
	if o == nil || sh == nil {
		return 0, errNoOrder
	}
	if sh.OrderID != 0 && o.ID != 0 && sh.OrderID != o.ID {
		return 0, model.Refuse("Shipment {{.Ship}} is not one of order {{.No}}'s.", "Ship", sh.No, "No", o.No)
	}
	return o.CanPrint(k, []model.Shipment{*sh})
}

// ShipmentRequest writes the shipment request (商品銷售發貨(申請)通知單),
// the internal slip without which nothing ships: address, receiver and
// contact as the clerk re-checked them, and the lines to ship (nil lines:
// every line).
func ShipmentRequest(w io.Writer, o *model.Order, req *model.ShipmentRequest, lines []model.ShipmentLine, opt Options) (rep []Replaced, err error) {
	if o == nil || req == nil {
		return nil, errNoOrder
	}
	mark, err := o.CanPrint(model.DocShipmentRequest, nil)
	if err != nil {
		return nil, err
	}
	if opt.Lang == "" {
		opt.Lang = model.LangZH // an internal slip: the office's language
	}
	return build(w, "shipment request", opt, docLang(opt, o.Customer), func(d *doc) {
		d.mark = mark
		d.date = firstDate(opt.Date, opt.dateOf(req.Issued.At))
		d.header = d.letterhead("title.request", req.No, o.No)
		d.newPage()
		checked := req.Checked.By
		if at := opt.dateOf(req.Checked.At); !at.IsZero() {
			checked += "  " + at.String()
		}
		pairs := []kv{
			{d.L("request_no"), d.clean("request no", req.No)},
			{d.L("order_no"), d.clean("order no", o.No)},
			{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
			{d.L("customer_code"), d.clean("customer code", customerCode(o))},
			{d.L("receiver"), d.clean("receiver", req.Receiver)},
			{d.L("receiver_phone"), d.clean("receiver phone", req.Phone)},
			{d.L("contact"), d.clean("contact", contactName(o))},
			{d.L("date"), d.date.String()},
		}
		d.kvGrid(pairs)
		wide := []kv{
			{d.L("ship_to"), d.clean("ship to", req.ShipTo)},
			{d.L("checked_by"), d.clean("checked by", checked)},
		}
		wide = append(wide, deliveryTerms(d, o)...)
		wide = append(wide, []kv{
			{d.L("packaging"), d.clean("packaging", o.Packaging)},
			{d.L("special"), d.clean("special requirements", o.SpecialRequirements)},
		}...)
		if req.AfterEmerg {
			wide = append(wide, kv{d.L("after_emergency"), d.clean("emergency", o.Emergency.Authorised.By+"  "+o.Emergency.Reason)})
		}
		if req.Note != "" {
			wide = append(wide, kv{d.L("remarks"), d.clean("note", req.Note)})
		}
		d.kvWide(wide)
		d.gap(2)
		d.table(lineColumns(d, false), shipRows(d, o, lines))
		d.gap(2)
		d.signLines("issued_by", "shipping_signer")
	})
}

// ShippingNotice writes the shipping notice (發貨告知書) faxed to the
// customer right after shipping, from the shipment record: what this
// shipment carries (only its lines), when, with whom, the tracking number,
// the expected arrival, and when the office will follow up.
func ShippingNotice(w io.Writer, o *model.Order, sh *model.Shipment, opt Options) (rep []Replaced, err error) {
	mark, err := shipmentDoc(o, sh, model.DocShippingNotice)
	if err != nil {
		return nil, err
	}
	return build(w, "shipping notice", opt, docLang(opt, o.Customer), func(d *doc) {
		d.mark = mark
		d.date = firstDate(opt.Date, sh.ShipDate)
		d.header = d.letterhead("title.notice", o.No, sh.No)
		d.newPage()
		d.kvGrid(shipmentPairs(d, o, sh))
		d.kvWide(append([]kv{{d.L("ship_to"), d.clean("ship to", shipTo(o, sh))}}, deliveryTerms(d, o)...))
		d.gap(3)
		d.para(d.L("notice_text"), stBody)
		d.gap(2)
		d.table(lineColumns(d, false), shipRows(d, o, shipLines(sh)))
		var more []kv
		if !sh.FollowUpOn.IsZero() {
			more = append(more, kv{d.L("follow_up"), d.Lf("follow_up_text", sh.FollowUpOn.String())})
		}
		if sh.Note != "" {
			more = append(more, kv{d.L("remarks"), d.clean("note", sh.Note)})
		}
		if len(more) > 0 {
			d.gap(2)
			d.kvWide(more)
		}
		if fax := opt.Company.Fax; fax != "" {
			d.gap(2)
			d.need(stHead.lineH())
			d.text(d.left, d.y, d.L("fax_back")+"  "+d.clean("company fax", fax), stHead)
			d.y += stHead.lineH()
		}
		d.signLines("shipping_signer")
	})
}

// shipLines returns a shipment's lines, never nil: a shipment lists what it
// carries, not the order.
func shipLines(sh *model.Shipment) []model.ShipmentLine {
	if sh.Lines == nil {
		return []model.ShipmentLine{}
	}
	return sh.Lines
}

// shipmentPairs are the facts of a shipment both customer documents state.
func shipmentPairs(d *doc, o *model.Order, sh *model.Shipment) []kv {
	packages, weight := "", ""
	if sh.Packages > 0 {
		packages = strconv.Itoa(sh.Packages)
	}
	if sh.WeightKg > 0 {
		weight = sh.WeightKg.String() + " kg"
	}
	return []kv{
		{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
		{d.L("contact"), d.clean("contact", contactName(o))},
		{d.L("order_no"), d.clean("order no", o.No)},
		{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
		{d.L("ship_date"), d.clean("ship date", sh.ShipDate.String())},
		{d.L("expected_arrival"), d.clean("expected arrival", sh.ExpectedArrival.String())},
		{d.L("carrier"), d.clean("carrier", sh.Carrier)},
		{d.L("tracking"), d.clean("tracking no", sh.TrackingNo)},
		{d.L("packages"), packages},
		{d.L("weight"), d.clean("weight", weight)},
	}
}

// shipTo returns where the shipment went, else the latest shipment
// request's address, else the order's.
func shipTo(o *model.Order, sh *model.Shipment) string {
	if sh != nil && sh.ShipTo != "" {
		return sh.ShipTo
	}
	for i := len(o.Requests) - 1; i >= 0; i-- {
		if o.Requests[i].No == o.RequestNo && o.Requests[i].ShipTo != "" {
			return o.Requests[i].ShipTo
		}
	}
	return o.ShipToAddress()
}
