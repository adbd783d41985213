package ui

import (
	"image"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/scan"
)

// thumbWidth is the width in pixels of a returned scan's thumbnail: enough
// to see that a page is signed, small beside the sign-back gate.
const thumbWidth = 96

// thumbs keeps the thumbnails made, by the file's SHA-256: an order opened
// again shows its scan without reading the file anew (a PDF's pages take
// a fraction of a second). Bounded: it is emptied when full.
var thumbs = struct {
	sync.Mutex
	m map[string]image.Image
}{m: map[string]image.Image{}}

// scanThumbnail returns the first page of a returned scan, small, or nil
// when its file cannot be read (moved, or no image): the row then shows
// an icon. Called off the UI goroutine, by loadOrderView.
func scanThumbnail(r model.ScanReturn) image.Image {
	thumbs.Lock()
	img, ok := thumbs.m[r.SHA256]
	thumbs.Unlock()
	if ok {
		return img
	}
	data, err := os.ReadFile(r.StoredPath)
	if err != nil {
		return nil
	}
	g, err := scan.Thumbnail(data, thumbWidth)
	if err != nil {
		return nil
	}
	thumbs.Lock()
	if len(thumbs.m) >= 64 {
		thumbs.m = map[string]image.Image{}
	}
	thumbs.m[r.SHA256] = g
	thumbs.Unlock()
	return g
}

// scanThumb is a returned scan's thumbnail that opens the file when tapped.
type scanThumb struct {
	widget.BaseWidget
	img    *canvas.Image
	OnTap  func()
	scanID uint
}

func newScanThumb(img image.Image, id uint, onTap func()) *scanThumb {
	t := &scanThumb{img: canvas.NewImageFromImage(img), OnTap: onTap, scanID: id}
	t.img.FillMode = canvas.ImageFillContain
	b := img.Bounds()
	t.img.SetMinSize(fyne.NewSize(thumbWidth, float32(min(b.Dy()*thumbWidth/max(b.Dx(), 1), 2*thumbWidth))))
	t.ExtendBaseWidget(t)
	return t
}

func (t *scanThumb) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.img) }

// Tapped opens the scan.
func (t *scanThumb) Tapped(*fyne.PointEvent) {
	if t.OnTap != nil {
		t.OnTap()
	}
}

// Cursor shows the thumbnail can be clicked.
func (t *scanThumb) Cursor() desktop.Cursor { return desktop.PointerCursor }
