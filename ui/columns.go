package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnsLayout places a list row's cells side by side, each taking its
// weight's share of the width, so the header and every row line up whatever
// the window's width. A column with a minimum (mins, 0 for none) is never
// narrower: a code, number or date that must read whole (SO-2026-168000,
// NT$5,225,100) keeps its width, and the other columns share what is left
// by their weights. When the columns without a minimum would get less than
// flexMin each, the columns in drop hide, first to last, so a narrow window
// shows fewer columns whole rather than every column cut.
//
// A column with a want (wants, 0 for none) gets that width when the other
// columns without a minimum can give it and keep flexMin each: an order's
// state ("Released to production") reads whole at 1280 at the cost of a
// few characters of the customer's name, and gives way again when narrow.
//
// With wantsFirst, the columns in drop also hide so that the wanted
// columns get their wants: a queue's due day says how late the item is,
// which matters more than who it is assigned to.
type columnsLayout struct {
	weights, mins, wants []float32
	drop                 []int
	wantsFirst           bool
}

// flexMin is the least a column without a minimum (a name, a state) gets
// before a droppable column hides to make room.
const flexMin = 110

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	hidden := c.hidden(size.Width)
	shown := 0
	for i := range objs {
		if !hidden[i] {
			shown++
		}
	}
	pad := theme.Padding()
	widths := c.widths(size.Width-pad*float32(max(0, shown-1)), hidden)
	x := float32(0)
	for i, o := range objs {
		if hidden[i] {
			if o.Visible() {
				o.Hide()
			}
			continue
		}
		if !o.Visible() {
			o.Show()
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i] + pad
	}
}

// min is column i's minimum (0 for none).
func (c *columnsLayout) min(i int) float32 {
	if i < len(c.mins) {
		return c.mins[i]
	}
	return 0
}

// hidden says which columns hide at this width: the droppable ones, in
// their order, until the columns without a minimum get flexMin each.
func (c *columnsLayout) hidden(width float32) []bool {
	hidden := make([]bool, len(c.weights))
	fits := func() bool {
		need, shown := float32(0), 0
		for i := range c.weights {
			if hidden[i] {
				continue
			}
			shown++
			switch m := c.min(i); {
			case c.wantsFirst && i < len(c.wants) && c.wants[i] > max(m, flexMin):
				need += c.wants[i]
			case m > 0:
				need += m
			default:
				need += flexMin
			}
		}
		return need+theme.Padding()*float32(max(0, shown-1)) <= width
	}
	for _, i := range c.drop {
		if fits() {
			break
		}
		hidden[i] = true
	}
	return hidden
}

// widths shares free among the shown columns: the columns held at their
// minimum first, the rest by weight.
func (c *columnsLayout) widths(free float32, hidden []bool) []float32 {
	widths := make([]float32, len(c.weights))
	held := make([]bool, len(c.weights))
	for changed := true; changed; {
		changed = false
		left, total := free, float32(0)
		for i, w := range c.weights {
			switch {
			case hidden[i]:
			case held[i]:
				left -= widths[i]
			default:
				total += w
			}
		}
		for i, w := range c.weights {
			if held[i] || hidden[i] {
				continue
			}
			widths[i] = max(0, left) * w / total
			if widths[i] < c.min(i) {
				widths[i], held[i], changed = c.min(i), true, true
			}
		}
	}
	c.grant(widths, held, hidden)
	return widths
}

// grant widens each column short of its want with what the columns with
// neither a minimum nor a want have above flexMin, taken from the widest first.
func (c *columnsLayout) grant(widths []float32, held, hidden []bool) {
	for i := range c.wants {
		short := c.wants[i] - widths[i]
		if hidden[i] || held[i] || short <= 0 {
			continue
		}
		for short > 0 {
			give := -1
			for j := range widths {
				spare := j != i && !hidden[j] && !held[j] && c.min(j) == 0 &&
					(j >= len(c.wants) || c.wants[j] == 0) && widths[j] > flexMin
				if spare && (give < 0 || widths[j] > widths[give]) {
					give = j
				}
			}
			if give < 0 {
				break
			}
			d := min(short, widths[give]-flexMin)
			widths[give] -= d
			widths[i] += d
			short -= d
		}
	}
}

// MinSize is the width of the columns that never hide, each at least its
// minimum.
func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	shown := 0
	for i, o := range objs {
		m := o.MinSize()
		h = max(h, m.Height)
		if slices.Contains(c.drop, i) {
			continue
		}
		shown++
		w += max(m.Width, c.min(i))
	}
	return fyne.NewSize(w+theme.Padding()*float32(max(0, shown-1)), h)
}

// newColumns returns a row of truncating labels laid out by weights.
func newColumns(weights []float32) *fyne.Container { return newColumnsMin(weights, nil) }

// newColumnsMin is newColumns with columns kept at a minimum width (mins).
func newColumnsMin(weights, mins []float32) *fyne.Container {
	return newColumnsOf(&columnsLayout{weights: weights, mins: mins})
}

// newColumnsOf returns a row of truncating labels laid out by c.
func newColumnsOf(c *columnsLayout) *fyne.Container {
	cells := make([]fyne.CanvasObject, len(c.weights))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(c, cells...)
}

// newHeader returns the bold header row over a list with these columns.
func newHeader(weights []float32, titles ...string) *fyne.Container {
	return newHeaderOf(&columnsLayout{weights: weights}, titles...)
}

// newHeaderOf is newHeader for columns laid out by c.
func newHeaderOf(c *columnsLayout, titles ...string) *fyne.Container {
	row := newColumnsOf(c)
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

// samplePhone is as long as an office's phone and fax numbers usually
// are: the lists keep their phone columns this wide.
const samplePhone = "02-2345-6789"

// wholeWidth is the width a label needs to show text whole. A label
// exactly its MinSize wide may still cut its text ("2026-12-…": the
// truncation compares sums of floats), so it gets a pixel more.
func wholeWidth(text string) float32 { return widget.NewLabel(text).MinSize().Width + 1 }

// boldWidth is the width a bold label (a header) needs to show text whole;
// it is at least wholeWidth.
func boldWidth(text string) float32 {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l.MinSize().Width + 1
}

// foldLayout sets its objects side by side in equal columns while each gets
// at least minCol, and one under the other when not: the order detail's
// two halves of label/value pairs, which side by side at 1024 wide broke
// every date over two lines ("2025-11-" / "27").
type foldLayout struct {
	minCol float32
	width  float32 // the width last laid out, for MinSize's height
}

func (f *foldLayout) side(n int, width float32) bool {
	return n > 1 && width >= float32(n)*f.minCol+theme.Padding()*float32(n-1)
}

func (f *foldLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	pad := theme.Padding()
	if f.side(len(objs), size.Width) {
		w := (size.Width - pad*float32(len(objs)-1)) / float32(len(objs))
		for i, o := range objs {
			o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
			o.Resize(fyne.NewSize(w, size.Height))
		}
		return
	}
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

// MinSize is as tall as the objects stand at the last width laid out.
func (f *foldLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h, tallest float32
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		tallest = max(tallest, m.Height)
	}
	if f.side(len(objs), f.width) {
		return fyne.NewSize(w, tallest)
	}
	return fyne.NewSize(w, h+theme.Padding()*float32(max(0, len(objs)-1)))
}
