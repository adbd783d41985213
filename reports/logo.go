package reports

import (
	"bytes"
	"image"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG

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
	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if pdf.Err() {
		pdf.ClearError()
		return ""
	}
	return "logo"
}
