package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// intakeColumns are the widths of the lines grid: product, spec, quantity,
// unit, unit price, last price.
var intakeColumns = []float32{2.6, 2.2, 0.9, 0.9, 1.0, 1.0}

// unitNames are the translated names behind the unit choices (model.Units).
func unitNames() []string {
	out := make([]string, len(model.Units))
	for i, u := range model.Units {
		out[i] = lang.L(model.UnitName(u))
	}
	return out
}

// intakeLine is one row of the lines grid.
type intakeLine struct {
	id      uint // the stored line, 0 for a new one
	product *pickEntry
	spec    *keyEntry
	qty     *keyEntry
	unit    *Select
	price   *keyEntry
	last    *widget.Label
	check   *widget.Label
	// problem shows what the model found wrong with this line, all of it.
	problem *widget.Label
	row     *fyne.Container

	prod      *model.Product
	found     []model.Product
	plan      model.Money
	lastPrice model.Money
	autoPrice bool // the price shown is the plan's, replaced when the product changes
	gen       int
}

// intakeLines is the keyboard-friendly lines grid: Enter adds a line,
// Delete on an empty line removes it.
type intakeLines struct {
	f       *intakeForm
	rows    []*intakeLine
	box     *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
}

func newIntakeLines(f *intakeForm) *intakeLines {
	ls := &intakeLines{f: f, box: container.NewVBox()}
	ls.add = widget.NewButtonWithIcon(lang.L("Add line"), theme.ContentAddIcon(), func() { ls.focus(ls.append(-1)) })
	header := newHeader(intakeColumns, lang.L("Product"), lang.L("Spec"), lang.L("Quantity"), lang.L("Unit"),
		lang.L("Unit price"), lang.L("Last price"))
	ls.content = container.NewVBox(header, ls.box, container.NewHBox(ls.add))
	return ls
}

// clear leaves one empty line.
func (ls *intakeLines) clear() {
	ls.rows = nil
	ls.box.Objects = nil
	ls.append(-1)
	ls.box.Refresh()
}

// append adds an empty line after row i (-1: at the end) and returns it.
func (ls *intakeLines) append(after int) *intakeLine {
	l := &intakeLine{product: newPickEntry(), spec: newKeyEntry(), qty: newKeyEntry(), price: newKeyEntry(),
		last: widget.NewLabel(""), check: widget.NewLabel(""), problem: newProblemLabel()}
	l.unit = NewSelect(unitNames(), func(string) { ls.f.onChange() })
	l.unit.SetSelectedIndex(0)
	l.check.Wrapping = fyne.TextWrapWord
	l.check.Importance = widget.DangerImportance
	l.check.Hide()
	l.product.SetPlaceHolder(lang.L("Code or name"))
	l.qty.SetPlaceHolder("0")
	l.product.search = func(text string) { ls.searchProducts(l, text) }
	l.product.picked = func(i int) {
		ls.pick(l, l.found[i])
		// The spec, unit and price follow the product: the quantity is
		// what the clerk types next (and Enter there starts the next line).
		ls.f.win.Canvas().Focus(l.qty)
	}
	l.product.edited = func(string) { l.prod = nil; l.plan, l.lastPrice = 0, 0; ls.showCheck(l); setProblemText(l.problem, "") }
	l.product.onChange = func(string) { ls.f.onChange() }
	for _, e := range []*keyEntry{l.spec, l.qty, l.price} {
		e.OnChanged = func(string) {
			l.autoPrice = l.autoPrice && e != l.price
			setProblemText(l.problem, "") // fixed, or checked again on save
			ls.showCheck(l)
			ls.f.onChange()
		}
	}
	for _, e := range []*keyEntry{&l.product.keyEntry, l.spec, l.qty, l.price} {
		e.onKey = func(ev *fyne.KeyEvent) bool { return ls.key(l, ev) }
	}
	l.product.onKey = func(ev *fyne.KeyEvent) bool { return ls.key(l, ev) }
	inputs := container.New(&columnsLayout{weights: intakeColumns}, l.product, l.spec, l.qty, l.unit, l.price, l.last)
	for _, in := range []interface{ onFocus(func()) }{l.product, l.spec, l.qty, l.unit, l.price} {
		in.onFocus(func() { keepObjectInView(ls.f.scroll, inputs, l.product.box, l.check, l.problem) })
	}
	l.row = l.product.stack(inputs, l.check, l.problem)
	if after < 0 || after >= len(ls.rows)-1 {
		ls.rows = append(ls.rows, l)
	} else {
		ls.rows = append(ls.rows[:after+1], append([]*intakeLine{l}, ls.rows[after+1:]...)...)
	}
	ls.relayout()
	return l
}

func (ls *intakeLines) relayout() {
	objs := make([]fyne.CanvasObject, len(ls.rows))
	for i, r := range ls.rows {
		objs[i] = r.row
	}
	ls.box.Objects = objs
	ls.box.Refresh()
}

func (ls *intakeLines) index(l *intakeLine) int {
	for i, r := range ls.rows {
		if r == l {
			return i
		}
	}
	return -1
}

func (ls *intakeLines) focus(l *intakeLine) { ls.f.win.Canvas().Focus(l.product) }

// focusFirstEmpty puts the cursor in the first empty line, else the last.
func (ls *intakeLines) focusFirstEmpty() {
	for _, l := range ls.rows {
		if l.empty() {
			ls.focus(l)
			return
		}
	}
	ls.focus(ls.rows[len(ls.rows)-1])
}

func (l *intakeLine) empty() bool {
	return strings.TrimSpace(l.product.Text+l.spec.Text+l.qty.Text+l.price.Text) == ""
}

// key handles Enter (a new line, or the next empty one; on an empty last
// line, the lines are done: it goes and the terms follow) and Delete on an
// empty line (remove it, keeping at least one).
func (ls *intakeLines) key(l *intakeLine, ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		i := ls.index(l)
		if l.empty() && i == len(ls.rows)-1 && i > 0 {
			ls.rows = ls.rows[:i]
			ls.relayout()
			ls.f.focusTerms()
			ls.f.onChange()
			return true
		}
		if i+1 < len(ls.rows) && ls.rows[i+1].empty() {
			ls.focus(ls.rows[i+1])
		} else {
			ls.focus(ls.append(i))
		}
		ls.f.onChange()
		return true
	case fyne.KeyDelete:
		if !l.empty() || len(ls.rows) == 1 {
			return false
		}
		i := ls.index(l)
		ls.rows = append(ls.rows[:i], ls.rows[i+1:]...)
		ls.relayout()
		ls.focus(ls.rows[max(0, i-1)])
		ls.f.onChange()
		return true
	}
	return false
}

// addFrom adds a stored line (filling the form from a saved order or a
// draft), using the empty first line if there is one.
func (ls *intakeLines) addFrom(ol model.OrderLine) {
	l := ls.rows[len(ls.rows)-1]
	if !l.empty() {
		l = ls.append(-1)
	}
	l.id, l.prod, l.plan, l.lastPrice = ol.ID, ol.Product, ol.PlanPrice, ol.LastPrice
	if ol.Product != nil {
		l.product.setText(ol.Product.Display())
	}
	l.spec.SetText(ol.Spec)
	if ol.Qty != 0 {
		l.qty.SetText(ol.Qty.Plain())
	}
	l.unit.SetSelectedIndex(max(0, indexOf(model.Units, ol.Unit)))
	if ol.UnitPrice != 0 {
		l.price.SetText(ol.UnitPrice.Plain())
	}
	ls.showCheck(l)
}

func (ls *intakeLines) searchProducts(l *intakeLine, text string) {
	l.gen++
	gen := l.gen
	if strings.TrimSpace(text) == "" {
		l.product.show(nil)
		return
	}
	ls.f.work.Go(func() func() {
		found, err := ls.f.store.Products(context.Background(), model.ListFilter{Text: text, Limit: 8})
		return func() {
			if gen != l.gen || err != nil {
				return
			}
			l.found = found
			opts := make([]string, len(found))
			for i := range found {
				opts[i] = found[i].Display() + " · " + found[i].Spec()
			}
			l.product.show(opts)
		}
	})
}

// pick makes p the line's product: its spec and unit, and the price from
// the valid price (the customer's own first).
func (ls *intakeLines) pick(l *intakeLine, p model.Product) {
	l.prod = &p
	l.product.setText(p.Display())
	l.spec.SetText(p.Spec())
	l.unit.SetSelectedIndex(max(0, indexOf(model.Units, p.Unit)))
	if strings.TrimSpace(l.price.Text) == "" {
		l.autoPrice = true
	}
	ls.lookUpPrice(l)
}

// refreshPrices looks the prices up again for every line (the customer changed).
func (ls *intakeLines) refreshPrices() {
	for _, l := range ls.rows {
		if l.prod != nil {
			ls.lookUpPrice(l)
		}
	}
}

// refreshChecks shows each line's price check again (the office's tolerance arrived).
func (ls *intakeLines) refreshChecks() {
	for _, l := range ls.rows {
		ls.showCheck(l)
	}
}

func (ls *intakeLines) lookUpPrice(l *intakeLine) {
	f := ls.f
	pid, cust, currency := l.prod.ID, uint(0), "TWD"
	if f.cust != nil {
		cust, currency = f.cust.ID, f.cust.Currency
	}
	f.work.Go(func() func() {
		ctx := context.Background()
		var plan, last model.Money
		p, err := f.store.ValidPrice(ctx, pid, cust, f.store.Today())
		if err == nil && p.Currency == currency {
			plan = p.UnitPrice
		} else if errors.Is(err, model.ErrNotFound) {
			err = nil
		}
		if err == nil && cust != 0 {
			last, err = f.store.LastPrice(ctx, cust, pid, currency)
		}
		return func() {
			if err != nil {
				f.status.SetText(SayLoadErr(err))
				return
			}
			if l.prod == nil || l.prod.ID != pid {
				return
			}
			l.plan, l.lastPrice = plan, last
			if l.autoPrice && plan > 0 {
				l.price.SetText(plan.Plain())
				l.autoPrice = true
			}
			ls.showCheck(l)
			f.showMissing()
		}
	})
}

// showCheck shows the last price and, when the price strays beyond the
// office's tolerance, who must confirm it.
func (ls *intakeLines) showCheck(l *intakeLine) {
	if l.lastPrice > 0 {
		l.last.SetText(l.lastPrice.String())
	} else {
		l.last.SetText("")
	}
	price, err := model.ParseMoney(l.price.Text)
	if l.prod == nil || err != nil || price <= 0 {
		setProblemText(l.check, "")
		return
	}
	ol := model.OrderLine{UnitPrice: price, PlanPrice: l.plan, LastPrice: l.lastPrice}
	var sales *model.Employee
	if id := ls.f.salespersonID(); id != nil {
		for i := range ls.f.people {
			if ls.f.people[i].ID == *id {
				sales = &ls.f.people[i]
			}
		}
	}
	text, beyond := priceCheckText(&ol, ls.f.office, sales)
	if !beyond {
		setProblemText(l.check, "")
		return
	}
	setProblemText(l.check, lang.L("Beyond the ±{{.Tol}}% tolerance: {{.Check}}", map[string]any{"Tol": ls.f.office.PriceTolerancePct, "Check": text}))
}

// read returns the lines typed (empty rows left out), numbered as shown,
// with the problems of what cannot be read.
func (ls *intakeLines) read(fe *model.FieldErrors) []model.OrderLine {
	var out []model.OrderLine
	for i, l := range ls.rows {
		if l.empty() {
			continue
		}
		ol := model.OrderLine{LineNo: i + 1, Spec: strings.TrimSpace(l.spec.Text), PlanPrice: l.plan, LastPrice: l.lastPrice}
		ol.ID = l.id
		if l.prod != nil {
			ol.ProductID, ol.Product = l.prod.ID, l.prod
		}
		var err error
		if strings.TrimSpace(l.qty.Text) != "" {
			if ol.Qty, err = model.ParseQty(l.qty.Text); err != nil {
				fe.Add("Qty", "Line {{.Line}}: enter a quantity such as 120 or 12.5.", "Line", i+1)
			}
		}
		if strings.TrimSpace(l.price.Text) != "" {
			if ol.UnitPrice, err = model.ParseMoney(l.price.Text); err != nil {
				fe.Add("UnitPrice", "Line {{.Line}}: enter a price such as 1200 or 1,200.50.", "Line", i+1)
			}
		}
		if u := l.unit.SelectedIndex(); u >= 0 {
			ol.Unit = model.Units[u]
		}
		out = append(out, ol)
	}
	return out
}

// showErrors puts each line's problems under that line, all of them, and
// returns the problems that are not about a line shown here.
func (ls *intakeLines) showErrors(fe model.FieldErrors) model.FieldErrors {
	var rest model.FieldErrors
	said := make([][]string, len(ls.rows))
	for _, e := range fe {
		if n := e.Line(); n >= 1 && n <= len(ls.rows) {
			said[n-1] = append(said[n-1], Say(e.Msg))
			continue
		}
		rest = append(rest, e)
	}
	for i, l := range ls.rows {
		setProblemText(l.problem, strings.Join(said[i], "\n"))
	}
	return rest
}

// widget returns the input of a line's field, for the completeness list.
func (ls *intakeLines) widget(line int, field string) fyne.Focusable {
	if line < 1 || line > len(ls.rows) {
		return nil
	}
	l := ls.rows[line-1]
	switch field {
	case "Qty":
		return l.qty
	case "Unit":
		return l.unit
	case "UnitPrice", "PriceConfirmed":
		return l.price
	}
	return l.product
}

// setIDs records the stored lines' ids after a save, in the order shown.
func (ls *intakeLines) setIDs(stored []model.OrderLine) {
	i := 0
	for _, l := range ls.rows {
		if l.empty() {
			continue
		}
		if i < len(stored) {
			l.id = stored[i].ID
		}
		i++
	}
}
