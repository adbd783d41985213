package ui

import (
	"os"
	"runtime/debug"
)

// windowGCPercent is the window's GOGC. Most of the window's heap lives as
// long as the window: Noto Sans TC, regular and bold, parsed whole by
// Fyne's text shaper (64 MB of the 80 MB live on the demo office), and
// the translations. Go's default, 100, lets garbage grow as large as all
// that before a collection, which held the heap at 155 MB and the window
// at 330 MB; at 50 the window holds about 30 MB less, for collections
// twice as often while a clerk works (none while the desk idles).
const windowGCPercent = 50

// tuneGC sets windowGCPercent, unless GOGC in the environment says
// otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGCPercent)
	}
}
