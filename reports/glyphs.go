package reports

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"

	"orderdesk/assets"
)

// face is a TrueType font parsed once per process: its cmap (to know which
// runes it can print), its advance widths (to measure text without fpdf)
// and its glyph outlines (to cut a per-document subset, see subset.go).
type face struct {
	data       []byte
	tables     map[string][]byte
	unitsPerEm int
	numGlyphs  int
	advances   []uint16 // per glyph id
	lsbs       []int16  // per glyph id
	bmp        []uint16 // glyph id per BMP rune (0: missing)
	supp       map[rune]uint16
	loca       []uint32 // numGlyphs+1 offsets into glyf
	glyf       []byte
}

var (
	facesOnce sync.Once
	faceReg   *face
	faceBold  *face
	facesErr  error
)

// faces returns the regular and bold faces, parsing the embedded fonts on
// first use only: the parse is the "cold" cost of the first document.
func faces() (reg, bold *face, err error) {
	facesOnce.Do(func() {
		faceReg, facesErr = parseFace(assets.FontRegular)
		if facesErr == nil {
			faceBold, facesErr = parseFace(assets.FontBold)
		}
		if facesErr != nil {
			facesErr = fmt.Errorf("reports: parse embedded font: %w", facesErr)
		}
	})
	return faceReg, faceBold, facesErr
}

var errFont = errors.New("malformed TrueType font")

// parseFace reads the tables reports needs from a TrueType (glyf) font.
// CFF-flavoured OpenType and collections are refused: fpdf embeds only TTF.
func parseFace(data []byte) (*face, error) {
	if len(data) < 12 {
		return nil, errFont
	}
	if v := binary.BigEndian.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("not a TrueType font (version %#x)", v)
	}
	f := &face{data: data, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errFont
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		ln := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("table %q out of bounds", tag)
		}
		f.tables[tag] = data[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "OS/2", "post", "name"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("no %q table", t)
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errFont
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	if f.unitsPerEm == 0 || f.numGlyphs == 0 {
		return nil, errFont
	}
	if err := f.parseMetrics(int(binary.BigEndian.Uint16(hhea[34:]))); err != nil {
		return nil, err
	}
	if err := f.parseLoca(binary.BigEndian.Uint16(head[50:]) == 1); err != nil {
		return nil, err
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *face) parseMetrics(numH int) error {
	hmtx := f.tables["hmtx"]
	if numH == 0 || numH > f.numGlyphs || len(hmtx) < 4*numH+2*(f.numGlyphs-numH) {
		return errors.New("bad hmtx")
	}
	f.advances = make([]uint16, f.numGlyphs)
	f.lsbs = make([]int16, f.numGlyphs)
	for g := 0; g < f.numGlyphs; g++ {
		if g < numH {
			f.advances[g] = binary.BigEndian.Uint16(hmtx[4*g:])
			f.lsbs[g] = int16(binary.BigEndian.Uint16(hmtx[4*g+2:]))
		} else {
			f.advances[g] = f.advances[numH-1]
			f.lsbs[g] = int16(binary.BigEndian.Uint16(hmtx[4*numH+2*(g-numH):]))
		}
	}
	return nil
}

func (f *face) parseLoca(long bool) error {
	loca := f.tables["loca"]
	f.glyf = f.tables["glyf"]
	f.loca = make([]uint32, f.numGlyphs+1)
	for i := range f.loca {
		if long {
			if 4*i+4 > len(loca) {
				return errors.New("bad loca")
			}
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			if 2*i+2 > len(loca) {
				return errors.New("bad loca")
			}
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if int(f.loca[i]) > len(f.glyf) || i > 0 && f.loca[i] < f.loca[i-1] {
			return errors.New("bad loca")
		}
	}
	return nil
}

// parseCmap reads the Unicode mapping: the full-repertoire format 12
// subtable when the font has one (runes above U+FFFF), else format 4.
func (f *face) parseCmap() error {
	cmap := f.tables["cmap"]
	if len(cmap) < 4 {
		return errors.New("bad cmap")
	}
	var fmt4, fmt12 []byte
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch format := binary.BigEndian.Uint16(sub); {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			fmt12 = sub
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			fmt4 = sub
		}
	}
	f.bmp = make([]uint16, 0x10000)
	f.supp = map[rune]uint16{}
	switch {
	case fmt12 != nil:
		return f.readFormat12(fmt12)
	case fmt4 != nil:
		return f.readFormat4(fmt4)
	}
	return errors.New("no Unicode cmap")
}

func (f *face) set(r rune, g uint32) {
	if g == 0 || g >= uint32(f.numGlyphs) || r < 0 || r > 0x10FFFF {
		return
	}
	if r < 0x10000 {
		f.bmp[r] = uint16(g)
	} else {
		f.supp[r] = uint16(g)
	}
}

func (f *face) readFormat12(t []byte) error {
	if len(t) < 16 {
		return errors.New("bad cmap format 12")
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if 16+12*n > len(t) {
		return errors.New("bad cmap format 12")
	}
	for i := 0; i < n; i++ {
		g := t[16+12*i:]
		start, end, gid := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
		if end > 0x10FFFF || end < start {
			continue
		}
		for c := start; c <= end; c++ {
			f.set(rune(c), gid+(c-start))
		}
	}
	return nil
}

func (f *face) readFormat4(t []byte) error {
	if len(t) < 14 {
		return errors.New("bad cmap format 4")
	}
	segX2 := int(binary.BigEndian.Uint16(t[6:]))
	if 16+4*segX2 > len(t) {
		return errors.New("bad cmap format 4")
	}
	ends, starts := t[14:], t[16+segX2:]
	deltas, ranges := t[16+2*segX2:], t[16+3*segX2:]
	for s := 0; s < segX2/2; s++ {
		end, start := int(binary.BigEndian.Uint16(ends[2*s:])), int(binary.BigEndian.Uint16(starts[2*s:]))
		delta := binary.BigEndian.Uint16(deltas[2*s:])
		ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			var g uint16
			if ro == 0 {
				g = uint16(c) + delta
			} else {
				at := 16 + 3*segX2 + 2*s + ro + 2*(c-start)
				if at+2 > len(t) {
					continue
				}
				if g = binary.BigEndian.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			f.set(rune(c), uint32(g))
		}
	}
	return nil
}

// gid returns the glyph for r, 0 when the font lacks it.
func (f *face) gid(r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		return f.bmp[r]
	}
	return f.supp[r]
}

// units returns r's advance in fpdf's thousandths of an em, rounded the way
// fpdf rounds its own width table, so our measures match its layout.
func (f *face) units(r rune) int {
	g := f.gid(r)
	return int(float64(f.advances[g])*1000/float64(f.unitsPerEm) + 0.5)
}

// printable reports whether fpdf can print r with both faces. Runes above
// U+FFFF never are: fpdf writes text as 16-bit CIDs.
func printable(reg, bold *face, r rune) bool {
	if r < 0x20 || r > 0xFFFF || r == 0x7F || r >= 0xD800 && r <= 0xDFFF {
		return false
	}
	if r == ' ' {
		return true
	}
	return reg.gid(r) != 0 && bold.gid(r) != 0 && reg.advances[reg.gid(r)] > 0
}

// Unprintable returns the runes of s the documents' font cannot print, each
// once, in the order they come (nil when the font cannot be read: the
// document itself says so when printed). A desk warns with it when a text
// is saved, not only when a document replaces the rune with a mark.
func Unprintable(s string) []rune {
	reg, bold, err := faces()
	if err != nil {
		return nil
	}
	var out []rune
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || printable(reg, bold, r) || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}
