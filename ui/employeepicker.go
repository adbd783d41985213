package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// employeePicker is the dialog where the clerk says who they are: a search
// box over the active employees (type a name, initials or 中文名, Enter takes
// the first match, shown marked) and the list to pick from with the arrows.
type employeePicker struct {
	search *Entry
	list   *PagedList[model.Employee]
	hint   *widget.Label
	dialog *dialog.CustomDialog

	all    []model.Employee
	chosen func(*model.Employee)
}

// newEmployeePicker returns the picker over people (the active employees).
// cancellable adds a Cancel button: switching may be abandoned, the first
// choice at start may not, since every change must name someone.
func newEmployeePicker(w fyne.Window, people []model.Employee, cancellable bool, chosen func(*model.Employee)) *employeePicker {
	p := &employeePicker{all: people, chosen: chosen}
	p.search = NewEntry()
	p.search.SetPlaceHolder(lang.L("Type your name or initials"))
	p.list = NewPagedList(PageSource[model.Employee]{Count: p.count, Fetch: p.fetch},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		p.bind,
		func(o fyne.CanvasObject) { o.(*widget.Label).SetText("…") })
	p.list.OnOpened = p.choose
	p.search.OnChanged = func(s string) { p.list.SetFilter(model.ListFilter{Text: s}) }
	p.search.OnSubmitted = func(string) { p.list.OpenFirst() }
	p.search.OnDown = p.list.FocusFirst
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	if len(people) == 0 {
		p.hint.SetText(lang.L("There are no active employees in this database. Add one with the command line (orderdesk help), then start again."))
	}

	content := container.NewBorder(
		container.NewVBox(widget.NewLabel(lang.L("Who is at this desk? Every change you make is recorded in your name.")), p.search),
		p.hint, nil, nil, p.list)
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Who are you?"), content, w)
	if cancellable {
		p.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), p.dialog.Hide)})
	}
	p.dialog.Resize(fyne.NewSize(460, 480))
	return p
}

// show opens the dialog with the cursor in the search box.
func (p *employeePicker) show(w fyne.Window) {
	p.dialog.Show()
	p.list.Reload()
	w.Canvas().Focus(p.search)
}

func (p *employeePicker) choose(e model.Employee) {
	p.dialog.Hide()
	p.chosen(&e)
}

// bind shows a person, in bold and blue if they are the one Enter in the
// search box takes (the first match), as a suggestion Enter would pick is.
func (p *employeePicker) bind(e model.Employee, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	first, ok := p.list.Item(0)
	enter := ok && first.ID == e.ID
	l.Text = e.Display()
	l.TextStyle.Bold = enter
	l.Importance = widget.MediumImportance
	if enter {
		l.Importance = widget.HighImportance
	}
	l.Refresh()
}

// matching returns the people matching text, best first: whose initials
// are what was typed ("CH" is Lin Chih-hao, not Chang Ya-ting, whose
// name merely holds it), then whose initials start with it, then the
// rest whose name, Chinese name or initials hold it, each group in the
// list's order.
func (p *employeePicker) matching(text string) []model.Employee {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return p.all
	}
	var exact, prefix, rest []model.Employee
	for _, e := range p.all {
		initials := strings.ToLower(e.Initials)
		switch {
		case initials == text:
			exact = append(exact, e)
		case strings.HasPrefix(initials, text):
			prefix = append(prefix, e)
		case strings.Contains(strings.ToLower(e.Name+"|"+e.NameZH+"|"+e.Initials), text):
			rest = append(rest, e)
		}
	}
	return append(append(exact, prefix...), rest...)
}

// count and fetch filter the few employees in memory; they are a PageSource
// so the picker behaves like every other list (Enter, arrows, debounce).
func (p *employeePicker) count(_ context.Context, f model.ListFilter) (int, error) {
	return len(p.matching(f.Text)), nil
}

func (p *employeePicker) fetch(_ context.Context, f model.ListFilter) ([]model.Employee, error) {
	m := p.matching(f.Text)
	end := min(f.Offset+f.Limit, len(m))
	if f.Offset >= end {
		return nil, nil
	}
	return m[f.Offset:end], nil
}
