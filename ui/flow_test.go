package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/layout"
)

// TestFlowWrapsWhenNarrow: a row of filters stands in one row when the
// window is wide enough and takes a second rather than widen the window
// when it is not; a growing object takes the room left in its row.
func TestFlowWrapsWhenNarrow(t *testing.T) {
	box := func(w float32) fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(w, 30))
		return r
	}
	a, b, c := box(300), box(300), box(300)
	gap := layout.NewSpacer()
	for _, tc := range []struct {
		name  string
		width float32
		rows  float32 // the min height in rows of 30
		cAt   fyne.Position
	}{
		{"wide", 1280, 1, fyne.NewPos(1280-300, 0)},
		{"narrow", 700, 2, fyne.NewPos(0, 30+4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFlow(map[fyne.CanvasObject]float32{gap: 0}, a, gap, b, c)
			if w := f.MinSize().Width; w != 300 {
				t.Errorf("min width %.0f, want the widest object's 300", w)
			}
			f.Resize(fyne.NewSize(tc.width, 100))
			settle(t)
			if h := f.MinSize().Height; h != tc.rows*30+(tc.rows-1)*4 {
				t.Errorf("min height %.0f at %.0f wide, want %.0f rows", h, tc.width, tc.rows)
			}
			if c.Position() != tc.cAt {
				t.Errorf("the last object at %v, want %v", c.Position(), tc.cAt)
			}
		})
	}
}
