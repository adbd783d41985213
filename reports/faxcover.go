package reports

import (
	"io"
	"strconv"

	"orderdesk/model"
)

// FaxCover is what the fax cover sheet states.
type FaxCover struct {
	// Customer, when set, picks the language (unless Options.Lang does).
	Customer *model.Customer
	To       string // company or person the fax goes to
	Attn     string // contact person
	ToFax    string
	From     string // the clerk sending it
	// Pages is the page count including the cover (0: left blank to fill in).
	Pages   int
	Date    model.Date
	Subject string
	Note    string
	// Mark is CANCELLED when the order is (model.Order.CanPrint).
	Mark model.DocMark
}

// NewFaxCover returns a cover for faxing an order's documents: addressed
// to the order's customer and contact, subject the order number.
func NewFaxCover(o *model.Order, from string, pages int, subject string) FaxCover {
	fc := FaxCover{Customer: o.Customer, Attn: contactName(o), ToFax: contactFax(o), From: from,
		Pages: pages, Subject: subject}
	if o.Customer != nil {
		fc.To = o.Customer.Name(o.Customer.DocLanguage)
	}
	return fc
}

// FaxCoverSheet writes a fax cover sheet to w.
func FaxCoverSheet(w io.Writer, fc FaxCover, opt Options) (rep []Replaced, err error) {
	return build(w, "fax cover", opt, docLang(opt, fc.Customer), func(d *doc) {
		d.mark = fc.Mark
		d.date = firstDate(fc.Date, opt.Date)
		d.header = d.letterhead("title.faxcover", "", "")
		d.newPage()
		pages := ""
		if fc.Pages > 0 {
			pages = strconv.Itoa(fc.Pages)
		}
		from := fc.From
		if f := opt.Company.Fax; f != "" {
			from += "  (" + d.L("fax") + " " + f + ")"
		}
		d.gap(4)
		d.kvWide([]kv{
			{d.L("to"), d.clean("to", fc.To)},
			{d.L("contact"), d.clean("attn", fc.Attn)},
			{d.L("fax"), d.clean("to fax", fc.ToFax)},
			{d.L("from"), d.clean("from", from)},
			{d.L("date"), d.date.String()},
			{d.L("pages"), pages},
			{d.L("subject"), d.clean("subject", fc.Subject)},
		})
		d.heading(d.L("note"))
		top := d.y
		d.paraAt(d.left+pad, d.right-d.left-2*pad, d.clean("note", fc.Note), stBody)
		if d.cur == 0 {
			d.rect(d.left, top-0.5, d.right-d.left, max(d.y-top+2, 60))
			d.y = max(d.y, top+60)
		}
		d.gap(6)
		d.para(d.L("fax_legible"), stBold)
	})
}
