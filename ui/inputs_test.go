package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestSelectIsWideEnoughForItsOptions: a picker of fixed options shows its
// longest option whole, not cut to the width of its "Choose…" placeholder.
func TestSelectIsWideEnoughForItsOptions(t *testing.T) {
	test.NewTempApp(t)
	long := "Awaiting sign-back"
	s := NewSelect([]string{"All open", long, "Overdue at any gate"}, nil).fitOptions()
	s.SetSelected(long)
	w := test.NewWindow(s)
	defer w.Close()
	size := theme.Size(theme.SizeNameText)
	need := fyne.MeasureText("Overdue at any gate", size, fyne.TextStyle{}).Width
	if got := s.MinSize().Width; got < need+theme.Size(theme.SizeNameInlineIcon) {
		t.Errorf("select %v wide, its longest option needs %v plus the icon", got, need)
	}
	short := NewSelect([]string{"A", "B"}, nil).fitOptions()
	if got, base := short.MinSize().Width, short.Select.MinSize().Width; got != base {
		t.Errorf("a select of short options grew from %v to %v", base, got)
	}
	// Without fitOptions a select keeps Fyne's size (a list of people
	// would otherwise widen a whole form).
	people := NewSelect([]string{"Me (Chen Yi-chun 陳怡君 (YC)) and a very long group name"}, nil)
	if got, base := people.MinSize().Width, people.Select.MinSize().Width; got != base {
		t.Errorf("a select without fitOptions grew from %v to %v", base, got)
	}
}
