package reports

import (
	"encoding/binary"
	"testing"
)

func TestPrintable(t *testing.T) {
	reg, bold, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'萬', true}, {'□', true}, {'，', true}, {'²', true}, {' ', true},
		{'\n', false}, {0x7F, false}, {0xFFFF, false},
		{0x21619, false}, // 𡘙: above U+FFFF, which fpdf cannot encode even if a font had it
		{'ก', false},     // Thai: not in Noto Sans TC
	}
	for _, tt := range tests {
		if got := printable(reg, bold, tt.r); got != tt.want {
			t.Errorf("printable(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

// TestSubsetRoundTrip cuts a subset and parses it back: every rune keeps
// its glyph's advance, and the format 4 cmap we write is one we can read.
func TestSubsetRoundTrip(t *testing.T) {
	reg, _, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("訂單確認書 Order Confirmation 0123456789 ±×□，。")
	ttf, err := reg.subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := parseFace(ttf)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if sub.numGlyphs > len(runes)+1 {
		t.Errorf("subset has %d glyphs for %d runes", sub.numGlyphs, len(runes))
	}
	for _, r := range runes {
		g := sub.gid(r)
		if g == 0 {
			t.Errorf("%q missing from the subset", r)
			continue
		}
		if sub.advances[g] != reg.advances[reg.gid(r)] {
			t.Errorf("%q: advance %d, want %d", r, sub.advances[g], reg.advances[reg.gid(r)])
		}
		if sub.loca[g+1]-sub.loca[g] == 0 && r != ' ' {
			t.Errorf("%q: empty outline", r)
		}
	}
	if sub.gid('A'+25) != 0 && !containsRune(runes, 'A'+25) {
		t.Error("a rune outside the subset has a glyph")
	}
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func TestCmapFormat12(t *testing.T) {
	// One group: U+20000..U+20002 → glyphs 5, 6, 7.
	tab := make([]byte, 16+12)
	binary.BigEndian.PutUint16(tab, 12)
	binary.BigEndian.PutUint32(tab[12:], 1)
	binary.BigEndian.PutUint32(tab[16:], 0x20000)
	binary.BigEndian.PutUint32(tab[20:], 0x20002)
	binary.BigEndian.PutUint32(tab[24:], 5)
	f := &face{numGlyphs: 10, bmp: make([]uint16, 0x10000), supp: map[rune]uint16{}}
	if err := f.readFormat12(tab); err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]uint16{0x20000: 5, 0x20002: 7, 0x20003: 0, 'A': 0} {
		if got := f.gid(r); got != want {
			t.Errorf("gid(%U) = %d, want %d", r, got, want)
		}
	}
	if err := f.readFormat12(tab[:20]); err == nil {
		t.Error("truncated table accepted")
	}
}

func TestParseFaceRefusesNonTrueType(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), []byte("ttcf\x00\x00\x00\x00\x00\x00\x00\x00")} {
		if _, err := parseFace(data); err == nil {
			t.Errorf("parseFace(%q) accepted", data)
		}
	}
}
