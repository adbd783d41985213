package reports

import (
	"math"
	"strings"

	"orderdesk/model"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// Fax-legible sizes: nothing under 9 pt, lines at least 0.3 mm, black only.
const (
	minPt     = 9.0
	lineWidth = 0.3
	pad       = 1.0 // cell padding, mm
)

// style is a font face and size.
type style struct {
	bold bool
	size float64 // points
}

var (
	stBody  = style{false, 10}
	stSmall = style{false, minPt}
	stLabel = style{true, minPt}
	stBold  = style{true, 10}
	stHead  = style{true, 12}
	stTitle = style{true, 15}
)

// lineH is the height of one line of text in s.
func (s style) lineH() float64 { return s.size * ptMM * 1.3 }

type opKind uint8

const (
	opText opKind = iota
	opLine
	opRect
	opFill
	opImage // the office's logo, in the box x, y, w, h
)

// op is one drawing operation on a page, in millimetres from the top left.
type op struct {
	kind       opKind
	x, y, w, h float64 // text: x and baseline y; line: (x,y)-(w,h)
	text       string
	st         style
}

// doc is a document being laid out: a display list per page, the runes it
// uses (for the font subset) and the runes it had to replace. Laying out
// before touching fpdf lets the font subset be cut for exactly these runes
// and lets the footer know the page count.
type doc struct {
	reg, bold *face
	lang      string
	bilingual bool
	opt       Options

	pw, ph              float64
	left, right, bottom float64 // right and bottom are coordinates, not margins
	top                 float64
	pages               [][]op
	cur                 int // page the ops go to
	y                   float64

	used     map[rune]bool    // runes checked printable
	drawn    [2]map[rune]bool // runes drawn in the regular and the bold face: the subsets
	replaced []Replaced
	seen     map[Replaced]bool
	repl     rune

	header  func() // draws the page header, leaves y below it
	titleID string // label key of the title, for the PDF metadata
	number  string // document number for the footer
	date    model.Date
	// mark is DRAFT or CANCELLED across every page (model.Order.CanPrint).
	mark model.DocMark
}

func newDoc(opt Options, lang string) (*doc, error) {
	reg, bold, err := faces()
	if err != nil {
		return nil, err
	}
	w, h := opt.Paper.size()
	d := &doc{reg: reg, bold: bold, lang: lang, bilingual: opt.Bilingual, opt: opt,
		pw: w, ph: h, left: 15, right: w - 15, top: 12, bottom: h - 15,
		used: map[rune]bool{}, drawn: [2]map[rune]bool{{}, {}}, seen: map[Replaced]bool{}, repl: '□'}
	if !printable(reg, bold, d.repl) {
		d.repl = '?'
	}
	return d, nil
}

// L returns a label in the document's language(s), ready to print.
func (d *doc) L(key string) string { return d.clean("label", tr(key, d.lang, d.bilingual)) }

// Lf returns a formatted label.
func (d *doc) Lf(key string, args ...any) string {
	return d.clean("label", trf(key, d.lang, d.bilingual, args...))
}

// clean returns s with every rune the font cannot print replaced by a
// visible mark, and records each replacement under field. Tabs become
// spaces; newlines are kept for wrap.
func (d *doc) clean(field, s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
		case r == '\t':
			r = ' '
		case r == '\r':
			continue
		case !printable(d.reg, d.bold, r):
			if k := (Replaced{field, r}); !d.seen[k] {
				d.seen[k] = true
				d.replaced = append(d.replaced, k)
			}
			r = d.repl
		}
		d.used[r] = true
		b.WriteRune(r)
	}
	return b.String()
}

// measure returns the width of r in s, in millimetres.
func (d *doc) measure(s style) func(rune) float64 {
	f := d.reg
	if s.bold {
		f = d.bold
	}
	k := s.size * ptMM / 1000
	return func(r rune) float64 { return float64(f.units(r)) * k }
}

// width returns the width of a cleaned string in s.
func (d *doc) width(text string, s style) float64 {
	m, w := d.measure(s), 0.0
	for _, r := range text {
		w += m(r)
	}
	return w
}

func (d *doc) add(o op) {
	d.pages[d.cur] = append(d.pages[d.cur], o)
}

// newPage starts a page and draws its header.
func (d *doc) newPage() {
	d.pages = append(d.pages, nil)
	d.cur = len(d.pages) - 1
	d.y = d.top
	if d.header != nil {
		d.header()
	}
}

// need starts a new page unless h millimetres fit below the cursor.
func (d *doc) need(h float64) {
	if d.y+h > d.bottom {
		d.newPage()
	}
}

// text draws one line of cleaned text with its top at y.
func (d *doc) text(x, y float64, text string, s style) {
	if text == "" {
		return
	}
	text = strings.ReplaceAll(text, "\n", " ") // one line: wrap handles line breaks
	// Text should arrive cleaned (so replacements name their field); this
	// catches any that did not, so the subset always has what is drawn.
	for _, r := range text {
		if !d.used[r] {
			text = d.clean("text", text)
			break
		}
	}
	drawn := d.drawn[0]
	if s.bold {
		drawn = d.drawn[1]
	}
	for _, r := range text {
		drawn[r] = true
	}
	d.add(op{kind: opText, x: x, y: y + s.size*ptMM*1.02, text: text, st: s})
}

// textRight draws a line of text ending at x.
func (d *doc) textRight(x, y float64, text string, s style) {
	d.text(x-d.width(text, s), y, text, s)
}

// textCenter draws a line of text centred on x.
func (d *doc) textCenter(x, y float64, text string, s style) {
	d.text(x-d.width(text, s)/2, y, text, s)
}

func (d *doc) line(x1, y1, x2, y2 float64) { d.add(op{kind: opLine, x: x1, y: y1, w: x2, h: y2}) }
func (d *doc) rect(x, y, w, h float64)     { d.add(op{kind: opRect, x: x, y: y, w: w, h: h}) }
func (d *doc) fill(x, y, w, h float64)     { d.add(op{kind: opFill, x: x, y: y, w: w, h: h}) }
func (d *doc) logo(x, y, w, h float64)     { d.add(op{kind: opImage, x: x, y: y, w: w, h: h}) }

// wrapped returns text (already cleaned) broken to width in s.
func (d *doc) wrapped(text string, width float64, s style) []string {
	return wrap(text, width, d.measure(s))
}

// para writes cleaned text wrapped across the body width at the cursor,
// breaking pages between lines.
func (d *doc) para(text string, s style) {
	d.paraAt(d.left, d.right-d.left, text, s)
}

func (d *doc) paraAt(x, w float64, text string, s style) {
	for _, l := range d.wrapped(text, w, s) {
		d.need(s.lineH())
		d.text(x, d.y, l, s)
		d.y += s.lineH()
	}
}

// keepTogether lays out block on one page: when it would break across a
// page, it is laid out again from the top of a new page. (A block taller
// than a page still breaks, as it must.)
func (d *doc) keepTogether(block func()) {
	pages, cur, n, y := len(d.pages), d.cur, len(d.pages[d.cur]), d.y
	block()
	if len(d.pages) == pages {
		return
	}
	d.pages = d.pages[:pages]
	d.pages[cur] = d.pages[cur][:n]
	d.cur, d.y = cur, y
	d.newPage()
	block()
}

// gap moves the cursor down.
func (d *doc) gap(h float64) { d.y += h }

// rule draws a horizontal line across the body.
func (d *doc) rule() {
	d.line(d.left, d.y, d.right, d.y)
}

// footers writes "Page x of y" and the document number on every page,
// now that the page count is known, and on a demo office's pages that they
// are the demo's, in both languages whatever the document's.
func (d *doc) footers() {
	n := len(d.pages)
	demo := ""
	if d.opt.Demo {
		demo = d.clean("label", labels["mark.demo"][1]+" / "+labels["mark.demo"][0])
	}
	for i := range d.pages {
		d.cur = i
		y := d.bottom + 4
		if demo != "" {
			d.text(d.left, y, demo, stLabel)
		}
		d.textCenter((d.left+d.right)/2, y, d.Lf("page", i+1, n), stSmall)
		if d.number != "" {
			d.textRight(d.right, y, d.number, stSmall)
		}
	}
}

// fitLines returns how many lines of height lh fit in h (at least 0).
func fitLines(h, lh float64) int {
	return int(math.Floor((h + 1e-6) / lh))
}
