package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestWindowFitsTheScreen: the window opens no larger than the screen it
// opens on (issue 18: 1280×800 on a 1024×768 screen was cut), and at its
// remembered size where that fits.
func TestWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		want, screen fyne.Size
		fits         bool // the remembered size is kept
	}{
		{fyne.NewSize(1280, 800), fyne.NewSize(1024, 768), false},
		{fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080), true},
		{fyne.NewSize(1280, 800), fyne.NewSize(1280, 800), true}, // the README's pictures
		{fyne.NewSize(1280, 800), fyne.Size{}, true},             // unknown screen
	} {
		got := fitScreen(c.want, c.screen)
		if c.fits && got != c.want {
			t.Errorf("%v on %v: %v, want %v", c.want, c.screen, got, c.want)
		}
		if c.screen.Width > 0 && (got.Width > c.screen.Width || got.Height > c.screen.Height) {
			t.Errorf("%v on %v opens at %v, larger than the screen", c.want, c.screen, got)
		}
		if !c.fits && (got.Width < 900 || got.Height < 600) {
			t.Errorf("%v on %v opens at %v: smaller than it needs to be", c.want, c.screen, got)
		}
	}
}
