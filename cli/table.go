package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// table lines up the command line's columns as text/tabwriter does
// (cells end with a tab; a column is aligned over the consecutive lines
// that have it; the text after a line's last tab is not a cell), but
// measures a cell by the columns a terminal gives it, not by its runes:
// a Chinese character takes two. With tabwriter `rma list -lang zh-TW`
// and every table naming a Chinese customer came out skewed, a row's
// state under the next column's heading.
type table struct {
	out   io.Writer
	pad   int  // spaces after the widest cell of a column
	right bool // cells end at the column's right edge (amounts)
	buf   bytes.Buffer
}

// newTable returns a table writing to out once flushed.
func newTable(out io.Writer, pad int, right bool) *table {
	return &table{out: out, pad: pad, right: right}
}

// cellWidth is how many terminal columns s takes. Characters of ambiguous
// width (×, ±, …) count one whatever the locale, so the output is the same
// on every desk.
var cellWidth = func() func(string) int {
	c := runewidth.NewCondition()
	c.EastAsianWidth = false
	return c.StringWidth
}()

func (t *table) Write(p []byte) (int, error) { return t.buf.Write(p) }

// Flush writes what was written so far, lined up.
func (t *table) Flush() error {
	lines := strings.Split(t.buf.String(), "\n")
	t.buf.Reset()
	cells := make([][]string, len(lines))
	widths := make([][]int, len(lines))
	for i, l := range lines {
		cells[i] = strings.Split(l, "\t")
		widths[i] = make([]int, len(cells[i])-1)
	}
	t.measure(cells, widths, 0, len(lines), 0)
	var b strings.Builder
	for i, c := range cells {
		for j, cell := range c[:len(c)-1] {
			gap := strings.Repeat(" ", max(widths[i][j]-cellWidth(cell), 0))
			if t.right {
				b.WriteString(gap + cell)
			} else {
				b.WriteString(cell + gap)
			}
		}
		b.WriteString(c[len(c)-1])
		if i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(t.out, b.String())
	return err
}

// measure sets the width of column col over each run of consecutive lines
// in [from, to) that have a cell there, then the next column's within it.
func (t *table) measure(cells [][]string, widths [][]int, from, to, col int) {
	for i := from; i < to; {
		if len(cells[i])-1 <= col {
			i++
			continue
		}
		j, w := i, 0
		for ; j < to && len(cells[j])-1 > col; j++ {
			w = max(w, cellWidth(cells[j][col])+t.pad)
		}
		for k := i; k < j; k++ {
			widths[k][col] = w
		}
		t.measure(cells, widths, i, j, col+1)
		i = j
	}
}
