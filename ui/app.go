// Package ui is OrderDesk's window: the shell with its sections, the
// screens, and the widgets they share. It calls the model for every rule
// and every query, and keeps the UI goroutine free of database work.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/assets"
	"orderdesk/model"
)

// newApp creates the Fyne app with OrderDesk's id, language and theme. The
// language comes from this desk's settings and is fixed for the session.
func newApp() (fyne.App, *Settings) {
	a := app.NewWithID(model.AppID)
	settings := NewSettings(a.Preferences())
	if err := SetupLanguage(settings.Language()); err != nil {
		model.LogError("set up the language", err)
	}
	a.Settings().SetTheme(NewTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	return a, settings
}

// Opener opens the database a target names ("" for the default file).
type Opener func(ctx context.Context, target string) (*model.Store, error)

// Run starts OrderDesk: it opens the database (target, or when that is
// empty the one this desk's settings name), shows the main window, and
// returns when it is closed. On an empty database it first asks whether to
// set up the office or explore the demo (made by makeDemo in a file of its
// own). If the database cannot be opened it shows why instead, and
// returns the error.
func Run(target string, open Opener, makeDemo DemoMaker) error {
	tuneGC()
	a, settings := newApp()
	if target == "" {
		target = settings.Database()
	}
	// The start's three slow parts run side by side on a desk's cores: the
	// data opens and the window's two faces are parsed (about 200 ms each)
	// while the window is made. What the opening hands over waits in the
	// app's queue until the app runs, after the window is on screen.
	var opened func(s *model.Store, empty bool, err error)
	op := newOpening(target)
	op.open(open, target, func(s *model.Store, empty bool, err error) { opened(s, empty, err) })
	fonts := warmFonts()
	w := a.NewWindow(lang.L("OrderDesk"))
	// The background jobs live as long as the window: closing it cancels
	// them, and the store is closed only once they have ended.
	ctx, cancel := context.WithCancel(context.Background())
	var (
		shell   *Shell
		store   *model.Store
		openErr error
	)
	defer func() {
		if shell != nil {
			shell.stopBackground()
		}
		if store != nil {
			store.Close()
		}
	}()
	defer cancel()
	// start builds the window on s and asks who is at the desk (unless
	// someone is signed in already); on a first start it runs once the
	// office exists.
	start := func(s *model.Store, signedIn *model.Employee) {
		if s != store {
			store.Close() // the empty real database, left as it is for later
			store = s
		}
		shell = openDesk(w, s, settings, signedIn)
		shell.startRefresh(a)
		shell.startBackground(ctx)
	}
	size := settings.WindowSize()
	w.Resize(size)
	w.SetMaster()
	w.SetOnClosed(func() {
		if openErr == nil { // the small error window's size is not the desk's
			settings.SetWindowSize(w.Canvas().Size())
		}
		cancel()
	})
	// The window shows at once and says what it opens. Dialogs need the
	// window on screen, so the desk starts once the app runs and the store
	// is open.
	opened = func(s *model.Store, empty bool, err error) {
		if err != nil {
			openErr = err
			model.LogError("open the database", err)
			w.SetTitle(lang.L("OrderDesk could not start"))
			w.SetContent(startupErrorContent(err, w.Close))
			w.Resize(fyne.NewSize(560, 240))
			w.CenterOnScreen()
			return
		}
		if ctx.Err() != nil {
			s.Close() // the window closed while the data opened
			return
		}
		store = s
		if empty && makeDemo != nil {
			w.SetTitle(lang.L("OrderDesk — first start"))
			w.SetContent(newFirstStart(store, open, makeDemo, start).Content())
			return
		}
		// Orders is the clerk's main screen, and where a draft left by a
		// crash reopens.
		start(store, nil)
	}
	// Made on screen before its content: making the window (its OpenGL
	// context; Mesa's software renderer compiles its shaders then) takes
	// as long as the faces' parsing, and both go on at once.
	w.Show()
	fonts.Wait() // rather than parse them a second time here
	w.SetContent(op.content)
	a.Lifecycle().SetOnStarted(func() { fitWindow(w, size) })
	a.Run()
	return openErr
}

// openDesk builds the main window on store and starts it on Orders, the
// clerk's main screen and where a draft left by a crash reopens: with
// signedIn at the desk, or asking who is there.
func openDesk(w fyne.Window, store *model.Store, settings *Settings, signedIn *model.Employee) *Shell {
	shell := Create(w, store, settings)
	w.SetCloseIntercept(shell.CloseIntercept)
	shell.startSection = SectionOrders
	if signedIn != nil {
		shell.StartAs(signedIn)
	} else {
		shell.Start()
	}
	return shell
}

// startupErrorContent is the error window's content.
func startupErrorContent(err error, closeWindow func()) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(lang.L("OrderDesk could not start"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	message := widget.NewLabel(SayLoadErr(err))
	message.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("Nothing was changed. If this happens again, tell your manager."))
	hint.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), closeWindow)
	closeButton.Importance = widget.HighImportance
	return container.NewPadded(container.NewBorder(
		container.NewHBox(widget.NewIcon(theme.ErrorIcon()), heading),
		container.NewHBox(layout.NewSpacer(), closeButton),
		nil, nil, container.NewVBox(message, hint)))
}
