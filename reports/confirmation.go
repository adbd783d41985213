package reports

import (
	"fmt"
	"io"
	"strings"

	"orderdesk/model"
)

// Confirmation writes the order confirmation (銷售部客戶訂單確認書) of the
// order's current revision to w: the sheet the clerk faxes and the customer
// signs or stamps back. With opt.ProductionCopy it is the production copy
// (it doubles as the production order) with the production signer lines.
//
// o needs Customer, Contact (optional), Lines with their Product, and
// Revisions loaded. The returned runes are the ones the font lacks, printed
// as a visible replacement: warn the clerk before faxing.
func Confirmation(w io.Writer, o *model.Order, opt Options) (rep []Replaced, err error) {
	if o == nil {
		return nil, errNoOrder
	}
	kind := model.DocConfirmation
	if opt.ProductionCopy {
		kind = model.DocProductionCopy
	}
	mark, err := o.CanPrint(kind, nil)
	if err != nil {
		return nil, err
	}
	return build(w, "order confirmation", opt, docLang(opt, o.Customer), func(d *doc) {
		d.mark = mark
		layoutConfirmation(d, o)
	})
}

// confirmationRev returns the revision printed (at least 1) and the barcode text.
func confirmationRev(o *model.Order) (int, string) {
	rev := max(o.CurrentRev, 1)
	return rev, fmt.Sprintf("%s/R%d", o.No, rev)
}

func layoutConfirmation(d *doc, o *model.Order) {
	rev, code := confirmationRev(o)
	r := o.Revision()
	var issued model.Date
	if r != nil {
		issued = d.opt.dateOf(r.Issued.At)
	}
	d.date = firstDate(d.opt.Date, issued, d.opt.dateOf(&o.ReceivedAt))
	revText := d.Lf("rev_first", rev)
	if rev > 1 {
		revText = d.Lf("rev_replaces", rev, rev-1)
	}
	draft := d.mark == model.MarkDraft
	if draft {
		// Not issued: no revision, no date, no barcode a returned fax could be matched by.
		revText, d.date = d.L("rev_draft"), firstDate(d.opt.Date)
	}
	title := "title.confirmation"
	if d.opt.ProductionCopy {
		title = "title.production"
	}
	// The barcode lets a returned fax be matched to order and revision,
	// whichever page comes back: page 1 has it beside the order's
	// reference, every later page under its letterhead.
	module, barH := 0.4, 11.0
	bw := barcodeWidth(code, module)
	head := d.letterhead(title, o.No, revText)
	d.header = func() {
		head()
		if d.cur > 0 && !draft {
			d.barcode(d.right-bw, d.y, code, module, barH)
			d.y += barH + stSmall.lineH() + 2
		}
	}
	d.newPage()

	top := d.y
	if draft {
		bw, barH = 0, 0
	} else {
		d.barcode(d.right-bw, top, code, module, barH)
	}
	d.y = top
	leftW := d.right - bw - d.left - 2 // beside the barcode, never over it
	orderNo := d.L("order_no") + "  " + d.clean("order no", o.No)
	dateText := ""
	if !d.date.IsZero() {
		dateText = d.L("date") + "  " + d.date.String()
	}
	why := ""
	if rev > 1 && !draft {
		why = o.RevisionReason()
	}
	// With a revision's reason to print (why it replaces the one the
	// customer has), the date moves up beside the order number, so the
	// reason takes no room the barcode's height does not already give.
	if y0 := d.y; why != "" && dateText != "" && d.width(orderNo, stBold)+6+d.width(dateText, stBody) <= leftW {
		d.paraAt(d.left, leftW, orderNo, stBold)
		d.text(d.left+d.width(orderNo, stBold)+6, y0, dateText, stBody)
		dateText = ""
	} else {
		d.paraAt(d.left, leftW, orderNo, stBold)
	}
	d.paraAt(d.left, leftW, d.L("revision")+"  "+revText, stBody)
	if why != "" {
		d.paraAt(d.left, leftW, d.L("rev_reason")+"  "+d.clean("revision reason", why), stBody)
	}
	if dateText != "" {
		d.paraAt(d.left, leftW, dateText, stBody)
	}
	if !draft {
		d.y = max(d.y, top+barH+stSmall.lineH()+1)
	}
	d.y++

	d.kvGrid(confirmationParties(d, o))
	d.gap(2)
	d.table(lineColumns(d, true), confirmationRows(d, o))
	// The customer signs what the totals, terms and sign-back rules say:
	// never a signature box alone on a page.
	d.keepTogether(func() {
		d.totalLine(o)
		d.gap(1)
		terms := confirmationTerms(d, o)
		if d.opt.ProductionCopy {
			terms = append(terms, productionDates(d, o)...)
		}
		d.kvWide(terms)
		switch {
		case d.opt.ProductionCopy:
			// Production works from what the customer signed, not from
			// terms asking for a signature it already has.
			signBackRecord(d, o)
		case d.mark == model.MarkNone:
			signBack(d, o)
		}
	})
	if d.opt.ProductionCopy && d.mark != model.MarkDraft {
		if d.opt.signBackScan != "" {
			// Production starts from a signed copy it can see: say where it is.
			d.gap(1)
			d.para(d.Lf("scan_attached", d.clean("scan file", d.opt.signBackScan)), stBody)
		}
		d.signLines("clerk_signer", "prod_signer", "tech_copy")
	}
}

// signBack prints the sign-back terms, the number to fax back to and the
// customer's signature and stamp box.
func signBack(d *doc, o *model.Order) {
	key := "signback_a"
	if o.Tier() == model.TierB || o.Tier() == model.TierC {
		key = "signback_bc"
	}
	d.gap(1)
	lead := []textBlock{{d.L("signback"), stBold}, {d.L(key), stBody}}
	if fax := d.opt.Company.Fax; fax != "" {
		lead = append(lead, textBlock{d.L("fax_back") + "  " + d.clean("company fax", fax), stHead})
	}
	d.signBox(d.L("customer_sign"), lead...)
}

// productionDates are production's own dates (seed 002 step 10): the day
// production starts and the day it finishes the goods.
func productionDates(d *doc, o *model.Order) []kv {
	return []kv{
		{d.L("prod_date"), d.clean("production date", o.ProdDate.ProductionDate.String())},
		{d.L("prod_finished"), d.clean("production finished date", o.ProdDate.FinishedDate.String())},
	}
}

// signBackRecord states who signed the printed revision back and when,
// on the production copy.
func signBackRecord(d *doc, o *model.Order) {
	d.heading(d.L("signback_record"))
	r := o.Revision()
	if r == nil || !r.SignedBack.Signed() {
		d.para(d.L("not_signed_back"), stBody)
		return
	}
	text := d.Lf("signed_back_by", d.clean("signed back by", r.SignedBack.By), d.opt.dateOf(r.SignedBack.At).String())
	if r.Stamped {
		text += d.L("signed_stamped")
	}
	d.para(text, stBody)
}

func confirmationParties(d *doc, o *model.Order) []kv {
	ps := []kv{
		// The billing address under the name and the tax ID beside the
		// code: both printed, and the one-page confirmation stays one page.
		{d.L("customer_billing"), d.clean("customer name", customerName(o, d.lang)) + "\n" + d.clean("billing address", billingAddress(o))},
		{d.L("customer_code_tax"), codeAndTaxID(d, o)},
		{d.L("contact"), d.clean("contact", contactName(o))},
		{d.L("phone"), d.clean("contact phone", contactPhone(o))},
		{d.L("fax"), d.clean("contact fax", contactFax(o))},
		{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
		{d.L("salesperson"), d.clean("salesperson", employeeName(o.Salesperson, d.lang))},
		{d.L("clerk"), d.clean("clerk", employeeName(o.Clerk, d.lang))},
	}
	return ps
}

// lineColumns returns the columns of the order lines; without prices for
// the shipping documents.
func lineColumns(d *doc, prices bool) []column {
	bw := d.right - d.left
	h := func(key string) string {
		if d.bilingual {
			l := labels[key]
			return d.clean("label", l[0]+"\n"+l[1])
		}
		return d.L(key)
	}
	if !prices {
		return []column{{h("col.no"), 10, alignCenter}, {h("col.product"), bw * 0.34, alignLeft},
			{h("col.spec"), bw*0.66 - 10 - 28 - 18, alignLeft}, {h("col.qty"), 28, alignRight}, {h("col.unit"), 18, alignCenter}}
	}
	return []column{{h("col.no"), 9, alignCenter}, {h("col.product"), bw * 0.27, alignLeft},
		{h("col.spec"), bw*0.73 - 9 - 20 - 13 - 24 - 27, alignLeft}, {h("col.qty"), 20, alignRight},
		{h("col.unit"), 13, alignCenter}, {h("col.price"), 24, alignRight}, {h("col.amount"), 27, alignRight}}
}

// lineAmount returns a line's amount, computing it when the model has not.
func lineAmount(l *model.OrderLine) model.Money {
	if l.Amount != 0 {
		return l.Amount
	}
	a := model.Amount(l.Qty, l.UnitPrice)
	if l.DiscountPct != 0 {
		a = a.Percent(100 - l.DiscountPct)
	}
	return a
}

func orderTotal(o *model.Order) model.Money {
	if o.Total != 0 {
		return o.Total
	}
	var t model.Money
	for i := range o.Lines {
		t += lineAmount(&o.Lines[i])
	}
	return t
}

// productCell is "code" then the product's name on the next line.
func productCell(d *doc, l *model.OrderLine) cell {
	f := fmt.Sprintf("line %d product", l.LineNo)
	if l.Product == nil {
		return cell{"", stBody}
	}
	return cell{d.clean(f, strings.TrimSpace(l.Product.Code+" "+productName(l.Product, d.lang))), stBody}
}

func specCell(d *doc, l *model.OrderLine) cell {
	spec := l.Spec
	if spec == "" && l.Product != nil {
		spec = l.Product.Spec()
	}
	return cell{d.clean(fmt.Sprintf("line %d spec", l.LineNo), spec), stBody}
}

func confirmationRows(d *doc, o *model.Order) [][]cell {
	var rows [][]cell
	for i := range o.Lines {
		l := &o.Lines[i]
		price := money(l.UnitPrice, o.Currency)
		if l.DiscountPct != 0 {
			price += "\n" + d.Lf("discount", l.DiscountPct)
		}
		rows = append(rows, []cell{
			{fmt.Sprint(l.LineNo), stBody}, productCell(d, l), specCell(d, l),
			{d.clean("quantity", l.Qty.String()), stBody}, {d.clean("unit", unitName(l.Unit, d.lang, false)), stBody},
			{d.clean("unit price", price), stBody}, {d.clean("amount", money(lineAmount(l), o.Currency)), stBody},
		})
	}
	return rows
}

// totalLine prints the order total under the amount column: the untaxed
// amount, the business tax and the total the customer pays, or the total
// marked "tax included" when the prices include it; then in words.
func (d *doc) totalLine(o *model.Order) {
	t := d.opt.tax(orderTotal(o))
	d.y += 1
	right := func(label, field string, m model.Money, st style) {
		d.need(st.lineH())
		d.textRight(d.right-pad, d.y, label+"  "+d.clean(field, money(m, o.Currency)), st)
		d.y += st.lineH()
	}
	if t.Included {
		right(d.L("total")+" ("+d.Lf("tax_included", t.RatePct)+")", "total", t.Total, stHead)
	} else {
		// The untaxed amount and the tax on the total's line, at the left,
		// when they fit beside it; else on a line of their own above it.
		split := d.L("untaxed") + "  " + d.clean("untaxed amount", money(t.Untaxed, o.Currency)) +
			"    " + d.Lf("business_tax", t.RatePct) + "  " + d.clean("business tax", money(t.Tax, o.Currency))
		total := d.L("total_taxed") + "  " + d.clean("total", money(t.Total, o.Currency))
		d.need(stBody.lineH() + stHead.lineH())
		if d.width(split, stBody)+d.width(total, stHead)+10 > d.right-d.left-2*pad {
			d.textRight(d.right-pad, d.y, split, stBody)
			d.y += stBody.lineH()
		} else {
			d.text(d.left+pad, d.y+stHead.lineH()-stBody.lineH(), split, stBody)
		}
		d.textRight(d.right-pad, d.y, total, stHead)
		d.y += stHead.lineH()
	}
	d.y++
	d.amountInWords(t.Total, o.Currency)
}

// amountInWords states an amount in financial numerals under it on a
// Chinese document (大寫: 新臺幣 壹佰貳拾陸萬伍仟零伍拾元整), right-aligned.
func (d *doc) amountInWords(m model.Money, currency string) {
	if d.lang != model.LangZH && !d.bilingual {
		return
	}
	d.need(stBody.lineH())
	d.textRight(d.right-pad, d.y, d.L("in_words")+"  "+d.clean("amount in words", model.ChineseWords(m, currency)), stBody)
	d.y += stBody.lineH() + 1
}

// codeAndTaxID is "C0042 / 24536806", or the code alone for a customer
// without a tax ID (a foreign one): "A004 /" read as if the ID was lost.
func codeAndTaxID(d *doc, o *model.Order) string {
	code := d.clean("customer code", customerCode(o))
	if id := customerTaxID(o); id != "" {
		return code + " / " + d.clean("customer tax ID", id)
	}
	return code
}

func confirmationTerms(d *doc, o *model.Order) []kv {
	var terms, pm string
	pct := 0
	if c := o.Customer; c != nil {
		terms, pct = c.PaymentTerms, c.DepositPercent
	}
	// The order's payment method is copied from the customer's terms at
	// intake; print it only where the clerk changed it.
	if pm = o.PaymentMethod; strings.TrimSpace(pm) == strings.TrimSpace(terms) {
		pm = ""
	}
	deposit := d.L("no_deposit")
	if pct > 0 {
		due := o.DepositDue
		if due == 0 {
			due = orderTotal(o).Percent(pct)
		}
		deposit = d.Lf("deposit_due", pct, money(due, o.Currency))
	}
	finished := firstDate(o.ConfirmedDate, o.PromisedDate)
	if r := o.Revision(); r != nil && !r.PromisedDate.IsZero() {
		finished = r.PromisedDate
	}
	tol := ""
	if o.TolerancePct != nil {
		tol = fmt.Sprintf("± %d%%", *o.TolerancePct)
	}
	kvs := []kv{
		{d.L("payment_terms"), d.clean("payment terms", strings.TrimSpace(terms+"  "+pm))},
		{d.L("deposit"), deposit},
	}
	kvs = append(kvs, deliveryTerms(d, o)...)
	return append(kvs, []kv{
		{d.L("finished_date"), d.clean("finished date", finished.String()) + "\n" + d.L("finished_note")},
		{d.L("tolerance"), d.clean("tolerance", tol)},
		{d.L("packaging"), d.clean("packaging", o.Packaging)},
		{d.L("special"), d.clean("special requirements", o.SpecialRequirements)},
		{d.L("ship_to"), d.clean("delivery address", o.ShipToAddress())},
	}...)
}
