package ui

import (
	"image"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/history"
	"orderdesk/model"
)

// showGates fills the gate panel: each step of seed 002 in the order of
// the procedure, done with who and when, or what is missing and who owes
// it; overdue steps in red.
func (d *orderDetail) showGates(v *orderView) {
	loc := d.store.Location()
	var rows []fyne.CanvasObject
	for _, s := range v.order.Steps(v.ctx.Office, v.events, d.store.Now()) {
		icon := widget.NewIcon(theme.RadioButtonIcon())
		var lines []string
		color := theme.ColorNameForeground
		switch {
		case s.Done:
			icon.SetResource(theme.ConfirmIcon())
			lines = append(lines, stepDoneBy(s, loc))
		case s.NotNeeded:
			icon.SetResource(theme.ContentRemoveIcon())
			lines = append(lines, lang.L("Not needed for this order"))
			color = theme.ColorNameDisabled
		default:
			for _, m := range s.Missing {
				lines = append(lines, Say(m))
			}
			if !s.Owes.IsZero() {
				lines = append(lines, Say(s.Owes))
			}
		}
		if s.Overdue {
			icon.SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
			color = theme.ColorNameError
			lines = append([]string{lang.L("Overdue")}, lines...)
		}
		// One rich text per gate: its name, then who and when or what is owed.
		text := widget.NewRichText(
			&widget.TextSegment{Text: lang.L(s.Name), Style: widget.RichTextStyle{ColorName: color, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: strings.Join(lines, "\n"), Style: widget.RichTextStyle{ColorName: color}})
		text.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, icon, nil, text))
		if s.Name == signBackStep {
			rows = append(rows, d.scanRows(v.scans, v.thumbs)...)
		}
	}
	d.gates.Objects = rows
	d.gates.Refresh()
}

// stepDoneBy says who did a step and when: "Chang Ya-ting · 2026-11-27 05:14",
// a day kept without its time (a payment, a ship or arrival date) alone
// ("2026-12-07", not midnight), or "Done" when
// neither is known.
func stepDoneBy(s model.Step, loc *time.Location) string {
	var parts []string
	if s.By != "" {
		parts = append(parts, s.By)
	}
	if s.At != nil {
		layout := "2006-01-02 15:04"
		if s.OnDay {
			layout = "2006-01-02"
		}
		parts = append(parts, s.At.In(loc).Format(layout))
	}
	if len(parts) == 0 {
		return lang.L("Done")
	}
	return strings.Join(parts, " · ")
}

// signBackStep is the name of the sign-back gate, beside which the
// returned scans are shown.
const signBackStep = "Signed confirmation"

// scanRows are the returned scans of the order (issue 19), newest first:
// the first page's thumbnail (or an icon, for a file that cannot be read),
// when it arrived, and a button; the thumbnail and the button open the file.
func (d *orderDetail) scanRows(scans []model.ScanReturn, thumbs map[uint]image.Image) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(scans))
	for _, r := range scans {
		line := widget.NewLabel(lang.L("Signed back by scan, arrived {{.At}}", map[string]any{"At": r.ArrivedAt.In(d.store.Location()).Format("2006-01-02 15:04")}))
		line.Wrapping = fyne.TextWrapWord
		path := r.StoredPath
		openIt := func() { d.openFile(path) }
		open := widget.NewButtonWithIcon(lang.L("Open scan"), theme.FileIcon(), openIt)
		var left fyne.CanvasObject = widget.NewIcon(theme.FileImageIcon())
		if img, ok := thumbs[r.ID]; ok {
			left = newScanThumb(img, r.ID, openIt)
		}
		// The button at its own height beside the taller thumbnail.
		rows = append(rows, container.NewBorder(nil, nil, left, container.NewCenter(open), line))
	}
	return rows
}

// showTimeline lists every event of the order, oldest first: when, who,
// what, the state it moved between and what changed.
func (d *orderDetail) showTimeline(events []model.Event) {
	loc := d.store.Location()
	rows := make([]fyne.CanvasObject, 0, len(events))
	for _, e := range events {
		line := history.Render(e, lang.L)
		title := widget.NewLabelWithStyle(line.Head(loc), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord // a long state change would widen the pane past its split
		if e.Action == model.OrdSlip {
			title.Importance = widget.WarningImportance
		}
		body := line.Body()
		if body == "" {
			rows = append(rows, title)
			continue
		}
		text := widget.NewLabel(body)
		text.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewVBox(title, text))
	}
	d.timeline.Objects = rows
	d.timeline.Refresh()
}
