package reports

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
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

// alphaPNG writes a w×h PNG with an alpha channel (colour type 6, or 4:
// grey), as image editors do for opaque logos too (Go's encoder drops an
// opaque image's alpha); alpha(x, y) gives each pixel's.
func alphaPNG(t testing.TB, w, h int, grey bool, alpha func(x, y int) byte) []byte {
	t.Helper()
	var raw bytes.Buffer
	for y := 0; y < h; y++ {
		raw.WriteByte(0) // no filter
		for x := 0; x < w; x++ {
			if grey {
				raw.Write([]byte{byte(x + y), alpha(x, y)})
			} else {
				raw.Write([]byte{byte(x), 40, byte(y), alpha(x, y)})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	out := []byte("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		start := len(out)
		out = append(append(out, typ...), data...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ct := byte(6)
	if grey {
		ct = 4
	}
	chunk("IHDR", append(ihdr, 8, ct, 0, 0, 0))
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out
}

// TestOpaqueAlphaLogoPrintsWithoutMask: a PNG logo with an alpha channel
// that is opaque everywhere is embedded without a soft mask (fpdf would
// split and compress it again in every document), its pixels unchanged; a
// logo with real transparency keeps its mask.
func TestOpaqueAlphaLogoPrintsWithoutMask(t *testing.T) {
	opaque := func(x, y int) byte { return 255 }
	holes := func(x, y int) byte { return byte(255 * ((x + y) % 2)) }
	for _, c := range []struct {
		name     string
		logo     []byte
		wantMask bool
	}{
		{"RGBA opaque", alphaPNG(t, 90, 30, false, opaque), false},
		{"grey+alpha opaque", alphaPNG(t, 90, 30, true, opaque), false},
		{"RGBA transparent", alphaPNG(t, 90, 30, false, holes), true},
		{"grey+alpha transparent", alphaPNG(t, 90, 30, true, holes), true},
	} {
		orig, err := png.Decode(bytes.NewReader(c.logo))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for range 2 { // the second document takes the kept answer
			opt := testOptions(model.LangZH)
			opt.Logo = c.logo
			var b bytes.Buffer
			if _, err := Confirmation(&b, testOrder(2, model.LangZH), opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
				t.Errorf("%s: no image in the PDF", c.name)
			}
			if got := bytes.Contains(b.Bytes(), []byte("/SMask")); got != c.wantMask {
				t.Errorf("%s: soft mask %v, want %v", c.name, got, c.wantMask)
			}
		}
		got, err := png.Decode(bytes.NewReader(opaqueLogo(c.logo)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for y := 0; y < 30; y++ {
			for x := 0; x < 90; x++ {
				if a, b := color.NRGBAModel.Convert(orig.At(x, y)), color.NRGBAModel.Convert(got.At(x, y)); a != b {
					t.Fatalf("%s: pixel (%d, %d) is %v, was %v", c.name, x, y, b, a)
				}
			}
		}
	}
}
