package reports

import (
	"fmt"
	"io"

	"orderdesk/model"
)

// BalanceNotice writes the balance collection notice (餘款催收通知書) a
// tier B or C customer gets once the goods are produced: the value of what
// was produced, what was paid, the balance due and the date to pay by.
// The rule of who gets one is the model's; this only prints it.
func BalanceNotice(w io.Writer, o *model.Order, payBy model.Date, opt Options) (rep []Replaced, err error) {
	if o == nil {
		return nil, errNoOrder
	}
	return build(w, "balance notice", opt, docLang(opt, o.Customer), func(d *doc) {
		d.date = firstDate(opt.Date, opt.dateOf(o.Balance.IssuedBy.At))
		d.header = d.letterhead("title.balance", o.No, "")
		d.newPage()

		due := o.Balance.Amount
		if due == 0 {
			due = o.BalanceDue()
		}
		d.kvGrid([]kv{
			{d.L("customer"), d.clean("customer name", customerName(o, d.lang))},
			{d.L("customer_code"), d.clean("customer code", customerCode(o))},
			{d.L("contact"), d.clean("contact", contactName(o))},
			{d.L("fax"), d.clean("contact fax", contactFax(o))},
			{d.L("order_no"), d.clean("order no", o.No)},
			{d.L("customer_po"), d.clean("customer PO", o.CustomerPO)},
			{d.L("date"), d.date.String()},
			{d.L("payment_method"), d.clean("payment method", o.PaymentMethod)},
		})
		d.gap(3)
		d.para(d.L("balance_text"), stBody)
		d.gap(2)
		d.table(lineColumns(d, true), producedRows(d, o))
		d.gap(2)
		d.kvWide([]kv{
			{d.L("order_total"), d.clean("order total", money(orderTotal(o), o.Currency))},
			{d.L("produced_value"), d.clean("produced value", money(o.ProducedValue(), o.Currency))},
			{d.L("paid"), d.clean("paid", money(o.PaidTotal(), o.Currency))},
		})
		d.gap(2)
		d.need(2 * stTitle.lineH())
		d.text(d.left, d.y, d.L("balance_due")+"  "+d.clean("balance due", money(due, o.Currency)), stTitle)
		d.y += stTitle.lineH()
		d.text(d.left, d.y, d.L("pay_by")+"  "+d.clean("pay by", payBy.String()), stHead)
		d.y += stHead.lineH() + 2
		if c := o.Customer; c != nil && c.PaymentTerms != "" {
			d.para(d.L("payment_terms")+"  "+d.clean("payment terms", c.PaymentTerms), stBody)
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
