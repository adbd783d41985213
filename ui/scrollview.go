package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's scroll does not follow the focus, nor show a problem that appears
// below the fold: a clerk tabbing through a long form would type into a
// field out of sight. These scroll the least that brings a field into view.

// keepObjectInView scrolls the least that shows o whole, with the objects
// under it (a field's problem) when they are shown. It scrolls scroll, or,
// when that is nil, the innermost vertical scroll around o on its window,
// so a form placed in any scrolling screen or dialog follows the keyboard.
func keepObjectInView(scroll *container.Scroll, o fyne.CanvasObject, under ...fyne.CanvasObject) {
	if scroll == nil {
		scroll = scrollAround(o)
	}
	if scroll == nil || scroll.Content == nil {
		return
	}
	// A problem just shown has not been laid out yet (the driver does that
	// at the next frame): lay the content out now so positions are true.
	scroll.Refresh()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(scroll.Content).Y
	bottom := top + o.Size().Height
	for _, u := range under {
		if u.Visible() {
			bottom += u.Size().Height
		}
	}
	off, view := scroll.Offset.Y, scroll.Size().Height
	switch {
	case top < off:
		off = top
	case bottom > off+view:
		off = min(top, bottom-view) // a field taller than the view shows its top
	default:
		return
	}
	scroll.ScrollToOffset(fyne.NewPos(0, off))
}

// scrollAround returns the innermost vertical scroll holding o on the
// window that shows it (its content or a dialog over it), or nil.
func scrollAround(o fyne.CanvasObject) *container.Scroll {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	trees := c.Overlays().List()
	if content := c.Content(); content != nil {
		trees = append([]fyne.CanvasObject{content}, trees...)
	}
	for _, t := range trees {
		if s, found := findScroll(t, o, nil); found {
			return s
		}
	}
	return nil
}

// findScroll walks the tree at looking for o, and returns the innermost
// vertical scroll on the way to it (in: the one around at).
func findScroll(at, o fyne.CanvasObject, in *container.Scroll) (*container.Scroll, bool) {
	if at == nil || !at.Visible() {
		return nil, false
	}
	if at == o {
		return in, true
	}
	var kids []fyne.CanvasObject
	switch w := at.(type) {
	case *fyne.Container:
		kids = w.Objects
	case *container.Scroll:
		if w.Direction != container.ScrollHorizontalOnly && w.Direction != container.ScrollNone {
			in = w
		}
		kids = []fyne.CanvasObject{w.Content}
	case *container.Split:
		kids = []fyne.CanvasObject{w.Leading, w.Trailing}
	case *container.AppTabs:
		if sel := w.Selected(); sel != nil {
			kids = []fyne.CanvasObject{sel.Content}
		}
	case *container.DocTabs:
		if sel := w.Selected(); sel != nil {
			kids = []fyne.CanvasObject{sel.Content}
		}
	case *widget.PopUp:
		kids = []fyne.CanvasObject{w.Content}
	}
	for _, k := range kids {
		if s, found := findScroll(k, o, in); found {
			return s, true
		}
	}
	return nil, false
}
