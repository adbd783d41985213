package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"orderdesk/internal/testkit"
	"orderdesk/model"
	"orderdesk/reports"
)

// The faxes are made here, from confirmations printed by reports and
// rasterised by pdftoppm (poppler-utils, installed on the desks' build
// machines and in CI), then damaged as a fax machine does.

// confirmationPDF prints the confirmation of order no at revision rev.
func confirmationPDF(t testing.TB, no string, rev int) []byte {
	t.Helper()
	issued := time.Date(2026, time.March, 9, 2, 0, 0, 0, time.UTC)
	p := &model.Product{Code: "P-80-1060", NameZH: "道林紙 80g", NameEN: "Woodfree 80g", Unit: "roll"}
	o := &model.Order{
		No: no, Currency: "TWD", CurrentRev: rev, ReceivedAt: issued, State: model.StateConfirmationSent,
		ConfirmedDate: model.NewDate(2026, time.March, 20),
		Customer: &model.Customer{Code: "C0042", NameZH: "大華紙業有限公司", NameEN: "Da Hua Paper Ltd.",
			Tier: model.TierB, Currency: "TWD", Fax: "04-2345-6790"},
	}
	for r := 1; r <= rev; r++ {
		o.Revisions = append(o.Revisions, model.ConfirmationRevision{Rev: r, PromisedDate: o.ConfirmedDate,
			Superseded: r < rev, Issued: model.Signature{By: "Lin Hui", At: &issued}})
	}
	l := model.OrderLine{LineNo: 1, Product: p, Qty: model.QtyOf(10), Unit: "roll", UnitPrice: model.MoneyOf(1000)}
	l.Amount = model.Amount(l.Qty, l.UnitPrice)
	o.Lines, o.Total = []model.OrderLine{l}, l.Amount
	var buf bytes.Buffer
	opt := reports.Options{Lang: "en", Company: reports.Company{NameEN: "Wan Kuo Colour Printing Co., Ltd."},
		Date: model.NewDate(2026, time.March, 9)}
	if _, err := reports.Confirmation(&buf, o, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rasterise turns a PDF's first page into a 1-bit image at rx×ry dpi.
func rasterise(t testing.TB, pdf []byte, rx, ry int) *image.Gray {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftoppm (poppler-utils) is missing")
		}
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "c.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-f", "1", "-l", "1", "-rx", fmt.Sprint(rx), "-ry", fmt.Sprint(ry),
		"-mono", "-singlefile", in, filepath.Join(dir, "p")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.pbm"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := readPBM(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// readPBM reads pdftoppm's binary PBM (P4).
func readPBM(f *os.File) (*image.Gray, error) {
	var w, h int
	if _, err := fmt.Fscanf(f, "P4\n%d %d\n", &w, &h); err != nil {
		return nil, err
	}
	stride := (w + 7) / 8
	raw := make([]byte, stride*h)
	if _, err := f.Read(raw); err != nil {
		return nil, err
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if raw[y*stride+x/8]&(0x80>>(x%8)) == 0 {
				img.Pix[y*img.Stride+x] = 255
			}
		}
	}
	return img, nil
}

// damage skews the page by deg degrees (in real space: the pixels of a
// 204×98 fax are twice as tall as wide), shifts it by shiftMM and adds
// speckle: what a fax machine's feed and line do to a page.
func damage(src *image.Gray, rx, ry int, deg, shiftMM float64, speckle float64, rng *rand.Rand) *image.Gray {
	b := src.Bounds()
	dst := image.NewGray(b)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(b.Dx())/2/float64(rx), float64(b.Dy())/2/float64(ry) // inches
	shift := shiftMM / 25.4
	for y := range b.Dy() {
		for x := range b.Dx() {
			// Where this pixel was on the page before the skew and shift.
			px, py := float64(x)/float64(rx)-cx-shift, float64(y)/float64(ry)-cy-shift
			sx, sy := (px*cos+py*sin+cx)*float64(rx), (-px*sin+py*cos+cy)*float64(ry)
			v := uint8(255)
			if ix, iy := int(sx), int(sy); ix >= 0 && iy >= 0 && ix < b.Dx() && iy < b.Dy() {
				v = src.Pix[iy*src.Stride+ix]
			}
			if rng.Float64() < speckle {
				v = 255 - v
			}
			dst.Pix[y*dst.Stride+x] = v
		}
	}
	return dst
}

func pngOf(t testing.TB, img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// imagePDF makes a scanner's image-only PDF: one page per image, each an
// A4 page filled by the image, embedded as PNG (Flate) or JPEG (DCT).
func imagePDF(t testing.TB, asJPEG bool, pages ...image.Image) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	for i, img := range pages {
		var data []byte
		tp := "PNG"
		if asJPEG {
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 75}); err != nil {
				t.Fatal(err)
			}
			data, tp = buf.Bytes(), "JPG"
		} else {
			data = pngOf(t, img)
		}
		name := fmt.Sprintf("page%d", i)
		f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(data))
		f.AddPage()
		f.ImageOptions(name, 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: tp}, 0, "")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fax is one damaged confirmation in the three kinds of file: TIFF with
// CCITT Group 4 as fax servers write it (testkit.EncodeG4: x/image reads
// G4 but cannot write it), an image-only PDF, and PNG.
type fax struct {
	want            Code
	rx, ry          int
	tiff, pdf, pngF []byte
	pdfJPEG         bool
}

func makeFax(t testing.TB, i int, rng *rand.Rand) fax {
	rx, ry := 204, 98
	if i%2 == 1 {
		ry = 196
	}
	want := Code{Order: fmt.Sprintf("SO-2026-%05d", 100+i*37), Rev: 1 + i%4}
	page := rasterise(t, confirmationPDF(t, want.Order, want.Rev), rx, ry)
	deg := (1 + rng.Float64()) * float64(1-2*(i%2)) // 1–2°, either way
	shift := 5.0
	if i%3 == 0 {
		shift = -5
	}
	d := damage(page, rx, ry, deg, shift, 0.003, rng)
	return fax{want: want, rx: rx, ry: ry, tiff: testkit.FaxTIFF(true, testkit.FaxPage{Img: d, RX: rx, RY: ry}), pngF: pngOf(t, d),
		pdfJPEG: i%4 == 3, pdf: imagePDF(t, i%4 == 3, d)}
}

func checkFaxes(t testing.TB, n int) (ok, total int) {
	rng := rand.New(rand.NewSource(19))
	for i := range n {
		fx := makeFax(t, i, rng)
		for _, kind := range []struct {
			name string
			data []byte
		}{{"TIFF G4", fx.tiff}, {"PDF", fx.pdf}, {"PNG", fx.pngF}} {
			total++
			pages, err := Pages(kind.data)
			if err != nil || len(pages) != 1 {
				t.Errorf("fax %d (%d×%d dpi) as %s: %d pages, %v", i, fx.rx, fx.ry, kind.name, len(pages), err)
				continue
			}
			got, err := Find(pages[0])
			if err != nil || got != fx.want {
				t.Errorf("fax %d (%d×%d dpi, jpeg-in-pdf %v) as %s: got %v, %v; want %v", i, fx.rx, fx.ry, fx.pdfJPEG, kind.name, got, err, fx.want)
				continue
			}
			ok++
		}
	}
	return ok, total
}

// TestFaxesDecode: confirmations faxed at 204×98 and 204×196 dpi, skewed,
// shifted and speckled, read back as TIFF G4, PDF and PNG. The normal run
// reads 8; without -short all 50 are read (the 50/50).
func TestFaxesDecode(t *testing.T) {
	n := 50
	if testing.Short() {
		n = 8
	}
	ok, total := checkFaxes(t, n)
	t.Logf("%d/%d files decoded to their order and revision (%d confirmations × TIFF G4, PDF, PNG)", ok, total, n)
}
