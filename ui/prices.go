package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// priceColumns are the widths of the price plan's columns:
// for whom, unit price, valid from, valid to, note.
var priceColumns = []float32{1.8, 1.1, 1.2, 1.5, 1.2}

// pricesPanel shows the price execution plan (價格執行方案) of the open
// product, list prices first, then each customer's own, and lets a manager
// add a price, or change or end the row she selects (a price is never
// deleted: it stays in the plan's history). Whether the person at the desk may is the
// model's to say; for anyone else the buttons are disabled with its reason.
type pricesPanel struct {
	heading          *widget.Label
	add, change, end *widget.Button
	rights           *widget.Label // why the buttons are disabled
	header           *fyne.Container
	rows             *fyne.Container
	empty            *widget.Label
	content          fyne.CanvasObject

	win       fyne.Window
	desk      *Desk
	store     pricesStore
	work      *jobs
	productID uint
	prices    []model.Price
	lines     []*priceRow
	selected  int // the row Change… and End… act on; -1 for none
	mayChange bool
	// importer is the section's "Import prices…": a price file changes
	// plans as Add price… does, so the same answer enables it.
	importer *widget.Button
	editor   *priceDialog    // the open add or change dialog, for tests
	ender    *priceEndDialog // the open end dialog, for tests
}

// pricesStore is the store as a price panel uses it; a test hands it one that fails.
type pricesStore interface {
	PricesOf(ctx context.Context, productID uint) ([]model.Price, error)
	MayChangePrices(ctx context.Context, by model.Actor) error
	SavePrice(ctx context.Context, by model.Actor, p *model.Price) error
	EndPrice(ctx context.Context, by model.Actor, p *model.Price, last model.Date) error
	CustomerIDByCode(ctx context.Context, code string) (*uint, error)
	Today() model.Date
}

func newPricesPanel(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *pricesPanel {
	p := &pricesPanel{win: w, store: store, desk: desk, work: work,
		heading: widget.NewLabelWithStyle(lang.L("Price plan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		header: newHeader(priceColumns, lang.L("For"), lang.L("Unit price"), lang.L("Valid from"),
			lang.L("Valid to"), lang.L("Note")),
		rows:   container.NewVBox(),
		empty:  widget.NewLabel(""),
		rights: widget.NewLabel(""),
	}
	p.add = widget.NewButtonWithIcon(lang.L("Add price…"), theme.ContentAddIcon(), func() { p.edit(nil) })
	// The row's buttons sit in the heading, not on each row: the columns
	// keep the width a date and a price need to read whole.
	p.change = widget.NewButtonWithIcon(lang.L("Change…"), theme.DocumentCreateIcon(), func() { p.edit(&p.prices[p.selected]) })
	p.end = widget.NewButton(lang.L("End…"), func() { p.ender = newPriceEndDialog(p, p.prices[p.selected]) })
	p.empty.Wrapping = fyne.TextWrapWord
	p.rights.Wrapping = fyne.TextWrapWord
	p.rights.Importance = widget.LowImportance
	p.rights.Hide()
	p.content = container.NewVBox(container.NewBorder(nil, nil, p.heading, container.NewHBox(p.change, p.end, p.add)),
		p.rights, p.header, p.rows, p.empty)
	desk.OnChanged(func(*model.Employee) { p.checkRights() })
	p.show(0)
	return p
}

// show loads the prices of a product; 0 (a new product) shows none.
func (p *pricesPanel) show(productID uint) {
	p.productID = productID
	p.prices, p.lines, p.selected = nil, nil, -1
	p.rows.RemoveAll()
	p.checkRights()
	if productID == 0 {
		p.header.Hide()
		p.empty.SetText(lang.L("A new product has no prices yet."))
		p.empty.Show()
		return
	}
	p.reload()
}

func (p *pricesPanel) reload() {
	productID := p.productID
	p.work.Go(func() func() {
		prices, err := p.store.PricesOf(context.Background(), productID)
		return func() {
			if productID != p.productID {
				return
			}
			if err != nil {
				p.empty.SetText(SayLoadErr(err))
				p.empty.Show()
				return
			}
			p.render(prices)
		}
	})
}

// checkRights asks the model whether the person at the desk may change
// price plans and enables the buttons, or disables them saying why.
func (p *pricesPanel) checkRights() {
	by := p.desk.Actor()
	p.work.Go(func() func() {
		err := p.store.MayChangePrices(context.Background(), by)
		return func() {
			p.mayChange = err == nil
			if err != nil {
				p.rights.SetText(SayErr(err))
				p.rights.Show()
			} else {
				p.rights.Hide()
			}
			p.enableButtons()
		}
	})
}

// enableButtons enables what changes the plan when the model allows it:
// Add price… once the product is saved, Change… and End… once a row is
// selected.
func (p *pricesPanel) enableButtons() {
	enable(p.add, p.mayChange && p.productID != 0)
	enable(p.change, p.mayChange && p.selected >= 0)
	enable(p.end, p.mayChange && p.selected >= 0)
	if p.importer != nil {
		enable(p.importer, p.mayChange)
	}
}

// selectRow makes row i the one Change… and End… act on.
func (p *pricesPanel) selectRow(i int) {
	p.selected = i
	for j, l := range p.lines {
		l.setSelected(j == i)
	}
	p.enableButtons()
}

func (p *pricesPanel) render(prices []model.Price) {
	// The selection follows the price it was on (a changed price moves
	// when its first day does).
	var was uint
	if p.selected >= 0 && p.selected < len(p.prices) {
		was = p.prices[p.selected].ID
	}
	p.prices, p.lines, p.selected = prices, nil, -1
	p.rows.RemoveAll()
	defer p.enableButtons()
	if len(prices) == 0 {
		p.header.Hide()
		p.empty.SetText(lang.L("No prices in the plan for this product."))
		p.empty.Show()
		return
	}
	p.header.Show()
	p.empty.Hide()
	for i, pr := range prices {
		who := lang.L("List price")
		if pr.Customer != nil {
			who = pr.Customer.Display()
		}
		to := pr.ValidTo.String()
		if to == "" {
			to = lang.L("until replaced")
		}
		row := newColumns(priceColumns)
		setCells(row, who, model.FormatMoney(pr.UnitPrice, pr.Currency), pr.ValidFrom.String(), to, pr.Note)
		line := newPriceRow(row, func() { p.selectRow(i) })
		p.lines = append(p.lines, line)
		p.rows.Add(line)
		if pr.ID == was {
			p.selected = i
			line.setSelected(true)
		}
	}
}

// edit opens the price dialog for pr, or for a new price when pr is nil.
func (p *pricesPanel) edit(pr *model.Price) {
	if pr == nil {
		pr = &model.Price{ProductID: p.productID, Currency: "TWD", ValidFrom: p.store.Today()}
	}
	p.editor = newPriceDialog(p, *pr)
}
