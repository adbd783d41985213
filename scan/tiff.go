package scan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"

	"golang.org/x/image/tiff"
)

// maxTIFFPages bounds the pages read from one TIFF: a fax of a
// confirmation is a few pages, and a damaged file's chain of pages must
// not loop or run on.
const maxTIFFPages = 200

// tiffPages decodes every page of a TIFF: a fax server writes all the
// pages of one fax into one file, and x/image/tiff reads only the first.
// Each page is its own image file directory (IFD), chained by offsets
// from the header; offsets in a TIFF are from the start of the file, so
// page n is read as the same bytes with the header pointing at its IFD.
func tiffPages(data []byte) ([]image.Image, error) {
	offsets, err := tiffIFDs(data)
	if err != nil {
		return nil, err
	}
	pages := make([]image.Image, 0, len(offsets))
	for i, off := range offsets {
		img, err := tiff.Decode(&headerAt{data: data, ifd: off})
		if err != nil {
			return nil, fmt.Errorf("unreadable TIFF page %d: %w", i+1, err)
		}
		pages = append(pages, img)
	}
	return pages, nil
}

// tiffIFDs returns the offsets of the file's pages' IFDs, in order.
func tiffIFDs(data []byte) ([]uint32, error) {
	if len(data) < 8 {
		return nil, errors.New("unreadable TIFF: too short")
	}
	var order binary.ByteOrder = binary.LittleEndian
	if data[0] == 'M' {
		order = binary.BigEndian
	}
	var out []uint32
	seen := map[uint32]bool{}
	for off := order.Uint32(data[4:8]); off != 0; {
		if seen[off] || len(out) == maxTIFFPages {
			break // a loop in a damaged file, or too many pages: keep what was read
		}
		if int64(off)+2 > int64(len(data)) {
			if len(out) == 0 {
				return nil, errors.New("unreadable TIFF: its first page is outside the file")
			}
			break
		}
		seen[off] = true
		out = append(out, off)
		next := int64(off) + 2 + int64(order.Uint16(data[off:]))*12
		if next+4 > int64(len(data)) {
			break
		}
		off = order.Uint32(data[next:])
	}
	return out, nil
}

// headerAt is the TIFF file with its header's first-IFD offset set to ifd.
type headerAt struct {
	data []byte
	ifd  uint32
}

func (h *headerAt) Read([]byte) (int, error) { return 0, errors.New("headerAt is read with ReadAt") }

// ReadAt reads the file's bytes, the header's offset replaced.
func (h *headerAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(h.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.data[off:])
	var head [4]byte
	if bytes.HasPrefix(h.data, []byte("MM")) {
		binary.BigEndian.PutUint32(head[:], h.ifd)
	} else {
		binary.LittleEndian.PutUint32(head[:], h.ifd)
	}
	for at := max(off, 4); at < min(off+int64(n), 8); at++ {
		p[at-off] = head[at-4]
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
