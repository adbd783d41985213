package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// priceColumns are the widths of the price plan's columns:
// for whom, unit price, valid from, valid to, note.
var priceColumns = []float32{1.8, 1.1, 1.2, 1.5, 1.2}

// pricesPanel shows the price execution plan (價格執行方案) of the open
// product, read-only: list prices first, then each customer's own.
type pricesPanel struct {
	heading *widget.Label
	header  *fyne.Container
	rows    *fyne.Container
	empty   *widget.Label
	content fyne.CanvasObject

	store     pricesStore
	work      *jobs
	productID uint
}

// pricesStore is the store as a price panel uses it; a test hands it one that fails.
type pricesStore interface {
	PricesOf(ctx context.Context, productID uint) ([]model.Price, error)
}

func newPricesPanel(store *model.Store, work *jobs) *pricesPanel {
	p := &pricesPanel{store: store, work: work,
		heading: widget.NewLabelWithStyle(lang.L("Price plan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		header: newHeader(priceColumns, lang.L("For"), lang.L("Unit price"), lang.L("Valid from"),
			lang.L("Valid to"), lang.L("Note")),
		rows:  container.NewVBox(),
		empty: widget.NewLabel(""),
	}
	p.empty.Wrapping = fyne.TextWrapWord
	p.content = container.NewVBox(p.heading, p.header, p.rows, p.empty)
	p.show(0)
	return p
}

// show loads the prices of a product; 0 (a new product) shows none.
func (p *pricesPanel) show(productID uint) {
	p.productID = productID
	p.rows.RemoveAll()
	if productID == 0 {
		p.header.Hide()
		p.empty.SetText(lang.L("A new product has no prices yet."))
		p.empty.Show()
		return
	}
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

func (p *pricesPanel) render(prices []model.Price) {
	p.rows.RemoveAll()
	if len(prices) == 0 {
		p.header.Hide()
		p.empty.SetText(lang.L("No prices in the plan for this product."))
		p.empty.Show()
		return
	}
	p.header.Show()
	p.empty.Hide()
	for _, pr := range prices {
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
		p.rows.Add(row)
	}
}
