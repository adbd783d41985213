package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnsLayout places a list row's cells side by side, each taking its
// weight's share of the width, so the header and every row line up whatever
// the window's width.
type columnsLayout struct{ weights []float32 }

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var total float32
	for _, w := range c.weights {
		total += w
	}
	free := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := free * c.weights[i] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for _, o := range objs {
		m := o.MinSize()
		h = max(h, m.Height)
		w += m.Width
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}

// newColumns returns a row of truncating labels laid out by weights.
func newColumns(weights []float32) *fyne.Container {
	cells := make([]fyne.CanvasObject, len(weights))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(&columnsLayout{weights: weights}, cells...)
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
