package reports

import (
	"fmt"
	"strings"
)

// code128Patterns are the bar/space widths (in modules) of the Code 128
// symbols 0–106: bar, space, bar, space, bar, space (stop has a 7th bar).
var code128Patterns = [107]string{
	"212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
	"221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
	"221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
	"212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
	"231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
	"231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
	"314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
	"112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
	"111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
	"214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
	"114131", "311141", "411131", "211412", "211214", "211232", "2331112",
}

const (
	code128StartB = 104
	code128Stop   = 106
	quietModules  = 10 // the quiet zone Code 128 requires on each side
)

// code128B returns the module widths (bar first, alternating) of s in
// Code 128 set B, with its check symbol and stop. Set B covers printable
// ASCII, which is all an order number with its revision needs.
func code128B(s string) ([]int, error) {
	symbols := []int{code128StartB}
	sum := code128StartB
	for i, r := range s {
		if r < 32 || r > 126 {
			return nil, fmt.Errorf("barcode: %q is not printable ASCII", r)
		}
		v := int(r) - 32
		symbols = append(symbols, v)
		sum += (i + 1) * v
	}
	symbols = append(symbols, sum%103, code128Stop)
	var widths []int
	for _, sym := range symbols {
		for _, c := range code128Patterns[sym] {
			widths = append(widths, int(c-'0'))
		}
	}
	return widths, nil
}

// barcodeWidth returns the width of s's barcode with quiet zones, in mm.
func barcodeWidth(s string, module float64) float64 {
	w, err := code128B(s)
	if err != nil {
		return 0
	}
	n := 2 * quietModules
	for _, m := range w {
		n += m
	}
	return float64(n) * module
}

// barcode draws s as Code 128 bars (vector rectangles) at x, y, with the
// quiet zone inside the given box and the text under it. A 0.4 mm module
// survives a 200 dpi fax.
func (d *doc) barcode(x, y float64, s string, module, height float64) error {
	widths, err := code128B(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	cx := x + quietModules*module
	for i, m := range widths {
		if i%2 == 0 {
			d.fill(cx, y, float64(m)*module, height)
		}
		cx += float64(m) * module
	}
	text := d.clean("barcode", s)
	d.textCenter(x+barcodeWidth(s, module)/2, y+height+0.5, text, stSmall)
	return nil
}
