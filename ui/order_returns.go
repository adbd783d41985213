package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// orderReturns is the order detail's part on the order's returns (RMA):
// each with its number, state and due date, and "Return goods…", which
// opens a new one for a person the model allows (the Repair & Returns
// team); anyone else sees it disabled with the model's reason.
type orderReturns struct {
	box    *fyne.Container
	list   *fyne.Container
	button *widget.Button
	reason *widget.Label
	// open is the open "Return goods…" dialog, for tests.
	open *returnGoodsDialog

	detail *orderDetail
}

// returnGoodsDialog asks which lines and quantities come back and why.
type returnGoodsDialog struct {
	form      *FieldForm
	qty       map[int]*Entry // by order line number
	reason    *Select
	lot       *Entry
	complaint *Entry
	confirm   *widget.Button
	dlg       *dialog.CustomDialog
}

func newOrderReturns(d *orderDetail) *orderReturns {
	r := &orderReturns{list: container.NewVBox(), reason: widget.NewLabel(""), detail: d}
	r.reason.Wrapping = fyne.TextWrapWord
	r.button = widget.NewButtonWithIcon(lang.L("Return goods…"), theme.MailReplyIcon(), r.onReturnGoods)
	r.button.Alignment = widget.ButtonAlignLeading
	r.box = container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(lang.L("Returns (RMA)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		r.list, r.button, r.reason)
	return r
}

// show lists the order's returns and asks the model whether the person at
// the desk may open one; an order that has shipped nothing and has no
// return leaves the part out (there is nothing to return).
func (r *orderReturns) show(v *orderView) {
	shipped := false
	for i := range v.shipments {
		shipped = shipped || !v.shipments[i].Void()
	}
	showIf(r.box, shipped || len(v.rmas) > 0)
	var rows []fyne.CanvasObject
	for _, m := range v.rmas {
		text := m.No + " · " + Say(m.State.Name())
		if m.State.Open() && !m.DueOn.IsZero() {
			due := lang.L("due {{.Date}}", map[string]any{"Date": m.DueOn.String()})
			if m.Overdue(v.ctx.Today()) {
				due = lang.L("{{.Date}} overdue", map[string]any{"Date": m.DueOn.String()})
			}
			text += " · " + due
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	if len(rows) == 0 {
		rows = append(rows, widget.NewLabel(lang.L("No returns.")))
	}
	r.list.Objects = rows
	r.list.Refresh()
	if err := model.MayOpenRMA(v.ctx); err != nil {
		r.button.Disable()
		r.reason.SetText(SayErr(err))
		r.reason.Show()
	} else {
		r.button.Enable()
		r.reason.Hide()
	}
}

// onReturnGoods opens a return of the order: each line's quantity coming
// back (empty: none), the reason, the QC lot of a quality claim and the
// customer's words. The model checks them all (what was shipped and not
// returned yet, the lot of a quality claim, who opens it).
func (r *orderReturns) onReturnGoods() {
	d := r.detail
	if d.view == nil {
		return
	}
	if d.desk.Employee() == nil {
		setProblemText(d.status, lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	o := d.view.order
	g := &returnGoodsDialog{form: NewFieldForm(), qty: map[int]*Entry{}}
	var submit func()
	// Each line says what may come back, by the count the model's rule
	// refuses by; a line with nothing left (nothing shipped, or all of it
	// returned already) is shown with its entry disabled.
	left := model.ReturnableByLine(d.view.shipments, d.view.rmas, 0)
	var first *Entry
	for i := range o.Lines {
		l := &o.Lines[i]
		e := NewEntry()
		e.SetPlaceHolder(lang.L("Quantity coming back"))
		e.OnSubmitted = func(string) { submit() }
		if left[l.LineNo].Left() <= 0 {
			e.Disable()
		} else if first == nil {
			first = e
		}
		g.qty[l.LineNo] = e
		g.form.Add(LineField("Lines", l.LineNo), returnLineText(l, left[l.LineNo]), e)
	}
	g.reason = NewSelect(sayNames(model.RMAReasons), nil)
	g.form.Add("Reason", lang.L("Reason"), g.reason)
	g.lot = NewEntry()
	g.lot.SetPlaceHolder(lang.L("For a quality claim"))
	g.form.Add("QCLot", lang.L("QC lot"), g.lot)
	g.complaint = NewMultiLineEntry()
	g.form.Add("Complaint", lang.L("What the customer reports"), g.complaint)
	submit = func() { r.submit(g) }
	g.confirm = widget.NewButton(lang.L("Open the return"), submit)
	g.confirm.Importance = widget.HighImportance
	g.dlg = dialog.NewCustomWithoutButtons(lang.L("Return goods of {{.No}}", map[string]any{"No": o.No}),
		g.form.Scrolled(), d.win)
	g.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), func() { g.dlg.Hide() }), g.confirm})
	r.open = g
	g.dlg.Resize(fyne.NewSize(640, min(g.dlg.MinSize().Height+float32(len(o.Lines))*48+200, d.win.Canvas().Size().Height-80)))
	showConfirmable(d.win, g.dlg, submit)
	if first != nil {
		d.win.Canvas().Focus(first)
	}
}

// returnLineText names an order line in the return form by its product
// and what of it may come back, "1 · CT-128-1194 牛皮紙 · 176.8 roll
// shipped, 0 returned": the ordered quantity and price said nothing of it.
func returnLineText(l *model.OrderLine, r model.Returnable) string {
	p := ""
	if l.Product != nil {
		p = customerLabel(l.Product.Code, l.Product.NameZH, l.Product.NameEN) // a code and its name, as for a customer
	}
	if r.Shipped <= 0 {
		return lang.L("{{.Line}} · {{.Product}} · nothing shipped", map[string]any{"Line": l.LineNo, "Product": p})
	}
	return lang.L("{{.Line}} · {{.Product}} · {{.Shipped}} {{.Unit}} shipped, {{.Returned}} returned",
		map[string]any{"Line": l.LineNo, "Product": p, "Shipped": r.Shipped.String(), "Unit": unitName(l.Unit), "Returned": r.Returned.String()})
}

// submit reads the quantities (showing one that is not a number at its
// line) and asks the model to open the return.
func (r *orderReturns) submit(g *returnGoodsDialog) {
	d := r.detail
	o := d.view.order
	in := model.RMAInput{OrderID: o.ID, Lines: map[int]model.Qty{}, QCLot: g.lot.Text, Complaint: g.complaint.Text}
	var fe model.FieldErrors
	for no, e := range g.qty {
		text := strings.TrimSpace(e.Text)
		if text == "" {
			continue
		}
		q, err := model.ParseQty(text)
		if err != nil {
			fe.Add(LineField("Lines", no), "Enter a quantity such as 120 or 12.5.")
			continue
		}
		in.Lines[no] = q
	}
	if i := g.reason.SelectedIndex(); i >= 0 {
		in.Reason = model.RMAReasons[i]
	}
	if len(fe) > 0 {
		g.form.ShowFieldErrors(fe)
		return
	}
	by, id := d.desk.Actor(), o.ID
	submitDialog(&d.work, g.form, g.confirm, g.dlg,
		func(ctx context.Context) (*model.RMA, error) { return d.store.OpenRMA(ctx, by, in) },
		func(*model.RMA) { d.open(id) })
}
