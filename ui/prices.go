package ui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
// add a price, change one or end one (a price is never deleted: it stays
// in the plan's history). Whether the person at the desk may is the
// model's to say; for anyone else the buttons are disabled with its reason.
type pricesPanel struct {
	heading *widget.Label
	add     *widget.Button
	rights  *widget.Label // why the buttons are disabled
	header  *fyne.Container
	rows    *fyne.Container
	empty   *widget.Label
	content fyne.CanvasObject

	win       fyne.Window
	desk      *Desk
	store     pricesStore
	work      *jobs
	productID uint
	prices    []model.Price
	mayChange bool
	// change and end are each row's buttons, in the order of prices.
	change, end []*widget.Button
	editor      *priceDialog    // the open add or change dialog, for tests
	ender       *priceEndDialog // the open end dialog, for tests
}

// pricesStore is the store as a price panel uses it; a test hands it one that fails.
type pricesStore interface {
	PricesOf(ctx context.Context, productID uint) ([]model.Price, error)
	MayChangePrices(ctx context.Context, by model.Actor) error
	SavePrice(ctx context.Context, by model.Actor, p *model.Price) error
	EndPrice(ctx context.Context, by model.Actor, p *model.Price, last model.Date) error
	CustomerByCode(ctx context.Context, code string) (*model.Customer, error)
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
	p.empty.Wrapping = fyne.TextWrapWord
	p.rights.Wrapping = fyne.TextWrapWord
	p.rights.Importance = widget.LowImportance
	p.rights.Hide()
	// The header leaves room for the rows' buttons, so its columns stay over theirs.
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(p.rowButtons(-1).MinSize())
	p.content = container.NewVBox(container.NewBorder(nil, nil, p.heading, p.add), p.rights,
		container.NewBorder(nil, nil, nil, gap, p.header), p.rows, p.empty)
	desk.OnChanged(func(*model.Employee) { p.checkRights() })
	p.show(0)
	return p
}

// show loads the prices of a product; 0 (a new product) shows none.
func (p *pricesPanel) show(productID uint) {
	p.productID = productID
	p.prices = nil
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

// enableButtons enables what changes the plan when the model allows it;
// a new product takes prices once it is saved.
func (p *pricesPanel) enableButtons() {
	buttons := append([]*widget.Button{p.add}, append(p.change, p.end...)...)
	for _, b := range buttons {
		if p.mayChange && p.productID != 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (p *pricesPanel) render(prices []model.Price) {
	p.prices = prices
	p.rows.RemoveAll()
	p.change, p.end = nil, nil
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
		p.rows.Add(container.NewBorder(nil, nil, nil, p.rowButtons(i), row))
	}
	p.enableButtons()
}

// rowButtons are the Change… and End… buttons of row i; -1 makes a pair
// only to measure.
func (p *pricesPanel) rowButtons(i int) *fyne.Container {
	change := widget.NewButton(lang.L("Change…"), func() { p.edit(&p.prices[i]) })
	end := widget.NewButton(lang.L("End…"), func() { p.ender = newPriceEndDialog(p, p.prices[i]) })
	change.Importance, end.Importance = widget.LowImportance, widget.LowImportance
	if i >= 0 {
		p.change, p.end = append(p.change, change), append(p.end, end)
	}
	return container.NewHBox(change, end)
}

// edit opens the price dialog for pr, or for a new price when pr is nil.
func (p *pricesPanel) edit(pr *model.Price) {
	if pr == nil {
		pr = &model.Price{ProductID: p.productID, Currency: "TWD", ValidFrom: p.store.Today()}
	}
	p.editor = newPriceDialog(p, *pr)
}
