package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestPickerInitialsComeFirst types a person's initials in "Who are you?":
// the person whose initials they are comes first (then initials starting
// with them, then names holding them), is the one shown marked, and is
// the one Enter asks the password of. It signed in Chang Ya-ting for "CH",
// whose name holds the letters, and marked nobody.
func TestPickerInitialsComeFirst(t *testing.T) {
	store := openTestStore(t)
	addEmployee(t, store, "Chang Ya-ting", "張雅婷", "YT", false)
	addEmployee(t, store, "Chen Yi-chun", "陳怡君", "YC", false)
	addEmployee(t, store, "Chrissi", "", "CI", false)
	addEmployee(t, store, "Chu Hsin-wei", "", "CHW", false)
	lin := addEmployee(t, store, "Lin Chih-hao", "林志豪", "CH", false)
	d := newDeskTest(t, store, nil)
	p := d.shell.picker
	if p == nil || d.focused() != p.search {
		t.Fatal("the start did not ask who is at the desk")
	}
	d.typeText("CH")

	var got []string
	for i := range p.list.Count() {
		o := p.list.CreateItem()
		p.list.UpdateItem(i, o)
		l := o.(*widget.Label)
		got = append(got, l.Text)
		if marked := l.TextStyle.Bold && l.Importance == widget.HighImportance; marked != (i == 0) {
			t.Errorf("row %d (%s) marked %v: only the row Enter takes is", i, l.Text, marked)
		}
	}
	want := []string{"Lin Chih-hao 林志豪 (CH)", "Chu Hsin-wei (CHW)", "Chang Ya-ting 張雅婷 (YT)", "Chen Yi-chun 陳怡君 (YC)", "Chrissi (CI)"}
	if len(got) != len(want) {
		t.Fatalf("CH lists %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("CH lists %q, want %q", got, want)
		}
	}

	d.key(fyne.KeyReturn)
	if d.shell.signin == nil || d.shell.signin.employee.ID != lin.ID {
		who := "nobody"
		if d.shell.signin != nil {
			who = d.shell.signin.employee.Name
		}
		t.Fatalf("Enter after CH asks the password of %s, want Lin Chih-hao", who)
	}
}
