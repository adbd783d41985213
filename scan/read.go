// Package scan reads the pages of a returned confirmation (a fax or a
// scan: PDF, TIFF including CCITT G3/G4, PNG, JPEG) and finds on each the
// Code 128 barcode that reports prints, SO-…/R<revision>. It opens no
// database and draws nothing: model decides what a page means.
package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg" // scanners' JPEG and the DCT images inside PDFs
	_ "image/png"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func init() {
	// pdfcpu would otherwise write a configuration folder into the
	// clerk's profile the first time it reads a PDF.
	api.DisableConfigDir()
}

// MaxFileSize keeps one huge file from filling a desk's memory.
const MaxFileSize = 64 << 20

// ErrNotScan is a file of a kind that holds no page image.
var ErrNotScan = errors.New("not a PDF, TIFF, PNG or JPEG file")

// Pages returns the page images of a file's bytes, in order. A PDF gives
// the images each page holds (a scanned page is one image; a page with
// several gives them all, page by page); a TIFF gives every page (a fax
// server writes a fax's pages into one file); PNG and JPEG give one page.
func Pages(data []byte) (pages []image.Image, err error) {
	defer func() {
		// A malformed file must never take the desk down with it.
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("unreadable file: %v", r)
		}
	}()
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return pdfPages(data)
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return tiffPages(data)
	case isImage(data):
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("unreadable image: %w", err)
		}
		return []image.Image{img}, nil
	}
	return nil, ErrNotScan
}

func isImage(b []byte) bool {
	for _, magic := range [][]byte{{0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, []byte("II*\x00"), []byte("MM\x00*")} {
		if bytes.HasPrefix(b, magic) {
			return true
		}
	}
	return false
}

// pdfPages extracts the embedded images of every page with pdfcpu. The
// usual scanner images are built here straight from their samples (a DCT
// image is a JPEG file as it is; Flate and CCITTFax samples, grey or RGB,
// become an image.Gray or RGBA): pdfcpu's own rendering re-encodes each
// page as an RGBA PNG, which cost a 3-page fax more than a second. Any
// other image (indexed colours, masks, 16-bit) goes through pdfcpu's.
func pdfPages(data []byte) ([]image.Image, error) {
	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	conf.Cmd = pdfmodel.EXTRACTIMAGES
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("unreadable PDF: %w", err)
	}
	var out []image.Image
	for page := 1; page <= ctx.PageCount; page++ {
		for _, objNr := range sorted(pdfcpu.ImageObjNrs(ctx, page)) {
			obj := ctx.Optimize.ImageObjects[objNr]
			if obj == nil || obj.ImageDict == nil {
				continue
			}
			img, err := pdfImage(ctx, obj.ImageDict, obj.ResourceNames[page-1], objNr)
			if err != nil {
				return nil, fmt.Errorf("PDF page %d: %w", page, err)
			}
			if img != nil {
				out = append(out, img)
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the PDF holds no page image (not a scan)")
	}
	return out, nil
}

// pdfImage decodes one image XObject; nil for a mask.
func pdfImage(ctx *pdfmodel.Context, sd *types.StreamDict, name string, objNr int) (image.Image, error) {
	if m := sd.BooleanEntry("ImageMask"); m != nil && *m {
		return nil, nil
	}
	last := ""
	if n := len(sd.FilterPipeline); n > 0 {
		last = sd.FilterPipeline[n-1].Name
	}
	if last == filter.DCT && len(sd.FilterPipeline) == 1 {
		img, err := jpeg.Decode(bytes.NewReader(sd.Raw))
		if err != nil {
			return nil, fmt.Errorf("JPEG image unreadable: %w", err)
		}
		return img, nil
	}
	if w, h, img := rawImage(ctx, sd, last); img != nil {
		if err := fill(sd, w, h, img); err == nil {
			return img, nil
		}
	}
	// Anything else: pdfcpu renders it as a PNG, JPEG or TIFF file.
	pi, err := pdfcpu.ExtractImage(ctx, sd, false, name, objNr, false)
	if err != nil || pi == nil || pi.Reader == nil {
		return nil, fmt.Errorf("image %s unreadable: %v", name, err)
	}
	raw, err := io.ReadAll(pi.Reader)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("image %s (%s) unreadable: %w", name, pi.FileType, err)
	}
	return img, nil
}

// rawImage returns an empty image of the XObject's size when its samples
// are ones fill can read: 1 or 8 bits of grey, or 8-bit RGB.
func rawImage(ctx *pdfmodel.Context, sd *types.StreamDict, last string) (int, int, image.Image) {
	switch last {
	case "", filter.Flate, filter.CCITTFax, filter.LZW, filter.RunLength:
	default:
		return 0, 0, nil
	}
	w, h, bpc := sd.IntEntry("Width"), sd.IntEntry("Height"), sd.IntEntry("BitsPerComponent")
	if w == nil || h == nil || *w <= 0 || *h <= 0 || *w > 20000 || *h > 20000 {
		return 0, 0, nil
	}
	comp := 1
	if last != filter.CCITTFax {
		c, err := pdfcpu.ColorSpaceComponents(ctx.XRefTable, sd)
		if err != nil || bpc == nil {
			return 0, 0, nil
		}
		if comp = c; !(comp == 1 && (*bpc == 1 || *bpc == 8)) && !(comp == 3 && *bpc == 8) {
			return 0, 0, nil
		}
		if cs := sd.NameEntry("ColorSpace"); cs == nil && comp == 1 && *bpc != 1 {
			return 0, 0, nil // indexed or another family: pdfcpu's way
		}
	}
	if comp == 3 {
		return *w, *h, image.NewRGBA(image.Rect(0, 0, *w, *h))
	}
	return *w, *h, image.NewGray(image.Rect(0, 0, *w, *h))
}

// fill decodes the stream's samples into img.
func fill(sd *types.StreamDict, w, h int, img image.Image) error {
	if sd.FilterPipeline == nil {
		sd.Content = sd.Raw
	} else if err := sd.Decode(); err != nil {
		return err
	}
	c := sd.Content
	switch img := img.(type) {
	case *image.RGBA:
		if len(c) < w*h*3 {
			return errors.New("short image data")
		}
		for i := range w * h {
			img.Pix[i*4], img.Pix[i*4+1], img.Pix[i*4+2], img.Pix[i*4+3] = c[i*3], c[i*3+1], c[i*3+2], 255
		}
	case *image.Gray:
		bpc := 1
		if b := sd.IntEntry("BitsPerComponent"); b != nil {
			bpc = *b
		}
		invert := false // a /Decode [1 0] array swaps black and white
		if d := sd.ArrayEntry("Decode"); len(d) >= 2 {
			if v, ok := d[0].(types.Integer); ok && v == 1 {
				invert = true
			}
		}
		if bpc == 8 {
			if len(c) < w*h {
				return errors.New("short image data")
			}
			copy(img.Pix, c[:w*h])
		} else {
			stride := (w + 7) / 8
			if len(c) < stride*h {
				return errors.New("short image data")
			}
			for y := range h {
				for x := range w {
					if c[y*stride+x/8]&(0x80>>(x%8)) != 0 {
						img.Pix[y*img.Stride+x] = 255
					}
				}
			}
		}
		if invert {
			for i := range img.Pix {
				img.Pix[i] = 255 - img.Pix[i]
			}
		}
	}
	return nil
}

func sorted(keys []int) []int {
	keys = append([]int(nil), keys...)
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
