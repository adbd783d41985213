//go:build ci || android || ios || wasm || js || mobile || test_web_driver

package ui

import "fyne.io/fyne/v2"

// screenSize is unknown without GLFW (the tests' driver has no screen).
func screenSize(fyne.Window) fyne.Size { return fyne.Size{} }

// refitLater has no screen to fit in the tests' driver.
func refitLater(fyne.Window) {}
