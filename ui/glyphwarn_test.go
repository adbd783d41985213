package ui

import (
	"strings"
	"testing"
)

// TestSaveWarnsOfUnprintableCharacters: a customer saved with a character
// the documents' font lacks (an emoji, 𠀋 beyond the font's plane) is saved,
// and the clerk is told at once which characters will print as □; a name
// every document prints says only "Saved.".
func TestSaveWarnsOfUnprintableCharacters(t *testing.T) {
	store := openTestStore(t)
	boss := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", true)
	d := newDeskTest(t, store, boss)
	s := d.shell.customers
	f := s.form
	for _, tc := range []struct {
		code, name string
		want       []string
	}{
		{"C0200", "好運來紙行 🍀 𠀋記", []string{"🍀", "𠀋", "□"}},
		{"C0201", "萬國紙業股份有限公司", nil},
	} {
		d.shortcut(ShortcutNew)
		d.typeThrough(f.fields, []formStep{{f.code, tc.code}, {f.nameZH, tc.name}, {f.nameEN, "Lucky"}})
		d.shortcut(ShortcutSave)
		d.settle()
		if f.stored.ID == 0 {
			t.Fatalf("%s not saved: %q / %q", tc.code, f.status.Text, f.fields.Other.Text)
		}
		got := f.status.Text
		if tc.want == nil && got != "Saved." {
			t.Errorf("%s: the save says %q, want only Saved.", tc.name, got)
		}
		for _, w := range tc.want {
			if !strings.HasPrefix(got, "Saved.") || !strings.Contains(got, w) {
				t.Errorf("%s: the save says %q, want it saved and naming %q", tc.name, got, w)
			}
		}
	}
}
