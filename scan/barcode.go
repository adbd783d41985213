package scan

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"regexp"
	"strconv"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"
)

// Code is what a page's barcode says: the order and the revision printed.
type Code struct {
	Order string
	Rev   int
}

func (c Code) String() string { return fmt.Sprintf("%s/R%d", c.Order, c.Rev) }

// ErrNoBarcode is a page on which no OrderDesk barcode was found (a blank
// page, another company's document, a page too damaged to read).
var ErrNoBarcode = errors.New("no OrderDesk barcode found on the page")

// codeText is the text reports prints in the barcode: order number, /R, revision.
var codeText = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9-]*)/R([1-9][0-9]{0,3})$`)

// ParseCode reads a barcode's text.
func ParseCode(s string) (Code, error) {
	m := codeText.FindStringSubmatch(s)
	if m == nil {
		return Code{}, fmt.Errorf("barcode %q is not an OrderDesk confirmation's", s)
	}
	rev, _ := strconv.Atoi(m[2])
	return Code{Order: m[1], Rev: rev}, nil
}

// Find decodes the page's barcode. It tries the page as it is, then turned
// 180° (a page fed upside down), then a binarised copy stretched ×2
// vertically and horizontally: a 204×98 dpi fax has pixels twice as tall
// as wide, and its thin bars blur into each other at the scanned size.
func Find(page image.Image) (Code, error) {
	var last error = ErrNoBarcode
	for _, try := range []func(image.Image) image.Image{
		func(i image.Image) image.Image { return i },
		rotate180,
		func(i image.Image) image.Image { return stretch(i, 2, 2) },
	} {
		text, err := decode128(try(page))
		if err != nil {
			continue
		}
		c, err := ParseCode(text)
		if err != nil {
			last = err // a barcode, but not ours: say so rather than "none"
			continue
		}
		return c, nil
	}
	return Code{}, last
}

func decode128(img image.Image) (string, error) {
	// A grey page is handed over as its Y plane: gozxing's own conversion
	// reads every pixel through At, a third of a page's time.
	g := toGray(img)
	src, err := gozxing.NewPlanarYUVLuminanceSource(g.Pix, g.Stride, g.Rect.Dy(), 0, 0, g.Rect.Dx(), g.Rect.Dy(), false)
	if err != nil {
		return "", err
	}
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(src))
	if err != nil {
		return "", err
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := oned.NewCode128Reader().Decode(bmp, hints)
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// toGray returns img as an image.Gray whose pixels start at (0, 0).
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Rect, img, b.Min, draw.Src)
	return g
}

func rotate180(src image.Image) image.Image {
	b := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			dst.SetGray(b.Max.X-1-x, b.Max.Y-1-y, color.GrayModel.Convert(src.At(x, y)).(color.Gray))
		}
	}
	return dst
}

// stretch scales src by whole factors (nearest neighbour) and thresholds
// it at the mean grey, so speckle and fax grey levels become clean bars.
func stretch(src image.Image, fx, fy int) image.Image {
	b := src.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	sum := 0
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			v := color.GrayModel.Convert(src.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
			g.Pix[y*g.Stride+x] = v
			sum += int(v)
		}
	}
	n := max(b.Dx()*b.Dy(), 1)
	threshold := uint8(sum / n * 9 / 10)
	dst := image.NewGray(image.Rect(0, 0, b.Dx()*fx, b.Dy()*fy))
	for y := 0; y < dst.Rect.Dy(); y++ {
		row := g.Pix[(y/fy)*g.Stride:]
		out := dst.Pix[y*dst.Stride:]
		for x := 0; x < dst.Rect.Dx(); x++ {
			if row[x/fx] >= threshold {
				out[x] = 255
			}
		}
	}
	return dst
}
