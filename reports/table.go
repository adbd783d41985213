package reports

import (
	"math"
	"strings"
)

// align is how a column's text sits in its cell.
type align uint8

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// column is one column of a table: its header label (already cleaned;
// "\n" splits a bilingual header over two lines), width in mm and alignment.
type column struct {
	head  string
	w     float64
	align align
}

// cell is one cell's cleaned text and style.
type cell struct {
	text string
	st   style
}

// table draws rows under a header row. A row moves whole to the next page
// when it does not fit; a row taller than a page is split between lines.
// The header repeats on every page the table reaches, and every cell's
// text is wrapped inside it: nothing is cut.
func (d *doc) table(cols []column, rows [][]cell) {
	cols = d.fitNumbers(cols, rows)
	head := make([]cell, len(cols))
	for i, c := range cols {
		head[i] = cell{c.head, stLabel}
	}
	d.need(d.rowHeight(cols, head) + stBody.lineH() + 2*pad)
	d.row(cols, head, nil)
	for _, r := range rows {
		d.row(cols, r, func() { d.row(cols, head, nil) })
	}
}

// fitNumbers keeps every line of a right-aligned (numeric) cell on one
// line: a number broken across lines ("1,250,000." / "125") is misread on
// a fax. A cell too wide for its column is set smaller, down to minPt;
// when that is not enough the column is widened, taking the room from the
// widest left-aligned column (the product or specification, which wraps).
// rows' cells are changed in place; the columns returned are a copy.
func (d *doc) fitNumbers(cols []column, rows [][]cell) []column {
	cols = append([]column(nil), cols...)
	for j := range cols {
		if cols[j].align != alignRight {
			continue
		}
		room := cols[j].w - 2*pad
		need := 0.0
		for _, r := range rows {
			c := &r[j]
			widest := d.widestLine(c.text, c.st)
			if widest <= room {
				continue
			}
			c.st.size = max(minPt, math.Floor(c.st.size*room/widest*2)/2)
			need = max(need, d.widestLine(c.text, c.st))
		}
		if need <= room {
			continue
		}
		donor := -1
		for i, c := range cols {
			if c.align == alignLeft && (donor < 0 || c.w > cols[donor].w) {
				donor = i
			}
		}
		if donor < 0 {
			continue
		}
		grow := min(need-room+0.01, cols[donor].w/2)
		cols[j].w += grow
		cols[donor].w -= grow
	}
	return cols
}

// widestLine returns the width of the widest hard line of text in s.
func (d *doc) widestLine(text string, s style) float64 {
	w := 0.0
	for _, l := range strings.Split(text, "\n") {
		w = max(w, d.width(l, s))
	}
	return w
}

// grid draws rows with no header (label/value blocks).
func (d *doc) grid(cols []column, rows [][]cell) {
	for _, r := range rows {
		d.row(cols, r, nil)
	}
}

// rowHeight returns the height a row needs on one page.
func (d *doc) rowHeight(cols []column, r []cell) float64 {
	h := 0.0
	for i, c := range r {
		lines := d.wrapped(c.text, cols[i].w-2*pad, c.st)
		h = max(h, float64(len(lines))*c.st.lineH())
	}
	return h + 2*pad
}

// row draws one row, continuing it on new pages (after onNewPage, which
// repeats the table header) when it does not fit.
func (d *doc) row(cols []column, r []cell, onNewPage func()) {
	lines := make([][]string, len(r))
	tallest := 0.0
	for i, c := range r {
		lines[i] = d.wrapped(c.text, cols[i].w-2*pad, c.st)
		tallest = max(tallest, float64(len(lines[i]))*c.st.lineH())
	}
	pageRoom := d.bottom - d.top - 30 // below a header of up to 30 mm
	if d.y+tallest+2*pad > d.bottom && tallest+2*pad <= pageRoom {
		d.breakPage(onNewPage)
	}
	done := make([]int, len(r))
	for first := true; first || !allDone(lines, done); first = false {
		if d.bottom-d.y < 2*pad+stBody.lineH() {
			d.breakPage(onNewPage)
		}
		h, x := 0.0, d.left
		for i, c := range r {
			left := len(lines[i]) - done[i]
			n := min(left, fitLines(d.bottom-d.y-2*pad, c.st.lineH()))
			if n == 0 && left > 0 {
				n = 1 // a line taller than the room left: print it rather than loop
			}
			for k := 0; k < n; k++ {
				d.cellLine(x, d.y+pad+float64(k)*c.st.lineH(), cols[i], lines[i][done[i]+k], c.st)
			}
			done[i] += n
			h = max(h, float64(n)*c.st.lineH())
			x += cols[i].w
		}
		h += 2 * pad
		x = d.left
		for _, c := range cols {
			d.rect(x, d.y, c.w, h)
			x += c.w
		}
		d.y += h
		if !allDone(lines, done) {
			d.breakPage(onNewPage)
		}
	}
}

func (d *doc) breakPage(onNewPage func()) {
	d.newPage()
	if onNewPage != nil {
		onNewPage()
	}
}

func allDone(lines [][]string, done []int) bool {
	for i := range lines {
		if done[i] < len(lines[i]) {
			return false
		}
	}
	return true
}

// cellLine draws one line of a cell's text with the column's alignment.
func (d *doc) cellLine(x, y float64, c column, text string, s style) {
	switch c.align {
	case alignRight:
		d.textRight(x+c.w-pad, y, text, s)
	case alignCenter:
		d.textCenter(x+c.w/2, y, text, s)
	default:
		d.text(x+pad, y, text, s)
	}
}
