package ui

import (
	"testing"

	"orderdesk/model"
)

// TestEverySectionFitsTheWindow: no section asks for more than the
// 1280×800 window, on a new office and on the demo office. A section whose
// content is wider makes the desktop driver widen the window past the
// screen (a new office's Settings, with the ticket types' table laid out as
// a grid, made it 1877 px wide, the sign-in off centre and the order list
// cut at the right).
func TestEverySectionFitsTheWindow(t *testing.T) {
	for name, open := range map[string]func(t *testing.T) (*model.Store, *model.Employee){
		"new office": func(t *testing.T) (*model.Store, *model.Employee) {
			store := openTestStore(t)
			return store, addEmployee(t, store, "Lee Ann", "", "LA", true)
		},
		"demo office": func(t *testing.T) (*model.Store, *model.Employee) {
			store := demoStore(t, 0)
			return store, employee(t, store, "ML")
		},
	} {
		t.Run(name, func(t *testing.T) {
			store, boss := open(t)
			d := newDeskTest(t, store, boss)
			for i, sc := range d.shell.screens {
				d.show(i)
				if w := d.win.Content().MinSize().Width; w > 1280 {
					t.Errorf("section %d (%T): the window needs %.0f px, wider than 1280 (the section asks %.0f)",
						i, sc, w, sc.Content().MinSize().Width)
				}
			}
		})
	}
}
