package scan

import (
	"context"
	"errors"
	"image"
	"image/draw"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"

	"orderdesk/internal/testkit"
	"orderdesk/model"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in   string
		want Code
		ok   bool
	}{
		{"SO-2026-00042/R2", Code{"SO-2026-00042", 2}, true},
		{"SO-2026-00042/R12", Code{"SO-2026-00042", 12}, true},
		{"SO-2026-00042/R0", Code{}, false},
		{"SO-2026-00042", Code{}, false},
		{"INV 7781", Code{}, false},
		{"/R2", Code{}, false},
	}
	for _, tt := range tests {
		got, err := ParseCode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseCode(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestPagesKinds: CCITT G3 and G4 fax TIFFs decode (x/image/tiff);
// files that are no scan are refused with a reason.
func TestPagesKinds(t *testing.T) {
	for _, name := range []string{"bw-gopher_ccittGroup3.tiff", "bw-gopher_ccittGroup4.tiff"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Pages(data)
		if err != nil || len(pages) != 1 || pages[0].Bounds().Dx() == 0 {
			t.Errorf("%s: %d pages, %v", name, len(pages), err)
		}
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"text", []byte("hello")},
		{"broken PNG", []byte("\x89PNG\r\n\x1a\nbroken")},
		{"broken PDF", []byte("%PDF-1.4\nnothing here")},
		{"text-only PDF", confirmationPDF(t, "SO-2026-00001", 1)},
	} {
		if pages, err := Pages(tt.data); err == nil {
			t.Errorf("%s: %d pages and no error", tt.name, len(pages))
		}
	}
}

// TestFindRefuses: a blank page, another company's barcode and a rotated
// page of ours.
func TestFindRefuses(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 1700, 1100))
	draw.Draw(blank, blank.Bounds(), image.White, image.Point{}, draw.Src)
	if _, err := Find(blank); !errors.Is(err, ErrNoBarcode) {
		t.Errorf("blank page: %v, want ErrNoBarcode", err)
	}
	other := codePage(t, "INV-7781 ACME")
	if c, err := Find(other); err == nil || errors.Is(err, ErrNoBarcode) {
		t.Errorf("another company's barcode: %v, %v; want a refusal naming it", c, err)
	}
	ours := codePage(t, "SO-2026-00042/R3")
	if c, err := Find(rotate180(ours)); err != nil || c != (Code{"SO-2026-00042", 3}) {
		t.Errorf("upside-down page: %v, %v", c, err)
	}
}

// codePage draws text as Code 128 on an otherwise white page.
func codePage(t *testing.T, text string) image.Image {
	bm, err := oned.NewCode128Writer().Encode(text, gozxing.BarcodeFormat_CODE_128, 400, 60, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := image.NewGray(image.Rect(0, 0, 1200, 800))
	draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(page, image.Rect(700, 100, 700+bm.GetWidth(), 160), bm, image.Point{}, draw.Src)
	return page
}

// TestPagesMultiPageTIFF: a fax server writes every page of a fax into one
// TIFF; every page is read, G4 or uncompressed, and the file is imported
// as one document of three pages.
func TestPagesMultiPageTIFF(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 1200, 800))
	draw.Draw(blank, blank.Bounds(), image.White, image.Point{}, draw.Src)
	ours := codePage(t, "SO-2026-00042/R3").(*image.Gray)
	pages := []testkit.FaxPage{{Img: blank, RX: 204, RY: 196}, {Img: ours, RX: 204, RY: 196}, {Img: ours, RX: 204, RY: 196}}
	for _, g4 := range []bool{true, false} {
		data := testkit.FaxTIFF(g4, pages...)
		codes, err := Decode(data)
		if err != nil || len(codes) != 3 {
			t.Fatalf("G4 %v: %d pages, %v; want 3", g4, len(codes), err)
		}
		if codes[0].Err == nil || codes[1].Order != "SO-2026-00042" || codes[2].Rev != 3 {
			t.Errorf("G4 %v: pages read as %+v", g4, codes)
		}
	}
	s, err := model.Open(context.Background(), filepath.Join(t.TempDir(), "office.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportScan(context.Background(), model.System, model.ScanFile{Name: "fax.tif", Data: testkit.FaxTIFF(true, pages...), Arrived: time.Now()}, Decode); err != nil {
		t.Fatal(err)
	}
	un, err := s.UnmatchedScans(context.Background())
	if err != nil || len(un) != 1 || un[0].Pages != 3 || un[0].Codes != "1: —; 2: SO-2026-00042/R3; 3: SO-2026-00042/R3" {
		t.Errorf("one document of 3 pages expected: %+v %v", un, err)
	}
}

// TestThumbnail: the first page of a TIFF G4 fax, of a PDF and of a PNG,
// shrunk to 120 pixels wide with the page's aspect; a file that is no
// scan is refused.
func TestThumbnail(t *testing.T) {
	first := codePage(t, "SO-2026-00042/R3").(*image.Gray) // 1200×800
	blank := image.NewGray(image.Rect(0, 0, 600, 1600))
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"TIFF G4, 2 pages", testkit.FaxTIFF(true, testkit.FaxPage{Img: first, RX: 204, RY: 196}, testkit.FaxPage{Img: blank, RX: 204, RY: 196})},
		{"PDF", imagePDF(t, false, first, blank)},
		{"PNG", pngOf(t, first)},
	} {
		img, err := Thumbnail(tt.data, 120)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if img.Rect.Dx() != 120 || img.Rect.Dy() != 80 {
			t.Errorf("%s: %v, want 120×80 (the first page's aspect)", tt.name, img.Rect)
		}
		// The barcode's bars average to grey (at 700–1100, 100–160 on the page); the rest is white.
		if img.GrayAt(85, 13).Y > 200 || img.GrayAt(20, 60).Y < 250 {
			t.Errorf("%s: the barcode at (85,13) is %d, the blank at (20,60) %d", tt.name, img.GrayAt(85, 13).Y, img.GrayAt(20, 60).Y)
		}
	}
	if _, err := Thumbnail([]byte("hello"), 120); err == nil {
		t.Error("a text file made a thumbnail")
	}
}
