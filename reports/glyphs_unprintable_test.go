package reports

import (
	"slices"
	"testing"
)

func TestUnprintable(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []rune
	}{
		{"萬國紙業 Wan Kuo 123\n", nil},
		{"好運來 🍀 𠀋 🍀", []rune{'🍀', '𠀋'}},
		{"tab\there", nil},
	} {
		if got := Unprintable(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Unprintable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
