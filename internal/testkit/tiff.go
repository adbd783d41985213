package testkit

import (
	"bytes"
	"encoding/binary"
	"image"
)

// FaxPage is one page of a fax TIFF and its resolution in dots per inch
// (a fax: 204×98 or 204×196).
type FaxPage struct {
	Img    *image.Gray
	RX, RY int
}

// FaxTIFF writes pages as one TIFF, every page an image file directory of
// its own as a fax server writes them: 1-bit, WhiteIsZero, compressed with
// CCITT Group 4 when g4, else uncompressed.
func FaxTIFF(g4 bool, pages ...FaxPage) []byte {
	le := binary.LittleEndian
	var buf bytes.Buffer
	buf.WriteString("II*\x00")
	next := 4 // where the offset of the next IFD is to be written
	buf.Write(make([]byte, 4))
	for _, p := range pages {
		data, compression := bitsOf(p.Img), uint32(1)
		if g4 {
			data, compression = EncodeG4(p.Img), 4
		}
		strip := buf.Len()
		buf.Write(data)
		pad(&buf)
		rational := buf.Len()
		for _, r := range []int{p.RX, p.RY} {
			binary.Write(&buf, le, uint32(r))
			binary.Write(&buf, le, uint32(1))
		}
		ifd := buf.Len()
		le.PutUint32(buf.Bytes()[next:], uint32(ifd))
		w, h := p.Img.Rect.Dx(), p.Img.Rect.Dy()
		tags := []struct {
			id, typ uint16
			val     uint32
		}{
			{256, 4, uint32(w)}, {257, 4, uint32(h)}, {258, 3, 1}, {259, 3, compression}, {262, 3, 0},
			{273, 4, uint32(strip)}, {277, 3, 1}, {278, 4, uint32(h)}, {279, 4, uint32(len(data))},
			{282, 5, uint32(rational)}, {283, 5, uint32(rational + 8)}, {296, 3, 2},
		}
		binary.Write(&buf, le, uint16(len(tags)))
		for _, tg := range tags {
			binary.Write(&buf, le, tg.id)
			binary.Write(&buf, le, tg.typ)
			binary.Write(&buf, le, uint32(1))
			if tg.typ == 3 {
				binary.Write(&buf, le, uint16(tg.val))
				binary.Write(&buf, le, uint16(0))
			} else {
				binary.Write(&buf, le, tg.val)
			}
		}
		next = buf.Len()
		buf.Write(make([]byte, 4)) // no next IFD, unless another page follows
	}
	return buf.Bytes()
}

// bitsOf packs a page 1 bit a pixel, rows byte-aligned, 1 black.
func bitsOf(img *image.Gray) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	stride := (w + 7) / 8
	data := make([]byte, stride*h)
	for y := range h {
		for x := range w {
			if img.Pix[y*img.Stride+x] < 128 {
				data[y*stride+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	return data
}

// pad keeps the next offset on a word boundary, as TIFF asks.
func pad(buf *bytes.Buffer) {
	if buf.Len()%2 == 1 {
		buf.WriteByte(0)
	}
}
