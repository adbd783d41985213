package testkit

import (
	"bytes"
	"image"
	"math/rand"
	"testing"

	"golang.org/x/image/ccitt"
	"golang.org/x/image/tiff"
)

// testPages are pages the encoder must get right: blank, all black, runs
// longer than 2560 (makeup codes), single pixels (vertical ±3 and pass
// modes), a width not a multiple of 8, and noise (horizontal mode).
func testPages() map[string]*image.Gray {
	pages := map[string]*image.Gray{}
	page := func(name string, w, h int, black func(x, y int) bool) {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				if !black(x, y) {
					g.Pix[y*g.Stride+x] = 255
				}
			}
		}
		pages[name] = g
	}
	rng := rand.New(rand.NewSource(4))
	page("blank", 1728, 20, func(x, y int) bool { return false })
	page("black", 3000, 5, func(x, y int) bool { return true })
	page("long runs", 5200, 4, func(x, y int) bool { return x > 2600+y })
	page("dots", 101, 60, func(x, y int) bool { return (x+y*3)%7 == 0 })
	page("diagonals", 333, 90, func(x, y int) bool { return (x+y)%11 < 3 || (x-y+400)%13 < 2 })
	page("noise", 517, 80, func(x, y int) bool { return rng.Intn(4) == 0 })
	page("first pixel black", 64, 8, func(x, y int) bool { return x == 0 || x == 63 })
	return pages
}

// TestEncodeG4RoundTrips: every page decodes back, pixel for pixel,
// through x/image's own CCITT decoder, and as a multi-page TIFF G4.
func TestEncodeG4RoundTrips(t *testing.T) {
	var fax []FaxPage
	for name, want := range testPages() {
		got := image.NewGray(want.Rect)
		if err := ccitt.DecodeIntoGray(got, bytes.NewReader(EncodeG4(want)), ccitt.MSB, ccitt.Group4, nil); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if diff := differ(want, got); diff >= 0 {
			t.Errorf("%s: pixel %d differs", name, diff)
		}
		fax = append(fax, FaxPage{Img: want, RX: 204, RY: 98})
	}
	// x/image/tiff reads the first page of the file.
	img, err := tiff.Decode(bytes.NewReader(FaxTIFF(true, fax...)))
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	for y := range g.Rect.Dy() {
		for x := range g.Rect.Dx() {
			r, _, _, _ := img.At(x, y).RGBA()
			g.Pix[y*g.Stride+x] = uint8(r >> 8)
		}
	}
	if diff := differ(fax[0].Img, g); diff >= 0 {
		t.Errorf("TIFF G4 first page: pixel %d differs", diff)
	}
}

// differ returns the first pixel whose black or white differs, or -1.
func differ(a, b *image.Gray) int {
	if a.Rect.Size() != b.Rect.Size() {
		return 0
	}
	for y := range a.Rect.Dy() {
		for x := range a.Rect.Dx() {
			if (a.Pix[y*a.Stride+x] < 128) != (b.Pix[y*b.Stride+x] < 128) {
				return y*a.Rect.Dx() + x
			}
		}
	}
	return -1
}
