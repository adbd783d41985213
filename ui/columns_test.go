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

// TestOrderListShowsTheStateWhole: in a 1280-pixel window (the list is
// 1175 px wide there) the longest state of each language reads whole,
// the customer giving the room; at 1024 (920 px) the state column still shows.
func TestOrderListShowsTheStateWhole(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		width float32
		whole bool
	}{{1175, true}, {920, false}} {
		row := newColumnsOf(orderColumnsLayout())
		setCells(row, "SO-2026-00263", "A001 金鼎印刷股份有限公司", "PO274250", "Released to production",
			"2026-12-06", "2026-12-21", "NT$2,868,900", "Sign-back 7 days late, slipped to 2026-12-20")
		row.Resize(fyne.NewSize(tc.width, row.MinSize().Height))
		state, customer := row.Objects[3].(*widget.Label), row.Objects[1].(*widget.Label)
		if !state.Visible() {
			t.Fatalf("at %.0f px the state column hides", tc.width)
		}
		if need := wholeWidth("Released to production"); tc.whole && state.Size().Width < need {
			t.Errorf("at %.0f px the state column is %.0f px, the state needs %.0f", tc.width, state.Size().Width, need)
		}
		if customer.Size().Width < flexMin {
			t.Errorf("at %.0f px the customer column is %.0f px, less than %d", tc.width, customer.Size().Width, flexMin)
		}
	}
}

// TestCustomerListShowsThePhoneWhole: at the width a 1024-pixel window
// gives the customer list (440 px) the phone and the tier's heading read
// whole; the name gives way.
func TestCustomerListShowsThePhoneWhole(t *testing.T) {
	test.NewTempApp(t)
	c := &columnsLayout{weights: customerColumns, mins: customerMins()}
	row := newColumnsOf(c)
	setCells(row, "A001", "金鼎印刷股份有限公司 / Golden Tripod Printing", "A", "02-2100-1000", "林志豪")
	row.Resize(fyne.NewSize(440, row.MinSize().Height))
	if phone := row.Objects[3].(*widget.Label); phone.Size().Width < wholeWidth("02-2100-1000") {
		t.Errorf("the phone column is %.0f px, the number needs %.0f", phone.Size().Width, wholeWidth("02-2100-1000"))
	}
	head := newHeaderOf(&columnsLayout{weights: customerColumns, mins: customerMins()}, "Code", "Name", "Tier", "Phone", "Salesperson")
	head.Resize(fyne.NewSize(440, head.MinSize().Height))
	if tier := head.Objects[2].(*widget.Label); tier.Size().Width < boldWidth("Tier") {
		t.Errorf("the tier heading is %.0f px, it needs %.0f", tier.Size().Width, boldWidth("Tier"))
	}
}

// TestQueueShowsTheLatenessWhole: an action item's due day and how late it
// is read whole in a queue as narrow as at 1024 wide (480 px; it read
// "2026-12-07 (1 d…"), the title and object giving way and Assigned to
// hiding; the day alone stays whole even narrower.
func TestQueueShowsTheLatenessWhole(t *testing.T) {
	test.NewTempApp(t)
	due := dueText(model.NewDate(2026, 11, 25), model.NewDate(2026, 12, 7))
	for _, tc := range []struct {
		width float32
		whole string
	}{{700, due}, {480, due}, {360, "2026-11-25"}} {
		row := newColumnsOf(queueLayout())
		setCells(row, due, "call back about the date", "Customer C001 Pacific Pulp Trading", "Chen Yi-chun 陳怡君")
		row.Resize(fyne.NewSize(tc.width, row.MinSize().Height))
		if got := row.Objects[0].(*widget.Label).Size().Width; got < wholeWidth(tc.whole) {
			t.Errorf("at %.0f px the due column is %.0f px, %q needs %.0f", tc.width, got, tc.whole, wholeWidth(tc.whole))
		}
		if assigned := row.Objects[3].Visible(); assigned != (tc.width >= 700) {
			t.Errorf("at %.0f px Assigned to is shown: %v", tc.width, assigned)
		}
	}
}
