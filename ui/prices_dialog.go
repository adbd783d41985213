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

// priceDialog adds a price to the plan of the open product or changes one:
// for whom (a customer's code, or nothing for the list price), the unit
// price and its currency, the days it applies and a note. The fields are
// the columns of a prices CSV file, and the save is the import's
// (model.Store.SavePrice): the same checks, the same manager rule.
type priceDialog struct {
	fields                                                  dialogFields
	customer, unitPrice, currency, validFrom, validTo, note *Entry
	confirm, cancel                                         *widget.Button
	dlg                                                     *dialog.CustomDialog

	panel  *pricesPanel
	stored model.Price
}

func newPriceDialog(p *pricesPanel, pr model.Price) *priceDialog {
	d := &priceDialog{panel: p, stored: pr}
	d.fields = newDialogFields(d.submit)
	code := ""
	if pr.Customer != nil {
		code = pr.Customer.Code
	}
	price := ""
	if pr.UnitPrice != 0 {
		price = pr.UnitPrice.Plain()
	}
	d.customer = d.fields.entry("CustomerID", lang.L("Customer code"), code)
	d.customer.SetPlaceHolder(lang.L("Empty for the list price"))
	d.unitPrice = d.fields.entry("UnitPrice", lang.L("Unit price"), price)
	d.currency = d.fields.entry("Currency", lang.L("Currency"), pr.Currency)
	d.validFrom = d.fields.entry("ValidFrom", lang.L("Valid from"), pr.ValidFrom.String())
	d.validFrom.SetPlaceHolder("YYYY-MM-DD")
	d.validTo = d.fields.entry("ValidTo", lang.L("Valid to"), pr.ValidTo.String())
	d.validTo.SetPlaceHolder(lang.L("Empty: until replaced"))
	d.note = d.fields.entry("Note", lang.L("Note"), pr.Note)

	d.confirm = widget.NewButton(lang.L("Save"), d.submit)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() })
	title := lang.L("Add price")
	if !pr.IsNew() {
		title = lang.L("Change price")
	}
	d.dlg = dialog.NewCustomWithoutButtons(title, d.fields.form.Content(), p.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	d.dlg.Resize(fyne.NewSize(520, 420))
	showEscapable(p.win, d.dlg)
	p.win.Canvas().Focus(d.fields.first)
	return d
}

// submit reads the fields (showing at its field what cannot be read) and
// saves the price as the person at the desk.
func (d *priceDialog) submit() {
	p := d.panel
	if p.desk.Employee() == nil {
		d.fields.form.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	pr := d.stored
	pr.Product, pr.Customer = nil, nil
	var fe model.FieldErrors
	if text := strings.TrimSpace(d.unitPrice.Text); text != "" {
		var err error
		if pr.UnitPrice, err = model.ParseMoney(text); err != nil {
			fe.Add("UnitPrice", "Enter an amount such as 1200 or 1,200.50.")
		}
	} else {
		pr.UnitPrice = 0 // the model says a price is needed
	}
	pr.ValidFrom = readDate(d.validFrom, "ValidFrom", &fe)
	pr.ValidTo = readDate(d.validTo, "ValidTo", &fe)
	pr.Currency, pr.Note = d.currency.Text, strings.TrimSpace(d.note.Text)
	if len(fe) > 0 {
		d.fields.form.ShowFieldErrors(fe)
		return
	}
	code, by, store := strings.TrimSpace(d.customer.Text), p.desk.Actor(), p.store
	submitDialog(p.work, d.fields.form, d.confirm, d.dlg, func(ctx context.Context) (*model.Price, error) {
		// No code: the list price, for every customer.
		id, err := store.CustomerIDByCode(ctx, code)
		if err != nil {
			return nil, err
		}
		pr.CustomerID = id
		return &pr, store.SavePrice(ctx, by, &pr)
	}, func(*model.Price) { p.reload() })
}

// readDate reads a day typed as YYYY-MM-DD; empty is no day (the model
// says when one is needed).
func readDate(e *Entry, field string, fe *model.FieldErrors) model.Date {
	text := strings.TrimSpace(e.Text)
	if text == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(text)
	if err != nil {
		fe.Add(field, "Enter a date as YYYY-MM-DD.")
	}
	return d
}

// priceEndDialog ends a price on a day the clerk gives (today unless
// changed); the price stays in the plan's history.
type priceEndDialog struct {
	fields  dialogFields
	last    *Entry
	confirm *widget.Button
	dlg     *dialog.CustomDialog
}

func newPriceEndDialog(p *pricesPanel, pr model.Price) *priceEndDialog {
	d := &priceEndDialog{}
	d.fields = newDialogFields(func() { d.submit(p, pr) })
	last := pr.ValidTo
	if last.IsZero() {
		last = p.store.Today()
	}
	d.last = d.fields.entry("ValidTo", lang.L("Last day"), last.String())
	d.last.SetPlaceHolder("YYYY-MM-DD")
	who := lang.L("List price")
	if pr.Customer != nil {
		who = pr.Customer.Display()
	}
	question := widget.NewLabel(lang.L("End the price of {{.Price}} for {{.For}}, valid from {{.From}}? It stays in the plan's history; orders after its last day take the next price in the plan.",
		map[string]any{"Price": model.FormatMoney(pr.UnitPrice, pr.Currency), "For": who, "From": pr.ValidFrom.String()}))
	question.Wrapping = fyne.TextWrapWord
	d.confirm = widget.NewButton(lang.L("End price"), func() { d.submit(p, pr) })
	d.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("End price"), container.NewVBox(question, d.fields.form.Content()), p.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.confirm})
	d.dlg.Resize(fyne.NewSize(520, 260))
	showEscapable(p.win, d.dlg)
	p.win.Canvas().Focus(d.last)
	return d
}

func (d *priceEndDialog) submit(p *pricesPanel, pr model.Price) {
	if p.desk.Employee() == nil {
		d.fields.form.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	var fe model.FieldErrors
	last := readDate(d.last, "ValidTo", &fe)
	if last.IsZero() && len(fe) == 0 {
		fe.Add("ValidTo", "Enter a date as YYYY-MM-DD.")
	}
	if len(fe) > 0 {
		d.fields.form.ShowFieldErrors(fe)
		return
	}
	pr.Product, pr.Customer = nil, nil
	by, store := p.desk.Actor(), p.store
	submitDialog(p.work, d.fields.form, d.confirm, d.dlg, func(ctx context.Context) (*model.Price, error) {
		return &pr, store.EndPrice(ctx, by, &pr, last)
	}, func(*model.Price) { p.reload() })
}
