package ui

import "fyne.io/fyne/v2"

// screenRoom is what the desktop keeps of the screen for itself: its
// panels, and the window's title bar and borders.
var screenRoom = fyne.NewSize(16, 72)

// fitScreen is the size to open the window at: the size it had at its last
// close (1280×800 the first time), no larger than the screen it opens on.
// A 1280×800 window on a 1024×768 screen had its right and bottom cut off.
// screen is zero when the screen's size is not known.
func fitScreen(want, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 || want.Width <= screen.Width && want.Height <= screen.Height {
		return want
	}
	return fyne.NewSize(min(want.Width, screen.Width-screenRoom.Width), min(want.Height, screen.Height-screenRoom.Height))
}

// fitWindow shrinks w to the screen once the app runs (the screen is known
// only then).
func fitWindow(w fyne.Window, want fyne.Size) {
	if got := fitScreen(want, screenSize(w)); got != want {
		w.Resize(got)
	}
}
