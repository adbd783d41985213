package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// TestOrderListShowsLongNumbersWhole: a number past 99,999 in a year
// (SO-2026-168000) reads whole in the order list's number column at the
// widths a 1024- and a 1280-pixel window give the list (issue 23), and the
// columns still fill the row.
func TestOrderListShowsLongNumbersWhole(t *testing.T) {
	test.NewTempApp(t)
	no := model.FormatNumber(model.SeriesOrder, 2026, 168_000)
	for _, width := range []float32{1000, 1256} {
		row := newColumnsOf(orderColumnsLayout())
		setCells(row, no, "C0001 萬國紙業", "PO123456", "Checking", "2026-12-01", "2026-12-20", "NT$1,548,500", "")
		row.Resize(fyne.NewSize(width, row.MinSize().Height))
		cell := row.Objects[0].(*widget.Label)
		if need := wholeWidth(no); cell.Size().Width < need {
			t.Errorf("at %.0f px the number column is %.0f px wide, %s needs %.0f", width, cell.Size().Width, no, need)
		}
		last := row.Objects[len(row.Objects)-1]
		if end := last.Position().X + last.Size().Width; end < width-1 || end > width+1 {
			t.Errorf("at %.0f px the columns end at %.0f", width, end)
		}
	}
}
