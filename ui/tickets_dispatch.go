package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// dispatchView is the dispatcher's view (seed 001, status 3): the on-site
// work waiting to be dispatched, oldest first, each ticket a button that
// opens it, and each technician's visits on the day chosen
// (model.Store.Dispatch).
type dispatchView struct {
	s       *ticketsScreen
	dlg     *dialog.CustomDialog
	day     *Entry
	load    *widget.Label
	waiting *fyne.Container
	problem *widget.Label
	shown   *model.Dispatch // the last view loaded, for tests
}

// onDispatch opens the dispatcher's view on today.
func (s *ticketsScreen) onDispatch() {
	v := &dispatchView{s: s, day: NewEntry(), load: widget.NewLabel(""), waiting: container.NewVBox(), problem: newProblemLabel()}
	v.load.Wrapping = fyne.TextWrapWord
	v.day.SetText(s.store.Today().String())
	v.day.OnSubmitted = func(string) { v.reload() }
	show := widget.NewButton(lang.L("Show"), v.reload)
	head := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Day")), show, v.day)
	top := container.NewVBox(head, v.problem,
		widget.NewLabelWithStyle(lang.L("Technicians' visits that day"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.load,
		widget.NewLabelWithStyle(lang.L("Waiting to be dispatched, oldest first"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.dlg = dialog.NewCustom(lang.L("Dispatch"), lang.L("Close"), container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.waiting)), s.win)
	v.dlg.Resize(fyne.NewSize(720, 560))
	s.dispatch = v
	showEscapable(s.win, v.dlg)
	v.reload()
}

// reload reads the view for the day typed.
func (v *dispatchView) reload() {
	day, err := model.ParseDate(strings.TrimSpace(v.day.Text))
	if err != nil {
		setProblemText(v.problem, lang.L("Enter a date as YYYY-MM-DD."))
		return
	}
	setProblemText(v.problem, "")
	v.s.work.Go(func() func() {
		d, err := v.s.store.Dispatch(context.Background(), day)
		return func() {
			if err != nil {
				setProblemText(v.problem, SayLoadErr(err))
				return
			}
			v.show(d)
		}
	})
}

func (v *dispatchView) show(d *model.Dispatch) {
	v.shown = d
	var load []string
	for _, l := range d.Load {
		load = append(load, lang.L("{{.Name}}: {{.N}}", map[string]any{"Name": l.Technician.Display(), "N": l.Visits}))
	}
	if len(load) == 0 {
		load = append(load, lang.L("Nothing waits to be dispatched."))
	}
	v.load.SetText(strings.Join(load, "\n"))
	v.waiting.RemoveAll()
	for _, t := range d.Waiting {
		who, cust := lang.L("New tickets queue"), ""
		if t.Manager != nil {
			who = t.Manager.Display()
		}
		if t.Customer != nil {
			cust = t.Customer.Code + " "
		}
		// A button does not truncate: a long subject is cut so the dialog keeps its width.
		subject := []rune(t.Subject)
		if len(subject) > 40 {
			subject = append(subject[:39], '…')
		}
		text := fmt.Sprintf("%s · %s · %s%s · %s", t.No, lang.L("visit {{.Date}}", map[string]any{"Date": t.VisitOn.String()}), cust, string(subject), who)
		b := widget.NewButton(text, func() { v.s.openDetail(t) })
		b.Alignment, b.Importance = widget.ButtonAlignLeading, widget.LowImportance
		v.waiting.Add(b)
	}
}
