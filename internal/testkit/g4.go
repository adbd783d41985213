package testkit

import "image"

// EncodeG4 encodes a page as CCITT Group 4 (ITU-T T.6), MSB first, ending
// with the EOFB: a fax server's TIFF G4 page. x/image can decode it but
// not write it, and the scan tests need fax files made in the test (a
// pixel below 128 is black). It is the plain T.6 coder: every line coded
// against the one above (white for the first), in pass, vertical or
// horizontal mode, no uncompressed mode.
func EncodeG4(img *image.Gray) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var bw bitWriter
	ref := make([]bool, w) // true is black; the line above the first is white
	cur := make([]bool, w)
	for y := range h {
		row := img.Pix[y*img.Stride:]
		for x := range w {
			cur[x] = row[x] < 128
		}
		encodeLine(&bw, ref, cur)
		ref, cur = cur, ref
	}
	bw.put(0x001, 12) // EOFB: two EOLs
	bw.put(0x001, 12)
	return bw.bytes()
}

// encodeLine codes one line (T.6 §2.2, the coding procedure of T.4 Figure 7).
func encodeLine(bw *bitWriter, ref, cur []bool) {
	w := len(cur)
	a0, black := -1, false
	for a0 < w {
		a1 := nextChange(cur, a0, black)
		b1 := nextChange(ref, a0, black)
		b2 := nextChange(ref, b1, !black)
		switch {
		case b2 < a1: // pass
			bw.put(0x1, 4)
			a0 = b2
		case a1-b1 >= -3 && a1-b1 <= 3: // vertical
			v := vertical[a1-b1+3]
			bw.put(v.bits, v.n)
			a0, black = a1, !black
		default: // horizontal: a0a1 and a1a2
			a2 := nextChange(cur, a1, !black)
			bw.put(0x1, 3)
			putRun(bw, a1-max(a0, 0), black)
			putRun(bw, a2-a1, !black)
			a0 = a2
		}
	}
}

// nextChange returns the first position after from (from -1: the line's
// start) where the line turns from colour black to the other, or len(line).
func nextChange(line []bool, from int, black bool) int {
	for x := max(from+1, 0); x < len(line); x++ {
		if line[x] != black && colourAt(line, x-1) == black {
			return x
		}
	}
	return len(line)
}

// colourAt is the pixel's colour, white left of the line.
func colourAt(line []bool, x int) bool { return x >= 0 && line[x] }

type code struct {
	bits uint32
	n    uint
}

// vertical are the codes of VL3 … V0 … VR3.
var vertical = [7]code{{0x02, 7}, {0x02, 6}, {0x2, 3}, {0x1, 1}, {0x3, 3}, {0x03, 6}, {0x03, 7}}

// putRun writes a run length: makeup codes of 2560 and of n×64, then the
// terminating code 0–63 (T.4 Tables 2 and 3).
func putRun(bw *bitWriter, n int, black bool) {
	term, makeup := whiteTerm, whiteMakeup
	if black {
		term, makeup = blackTerm, blackMakeup
	}
	for n >= 2560 {
		c := makeup[len(makeup)-1]
		bw.put(c.bits, c.n)
		n -= 2560
	}
	if n >= 64 {
		c := makeup[n/64-1]
		bw.put(c.bits, c.n)
		n %= 64
	}
	c := term[n]
	bw.put(c.bits, c.n)
}

// bitWriter packs codes MSB first.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (b *bitWriter) put(bits uint32, n uint) {
	b.acc = b.acc<<n | uint64(bits)&(1<<n-1)
	b.nacc += n
	for b.nacc >= 8 {
		b.nacc -= 8
		b.out = append(b.out, byte(b.acc>>b.nacc))
	}
}

func (b *bitWriter) bytes() []byte {
	if b.nacc > 0 {
		b.out = append(b.out, byte(b.acc<<(8-b.nacc)))
		b.nacc = 0
	}
	return b.out
}
