package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// quoteForm records what a Quote ticket quoted (model.Store.RecordQuote):
// the currency, the day it is valid to and one row per product — code,
// quantity, unit and unit price. It starts from the quote in force, so a
// revision changes what changed.
type quoteForm struct {
	q        *ticketQuote
	form     *FieldForm
	dlg      *dialog.CustomDialog
	confirm  *widget.Button
	currency *Entry
	validTo  *Entry
	rows     []*quoteRow
	box      *fyne.Container
}

// quoteRow is one product quoted.
type quoteRow struct {
	code, qty, price *Entry
	unit             *Select
}

func (q *ticketQuote) onRecord() {
	d, t := q.d, q.d.ticket
	f := &quoteForm{q: q, form: NewFieldForm(), currency: NewEntry(), validTo: NewEntry(), box: container.NewVBox()}
	f.currency.SetText(t.QuoteCurrency)
	if t.QuoteCurrency == "" {
		f.currency.SetText("TWD")
	}
	f.validTo.SetPlaceHolder("YYYY-MM-DD")
	f.validTo.SetText(t.QuoteValidTo.String())
	if t.QuoteValidTo.IsZero() {
		f.validTo.SetText(d.s.store.Today().AddDays(30).String())
	}
	f.form.Add("Currency", lang.L("Currency"), f.currency)
	f.form.Add("ValidTo", lang.L("Valid to"), f.validTo)
	for _, l := range q.lines {
		r := f.addRow()
		if l.Product != nil {
			r.code.SetText(l.Product.Code)
		}
		r.qty.SetText(l.Qty.Plain())
		r.unit.SetSelected(l.Unit)
		r.price.SetText(l.UnitPrice.Plain())
	}
	if len(f.rows) == 0 {
		f.addRow()
	}
	head := container.NewGridWithColumns(4, widget.NewLabel(lang.L("Product code")), widget.NewLabel(lang.L("Quantity")),
		widget.NewLabel(lang.L("Unit")), widget.NewLabel(lang.L("Unit price")))
	add := widget.NewButton(lang.L("Add line"), func() { f.addRow() })
	f.confirm = widget.NewButton(lang.L("Record quote"), f.submit)
	f.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	body := container.NewVBox(f.form.Content(), head, f.box, container.NewHBox(add))
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Quote of {{.No}}", map[string]any{"No": t.No}), container.NewVScroll(body), d.s.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	f.dlg.Resize(fyne.NewSize(680, 480))
	q.form = f
	showEscapable(d.s.win, f.dlg)
}

// addRow adds an empty product row.
func (f *quoteForm) addRow() *quoteRow {
	r := &quoteRow{code: NewEntry(), qty: NewEntry(), price: NewEntry(), unit: NewSelect(model.Units, nil)}
	r.unit.SetSelected("ream")
	f.rows = append(f.rows, r)
	f.box.Add(container.NewGridWithColumns(4, r.code, r.qty, r.unit, r.price))
	return r
}

// submit reads the rows (a row left empty is skipped), finds the products
// by code, and asks the model to record the quote.
func (f *quoteForm) submit() {
	q, t := f.q, f.q.d.ticket
	in := model.QuoteInput{Currency: f.currency.Text}
	var fe model.FieldErrors
	if v, err := model.ParseDate(strings.TrimSpace(f.validTo.Text)); err == nil {
		in.ValidTo = v
	} else if strings.TrimSpace(f.validTo.Text) != "" {
		fe.Add("ValidTo", "Enter a date as YYYY-MM-DD.")
	}
	var codes []string
	for _, r := range f.rows {
		code := strings.TrimSpace(r.code.Text)
		if code == "" && strings.TrimSpace(r.qty.Text) == "" {
			continue
		}
		n := len(codes) + 1
		l := model.QuoteLineInput{Unit: r.unit.Selected}
		var err error
		if l.Qty, err = model.ParseQty(r.qty.Text); err != nil {
			fe.Add("Qty", "Line {{.Line}}: enter the quantity as a number.", "Line", n)
		}
		if l.UnitPrice, err = model.ParseMoney(r.price.Text); err != nil {
			fe.Add("UnitPrice", "Line {{.Line}}: enter the unit price as a number.", "Line", n)
		}
		codes = append(codes, code)
		in.Lines = append(in.Lines, l)
	}
	if len(fe) > 0 {
		f.form.ShowFieldErrors(fe)
		return
	}
	s, by := q.d.s, q.d.s.desk.Actor()
	submitDialog(&s.work, f.form, f.confirm, f.dlg, func(ctx context.Context) (*model.Ticket, error) {
		for i, code := range codes {
			if code == "" {
				continue
			}
			p, err := s.store.ProductByCode(ctx, code)
			if err != nil {
				var fe model.FieldErrors
				fe.Add("ProductID", "Line {{.Line}}: no product has the code {{.Code}}.", "Line", i+1, "Code", code)
				return nil, fe
			}
			in.Lines[i].ProductID = p.ID
		}
		return s.store.RecordQuote(ctx, by, t.ID, t.Version, in)
	}, func(*model.Ticket) { q.saved() })
}
