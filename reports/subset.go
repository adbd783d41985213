package reports

import (
	"encoding/binary"
	"errors"
	"slices"
)

// subset returns a small TrueType font holding only the glyphs for runes
// (plus .notdef and the components of composite glyphs), with glyph ids
// renumbered from 0. fpdf parses and subsets whatever font it is given on
// every document; handing it ~100 glyphs instead of the 7 MB Noto Sans TC
// is what keeps a warm one-page document in a few milliseconds.
func (f *face) subset(runes []rune) ([]byte, error) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)

	newID := map[uint16]uint16{0: 0}
	order := []uint16{0}
	add := func(g uint16) {
		if _, ok := newID[g]; !ok {
			newID[g] = uint16(len(order))
			order = append(order, g)
		}
	}
	var mapped []rune
	for _, r := range runes {
		if g := f.gid(r); g != 0 && r < 0xFFFF {
			add(g)
			mapped = append(mapped, r)
		}
	}
	// Components of composite glyphs join the list as it grows.
	for i := 0; i < len(order); i++ {
		comps, err := f.components(order[i])
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			add(c)
		}
	}
	if len(order) > 0xFFFE {
		return nil, errors.New("subset: too many glyphs")
	}

	// One allocation for the glyphs: every document makes this garbage,
	// and the collector's pace is what a warm document waits on.
	size := 0
	for _, g := range order {
		size += pad4(int(f.loca[g+1] - f.loca[g]))
	}
	glyf := make([]byte, size)
	loca := make([]byte, 4*(len(order)+1))
	hmtx := make([]byte, 4*len(order))
	at := 0
	for i, g := range order {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(at))
		n := copy(glyf[at:], f.glyf[f.loca[g]:f.loca[g+1]])
		if err := remapComposite(glyf[at:at+n], newID); err != nil {
			return nil, err
		}
		at += pad4(n)
		binary.BigEndian.PutUint16(hmtx[4*i:], f.advances[g])
		binary.BigEndian.PutUint16(hmtx[4*i+2:], uint16(f.lsbs[g]))
	}
	binary.BigEndian.PutUint32(loca[4*len(order):], uint32(at))

	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment: not needed by PDF readers
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := slices.Clone(f.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(order)))
	maxp := slices.Clone(f.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(order)))
	post := slices.Clone(f.tables["post"][:32])
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names

	tables := map[string][]byte{
		"OS/2": f.tables["OS/2"], "cmap": cmapFormat4(mapped, func(r rune) uint16 { return newID[f.gid(r)] }),
		"glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx, "loca": loca, "maxp": maxp,
		"name": f.tables["name"], "post": post,
	}
	for _, t := range []string{"gasp", "prep", "cvt ", "fpgm"} {
		if b := f.tables[t]; b != nil {
			tables[t] = b
		}
	}
	return writeSFNT(tables), nil
}

// Composite glyph flags (TrueType glyf specification).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComps     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compositeHead = 10
)

// components lists the glyphs a composite glyph is built from.
func (f *face) components(g uint16) ([]uint16, error) {
	data := f.glyf[f.loca[g]:f.loca[g+1]]
	var out []uint16
	err := walkComposite(data, func(at int) { out = append(out, binary.BigEndian.Uint16(data[at:])) })
	return out, err
}

// remapComposite renumbers the component glyph ids of a composite glyph in place.
func remapComposite(data []byte, newID map[uint16]uint16) error {
	return walkComposite(data, func(at int) {
		binary.BigEndian.PutUint16(data[at:], newID[binary.BigEndian.Uint16(data[at:])])
	})
}

// walkComposite calls fn with the offset of each component's glyph id; a
// simple glyph (or an empty one) has none.
func walkComposite(data []byte, fn func(at int)) error {
	if len(data) < compositeHead || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	for at := compositeHead; ; {
		if at+4 > len(data) {
			return errors.New("subset: truncated composite glyph")
		}
		flags := binary.BigEndian.Uint16(data[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// cmapFormat4 builds a cmap with one (3,1) format 4 subtable: one segment
// per rune is plenty for a few hundred runes and keeps the code obvious.
func cmapFormat4(runes []rune, gid func(rune) uint16) []byte {
	seg := len(runes) + 1 // + the final 0xFFFF segment
	sub := make([]byte, 16+8*seg)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*seg))
	p := 1
	for p*2 <= seg {
		p *= 2
	}
	be.PutUint16(sub[8:], uint16(2*p))
	be.PutUint16(sub[10:], uint16(bitsLen(p)-1))
	be.PutUint16(sub[12:], uint16(2*seg-2*p))
	ends, starts := sub[14:], sub[16+2*seg:]
	deltas := sub[16+4*seg:]
	for i, r := range runes {
		be.PutUint16(ends[2*i:], uint16(r))
		be.PutUint16(starts[2*i:], uint16(r))
		be.PutUint16(deltas[2*i:], gid(r)-uint16(r))
	}
	be.PutUint16(ends[2*(seg-1):], 0xFFFF)
	be.PutUint16(starts[2*(seg-1):], 0xFFFF)
	be.PutUint16(deltas[2*(seg-1):], 1)
	out := make([]byte, 12, 12+len(sub))
	be.PutUint16(out[2:], 1)  // one subtable
	be.PutUint16(out[4:], 3)  // Microsoft
	be.PutUint16(out[6:], 1)  // Unicode BMP
	be.PutUint32(out[8:], 12) // offset
	return append(out, sub...)
}

func bitsLen(n int) int {
	b := 0
	for ; n > 0; n >>= 1 {
		b++
	}
	return b
}

// writeSFNT assembles tables into a font file, tags sorted as required.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	be := binary.BigEndian
	size := 12 + 16*n
	for _, data := range tables {
		size += pad4(len(data))
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	p := 1
	for p*2 <= n {
		p *= 2
	}
	be.PutUint16(out[6:], uint16(16*p))
	be.PutUint16(out[8:], uint16(bitsLen(p)-1))
	be.PutUint16(out[10:], uint16(16*n-16*p))
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		out = out[:pad4(len(out))] // the capacity's zeros pad
	}
	return out
}

// pad4 rounds n up to a multiple of 4, the alignment of font tables and glyphs.
func pad4(n int) int { return (n + 3) &^ 3 }

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
