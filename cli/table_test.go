package cli

import (
	"strings"
	"testing"
)

// TestTableLinesUpChinese: a column after a Chinese cell starts where it
// does after a Latin one, as a terminal shows them (two columns a Chinese
// character), and amounts line up on the right.
func TestTableLinesUpChinese(t *testing.T) {
	for _, tc := range []struct {
		name  string
		right bool
		in    string
		want  string
	}{
		{"left", false,
			"客戶\t狀態\t\nB013 百順貿易\t已檢驗\t\nB007 Lotus Trading\tReceived\t\n",
			"客戶                狀態      \nB013 百順貿易       已檢驗    \nB007 Lotus Trading  Received  \n"},
		{"right", true,
			"金額\t\n1,200.00\t\n",
			"      金額\n  1,200.00\n"},
		{"a line without the column ends its run", false,
			"a\tb\t\nnote\nlonger\tc\t\n",
			"a  b  \nnote\nlonger  c  \n"},
		{"trailing text is no cell", false,
			"x\t長的說明文字\ny\tz\n",
			"x  長的說明文字\ny  z\n"},
	} {
		var b strings.Builder
		tb := newTable(&b, 2, tc.right)
		tb.Write([]byte(tc.in))
		if err := tb.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, b.String(), tc.want)
		}
	}
}
