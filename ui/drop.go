package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// dropTarget is a section that takes files dragged onto the window (the
// desktop drivers deliver a drop to the window, not to a widget).
type dropTarget interface {
	Dropped(uris []fyne.URI)
}

// droppedOnWindow hands files dropped on the window to the section on
// screen when it takes drops (Shipping: a receipt scan, or it says where
// one goes); elsewhere a returned confirmation (a PDF, TIFF, PNG or JPEG)
// is imported as one (issue 19).
func (s *Shell) droppedOnWindow(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	if t, ok := s.current().(dropTarget); ok {
		t.Dropped(uris)
		return
	}
	s.importDropped(uris)
}

// Dropped takes a scan or photo of a signed arrival receipt dragged onto
// the window while the arrival or receipt dialog is open.
func (s *shippingScreen) Dropped(uris []fyne.URI) {
	if s.dialog != nil {
		if e, ok := s.dialog.entries["ScanPath"]; ok {
			e.SetText(uris[0].Path())
			s.win.Canvas().Focus(e)
			return
		}
	}
	setProblemText(s.status, lang.L("Open the shipment's arrival or signed receipt first, then drop the scan on the window."))
}
