package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// warmFonts parses the window's regular and bold faces, each on a
// goroutine of its own. Fyne parses a face whole the first time a text of
// its style is measured (about 200 ms each for Noto Sans TC on this
// machine), on the UI goroutine and one after the other; begun here, both
// are parsed beside the window's making. Fyne's font cache is safe to
// fill from any goroutine. Wait before the first text is measured, or it
// parses the same face again.
func warmFonts() *sync.WaitGroup {
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("訂", theme.TextSize(), style)
		}()
	}
	return &wg
}
