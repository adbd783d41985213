package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestSectionsJoinTheWindowWhenShown: at the start only the first section's
// widgets are in the window (the tabs lay out and refresh every section
// they hold when first drawn, half the desk's build); another joins when it
// is first shown, by its tab or by a shortcut, and stays.
func TestSectionsJoinTheWindowWhenShown(t *testing.T) {
	store := openTestStore(t)
	d := newDeskTest(t, store, addEmployee(t, store, "Chen Yi-chun", "陳怡君", "YC", false))
	inWindow := func(sc screen) bool {
		found := false
		walkShown(d.win.Canvas().Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
			if o == sc.Content() {
				found = true
			}
		})
		return found
	}
	placed := func(sc screen) bool {
		for _, item := range d.shell.tabs.Items {
			if item.Content == sc.Content() {
				return true
			}
			if c, ok := item.Content.(*fyne.Container); ok && len(c.Objects) == 1 && c.Objects[0] == sc.Content() {
				return true
			}
		}
		return false
	}
	first := d.shell.screens[d.shell.tabs.SelectedIndex()]
	if !inWindow(first) {
		t.Fatal("the first section is not in the window")
	}
	for i, sc := range d.shell.screens {
		if sc != first && placed(sc) {
			t.Errorf("section %d is in its tab before it was shown", i)
		}
	}

	d.show(SectionTickets)
	if !inWindow(d.shell.screens[SectionTickets]) {
		t.Error("Tickets, shown, is not in the window")
	}
	// The Go menu's shortcut opens a section not shown before.
	d.shortcut(ShortcutSection(SectionProducts))
	d.settle()
	if !inWindow(d.shell.screens[SectionProducts]) {
		t.Error("Products, opened by its shortcut, is not in the window")
	}
	d.show(SectionOrders)
	if !inWindow(d.shell.screens[SectionOrders]) {
		t.Error("Orders, shown, is not in the window")
	}
	for _, i := range []int{SectionCustomers, SectionProducts} {
		if !placed(d.shell.screens[i]) {
			t.Errorf("section %d, shown once, left its tab", i)
		}
	}
}
