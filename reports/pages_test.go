package reports

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

func confirmationPDF(t *testing.T, o *model.Order, opt Options) ([]byte, *doc, []Replaced) {
	t.Helper()
	return capture(t, docCases[0], o, opt)
}

// TestSixtyLinesSpreadOverPages checks a long order breaks into pages with
// the table header repeated and every line printed whole.
func TestSixtyLinesSpreadOverPages(t *testing.T) {
	for _, paper := range []Paper{PaperA4, PaperLetter} {
		t.Run(string(paper), func(t *testing.T) {
			o := testOrder(60, model.LangEN)
			opt := testOptions(model.LangEN)
			opt.Paper = paper
			pdf, d, _ := confirmationPDF(t, o, opt)
			if len(d.pages) < 3 {
				t.Fatalf("%d pages, want at least 3", len(d.pages))
			}
			for _, p := range d.pages {
				for _, op := range p {
					if op.kind == opText && (op.y > d.bottom+10 || op.x < d.left-0.01 || op.x > d.right) {
						t.Errorf("text %q at (%.1f, %.1f) is outside the page body", op.text, op.x, op.y)
					}
				}
			}
			pages := strings.Split(pdfText(t, pdf), "\f")
			for i, p := range pages[:len(d.pages)] {
				hasLine := strings.Contains(p, o.Lines[0].Product.Code) || strings.Contains(p, o.Lines[1].Product.Code)
				if hasLine && (!strings.Contains(p, "Unit price") || !strings.Contains(p, "Amount")) {
					t.Errorf("page %d has order lines but no table header", i+1)
				}
				if want := fmt.Sprintf("Page %d of %d", i+1, len(d.pages)); !strings.Contains(p, want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
			}
			all := noSpace(strings.Join(pages, ""))
			for _, l := range o.Lines {
				row := noSpace(fmt.Sprintf("%d %s %s", l.LineNo, l.Product.Code, productName(l.Product, model.LangEN)))
				amount := model.FormatMoney(l.Amount, "TWD")
				if !strings.Contains(all, row) || !strings.Contains(all, amount) {
					t.Errorf("line %d (%q, %s) missing", l.LineNo, row, amount)
				}
			}
		})
	}
}

// TestLongMixedLineKeepsEveryCharacter wraps a 300-character spec of mixed
// Chinese and English and finds every character in the PDF's text.
func TestLongMixedLineKeepsEveryCharacter(t *testing.T) {
	unit := "高級道林紙 Woodfree paper，80g/m²（白色）；「防潮」包裝 moisture-proof wrap. "
	spec := []rune(strings.Repeat(unit, 10))[:300]
	o := testOrder(3, model.LangZH)
	o.Lines[1].Spec = string(spec)
	for _, bilingual := range []bool{false, true} {
		opt := testOptions(model.LangZH)
		opt.Bilingual = bilingual
		pdf, _, rep := confirmationPDF(t, o, opt)
		if len(rep) > 0 {
			t.Errorf("replacements in printable text: %v", rep)
		}
		if text := noSpace(pdfText(t, pdf)); !strings.Contains(text, noSpace(string(spec))) {
			t.Errorf("the 300-character spec lost characters; text:\n%s", text)
		}
	}
}

// TestMissingGlyphIsReplacedAndReported uses runes Noto Sans TC lacks: one
// above U+FFFF (𡘙 in a customer name) and one in the BMP (Thai).
func TestMissingGlyphIsReplacedAndReported(t *testing.T) {
	reg, bold, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	const thai = 'ก'
	if printable(reg, bold, thai) || printable(reg, bold, 0x21619) {
		t.Fatal("test runes are printable; pick others")
	}
	o := testOrder(2, model.LangZH)
	o.Customer.NameZH = "𡘙記紙行"
	o.Lines[0].Spec = "special ก spec"
	pdf, _, rep := confirmationPDF(t, o, testOptions(model.LangZH))
	want := []Replaced{{"customer name", 0x21619}, {"line 1 spec", thai}}
	for _, w := range want {
		found := false
		for _, r := range rep {
			found = found || r == w
		}
		if !found {
			t.Errorf("replacement %v not reported (got %v)", w, rep)
		}
	}
	text := noSpace(pdfText(t, pdf))
	if !strings.Contains(text, "□記紙行") || !strings.Contains(text, "special□spec") {
		t.Errorf("replacement mark not printed:\n%s", text)
	}
	if got := (Replaced{"customer name", 0x21619}).String(); got != "customer name: U+21619 𡘙" {
		t.Errorf("String() = %q", got)
	}
}

// TestBarcodeDecodes renders the confirmation at 300 dpi and reads the
// barcode back with zbarimg.
func TestBarcodeDecodes(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	for _, rev := range []int{1, 2} {
		o := testOrder(2, model.LangZH)
		o.CurrentRev = rev
		pdf, _, _ := confirmationPDF(t, o, testOptions(""))
		dir := t.TempDir()
		path := filepath.Join(dir, "c.pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		pngs, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
		if len(pngs) == 0 {
			t.Fatal("no page rendered")
		}
		out, err := exec.Command("zbarimg", "--quiet", "--raw", pngs[0]).Output()
		if err != nil {
			t.Fatalf("zbarimg found no barcode: %v", err)
		}
		if got, want := strings.TrimSpace(string(out)), fmt.Sprintf("SO-2026-00042/R%d", rev); got != want {
			t.Errorf("barcode decodes to %q, want %q", got, want)
		}
	}
}

// TestOnePageConfirmationIsSmall keeps the subset fonts honest: the whole
// faces are 7 MB each. The page's content is written uncompressed (about
// 9 KB a page, render.go), so the bound leaves room for a longer order
// than the test's without letting a whole font through.
func TestOnePageConfirmationIsSmall(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		pdf, d, _ := confirmationPDF(t, testOrder(5, lang), testOptions(lang))
		if len(d.pages) != 1 {
			t.Errorf("%s: %d pages, want 1", lang, len(d.pages))
		}
		if len(pdf) > 96<<10 {
			t.Errorf("%s: one-page confirmation is %d bytes, want under 96 KB", lang, len(pdf))
		}
		t.Logf("%s: %d bytes", lang, len(pdf))
	}
}

// TestFaxLegible checks no text is under 9 pt and every page fits its paper.
func TestFaxLegible(t *testing.T) {
	for _, c := range docCases {
		for _, paper := range []Paper{PaperA4, PaperLetter} {
			opt := testOptions("")
			opt.Paper, opt.Bilingual = paper, true
			_, d, _ := capture(t, c, testOrder(8, model.LangZH), opt)
			w, h := paper.size()
			for i, p := range d.pages {
				for _, op := range p {
					if op.kind == opText && op.st.size < minPt {
						t.Errorf("%s: %q at %.1f pt", c.name, op.text, op.st.size)
					}
					if op.kind == opText && (op.x < 0 || op.y > h || op.x+d.width(op.text, op.st) > w-5) {
						t.Errorf("%s %s page %d: %q runs off the paper", c.name, paper, i+1, op.text)
					}
				}
			}
		}
	}
	if lineWidth < 0.3 {
		t.Errorf("line width %.2f mm, want at least 0.3", lineWidth)
	}
}

func TestLetterPaper(t *testing.T) {
	opt := testOptions("")
	opt.Paper = PaperLetter
	pdf, _, _ := confirmationPDF(t, testOrder(2, model.LangZH), opt)
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("Letter paper: no 612 × 792 pt MediaBox")
	}
}

// TestNoPanicReachesTheCaller feeds bad values and expects errors, not panics.
func TestNoPanicReachesTheCaller(t *testing.T) {
	var b bytes.Buffer
	if _, err := Confirmation(&b, nil, testOptions("")); !errors.Is(err, errNoOrder) {
		t.Errorf("nil order: err = %v", err)
	}
	o := testOrder(1, model.LangZH)
	o.Lines[0].Product = nil
	o.Customer, o.Contact = nil, nil
	o.No = "SO-訂單" // not encodable in Code 128: printed without a barcode
	if _, err := Confirmation(&b, o, testOptions("")); err != nil {
		t.Errorf("sparse order: %v", err)
	}
	if _, err := ShipmentRequest(&b, testOrder(1, model.LangZH), nil, nil, testOptions("")); err == nil {
		t.Error("nil shipment request: no error")
	}
	if _, err := build(&b, "boom", testOptions(""), model.LangZH, func(d *doc) { panic("boom") }); err == nil ||
		!strings.Contains(err.Error(), "boom") {
		t.Errorf("panic in layout: err = %v", err)
	}
}

// TestBilingualLabels prints both languages of a label.
func TestBilingualLabels(t *testing.T) {
	opt := testOptions(model.LangZH)
	opt.Bilingual = true
	// One line: with both languages' labels and the tax lines, two lines
	// already take a second page.
	pdf, _, _ := confirmationPDF(t, testOrder(1, model.LangZH), opt)
	text := noSpace(pdfText(t, pdf))
	for _, want := range []string{"銷售部客戶訂單確認書SalesOrderConfirmation", "Page1of1"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not printed", want)
		}
	}
}

func TestLanguageFollowsCustomer(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		pdf, _, _ := confirmationPDF(t, testOrder(1, lang), testOptions(""))
		want := labels["title.confirmation"][0]
		if lang == model.LangEN {
			want = labels["title.confirmation"][1]
		}
		if !strings.Contains(noSpace(pdfText(t, pdf)), noSpace(want)) {
			t.Errorf("customer prefers %s: title %q not printed", lang, want)
		}
	}
}
