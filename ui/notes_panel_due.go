package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// dueInput is an action item's due date: a quick pick (today, tomorrow,
// next week, in 3 weeks — seed 003's drop-down list), the date it gives,
// which may be typed over, and a calendar.
type dueInput struct {
	quick    *Select
	date     *Entry
	calendar *widget.Button
	content  fyne.CanvasObject

	store dueStore
	popup *widget.PopUp
}

// dueStore is the store as a note's due date uses it; a test hands it one that fails.
type dueStore interface {
	Location() *time.Location
	Now() time.Time
	Today() model.Date
}

// quickDays are the days from today of the quick picks, in their order.
var quickDays = []int{0, 1, 7, 21}

func newDueInput(store dueStore) *dueInput {
	d := &dueInput{store: store, date: NewEntry()}
	d.quick = NewSelect([]string{lang.L("Today"), lang.L("Tomorrow"), lang.L("Next week"), lang.L("In 3 weeks")},
		func(string) {
			if i := d.quick.SelectedIndex(); i >= 0 {
				d.date.SetText(store.Today().AddDays(quickDays[i]).String())
			}
		})
	d.date.SetPlaceHolder("YYYY-MM-DD")
	d.calendar = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.openCalendar)
	// In this order, which is also the Tab order.
	// The date keeps the width to show a whole date (an entry pads its
	// text a little more than a label); the quick pick gives way.
	date := wholeWidth("2026-12-31") + 2*theme.InputBorderSize() + 2
	d.content = container.New(&columnsLayout{weights: []float32{1.3, 1.1, 0.35}, mins: []float32{0, date}}, d.quick, d.date, d.calendar)
	return d
}

// pick selects quick pick i (0: today).
func (d *dueInput) pick(i int) { d.quick.SetSelectedIndex(i) }

// value returns the date typed or picked.
func (d *dueInput) value() (model.Date, error) {
	return model.ParseDate(strings.TrimSpace(d.date.Text))
}

func (d *dueInput) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d.calendar)
	if c == nil {
		return
	}
	start := d.store.Now()
	if v, err := d.value(); err == nil {
		start = v.Time(d.store.Location())
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.date.SetText(model.DateOf(t).String())
		d.quick.ClearSelected()
		if d.popup != nil {
			d.popup.Hide()
		}
	})
	d.popup = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.calendar)
	d.popup.ShowAtPosition(pos.AddXY(0, d.calendar.Size().Height))
}
