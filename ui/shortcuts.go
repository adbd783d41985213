package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The window's keyboard shortcuts. Ctrl stands for Cmd on macOS
// (KeyModifierShortcutDefault).
var (
	// ShortcutNew starts a new record on the current screen (Ctrl+N).
	ShortcutNew = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	// ShortcutFind puts the cursor in the current screen's search box (Ctrl+F).
	ShortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	// ShortcutSave saves the record being edited (Ctrl+S).
	ShortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// ShortcutSection returns the shortcut that jumps to section i (0-based):
// Ctrl+1 … Ctrl+9.
func ShortcutSection(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierShortcutDefault}
}

// Editor is what a screen does when the clerk presses the window's shortcuts;
// the shell sends them to the screen on show.
type Editor interface {
	OnNew()    // Ctrl+N
	OnFind()   // Ctrl+F
	OnSave()   // Ctrl+S
	OnCancel() // Esc
}

// windowShortcuts holds, per window canvas, the handlers of the window's
// shortcuts by shortcut name, so the form widgets can pass them on. (The
// canvas keeps its own copy but not every driver's canvas lets us call it.)
var windowShortcuts = map[fyne.Canvas]map[string]func(){}

// addShortcut registers a window shortcut on the canvas c.
func addShortcut(c fyne.Canvas, s fyne.Shortcut, fn func()) {
	if windowShortcuts[c] == nil {
		windowShortcuts[c] = map[string]func(){}
	}
	windowShortcuts[c][s.ShortcutName()] = fn
	c.AddShortcut(s, func(fyne.Shortcut) { fn() })
}

// forgetShortcuts drops the handlers of a closed window's canvas.
func forgetShortcuts(c fyne.Canvas) { delete(windowShortcuts, c) }

// forwardShortcut runs the window's handler of s, typed while obj had the
// focus, and reports whether there was one. Fyne gives a shortcut to the
// focused widget only, and an Entry drops the ones it does not know, so
// without this Ctrl+S would do nothing while the cursor is in a field.
func forwardShortcut(obj fyne.CanvasObject, s fyne.Shortcut) bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	fn, ok := windowShortcuts[c][s.ShortcutName()]
	if ok {
		fn()
	}
	return ok
}

// forwardEscape passes Esc, typed while obj had the focus, to the canvas's
// key handler (which cancels the edit). Esc is not a shortcut in Fyne and the
// canvas only hears keys when nothing has the focus.
func forwardEscape(obj fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}
