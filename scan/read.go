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
	_ "image/jpeg" // scanners' JPEG and the DCT images inside PDFs
	_ "image/png"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	_ "golang.org/x/image/tiff" // fax servers' TIFF, CCITT G3/G4 included
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
// several gives them all, page by page); the other kinds give one page.
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

// pdfPages extracts the embedded images of every page with pdfcpu, which
// hands DCT images back as JPEG, and decodes Flate and CCITTFax images
// into PNG or TIFF: each decodes with the standard image packages.
func pdfPages(data []byte) ([]image.Image, error) {
	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	perPage, err := api.ExtractImagesRaw(bytes.NewReader(data), nil, conf)
	if err != nil {
		return nil, fmt.Errorf("unreadable PDF: %w", err)
	}
	var out []image.Image
	for _, imgs := range perPage {
		for _, objNr := range sortedKeys(imgs) {
			pi := imgs[objNr]
			if pi.Reader == nil || pi.IsImgMask {
				continue
			}
			raw, err := io.ReadAll(pi.Reader)
			if err != nil {
				return nil, err
			}
			img, _, err := image.Decode(bytes.NewReader(raw))
			if err != nil {
				return nil, fmt.Errorf("PDF page %d: image %s (%s) unreadable: %w", pi.PageNr, pi.Name, pi.FileType, err)
			}
			out = append(out, img)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the PDF holds no page image (not a scan)")
	}
	return out, nil
}

func sortedKeys(m map[int]pdfmodel.Image) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
