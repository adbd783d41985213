package ui

import (
	"os"
	"runtime/debug"
)

// windowGCPercent is the window's GOGC. Most of the window's heap lives as
// long as the window: the fonts Fyne's text shaper parsed (39 MB of the
// 50 MB live on the demo office, theme.go) and the translations. Go's
// default, 100, lets garbage grow as large as all that before a
// collection; at 50 the window holds less, for collections twice as often
// while a clerk works (none while the desk idles).
const windowGCPercent = 50

// tuneGC sets windowGCPercent, unless GOGC in the environment says
// otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGCPercent)
	}
}
