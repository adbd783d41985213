package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/csvio"
	"orderdesk/model"
)

// problemColumns are the widths of a refused import's problem list: line,
// column, what is wrong.
var problemColumns = []float32{0.6, 1.2, 5}

// csvImport is "Import CSV…" on a master list: the clerk picks a file, a
// dialog shows how far the import has come (with Cancel, which undoes it),
// then what it did or every problem of the file by line and column. The
// import itself is csvio's, all or nothing, as on the command line.
type csvImport struct {
	win    fyne.Window
	store  *model.Store
	desk   *Desk
	work   *jobs
	kind   string // the csvio.Importers key: customers, products or prices
	title  string
	button *widget.Button
	landed func() // shows the imported rows on the screen

	progress  *dialog.CustomDialog // the dialog while the import runs
	phase     *widget.Label
	bar       *widget.ProgressBar
	stop      *widget.Button
	cancel    context.CancelFunc
	outcome   *dialog.CustomDialog // what the import did, once it is over
	said      *widget.Label
	problems  []csvio.Problem
	clipboard string // what Copy put on the clipboard, for the problem list
}

func newCSVImport(w fyne.Window, store *model.Store, desk *Desk, work *jobs, kind, label, title string, landed func()) *csvImport {
	c := &csvImport{win: w, store: store, desk: desk, work: work, kind: kind, title: title, landed: landed}
	c.button = widget.NewButtonWithIcon(label, theme.UploadIcon(), c.choose)
	return c
}

// choose asks who is importing, then for the file. Anyone at the desk may
// import (the model reserves it for nobody); it is written as them.
func (c *csvImport) choose() {
	if c.desk.Employee() == nil {
		dialog.ShowInformation(c.title, lang.L("Say who you are first (Desk → Switch person)."), c.win)
		return
	}
	fd := dialog.NewFileOpen(c.opened, c.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	fd.Show()
}

// opened is the file dialog's answer: nil when the clerk closed it.
func (c *csvImport) opened(r fyne.URIReadCloser, err error) {
	if err != nil {
		dialog.ShowError(errors.New(SayLoadErr(err)), c.win)
		return
	}
	if r == nil {
		return
	}
	c.start(r.URI().Name(), r)
}

// start runs the import of r off the UI goroutine, showing its progress.
func (c *csvImport) start(name string, r io.ReadCloser) {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.phase = widget.NewLabel(lang.L("Reading {{.File}}…", map[string]any{"File": name}))
	c.bar = widget.NewProgressBar()
	c.stop = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), c.onCancel)
	c.progress = dialog.NewCustomWithoutButtons(c.title, container.NewVBox(c.phase, c.bar), c.win)
	c.progress.SetButtons([]fyne.CanvasObject{c.stop})
	c.progress.Resize(fyne.NewSize(520, 160))
	c.progress.Show()
	c.button.Disable()
	imp, by := csvio.Importers[c.kind], c.desk.Actor()
	c.work.Go(func() func() {
		defer r.Close()
		res, err := imp(ctx, c.store, by, r, csvio.Options{Progress: func(p csvio.Progress) {
			fyne.Do(func() { c.showProgress(p) })
		}})
		cancelled := ctx.Err() != nil
		cancel()
		return func() { c.finished(name, res, err, cancelled) }
	})
}

// showProgress puts the phase and the share done on the dialog.
func (c *csvImport) showProgress(p csvio.Progress) {
	if c.stop.Disabled() {
		return // cancelled: the dialog says it is being undone
	}
	data := map[string]any{"Done": model.Count(p.Done), "Total": model.Count(p.Total)}
	if p.Phase == csvio.Validating {
		c.phase.SetText(lang.L("Checking row {{.Done}} of {{.Total}}", data))
	} else {
		c.phase.SetText(lang.L("Importing row {{.Done}} of {{.Total}}", data))
	}
	if p.Total > 0 {
		c.bar.SetValue(float64(p.Done) / float64(p.Total))
	}
}

// onCancel stops the import; what it wrote is undone before it returns.
func (c *csvImport) onCancel() {
	c.stop.Disable()
	c.phase.SetText(lang.L("Cancelling: undoing what was imported…"))
	c.cancel()
}

// finished shows what the import did.
func (c *csvImport) finished(name string, res csvio.Result, err error, cancelled bool) {
	c.progress.Hide()
	c.button.Enable()
	var refused *csvio.ImportError
	switch {
	case err == nil:
		c.showOutcome(lang.L("Imported {{.N}} rows from {{.File}} (read as {{.Encoding}}).",
			map[string]any{"N": model.Count(res.Rows), "File": name, "Encoding": res.Encoding}), nil)
		c.landed()
	case cancelled && errors.Is(err, context.Canceled):
		c.showOutcome(lang.L("The import of {{.File}} was cancelled; nothing of it is kept.", map[string]any{"File": name}), nil)
	case errors.As(err, &refused):
		c.showOutcome(lang.L("Nothing was imported: {{.File}} has {{.N}} problems. Correct them and import the file again.",
			map[string]any{"File": name, "N": model.Count(len(refused.Problems))}), refused.Problems)
	default:
		c.showOutcome(lang.L("Nothing was imported from {{.File}}: {{.Reason}}", map[string]any{"File": name, "Reason": SayErr(err)}), nil)
	}
}

// showOutcome shows the sentence, and the problems in a list the clerk can
// scroll and copy (a refused file may have thousands).
func (c *csvImport) showOutcome(text string, problems []csvio.Problem) {
	c.said = widget.NewLabel(text)
	c.said.Wrapping = fyne.TextWrapWord
	c.problems = problems
	content := fyne.CanvasObject(c.said)
	size := fyne.NewSize(520, 180)
	if len(problems) > 0 {
		list := widget.NewList(func() int { return len(c.problems) },
			func() fyne.CanvasObject { return newColumns(problemColumns) },
			func(i widget.ListItemID, o fyne.CanvasObject) {
				p := c.problems[i]
				setCells(o, fmt.Sprint(p.Line), p.Column, Say(p.Msg))
			})
		copyAll := widget.NewButtonWithIcon(lang.L("Copy the problems"), theme.ContentCopyIcon(), c.copyProblems)
		top := container.NewVBox(c.said, newHeader(problemColumns, lang.L("Line"), lang.L("Column"), lang.L("Problem")))
		content = container.NewBorder(top, copyAll, nil, nil, list)
		size = fyne.NewSize(900, 520)
	}
	c.outcome = dialog.NewCustom(c.title, lang.L("Close"), content, c.win)
	c.outcome.Resize(size)
	c.outcome.Show()
}

// copyProblems puts every problem on the clipboard, a line each, with tabs
// between line, column and message, so it pastes into a sheet as columns.
func (c *csvImport) copyProblems() {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\t%s\t%s\n", lang.L("Line"), lang.L("Column"), lang.L("Problem"))
	for _, p := range c.problems {
		fmt.Fprintf(&b, "%d\t%s\t%s\n", p.Line, p.Column, Say(p.Msg))
	}
	c.clipboard = b.String()
	fyne.CurrentApp().Clipboard().SetContent(c.clipboard)
}
