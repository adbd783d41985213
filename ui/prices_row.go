package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// priceRow is one line of the price plan that a tap selects: it shows its
// cells over the theme's selection colour while selected.
type priceRow struct {
	widget.BaseWidget
	cells  fyne.CanvasObject
	bg     *canvas.Rectangle
	tapped func()
}

func newPriceRow(cells fyne.CanvasObject, tapped func()) *priceRow {
	r := &priceRow{cells: cells, bg: canvas.NewRectangle(color.Transparent), tapped: tapped}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the selection behind the cells.
func (r *priceRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.cells))
}

// Tapped selects the row.
func (r *priceRow) Tapped(*fyne.PointEvent) { r.tapped() }

func (r *priceRow) setSelected(on bool) {
	r.bg.FillColor = color.Transparent
	if on {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.bg.Refresh()
}
