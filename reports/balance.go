package reports

import (
	"fmt"
	"io"

	"orderdesk/model"
)

// BalanceNotice writes the balance collection notice (餘款催收通知書) a
// tier B or C customer gets once the goods are produced: the value of what
// was produced, what is paid and owed now, and the date to pay by. It is
// dated the day it was issued, and pay-by runs from that date under the
// customer's payment terms (model.PayBy). Who gets one and when is the
// model's rule (Order.CanPrint); this only prints it.
func BalanceNotice(w io.Writer, o *model.Order, opt Options) (rep []Replaced, err error) {
	if o == nil {
		return nil, errNoOrder
	}
	mark, err := o.CanPrint(model.DocBalanceNotice, nil)
	if err != nil {
		return nil, err
	}
	return build(w, "balance notice", opt, docLang(opt, o.Customer), func(d *doc) {
		d.mark = mark
		// The notice's date is its issue, never the print: a reprint says the same.
		d.date = opt.dateOf(o.Balance.IssuedBy.At)
		terms := ""
		if c := o.Customer; c != nil {
			terms = c.PaymentTerms
		}
		payBy := model.PayBy(d.date, terms)
		d.header = d.letterhead("title.balance", o.No, "")
		d.newPage()

		d.kvGrid([]kv{
			{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
			{d.L("customer_code"), d.clean("customer code", customerCode(o))},
			{d.L("customer_tax_id"), d.clean("customer tax ID", customerTaxID(o))},
			{d.L("contact"), d.clean("contact", contactName(o))},
			{d.L("fax"), d.clean("contact fax", contactFax(o))},
			{d.L("order_no"), d.clean("order no", o.No)},
			{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
			{d.L("date"), d.date.String()},
			{d.L("payment_method"), d.clean("payment method", o.PaymentMethod)},
		})
		if terms := deliveryTerms(d, o); terms != nil {
			d.kvWide(terms)
		}
		// Owed with the tax: a notice whose total includes the tax never
		// says "paid in full" for the untaxed amount.
		due := o.BalanceDueWithTax(opt.taxOffice())
		d.gap(3)
		if due == 0 {
			d.para(d.L("balance_text_paid"), stBody) // asks for nothing already paid
		} else {
			d.para(d.L("balance_text"), stBody)
		}
		d.gap(2)
		d.table(lineColumns(d, true), producedRows(d, o))
		d.gap(2)
		// What is paid and owed now: a reprint after a payment never shows
		// the amount owed at issue beside the payments made since.
		paid := d.L("paid")
		if !opt.Today.IsZero() && opt.Today != d.date {
			paid = d.Lf("paid_as_of", opt.Today.String())
		}
		t := opt.tax(orderTotal(o))
		total := []kv{{d.L("order_total"), d.clean("order total", money(t.Total, o.Currency))}}
		produced := kv{d.L("produced_value"), d.clean("produced value", money(o.ProducedValue(), o.Currency))}
		if t.Included {
			total[0].value += "  " + d.Lf("tax_included", t.RatePct)
		} else {
			total = []kv{
				{d.L("untaxed"), d.clean("untaxed amount", money(t.Untaxed, o.Currency))},
				{d.Lf("business_tax", t.RatePct), d.clean("business tax", money(t.Tax, o.Currency))},
				{d.L("total_taxed"), d.clean("order total", money(t.Total, o.Currency))},
			}
			// The balance due below is of the produced value with its tax.
			produced = kv{d.L("produced_value_taxed"), d.clean("produced value", money(opt.tax(o.ProducedValue()).Total, o.Currency))}
		}
		d.kvWide(append(total, []kv{
			produced,
			{paid, d.clean("paid", money(o.PaidTotal(), o.Currency))},
		}...))
		d.gap(2)
		d.need(2 * stTitle.lineH())
		if due == 0 {
			d.text(d.left, d.y, d.L("paid_in_full"), stTitle)
			d.y += stTitle.lineH() + 2
		} else {
			d.text(d.left, d.y, d.L("balance_due")+"  "+d.clean("balance due", money(due, o.Currency)), stTitle)
			d.y += stTitle.lineH()
			if d.lang == model.LangZH || d.bilingual {
				d.need(stBody.lineH())
				d.text(d.left, d.y, d.L("in_words")+"  "+d.clean("amount in words", model.ChineseWords(due, o.Currency)), stBody)
				d.y += stBody.lineH()
			}
			d.text(d.left, d.y, d.L("pay_by")+"  "+d.clean("pay by", payBy.String()), stHead)
			d.y += stHead.lineH() + 2
		}
		var pay []kv
		if terms != "" {
			pay = append(pay, kv{d.L("payment_terms"), d.clean("payment terms", terms)})
		}
		if r := opt.Company.Remittance; r != "" {
			pay = append(pay, kv{d.L("remit_to"), d.clean("remittance", r)})
		}
		if len(pay) > 0 {
			d.kvWide(pay)
		}
		d.signLines("issued_by")
	})
}

// producedRows are the order lines at the quantity QC counted (ordered
// quantity until then), valued at the line's price.
func producedRows(d *doc, o *model.Order) [][]cell {
	var rows [][]cell
	for i := range o.Lines {
		l := o.Lines[i]
		if l.ProducedQty > 0 {
			l.Qty, l.Amount = l.ProducedQty, 0
		}
		rows = append(rows, []cell{
			{fmt.Sprint(l.LineNo), stBody}, productCell(d, &l), specCell(d, &l),
			{d.clean("quantity", l.Qty.String()), stBody}, {d.clean("unit", unitName(l.Unit, d.lang, false)), stBody},
			{d.clean("unit price", money(l.NetUnitPrice(), o.Currency)), stBody},
			{d.clean("amount", money(lineAmount(&l), o.Currency)), stBody},
		})
	}
	return rows
}
