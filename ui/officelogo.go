package ui

import (
	"bytes"
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// officeLogo shows the office's logo, which every document prints in its
// letterhead, and lets a manager choose another or remove it. It is saved
// at once (an image is not typed, so there is nothing to revert).
type officeLogo struct {
	box     *fyne.Container
	preview *canvas.Image
	info    *widget.Label
	choose  *widget.Button
	remove  *widget.Button
	problem *widget.Label

	win   fyne.Window
	store logoStore
	desk  *Desk
	work  *jobs
	// pick asks the clerk for an image file and hands on its bytes (the
	// system's file dialog in the app; tests hand bytes straight in).
	pick func(got func(data []byte))
}

// logoStore is the store as the office logo uses it; a test hands it one that fails.
type logoStore interface {
	Logo(ctx context.Context) ([]byte, error)
	SetLogo(ctx context.Context, by model.Actor, data []byte) error
}

func newOfficeLogo(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *officeLogo {
	l := &officeLogo{win: w, store: store, desk: desk, work: work,
		preview: canvas.NewImageFromResource(nil), info: widget.NewLabel(""), problem: newProblemLabel()}
	l.preview.FillMode = canvas.ImageFillContain
	l.preview.SetMinSize(fyne.NewSize(150, 50))
	l.preview.Hide()
	l.pick = l.pickFile
	l.choose = widget.NewButtonWithIcon(lang.L("Choose logo…"), theme.FileImageIcon(), func() { l.pick(l.set) })
	l.remove = widget.NewButtonWithIcon(lang.L("Remove logo"), theme.DeleteIcon(), func() { l.set(nil) })
	l.box = container.NewVBox(container.NewHBox(l.preview, l.info), container.NewHBox(l.choose, l.remove), l.problem)
	return l
}

// load reads the logo and shows it.
func (l *officeLogo) load() {
	l.work.Go(func() func() {
		data, err := l.store.Logo(context.Background())
		return func() {
			if err != nil {
				setProblemText(l.problem, SayLoadErr(err))
				return
			}
			l.show(data)
		}
	})
}

// show puts data (nil: no logo) on screen, and lets only a manager change it.
func (l *officeLogo) show(data []byte) {
	setProblemText(l.problem, "")
	if len(data) == 0 {
		l.preview.Hide()
		l.info.SetText(lang.L("No logo: documents print the company's name alone."))
		l.remove.Disable()
	} else {
		l.preview.Resource = fyne.NewStaticResource("logo", data)
		l.preview.Refresh()
		l.preview.Show()
		info, _ := model.LogoInfo(data)
		l.info.SetText(Say(info))
		l.remove.Enable()
	}
	if !l.desk.IsManager() {
		l.choose.Disable()
		l.remove.Disable()
	} else {
		l.choose.Enable()
	}
	l.box.Refresh()
}

// set saves data as the logo (nil removes it); a refusal stays beside it.
func (l *officeLogo) set(data []byte) {
	by := l.desk.Actor()
	l.work.Go(func() func() {
		err := l.store.SetLogo(context.Background(), by, data)
		return func() {
			if err != nil {
				setProblemText(l.problem, SayErr(err))
				return
			}
			l.show(data)
		}
	})
}

// pickFile opens the system's file dialog for a PNG or JPEG image.
func (l *officeLogo) pickFile(got func(data []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		var b bytes.Buffer
		if _, err := io.Copy(&b, io.LimitReader(r, model.MaxLogoBytes+1)); err != nil {
			setProblemText(l.problem, SayLoadErr(err))
			return
		}
		got(b.Bytes())
	}, l.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Resize(fyne.NewSize(760, 520)) // room to see the files, not Fyne's smallest
	d.Show()
}
