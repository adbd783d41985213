package reports

import (
	"orderdesk/model"
)

// letterhead returns the page header of every document: the company, the
// title, and the document number (with revision) on the right.
func (d *doc) letterhead(titleKey, number, sub string) func() {
	c := d.opt.Company
	primary, secondary := c.NameZH, c.NameEN
	if d.lang == model.LangEN && c.NameEN != "" || primary == "" {
		primary, secondary = c.NameEN, c.NameZH
	}
	primary, secondary = d.clean("company name", primary), d.clean("company name", secondary)
	// The logo stands at the left, beside the name and the line under it,
	// which keep clear of it (and of as much on the right, so they stay
	// centred); the contact lines below it have the page's width.
	lw, lh := logoSize(d.opt.Logo)
	if secondary == "" || secondary == primary { // one line of name: a smaller logo beside it
		if h := stHead.lineH(); lh > h {
			lw, lh = lw*h/lh, h
		}
	}
	avail := d.right - d.left
	if lw > 0 {
		avail -= 2 * (lw + 2)
	}
	var contact []string
	if c.Address != "" {
		contact = append(contact, d.clean("company address", c.Address))
	}
	if c.Phone != "" {
		contact = append(contact, d.L("tel")+" "+d.clean("company phone", c.Phone))
	}
	if c.Fax != "" {
		contact = append(contact, d.L("fax")+" "+d.clean("company fax", c.Fax))
	}
	if c.Email != "" {
		email := d.L("email") + " " + d.clean("company e-mail", c.Email)
		// Beside the name in the other language when it fits there: the
		// letterhead takes no extra line from every page for it.
		if secondary != "" && secondary != primary && d.width(secondary+"   "+email, stSmall) <= avail {
			secondary += "   " + email
		} else {
			contact = append(contact, email)
		}
	}
	if c.TaxID != "" {
		contact = append(contact, d.L("tax_id")+" "+d.clean("company tax ID", c.TaxID))
	}
	// Whole parts to a line: a phone number or the tax ID is never split
	// from its label (a part alone too wide still wraps).
	var contactLines []string
	for _, part := range contact {
		if n := len(contactLines); n > 0 && d.width(contactLines[n-1]+"   "+part, stSmall) <= d.right-d.left {
			contactLines[n-1] += "   " + part
			continue
		}
		contactLines = append(contactLines, part)
	}
	title := d.L(titleKey)
	number = d.clean("number", number)
	sub = d.clean("revision", sub)
	d.titleID, d.number = titleKey, number
	return func() {
		mid := (d.left + d.right) / 2
		top := d.y
		if lw > 0 {
			d.logo(d.left, top, lw, lh)
		}
		d.textCenter(mid, d.y, primary, stHead)
		d.y += stHead.lineH()
		if secondary != "" && secondary != primary {
			d.textCenter(mid, d.y, secondary, stSmall)
			d.y += stSmall.lineH()
		}
		for _, line := range contactLines {
			for _, l := range d.wrapped(line, d.right-d.left, stSmall) {
				d.textCenter(mid, d.y, l, stSmall)
				d.y += stSmall.lineH()
			}
		}
		if d.y < top+lh {
			d.y = top + lh
		}
		d.y += 1.5
		// A title a little too long for one line (both languages') is set
		// smaller rather than taking a second line from the page.
		// The title is centred and must clear the number on its right.
		ts, tw := stTitle, 2*(d.right-d.width(number, stBold)-3-mid)
		for ts.size > 12 && d.width(title, ts) > tw {
			ts.size--
		}
		for _, l := range d.wrapped(title, tw, ts) {
			d.textCenter(mid, d.y, l, ts)
			d.y += ts.lineH()
		}
		d.y -= ts.lineH()
		d.textRight(d.right, d.y, number, stBold)
		if sub != "" {
			// Under the title's line, not beside it: a long revision
			// text never runs into the title.
			d.textRight(d.right, d.y+ts.lineH()-0.3, sub, stSmall)
			d.y += stSmall.lineH()
		}
		d.y += ts.lineH() + 1
		d.rule()
		d.y += 2
		d.markBanner()
	}
}

// markBanner states across the top of every page that the document is a
// draft or of a cancelled order, in both languages whatever the
// document's: no one may take either for the real thing.
func (d *doc) markBanner() {
	key := map[model.DocMark]string{model.MarkDraft: "mark.draft", model.MarkCancelled: "mark.cancelled"}[d.mark]
	if key == "" {
		return
	}
	l := labels[key]
	word := d.clean("label", l[0]+" / "+l[1])
	note := d.clean("label", tr(key+"_note", d.lang, d.bilingual))
	w := d.right - d.left
	lines := d.wrapped(note, w-2*pad, stBold)
	h := stTitle.lineH() + float64(len(lines))*stBold.lineH() + 2*pad + 1
	d.rect(d.left, d.y, w, h)
	d.rect(d.left+0.6, d.y+0.6, w-1.2, h-1.2) // a double frame: it reads as a stamp on a fax
	y := d.y + pad + 0.5
	d.textCenter((d.left+d.right)/2, y, word, stTitle)
	y += stTitle.lineH()
	for _, ln := range lines {
		d.textCenter((d.left+d.right)/2, y, ln, stBold)
		y += stBold.lineH()
	}
	d.y += h + 2
}

// kv is one label and its cleaned value.
type kv struct{ label, value string }

// kvGrid prints label/value pairs two to a row in a bordered grid.
func (d *doc) kvGrid(pairs []kv) {
	bw := d.right - d.left
	lw := 30.0
	if d.bilingual {
		lw = 44
	}
	vw := bw/2 - lw
	cols := []column{{w: lw}, {w: vw}, {w: lw}, {w: vw}}
	var rows [][]cell
	for i := 0; i < len(pairs); i += 2 {
		r := []cell{{pairs[i].label, stLabel}, {pairs[i].value, stBody}, {"", stLabel}, {"", stBody}}
		if i+1 < len(pairs) {
			r[2], r[3] = cell{pairs[i+1].label, stLabel}, cell{pairs[i+1].value, stBody}
		}
		rows = append(rows, r)
	}
	d.grid(cols, rows)
}

// kvWide prints label/value pairs one to a row, for long values.
func (d *doc) kvWide(pairs []kv) {
	lw := 30.0
	if d.bilingual {
		lw = 44
	}
	cols := []column{{w: lw}, {w: d.right - d.left - lw}}
	var rows [][]cell
	for _, p := range pairs {
		rows = append(rows, []cell{{p.label, stLabel}, {p.value, stBody}})
	}
	d.grid(cols, rows)
}

// heading prints a bold section heading.
func (d *doc) heading(text string) {
	d.need(stBold.lineH() + 12)
	d.y += 2
	d.text(d.left, d.y, text, stBold)
	d.y += stBold.lineH() + 0.5
}

// sealMM is the company seal the stamp square takes whole: a company's
// large seal (公司大章) is up to 45 mm square.
const sealMM = 45.0

// textBlock is a paragraph of cleaned text in one style.
type textBlock struct {
	text string
	st   style
}

// signBox draws the box a customer signs and stamps: the title and the
// lead text (the terms they sign to, the number to fax back to) above
// lines for name, signature and date on the left, and on the right a
// square a 45 mm company seal fits in whole, below its label. The lead
// text runs beside the seal, in the height the square needs anyway.
func (d *doc) signBox(title string, lead ...textBlock) {
	const rowH = 7.5
	x, w := d.left, d.right-d.left
	stampW := sealMM + 2
	stampX := d.right - pad - stampW
	leftW := stampX - x - 2*pad - 2
	type line struct {
		text string
		st   style
	}
	var lines []line
	for _, l := range d.wrapped(title, leftW, stBold) {
		lines = append(lines, line{l, stBold})
	}
	for _, b := range lead {
		for _, l := range d.wrapped(b.text, leftW, b.st) {
			lines = append(lines, line{l, b.st})
		}
	}
	leftH := pad + 3*rowH + 2 + pad
	for _, l := range lines {
		leftH += l.st.lineH()
	}
	stampH := stSmall.lineH() + sealMM + 1
	h := max(leftH, stampH+2*pad)
	d.need(h + 2)
	y := d.y
	d.rect(x, y, w, h)
	d.rect(stampX, y+pad, stampW, h-2*pad)
	d.textCenter(stampX+stampW/2, y+pad+0.3, d.L("stamp"), stSmall)
	ty := y + pad
	for _, l := range lines {
		d.text(x+pad+1, ty, l.text, l.st)
		ty += l.st.lineH()
	}
	// The lines sit at the foot of the box, wherever the text ends.
	ly := y + h - pad - 2 - 2*rowH
	for _, key := range []string{"name", "signature", "date"} {
		label := d.L(key)
		d.text(x+3, ly-stBody.lineH()+0.5, label, stLabel)
		d.line(x+3+d.width(label, stLabel)+2, ly, x+pad+1+leftW, ly)
		ly += rowH
	}
	d.y += h + 2
}

// signLines draws one labelled signature line per key, each with a date
// line, kept together on one page (internal copies).
func (d *doc) signLines(keys ...string) {
	const rowH = 10.0
	d.need(rowH*float64(len(keys)) + 2)
	dateLabel := d.L("date")
	dateX := d.right - 45
	for _, key := range keys {
		d.y += rowH
		label := d.L(key)
		d.text(d.left, d.y-stBody.lineH()+0.5, label, stLabel)
		d.line(d.left+d.width(label, stLabel)+2, d.y, dateX-6, d.y)
		d.text(dateX, d.y-stBody.lineH()+0.5, dateLabel, stLabel)
		d.line(dateX+d.width(dateLabel, stLabel)+2, d.y, d.right, d.y)
	}
	d.y += 3
}

// money formats an amount with the order's currency.
func money(m model.Money, currency string) string { return model.FormatMoney(m, currency) }

// orderDate is the document date: the option, else the first of the given dates set.
func firstDate(ds ...model.Date) model.Date {
	for _, d := range ds {
		if !d.IsZero() {
			return d
		}
	}
	return model.Date{}
}

// contactFax returns the fax to send to: the contact's, else the customer's.
func contactFax(o *model.Order) string {
	if o.Contact != nil && o.Contact.Fax != "" {
		return o.Contact.Fax
	}
	if o.Customer != nil {
		return o.Customer.Fax
	}
	return ""
}

// contactPhone returns the phone of the order's contact, else the customer's.
func contactPhone(o *model.Order) string {
	if o.Contact != nil && o.Contact.Phone != "" {
		return o.Contact.Phone
	}
	if o.Customer != nil {
		return o.Customer.Phone
	}
	return ""
}

func contactName(o *model.Order) string {
	if o.Contact != nil {
		return o.Contact.Name
	}
	return o.CallerName
}

func customerName(o *model.Order, lang string) string {
	if o.Customer == nil {
		return ""
	}
	return o.Customer.Name(lang)
}

func customerCode(o *model.Order) string {
	if o.Customer == nil {
		return ""
	}
	return o.Customer.Code
}

func customerTaxID(o *model.Order) string {
	if o.Customer == nil {
		return ""
	}
	return o.Customer.TaxID
}

// deliveryTerms is the order's Incoterm with its named place ("FOB Keelung
// (Incoterms 2020)"), as one more pair of a document's terms, or none for
// an order without one (a domestic customer's): an empty "Delivery terms"
// would read as if they were forgotten.
func deliveryTerms(d *doc, o *model.Order) []kv {
	if o.Incoterm == "" {
		return nil
	}
	return []kv{{d.L("incoterm"), d.clean("delivery terms", o.DeliveryTerms.String()) + " (Incoterms 2020)"}}
}

func billingAddress(o *model.Order) string {
	if o.Customer == nil {
		return ""
	}
	return o.Customer.BillingAddress
}

func employeeName(e *model.Employee, lang string) string {
	if e == nil {
		return ""
	}
	if lang == model.LangZH && e.NameZH != "" {
		return e.NameZH
	}
	return e.Name
}

func productName(p *model.Product, lang string) string {
	if p == nil {
		return ""
	}
	if lang == model.LangEN && p.NameEN != "" || p.NameZH == "" {
		return p.NameEN
	}
	return p.NameZH
}
