package reports

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap: whatever the text and the column width, wrapping never panics,
// never drops or invents a character (spaces at breaks aside), and never
// makes a line wider than the column unless it holds a single character.
func FuzzWrap(f *testing.F) {
	f.Add("高級道林紙 Woodfree paper 80g/m²（白色），core 76mm; 「特殊包裝」要求。", 7.0)
	f.Add("aaa     bbb\n\nccc", 3.0)
	f.Add("𡘙𡘙𡘙 〜〜〜，，，", 1.0)
	f.Add("", 0.5)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width <= 0 || width > 1e6 || width != width {
			t.Skip()
		}
		lines := wrap(text, width, unitMeasure)
		if got, want := noSpace(strings.Join(lines, "")), noSpace(text); got != want {
			t.Fatalf("width %v: characters lost:\n got %q\nwant %q", width, got, want)
		}
		for _, l := range lines {
			w := 0.0
			for _, r := range l {
				w += unitMeasure(r)
			}
			if w > width && utf8.RuneCountInString(strings.TrimSpace(l)) > 1 {
				t.Errorf("width %v: line %q is %v wide", width, l, w)
			}
		}
	})
}
