//go:build !ci && !android && !ios && !wasm && !js && !mobile && !test_web_driver

package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenSize is the primary screen's size in the window's units (zero when
// unknown). GLFW answers on the main goroutine, where Fyne runs the app's
// started callback.
func screenSize(w fyne.Window) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	mode := m.GetVideoMode()
	if mode == nil {
		return fyne.Size{}
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
}

// refitLater shrinks w back into the screen a moment after a section
// shows or someone signs in: a section still loading can ask for more room
// than it keeps (the window grew to 1031 px on a 1024 screen), and a
// window never gives room back by itself.
func refitLater(w fyne.Window) {
	time.AfterFunc(time.Second, func() { fyne.Do(func() { fitWindow(w, w.Canvas().Size()) }) })
}
