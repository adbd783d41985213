package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// inScrollView reports whether obj, inside scroll's content, lies whole
// within what the scroll shows.
func inScrollView(scroll *container.Scroll, obj fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(scroll.Content).Y
	off := scroll.Offset.Y
	return top >= off-0.5 && top+obj.Size().Height <= off+scroll.Size().Height+0.5
}

// TestIntakeFollowsTheKeyboard tabs through the intake at 1280×800 from
// the lines into the terms: every field typed into is in sight. The next
// new order opens at the top, and a refused save scrolls to the problem.
func TestIntakeFollowsTheKeyboard(t *testing.T) {
	store := demoStore(t, 0)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	o.win.Resize(fyne.NewSize(1280, 800))
	f := o.s.intake

	o.shortcut(ShortcutNew)
	o.typeText("金鼎")
	o.key(fyne.KeyReturn)
	if f.cust == nil {
		t.Fatalf("no customer picked: %q", f.customer.Text)
	}
	if o.focused() != f.lines.rows[0].product {
		t.Fatalf("the pick left the cursor on %T", o.focused())
	}
	o.line("WF-80-787", "120", false)
	o.line("KR-120-900", "80", true)
	for i := 0; o.focused() != f.answerBy; i++ {
		if i == 30 {
			t.Fatalf("30 Tabs from the lines did not reach the answer time (focus on %T)", o.focused())
		}
		o.tab()
		if _, field := o.focused().(interface{ onFocus(func()) }); field && !inScrollView(f.scroll, o.focused().(fyne.CanvasObject)) {
			t.Errorf("Tab %d: the focused %T is out of sight (scrolled to %.0f of %.0f)", i+1, o.focused(),
				f.scroll.Offset.Y, f.scroll.Content.Size().Height)
		}
	}
	if f.scroll.Offset.Y == 0 {
		t.Fatal("the terms fit the window: the test shows nothing at this size")
	}

	// A requested date that is no date, typed with the form scrolled to the
	// top: Ctrl+S refuses it and shows it.
	o.do(func() {
		f.requested.SetText("someday")
		f.scroll.ScrollToTop()
		o.canvas().Focus(f.channel)
	})
	o.shortcut(ShortcutSave)
	if f.terms.Problem("RequestedDate") == "" {
		t.Fatalf("no problem at the requested date: %q %q", f.status.Text, f.terms.Other.Text)
	}
	if !inScrollView(f.scroll, f.requested) {
		t.Errorf("the refused date is out of sight (scrolled to %.0f)", f.scroll.Offset.Y)
	}

	o.do(func() {
		f.scroll.ScrollToBottom()
		f.changed = false // the draft is not the point here
		f.leave()
	})
	o.shortcut(ShortcutNew)
	if f.scroll.Offset.Y != 0 {
		t.Errorf("the next new order opens scrolled to %.0f, not the top", f.scroll.Offset.Y)
	}
}

// TestAnyFormFollowsTheKeyboard places a long form in a plain scroll, as a
// screen or a dialog does: the field focused and the first problem shown
// are scrolled into sight without the form being told of the scroll.
func TestAnyFormFollowsTheKeyboard(t *testing.T) {
	test.NewTempApp(t)
	form := NewFieldForm()
	entries := make([]*Entry, 30)
	for i := range entries {
		entries[i] = NewEntry()
		form.Add(fmt.Sprintf("F%d", i), fmt.Sprintf("Field %d", i), entries[i])
	}
	scroll := container.NewVScroll(form.Content())
	w := test.NewWindow(container.NewBorder(nil, nil, nil, nil, scroll))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 400))

	w.Canvas().Focus(entries[25])
	if !inScrollView(scroll, entries[25]) {
		t.Errorf("the focused field 25 is out of sight (scrolled to %.0f)", scroll.Offset.Y)
	}
	scroll.ScrollToTop()
	form.ShowFieldErrors(model.FieldErrors{{Field: "F20", Msg: model.M("Wrong")}, {Field: "F28", Msg: model.M("Wrong")}})
	if !inScrollView(scroll, entries[20]) {
		t.Errorf("the first problem, at field 20, is out of sight (scrolled to %.0f)", scroll.Offset.Y)
	}
}
