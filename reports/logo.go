package reports

import (
	"bytes"
	"image"
	_ "image/jpeg" // the logo may be a JPEG
	"image/png"    // or a PNG
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Logo sizes in the letterhead, mm: as tall as the company's name and the
// line under it (so the contact lines keep the page's width and a
// letterhead with a logo is no taller), never wider than a fifth of A4.
const (
	logoMaxH = 9.5
	logoMaxW = 40.0
)

// logoSize returns the logo's size on the page, its aspect kept (0, 0:
// no logo, or one that cannot be read).
func logoSize(data []byte) (w, h float64) {
	if len(data) == 0 {
		return 0, 0
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return 0, 0
	}
	h = logoMaxH
	w = h * float64(cfg.Width) / float64(cfg.Height)
	if w > logoMaxW {
		w, h = logoMaxW, logoMaxW*float64(cfg.Height)/float64(cfg.Width)
	}
	return w, h
}

// registerLogo adds the logo to pdf once and returns its name ("" for
// none, or one fpdf cannot embed: the document prints without it rather
// than not at all).
func registerLogo(pdf *fpdf.Fpdf, data []byte) string {
	if len(data) == 0 {
		return ""
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	typ := map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	if typ == "" {
		return ""
	}
	if typ == "PNG" {
		data = opaqueLogo(data)
	}
	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if pdf.Err() {
		pdf.ClearError()
		return ""
	}
	return "logo"
}

// lastLogo keeps opaqueLogo's answer for the office's logo, the same in
// every document.
var lastLogo struct {
	sync.Mutex
	in, out []byte
}

// opaqueLogo returns a PNG whose alpha channel is opaque everywhere without
// the channel, the same pixels as grey or RGB. fpdf splits a PNG with alpha
// into colour and mask and compresses both again in every document (for a
// 900×300 logo about 5 ms and 5 MB of garbage a document), while it copies
// an RGB or grey PNG's data as it is. A logo with real transparency, one
// that is not 8 bits a channel, or one that does not decode is returned as
// it is.
func opaqueLogo(data []byte) []byte {
	// The colour type, in the header (IHDR) after the signature: 4 is grey
	// with alpha, 6 RGB with alpha; byte 24 is the bits per channel.
	if len(data) < 26 || data[24] != 8 || (data[25] != 4 && data[25] != 6) {
		return data
	}
	lastLogo.Lock()
	defer lastLogo.Unlock()
	if lastLogo.in != nil && bytes.Equal(lastLogo.in, data) {
		return lastLogo.out
	}
	out := data
	if img, err := png.Decode(bytes.NewReader(data)); err == nil {
		if opaque := withoutAlpha(img, data[25] == 4); opaque != nil {
			var b bytes.Buffer
			if png.Encode(&b, opaque) == nil {
				out = b.Bytes()
			}
		}
	}
	lastLogo.in, lastLogo.out = bytes.Clone(data), out
	return out
}

// withoutAlpha returns img as grey or RGB when every pixel is opaque (nil
// otherwise). The decoder gives 8-bit PNGs with alpha as NRGBA.
func withoutAlpha(img image.Image, grey bool) image.Image {
	n, ok := img.(*image.NRGBA)
	if !ok || !n.Opaque() {
		return nil
	}
	if !grey {
		return n // png.Encode writes an opaque NRGBA as RGB
	}
	g := image.NewGray(n.Rect)
	for y := n.Rect.Min.Y; y < n.Rect.Max.Y; y++ {
		for x := n.Rect.Min.X; x < n.Rect.Max.X; x++ {
			g.Pix[g.PixOffset(x, y)] = n.Pix[n.PixOffset(x, y)]
		}
	}
	return g
}
