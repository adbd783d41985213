package ui

import (
	"testing"
)

// TestRefreshShowsAnotherDesksChanges: a customer saved at another desk
// shows up in the list when the section refreshes, and what the clerk was
// typing into the form is still there.
func TestRefreshShowsAnotherDesksChanges(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addCustomer(t, store, "C001", "金鼎印刷", "")
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionCustomers))
	s := d.shell.customers
	if s.list.Count() != 1 {
		t.Fatalf("%d customers listed, want 1", s.list.Count())
	}
	s.form.nameZH.SetText("正在輸入的名稱")

	addCustomer(t, store, "C002", "大同紙品行", "") // saved at another desk
	d.shell.refreshCurrent()
	d.settle()
	if s.list.Count() != 2 {
		t.Errorf("after the refresh %d customers are listed, want 2", s.list.Count())
	}
	if s.form.nameZH.Text != "正在輸入的名稱" {
		t.Errorf("the refresh replaced what the clerk typed with %q", s.form.nameZH.Text)
	}
}
