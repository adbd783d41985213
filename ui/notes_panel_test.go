package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// TestActionItemAddedKeyboardOnly adds an action item to a customer with
// the keyboard only: Tab from the customer's last field into the panel,
// type the title and details, Space ticks "action item", a letter picks
// "Tomorrow", the assignee stays the clerk, Space on Add stores it.
func TestActionItemAddedKeyboardOnly(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	addEmployee(t, store, "Amy Chen", "陳美", "AC", false)
	c := addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newItemsDesk(t, store, clerk)
	d.win.Resize(fyne.NewSize(1200, 600)) // a small screen, so the form scrolls
	s := d.shell.customers
	d.do(func() { s.list.Open(0) })
	p := s.form.notes
	if p.id != c.ID || p.title.Disabled() {
		t.Fatalf("the panel is on %s %d", p.kind, p.id)
	}

	d.canvas().Focus(s.form.docLang)
	steps := []struct {
		field fyne.Focusable
		typed string
	}{
		{p.title, "Call about the card"},
		{p.body, "Expiry date on file is wrong."},
		{p.action, " "},
		{p.due.quick, "t"}, // Today → Tomorrow
		{p.due.date, ""},
		{p.due.calendar, ""},
		{p.assign, ""},
		{p.public, ""},
		{p.add, ""},
	}
	for i, st := range steps {
		d.tab()
		if d.focused() != st.field {
			t.Fatalf("step %d: focus on %T, want the field for %q", i, d.focused(), st.typed)
		}
		if st.field != p.add && st.field != p.due.calendar && !inView(s.form.fields, st.field.(fyne.CanvasObject)) {
			t.Errorf("step %d: the focused input is scrolled out of sight", i)
		}
		if st.typed != "" {
			d.typeText(st.typed)
		}
	}
	tomorrow := store.Today().AddDays(1)
	if p.due.date.Text != tomorrow.String() {
		t.Errorf("the quick pick gave %q", p.due.date.Text)
	}
	d.do(func() { p.add.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) }) // Space on Add

	notes, err := store.NotesOn(context.Background(), model.OnCustomer, c.ID)
	if err != nil || len(notes) != 1 {
		t.Fatalf("notes %v, %v (panel says %q)", notes, err, p.fields.Other.Text)
	}
	n := notes[0]
	if !n.IsAction || !n.Pending || n.DueOn != tomorrow || n.AssigneeID == nil || *n.AssigneeID != clerk.ID ||
		n.Title != "Call about the card" || n.Body != "Expiry date on file is wrong." || n.Public {
		t.Errorf("stored %+v", n)
	}
	if len(p.rows.Objects) != 1 || p.title.Text != "" || p.action.Checked {
		t.Errorf("after adding: %d rows, title %q", len(p.rows.Objects), p.title.Text)
	}
}

// TestNotesPanelRefusalsAndDone shows the model's refusal next to the
// field, assigns to a group, and marks the item done from its row.
func TestNotesPanelRefusalsAndDone(t *testing.T) {
	store := demoOffice(t, 0)
	yc := person(t, store, "YC")
	d := newItemsDesk(t, store, yc)
	p := d.shell.products.form.notes
	d.do(func() { d.shell.Show(SectionProducts) })
	d.do(func() { d.shell.products.list.Open(0) })
	if p.id == 0 {
		t.Fatal("no product opened")
	}
	before := len(p.notes)

	test := d.do
	test(p.onAdd) // no title
	if p.fields.Problem("Title") == "" {
		t.Errorf("no problem under the title; other: %q", p.fields.Other.Text)
	}
	p.title.SetText("Pulp price rise: review the plan")
	p.action.SetChecked(true)
	p.due.pick(3)
	found := false
	for i, l := range p.assign.Options {
		if l == "Finance 財務 (group)" {
			p.assign.SetSelectedIndex(i)
			found = true
		}
	}
	if !found {
		t.Fatalf("no Finance group among %v", p.assign.Options)
	}
	test(p.onAdd)
	if len(p.notes) != before+1 {
		t.Fatalf("notes %d, want %d (problem %q)", len(p.notes), before+1, p.fields.Other.Text)
	}
	n := p.notes[0]
	if n.AssignedGroup == nil || n.AssignedGroup.Code != "FIN" || n.DueOn != store.Today().AddDays(21) {
		t.Errorf("stored %+v", n)
	}
	// The newest row's Done button marks it done.
	row := p.rows.Objects[0].(*fyne.Container).Objects[0].(*fyne.Container)
	var done *widget.Button
	for _, o := range row.Objects {
		if b, ok := o.(*widget.Button); ok {
			done = b
		}
	}
	if done == nil {
		t.Fatal("no Done button on the action item")
	}
	test(func() { done.OnTapped() })
	if p.notes[0].Pending {
		t.Error("Done did not mark it done")
	}
}
