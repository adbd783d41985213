package scan

import (
	"bytes"
	"fmt"
	"image"

	"golang.org/x/image/tiff"
)

// Thumbnail returns the first page of a returned file, width pixels wide
// and grey: what the order shows beside its sign-back gate. Each pixel is
// the mean of the page's pixels under it, so a fax's thin lines and its
// signature stay visible where sampling would drop them.
func Thumbnail(data []byte, width int) (img *image.Gray, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("unreadable file: %v", r)
		}
	}()
	var page image.Image
	if bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")) {
		// The first page alone: a long fax's others are not needed.
		if page, err = tiff.Decode(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("unreadable TIFF: %w", err)
		}
	} else {
		pages, err := Pages(data)
		if err != nil {
			return nil, err
		}
		page = pages[0]
	}
	return shrink(toGray(page), width), nil
}

// shrink scales g to width pixels wide, keeping its aspect, by averaging
// the boxes of pixels each new pixel covers (a page is never enlarged).
func shrink(g *image.Gray, width int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if w == 0 || h == 0 || width <= 0 || width >= w {
		return g
	}
	height := max(h*width/w, 1)
	out := image.NewGray(image.Rect(0, 0, width, height))
	for ty := range height {
		y0, y1 := ty*h/height, max((ty+1)*h/height, ty*h/height+1)
		for tx := range width {
			x0, x1 := tx*w/width, max((tx+1)*w/width, tx*w/width+1)
			sum := 0
			for y := y0; y < y1; y++ {
				row := g.Pix[y*g.Stride:]
				for x := x0; x < x1; x++ {
					sum += int(row[x])
				}
			}
			out.Pix[ty*out.Stride+tx] = uint8(sum / ((y1 - y0) * (x1 - x0)))
		}
	}
	return out
}
