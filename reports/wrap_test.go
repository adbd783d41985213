package reports

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unitMeasure makes every character one unit wide, CJK two, so the
// expected breaks can be worked out by hand.
func unitMeasure(r rune) float64 {
	if isCJK(r) || isClosing(r) && r > 0x2000 || isOpening(r) && r > 0x2000 {
		return 2
	}
	return 1
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "hello world", 20, []string{"hello world"}},
		{"latin at spaces", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"long latin word by character", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"cjk between characters", "萬國彩印股份有限公司", 8, []string{"萬國彩印", "股份有限", "公司"}},
		{"closing punctuation pulls previous down", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
		{"opening bracket not at line end", "一二「三四」", 6, []string{"一二", "「三", "四」"}},
		{"latin comma not at line start", "abcd, efgh", 4, []string{"abc", "d,", "efgh"}},
		{"mixed scripts", "紙張Paper roll捲筒", 8, []string{"紙張", "Paper", "roll捲筒"}},
		{"hard break", "line one\nline two", 20, []string{"line one", "line two"}},
		{"empty", "", 10, []string{""}},
		{"narrower than a character", "萬國", 1, []string{"萬", "國"}},
		{"spaces at a break are consumed", "aaa     bbb", 4, []string{"aaa", "bbb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width, unitMeasure)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapKeepsEveryCharacter wraps long mixed text at many widths and
// checks that only spaces are lost and no line overflows unless it holds
// a single character.
func TestWrapKeepsEveryCharacter(t *testing.T) {
	text := strings.Repeat("高級道林紙 Woodfree paper 80g/m²（白色），core 76mm; 「特殊包裝」要求。", 5)
	for w := 1.0; w < 60; w += 3 {
		lines := wrap(text, w, unitMeasure)
		if got, want := noSpace(strings.Join(lines, "")), noSpace(text); got != want {
			t.Fatalf("width %v: characters lost:\n got %q\nwant %q", w, got, want)
		}
		for _, l := range lines {
			width := 0.0
			for _, r := range l {
				width += unitMeasure(r)
			}
			if width > w && utf8.RuneCountInString(l) > 1 {
				t.Errorf("width %v: line %q is %v wide", w, l, width)
			}
			if l != "" && w >= 6 { // narrower columns cannot honour two closings in a row
				first, _ := utf8.DecodeRuneInString(l)
				if isClosing(first) {
					t.Errorf("width %v: line %q starts with closing punctuation", w, l)
				}
			}
		}
	}
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }
