package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnsLayout places a list row's cells side by side, each taking its
// weight's share of the width, so the header and every row line up whatever
// the window's width. A column with a minimum (mins, 0 for none) is never
// narrower: a code or number that must read whole (SO-2026-168000) keeps
// its width, and the other columns share what is left by their weights.
type columnsLayout struct{ weights, mins []float32 }

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(len(objs)-1)
	widths := c.widths(free)
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i] + pad
	}
}

// widths shares free among the columns: the columns held at their minimum
// first, the rest by weight.
func (c *columnsLayout) widths(free float32) []float32 {
	widths := make([]float32, len(c.weights))
	held := make([]bool, len(c.weights))
	for changed := true; changed; {
		changed = false
		left, total := free, float32(0)
		for i, w := range c.weights {
			if held[i] {
				left -= widths[i]
			} else {
				total += w
			}
		}
		for i, w := range c.weights {
			if held[i] {
				continue
			}
			widths[i] = max(0, left) * w / total
			if i < len(c.mins) && widths[i] < c.mins[i] {
				widths[i], held[i], changed = c.mins[i], true, true
			}
		}
	}
	return widths
}

func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for i, o := range objs {
		m := o.MinSize()
		h = max(h, m.Height)
		if i < len(c.mins) {
			m.Width = max(m.Width, c.mins[i])
		}
		w += m.Width
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}

// newColumns returns a row of truncating labels laid out by weights.
func newColumns(weights []float32) *fyne.Container { return newColumnsMin(weights, nil) }

// newColumnsMin is newColumns with columns kept at a minimum width (mins).
func newColumnsMin(weights, mins []float32) *fyne.Container {
	cells := make([]fyne.CanvasObject, len(weights))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(&columnsLayout{weights: weights, mins: mins}, cells...)
}

// newHeader returns the bold header row over a list with these columns.
func newHeader(weights []float32, titles ...string) *fyne.Container {
	row := newColumns(weights)
	for i, t := range titles {
		l := row.Objects[i].(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(t)
	}
	return row
}

// setCells assigns the texts of a row made by newColumns.
func setCells(row fyne.CanvasObject, texts ...string) {
	for i, o := range row.(*fyne.Container).Objects {
		t := ""
		if i < len(texts) {
			t = texts[i]
		}
		o.(*widget.Label).SetText(t)
	}
}

// wholeWidth is the width a label needs to show text whole.
func wholeWidth(text string) float32 { return widget.NewLabel(text).MinSize().Width }
