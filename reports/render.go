package reports

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

const family = "notosanstc"

// render writes the laid-out document as PDF. The fonts embedded are cut
// from the parsed faces for exactly the runes the document uses.
func (d *doc) render(w io.Writer) error {
	d.footers()
	regTTF, err := d.reg.subset(runeList(d.drawn[0]))
	if err != nil {
		return err
	}
	boldTTF, err := d.bold.subset(runeList(d.drawn[1]))
	if err != nil {
		return err
	}

	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: fpdf.SizeType{Wd: d.pw, Ht: d.ph}})
	// Page content goes uncompressed: fpdf makes a new zlib writer (1.1 MB
	// of tables) per page, more than the rest of the page costs, and the
	// collector's pace follows that garbage. A page is about 9 KB larger.
	// The fonts are compressed whatever this says.
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true) // fonts in a fixed order: same input, same bytes
	// The document's own date, never the clock: same input, same bytes.
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !d.date.IsZero() {
		stamp = d.date.Time(time.UTC)
	}
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCreator("OrderDesk", true)
	pdf.SetTitle(tr(d.titleID, d.lang, d.bilingual)+" "+d.number, true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	// A face no text uses is left out rather than embedded empty.
	if len(d.drawn[0]) > 0 {
		pdf.AddUTF8FontFromBytes(family, "", regTTF)
	}
	if len(d.drawn[1]) > 0 {
		pdf.AddUTF8FontFromBytes(family, "B", boldTTF)
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetFillColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetLineWidth(lineWidth)
	pdf.SetLineCapStyle("square")
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("reports: load font: %w", err)
	}

	logo := registerLogo(pdf, d.opt.Logo)
	for _, page := range d.pages {
		pdf.AddPage()
		pdf.SetLineWidth(lineWidth)
		var cur style
		for _, o := range page {
			switch o.kind {
			case opText:
				if o.st != cur {
					cur = o.st
					pdf.SetFont(family, map[bool]string{false: "", true: "B"}[o.st.bold], o.st.size)
				}
				pdf.Text(o.x, o.y, o.text)
			case opLine:
				pdf.Line(o.x, o.y, o.w, o.h)
			case opRect:
				pdf.Rect(o.x, o.y, o.w, o.h, "D")
			case opFill:
				pdf.Rect(o.x, o.y, o.w, o.h, "F")
			case opImage:
				if logo != "" {
					pdf.ImageOptions(logo, o.x, o.y, o.w, o.h, false, fpdf.ImageOptions{}, 0, "")
				}
			}
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("reports: write PDF: %w", err)
	}
	return nil
}

// guard turns a panic in the layout or in fpdf into an error: no panic
// reaches the UI or the CLI.
func guard(name string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("reports: %s: internal error: %v", name, r)
	}
}

var errNoOrder = errors.New("reports: order or shipment request missing")

// afterLayout, when set (by tests), sees every document once it is laid
// out and rendered, to compare its display list with a golden file.
var afterLayout func(*doc)

// build lays out and renders one document: the shared shape of every
// public render function, which it also guards against panics.
func build(w io.Writer, name string, opt Options, lang string, layout func(d *doc)) (rep []Replaced, err error) {
	defer guard(name, &err)
	d, err := newDoc(opt, lang)
	if err != nil {
		return nil, err
	}
	layout(d)
	if err := d.render(w); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if opt.pages != nil {
		*opt.pages = len(d.pages)
	}
	if afterLayout != nil {
		afterLayout(d)
	}
	return d.replaced, nil
}

// runeList returns the runes of a set, sorted: the subset is the same for the same text.
func runeList(set map[rune]bool) []rune {
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
