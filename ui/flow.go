package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// flowLayout sets its objects in a row at their minimum widths and starts
// a new row when the next one would pass the edge, so a row of filters or
// steps that fits at 1280 wide takes two rows at 1024 instead of making
// the window wider than the screen. An object given a width in grow (a
// search box) is at least that wide and shares what is left of its row.
type flowLayout struct {
	grow  map[fyne.CanvasObject]float32
	width float32 // the width last laid out, for MinSize's height
	rowsN int     // rows at that width
	box   *fyne.Container
}

// newFlow returns a container flowing objs; those in grow are at least
// as wide as given and take the room left in their row.
func newFlow(grow map[fyne.CanvasObject]float32, objs ...fyne.CanvasObject) *fyne.Container {
	l := &flowLayout{grow: grow, rowsN: 1}
	l.box = container.New(l, objs...)
	return l.box
}

// min is o's width in a row: its own minimum, or more if it grows.
func (f *flowLayout) min(o fyne.CanvasObject) float32 {
	return max(o.MinSize().Width, f.grow[o])
}

// rows splits the visible objects into rows that fit width.
func (f *flowLayout) rows(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	var rows [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	used := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := f.min(o)
		if len(row) > 0 && used+pad+w > width {
			rows = append(rows, row)
			row, used = nil, 0
		}
		if len(row) > 0 {
			used += pad
		}
		row = append(row, o)
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	rows := f.rows(objs, size.Width)
	if len(rows) != f.rowsN {
		// The parent sized this row from the rows it had: lay the window
		// out again, after this pass, at the new height.
		f.rowsN = len(rows)
		runWork(func() func() {
			return func() {
				if c := fyne.CurrentApp().Driver().CanvasForObject(f.box); c != nil && c.Content() != nil {
					c.Content().Refresh()
				}
			}
		})
	}
	pad := theme.Padding()
	y := float32(0)
	for _, row := range rows {
		used, stretched, tall := float32(0), 0, float32(0)
		for _, o := range row {
			used += f.min(o)
			tall = max(tall, o.MinSize().Height)
			if _, ok := f.grow[o]; ok {
				stretched++
			}
		}
		used += pad * float32(len(row)-1)
		extra := float32(0)
		if stretched > 0 && size.Width > used {
			extra = (size.Width - used) / float32(stretched)
		}
		x := float32(0)
		for _, o := range row {
			w := f.min(o)
			if _, ok := f.grow[o]; ok {
				w += extra
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, tall))
			x += w + pad
		}
		y += tall + pad
	}
}

// MinSize is as wide as the widest object and as tall as the rows stand
// at the last width laid out (one row before the first layout).
func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, f.min(o))
		}
	}
	width := f.width
	if width == 0 {
		width = 1 << 20
	}
	pad := theme.Padding()
	var h float32
	for i, row := range f.rows(objs, max(width, w)) {
		if i > 0 {
			h += pad
		}
		tall := float32(0)
		for _, o := range row {
			tall = max(tall, o.MinSize().Height)
		}
		h += tall
	}
	return fyne.NewSize(w, h)
}
