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
	store, err := open(context.Background(), target)
	if err == nil {
		var empty bool
		if empty, err = store.IsEmpty(context.Background()); err != nil {
			store.Close()
		} else if !empty {
			makeDemo = nil
		}
	}
	if err != nil {
		model.LogError("open the database", err)
		showStartupError(a, err)
		return err
	}
	w := a.NewWindow(lang.L("OrderDesk"))
	// The background jobs live as long as the window: closing it cancels
	// them, and the store is closed only once they have ended.
	ctx, cancel := context.WithCancel(context.Background())
	var shell *Shell
	defer func() {
		if shell != nil {
			shell.stopBackground()
		}
		store.Close()
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
	a.Lifecycle().SetOnStarted(func() { fitWindow(w, size) })
	w.SetMaster()
	w.SetOnClosed(func() {
		settings.SetWindowSize(w.Canvas().Size())
		cancel()
	})
	if makeDemo != nil {
		w.SetTitle(lang.L("OrderDesk — first start"))
		w.SetContent(newFirstStart(store, open, makeDemo, start).Content())
	} else {
		// Dialogs need the window on screen: start once the app is running.
		// Orders is the clerk's main screen, and where a draft left by a
		// crash reopens.
		a.Lifecycle().SetOnStarted(func() { fitWindow(w, size); start(store, nil) })
	}
	w.ShowAndRun()
	return nil
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

// showStartupError shows why OrderDesk could not start, as a sentence a
// clerk can read, with a Close button, and returns when it is closed.
func showStartupError(a fyne.App, err error) {
	w := a.NewWindow(lang.L("OrderDesk could not start"))
	w.SetContent(startupErrorContent(err, w.Close))
	w.Resize(fyne.NewSize(560, 240))
	w.CenterOnScreen()
	w.ShowAndRun()
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
