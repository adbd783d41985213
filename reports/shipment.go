package reports

import (
	"io"
	"strconv"

	"orderdesk/model"
)

// ShipmentInfo is one shipment as the shipping clerk records it. The model
// has no shipment entity yet beyond ShipmentRequest; a later shipping model
// fills this plain struct (ShipmentFromOrder fills it from what the order has).
type ShipmentInfo struct {
	No              string // shipping order number (銷售發貨單), if any
	ShipDate        model.Date
	ExpectedArrival model.Date
	Carrier         string
	TrackingNo      string
	Packages        int
	Weight          string // as written: "1,250 kg"
	ShippedBy       string
	Note            string
	// Lines are the quantities shipped; empty means every order line at
	// its produced quantity (ordered quantity before QC counted).
	Lines []ShipLine
}

// ShipLine is the quantity of one order line in a shipment.
type ShipLine struct {
	LineNo int
	Qty    model.Qty
}

// ShipmentFromOrder returns the shipment the order records: ship date,
// expected arrival and who shipped it; every line.
func ShipmentFromOrder(o *model.Order) ShipmentInfo {
	return ShipmentInfo{ShipDate: o.Shipping.ShippedOn, ExpectedArrival: o.Shipping.ExpectedArrival,
		ShippedBy: o.Shipping.ShippedBy}
}

// shipRows returns the shipped lines: no., product, spec, quantity, unit.
func shipRows(d *doc, o *model.Order, lines []ShipLine) [][]cell {
	var rows [][]cell
	add := func(l *model.OrderLine, q model.Qty) {
		rows = append(rows, []cell{
			{strconv.Itoa(l.LineNo), stBody}, productCell(d, l), specCell(d, l),
			{d.clean("quantity", q.String()), stBody}, {d.clean("unit", unitName(l.Unit, d.lang, false)), stBody},
		})
	}
	if len(lines) == 0 {
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

// ShipmentRequest writes the shipment request (商品銷售發貨(申請)通知單),
// the internal slip without which nothing ships: address, receiver and
// contact as the clerk re-checked them, and the lines to ship (nil lines:
// every line).
func ShipmentRequest(w io.Writer, o *model.Order, req *model.ShipmentRequest, lines []ShipLine, opt Options) (rep []Replaced, err error) {
	if o == nil || req == nil {
		return nil, errNoOrder
	}
	if opt.Lang == "" {
		opt.Lang = model.LangZH // an internal slip: the office's language
	}
	return build(w, "shipment request", opt, docLang(opt, o.Customer), func(d *doc) {
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
			{d.L("packaging"), d.clean("packaging", o.Packaging)},
			{d.L("special"), d.clean("special requirements", o.SpecialRequirements)},
		}
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
// customer right after shipping: what left, when, with whom, the tracking
// number and the expected arrival.
func ShippingNotice(w io.Writer, o *model.Order, s ShipmentInfo, opt Options) (rep []Replaced, err error) {
	if o == nil {
		return nil, errNoOrder
	}
	return build(w, "shipping notice", opt, docLang(opt, o.Customer), func(d *doc) {
		d.date = firstDate(opt.Date, s.ShipDate)
		d.header = d.letterhead("title.notice", o.No, s.No)
		d.newPage()
		d.kvGrid(shipmentPairs(d, o, s))
		d.kvWide([]kv{{d.L("ship_to"), d.clean("ship to", shipTo(o))}})
		d.gap(3)
		d.para(d.L("notice_text"), stBody)
		d.gap(2)
		d.table(lineColumns(d, false), shipRows(d, o, s.Lines))
		if s.Note != "" {
			d.gap(2)
			d.kvWide([]kv{{d.L("remarks"), d.clean("note", s.Note)}})
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

// shipmentPairs are the facts of a shipment both customer documents state.
func shipmentPairs(d *doc, o *model.Order, s ShipmentInfo) []kv {
	packages := ""
	if s.Packages > 0 {
		packages = strconv.Itoa(s.Packages)
	}
	return []kv{
		{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
		{d.L("contact"), d.clean("contact", contactName(o))},
		{d.L("order_no"), d.clean("order no", o.No)},
		{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
		{d.L("ship_date"), d.clean("ship date", s.ShipDate.String())},
		{d.L("expected_arrival"), d.clean("expected arrival", s.ExpectedArrival.String())},
		{d.L("carrier"), d.clean("carrier", s.Carrier)},
		{d.L("tracking"), d.clean("tracking no", s.TrackingNo)},
		{d.L("packages"), packages},
		{d.L("weight"), d.clean("weight", s.Weight)},
	}
}

// shipTo returns the latest shipment request's address, else the order's.
func shipTo(o *model.Order) string {
	for i := len(o.Requests) - 1; i >= 0; i-- {
		if o.Requests[i].No == o.RequestNo && o.Requests[i].ShipTo != "" {
			return o.Requests[i].ShipTo
		}
	}
	return o.ShipToAddress()
}
