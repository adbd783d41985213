package reports

import (
	"strings"
	"unicode"
)

// wrap breaks text into lines no wider than width, measured with measure.
// Unlike fpdf's SplitText it never drops a character: only the spaces at a
// break are consumed. Lines break between CJK characters and at spaces in
// Latin text; a Latin word wider than the line is broken by character.
// Kinsoku: closing punctuation never starts a line and opening brackets
// never end one — the character before is pulled down instead. A "\n" is a
// hard break.
func wrap(text string, width float64, measure func(rune) float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		out = append(out, wrapPara([]rune(para), width, measure)...)
	}
	return out
}

func wrapPara(r []rune, width float64, measure func(rune) float64) []string {
	var lines []string
	start := 0
	for start < len(r) {
		end := fitLine(r, start, width, measure)
		lines = append(lines, strings.TrimRight(string(r[start:end]), " "))
		start = end
		for start < len(r) && r[start] == ' ' {
			start++
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// fitLine returns where the line starting at start ends (exclusive).
func fitLine(r []rune, start int, width float64, measure func(rune) float64) int {
	w, lastBreak := 0.0, -1
	for i := start; i < len(r); i++ {
		if i > start && canBreakBefore(r, i) {
			lastBreak = i
		}
		if r[i] == ' ' {
			w += measure(r[i]) // trailing spaces may hang past the edge
			continue
		}
		w += measure(r[i])
		if w <= width+1e-9 || i == start {
			continue
		}
		if lastBreak > start {
			return lastBreak
		}
		// No break opportunity: break by character, keeping kinsoku where
		// the line still keeps at least one character.
		brk := i
		for brk-1 > start && (isClosing(r[brk]) || isOpening(r[brk-1])) {
			brk--
		}
		return brk
	}
	return len(r)
}

// canBreakBefore reports whether a line may end just before r[i].
func canBreakBefore(r []rune, i int) bool {
	prev, cur := r[i-1], r[i]
	if cur == ' ' || isClosing(cur) || isOpening(prev) {
		return false
	}
	return prev == ' ' || prev == '-' && !unicode.IsDigit(cur) || isCJK(prev) || isCJK(cur)
}

// isCJK reports a character between which lines may break freely:
// ideographs, kana, hangul, CJK and full-width punctuation.
func isCJK(c rune) bool {
	return unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		c >= 0x3000 && c <= 0x303F || // CJK symbols and punctuation
		c >= 0xFF00 && c <= 0xFFEF || // full-width forms
		c >= 0x2E80 && c <= 0x2FDF || // radicals
		c == '□'
}

// isClosing reports punctuation that must not start a line.
func isClosing(c rune) bool {
	return strings.ContainsRune("，。、；：」』）】〕〉》？！．,.;:!?)]}%’”…‧·ー々", c)
}

// isOpening reports brackets that must not end a line.
func isOpening(c rune) bool {
	return strings.ContainsRune("「『（【〔〈《([{‘“", c)
}
