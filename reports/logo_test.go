package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"orderdesk/model"
)

// testLogo returns a w×h image in the format given ("png" or "jpeg").
func testLogo(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x), 40, uint8(y), 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLetterheadPrintsTheLogo: every kind of document carries the office's
// logo at the letterhead's left, its aspect kept and within its box,
// without costing a page; with no logo none is embedded.
func TestLetterheadPrintsTheLogo(t *testing.T) {
	for _, format := range []string{"png", "jpeg"} {
		for _, k := range Kinds {
			o := testOrder(5, model.LangZH)
			o.Requests = []model.ShipmentRequest{*testRequest()}
			req := Request{Kind: k, Shipments: []model.Shipment{*testShipment()}, From: "林慧"}
			plain, _ := renderText(t, o, req, testOptions(model.LangZH))
			opt := testOptions(model.LangZH)
			opt.Logo = testLogo(t, format, 300, 100)
			d, _ := renderText(t, o, req, opt)
			var logos []op
			for _, page := range d.pages {
				for _, x := range page {
					if x.kind == opImage {
						logos = append(logos, x)
					}
				}
			}
			if len(logos) != len(d.pages) {
				t.Errorf("%s %s: %d logos on %d pages", format, k, len(logos), len(d.pages))
				continue
			}
			if l := logos[0]; l.x != d.left || l.h > logoMaxH || l.w > logoMaxW || l.w/l.h < 2.99 || l.w/l.h > 3.01 {
				t.Errorf("%s %s: logo at x %.1f, %.1f×%.1f mm (want at the left margin, 3:1 within %.0f×%.0f)", format, k, l.x, l.w, l.h, logoMaxW, logoMaxH)
			}
			// No taller a letterhead: the body starts and ends where it did.
			if len(d.pages) != len(plain.pages) || lastY(d.pages[0], d.bottom) != lastY(plain.pages[0], d.bottom) {
				t.Errorf("%s %s: %d pages with the logo, %d without; the first page's body ends at %.1f mm, %.1f without", format, k,
					len(d.pages), len(plain.pages), lastY(d.pages[0], d.bottom), lastY(plain.pages[0], d.bottom))
			}
			var b bytes.Buffer
			if _, err := Render(&b, o, req, opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
				t.Errorf("%s %s: no image in the PDF", format, k)
			}
		}
	}
	var b bytes.Buffer
	if _, err := Render(&b, testOrder(3, model.LangEN), Request{Kind: KindConfirmation}, testOptions(model.LangEN)); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
		t.Error("a document of an office without a logo embeds an image")
	}
}

// lastY is how far down a page's body reaches, mm (the footer left out).
func lastY(page []op, bottom float64) float64 {
	y := 0.0
	for _, o := range page {
		if o.kind == opText && o.y > y && o.y <= bottom {
			y = o.y
		}
	}
	return y
}
