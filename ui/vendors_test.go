package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestVendorEnteredWithoutMouse enters a vendor with the keyboard only:
// Ctrl+7 opens Vendors, Ctrl+N, then type and Tab through every field in
// reading order, then Ctrl+S; every field reads back from the store.
func TestVendorEnteredWithoutMouse(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	d := newDeskTest(t, store, clerk)
	d.win.Resize(fyne.NewSize(1200, 600)) // a small screen, so the form scrolls
	d.shortcut(ShortcutSection(SectionVendors))
	if got := d.shell.tabs.SelectedIndex(); got != SectionVendors {
		t.Fatalf("Ctrl+7 selected section %d", got)
	}
	s := d.shell.vendors
	f := s.form
	if d.focused() != s.search {
		t.Errorf("the Vendors section opened with the focus on %T, not the search", d.focused())
	}

	d.shortcut(ShortcutNew)
	if f.heading.Text != "New vendor" {
		t.Errorf("heading %q", f.heading.Text)
	}
	steps := []formStep{
		{f.code, "v0100"},
		{f.nameZH, "長春紙漿股份有限公司"},
		{f.nameEN, "Chang Chun Pulp Co."},
		{f.phone, "04-2345 6789"},
		{f.fax, "04-2345 6790"},
		{f.email, "sales@ccpulp.com.tw"},
		{f.address, "台中市西屯區工業區一路20號"},
	}
	d.typeThrough(f.fields, steps)
	d.shortcut(ShortcutSave)

	got, err := store.VendorByCode(context.Background(), "V0100")
	if err != nil {
		t.Fatalf("vendor not saved: %v (form says %q / %q)", err, f.status.Text, f.fields.Other.Text)
	}
	want := model.Vendor{Code: "V0100", NameZH: "長春紙漿股份有限公司", NameEN: "Chang Chun Pulp Co.",
		Phone: "04-2345 6789", Fax: "04-2345 6790", Email: "sales@ccpulp.com.tw",
		Address: "台中市西屯區工業區一路20號", Active: true}
	if diff := model.Changes(&want, got); diff != "" {
		t.Errorf("stored vendor differs from what was typed:\n%s", diff)
	}
	if got.CreatedBy != "Ken Sewer" {
		t.Errorf("created by %q, want the clerk at the desk", got.CreatedBy)
	}
	if f.status.Text != "Saved." || f.stored.ID != got.ID || f.heading.Text != got.Display() {
		t.Errorf("after the save the form shows %q for id %d under %q", f.status.Text, f.stored.ID, f.heading.Text)
	}
	if s.list.Count() != 1 || s.count.Text != "1 vendor" {
		t.Errorf("the list shows %d vendors (%q) after the save, want 1", s.list.Count(), s.count.Text)
	}
	if f.notes == nil || f.notes.id != got.ID || f.notes.title.Disabled() {
		t.Error("the notes panel is not on the saved vendor")
	}
}

// TestVendorBadEmailShownAtField: a bad e-mail is shown under the e-mail
// as the clerk leaves it and again on a refused save, which stores
// nothing; a taken code is refused by the store, next to the code.
func TestVendorBadEmailShownAtField(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addVendor(t, store, "V001", "長春紙漿", "Chang Chun Pulp")
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionVendors))
	f := d.shell.vendors.form
	count := func() int {
		n, _ := store.CountVendors(context.Background(), model.ListFilter{IncludeInactive: true})
		return n
	}

	d.shortcut(ShortcutNew)
	d.typeText("V002")
	d.tab()
	d.typeText("東方紙管")
	d.canvas().Focus(f.email)
	d.typeText("sales@")
	d.tab() // leaving the field checks its format
	if got, want := f.fields.Problem("Email"), "sales@ is not an e-mail address (name@example.com)."; got != want {
		t.Errorf("after leaving the e-mail field: problem %q, want %q", got, want)
	}
	d.canvas().Focus(f.email)
	d.shortcut(ShortcutSave)
	if got := f.fields.Problem("Email"); got == "" {
		t.Error("the refused save shows no problem under the e-mail")
	}
	if got := f.fields.Problem("NameZH"); got != "" {
		t.Errorf("the name shows a problem it does not have: %q", got)
	}
	if n := count(); n != 1 {
		t.Errorf("%d vendors stored after a refused save, want 1", n)
	}

	f.email.SetText("sales@oriental-core.com.tw")
	if got := f.fields.Problem("Email"); got != "" {
		t.Errorf("the fixed e-mail still shows %q", got)
	}
	f.code.SetText("v001")
	d.shortcut(ShortcutSave)
	if got, want := f.fields.Problem("Code"), "Vendor code V001 is already in use."; got != want {
		t.Errorf("duplicate code: problem %q, want %q", got, want)
	}
	if n := count(); n != 1 {
		t.Errorf("%d vendors stored after a refused save, want 1", n)
	}
	// Esc puts back the new vendor's empty form.
	d.key(fyne.KeyEscape)
	if f.code.Text != "" || f.email.Text != "" || f.fields.Problem("Code") != "" {
		t.Errorf("Esc left code %q e-mail %q", f.code.Text, f.email.Text)
	}
}

// TestVendorDeactivateWithReason deactivates a vendor with a reason: it
// is kept, inactive, with the reason on its history, and leaves the
// default list; Show inactive lists it marked; Reactivate brings it back.
func TestVendorDeactivateWithReason(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	v := addVendor(t, store, "V001", "長春紙漿", "Chang Chun Pulp", func(v *model.Vendor) { v.Phone = "04-2233 4455" })
	addVendor(t, store, "V002", "東方紙管", "")
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionVendors))
	s := d.shell.vendors
	ctx := context.Background()

	d.typeText("22334455") // the phone, typed without its dashes
	if got := shownCodes(s.list); got != "V001" {
		t.Fatalf("searching the phone shows %q", got)
	}
	d.key(fyne.KeyReturn) // opens the first match
	if s.form.stored.ID != v.ID {
		t.Fatalf("Enter opened %q, want V001", s.form.stored.Code)
	}
	s.search.SetText("")
	d.settle()
	if !s.deactivate.Visible() || s.reactivate.Visible() {
		t.Fatalf("an active vendor offers deactivate=%v reactivate=%v", s.deactivate.Visible(), s.reactivate.Visible())
	}
	test.Tap(s.deactivate)
	if s.reason == nil || d.focused() != s.reason.reason {
		t.Fatal("Deactivate did not ask for a reason")
	}
	d.key(fyne.KeyReturn) // no reason given: refused
	if got := s.reason.problem.Text; got != "Say why this record is being deactivated." {
		t.Errorf("empty reason: problem %q", got)
	}
	d.typeText("工廠關閉")
	d.key(fyne.KeyReturn)

	got, _ := store.Vendor(ctx, v.ID)
	if got.Active {
		t.Fatal("the vendor is still active")
	}
	events, _ := store.EventsFor(ctx, "vendor", v.ID)
	if last := events[len(events)-1]; last.Action != model.ActDeactivated || last.Note != "工廠關閉" || last.By != "Ken Sewer" {
		t.Errorf("last event %+v", last)
	}
	if got := shownCodes(s.list); got != "V002" {
		t.Errorf("the default list shows %q, want only V002", got)
	}
	if s.form.heading.Text != "V001 長春紙漿 Chang Chun Pulp (inactive)" || !s.reactivate.Visible() || s.deactivate.Visible() {
		t.Errorf("heading %q, deactivate=%v reactivate=%v", s.form.heading.Text, s.deactivate.Visible(), s.reactivate.Visible())
	}
	test.Tap(s.inactive)
	d.settle()
	if got := shownCodes(s.list); got != "V001 V002" {
		t.Errorf("with Show inactive the list shows %q", got)
	}
	if !strings.Contains(markupText(s.list), "長春紙漿 / Chang Chun Pulp (inactive)") {
		t.Error("the inactive vendor's row is not marked inactive")
	}
	test.Tap(s.reactivate)
	d.settle()
	if got, _ := store.Vendor(ctx, v.ID); !got.Active {
		t.Error("Reactivate left the vendor inactive")
	}
}

// TestVendorActionItemKeyboardOnly adds an action item on a vendor with
// the keyboard only (Tab from the address into the notes panel), finds it
// in the clerk's queue, and Enter there opens the vendor again.
func TestVendorActionItemKeyboardOnly(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	v := addVendor(t, store, "V001", "長春紙漿", "Chang Chun Pulp")
	addVendor(t, store, "V002", "東方紙管", "Oriental Paper Core")
	d := newItemsDesk(t, store, clerk)
	d.win.Resize(fyne.NewSize(1200, 600))
	s := d.shell.vendors
	d.shortcut(ShortcutSection(SectionVendors))
	d.typeText("長春")
	d.key(fyne.KeyReturn)
	d.settle()
	p := s.form.notes
	if s.form.stored.ID != v.ID || p.kind != model.OnVendor || p.id != v.ID {
		t.Fatalf("opened vendor %d, the panel is on %s %d", s.form.stored.ID, p.kind, p.id)
	}

	d.canvas().Focus(s.form.address)
	steps := []struct {
		field fyne.Focusable
		typed string
	}{
		{p.title, "Ask for the new pulp price list"},
		{p.body, "Their rep said prices rise next month."},
		{p.action, " "},
		{p.due.quick, ""}, // Today
		{p.due.date, ""},
		{p.due.calendar, ""},
		{p.assign, ""}, // me
		{p.public, ""},
		{p.add, ""},
	}
	for i, st := range steps {
		d.tab()
		if d.focused() != st.field {
			t.Fatalf("step %d: focus on %T, want the field for %q", i, d.focused(), st.typed)
		}
		if st.typed != "" {
			d.typeText(st.typed)
		}
	}
	d.do(func() { p.add.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) })

	notes, err := store.NotesOn(context.Background(), model.OnVendor, v.ID)
	if err != nil || len(notes) != 1 {
		t.Fatalf("notes %v, %v (panel says %q)", notes, err, p.fields.Other.Text)
	}
	if n := notes[0]; !n.IsAction || !n.Pending || n.DueOn != store.Today() || n.AssigneeID == nil || *n.AssigneeID != clerk.ID {
		t.Errorf("stored %+v", n)
	}

	// The item is in the clerk's queue, named after the vendor.
	d.shortcut(ShortcutSection(SectionActionItems))
	d.settle()
	q := d.sec.queues
	if got := queueTitles(q); len(got) != 1 || got[0] != "Ask for the new pulp price list" {
		t.Fatalf("my queue %q", got)
	}
	if q.object.Text != "Vendor V001 長春紙漿 Chang Chun Pulp" || q.open.Disabled() {
		t.Errorf("the item is on %q (open disabled: %v)", q.object.Text, q.open.Disabled())
	}
	// Start a new vendor first: Enter in the queue must bring V001 back.
	d.do(func() { d.shell.Show(SectionVendors); s.OnNew() })
	if !s.form.stored.IsNew() || p.id != 0 {
		t.Fatalf("Ctrl+N left vendor %d on the form", s.form.stored.ID)
	}
	d.do(func() { d.shell.Show(SectionActionItems) })
	if d.focused() != q.list {
		t.Fatalf("the keyboard is on %T, not the queue", d.focused())
	}
	d.do(func() { q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if d.shell.tabs.SelectedIndex() != SectionVendors || s.form.stored.ID != v.ID {
		t.Errorf("Enter showed section %d with vendor %q, want V001", d.shell.tabs.SelectedIndex(), s.form.stored.Code)
	}
	if p.id != v.ID || len(p.notes) != 1 {
		t.Errorf("the vendor's notes panel is on %d with %d notes", p.id, len(p.notes))
	}
}

// TestVendorContacts adds a person at a vendor from the keyboard: the
// contact belongs to the vendor, and a vendor's people sign nothing.
func TestVendorContacts(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	v := addVendor(t, store, "V001", "長春紙漿", "Chang Chun Pulp")
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionVendors))
	s := d.shell.vendors
	d.settle()
	d.do(func() { s.list.Open(0) })
	d.settle()
	if s.form.stored.ID != v.ID {
		t.Fatalf("opened %q, want V001", s.form.stored.Code)
	}

	test.Tap(s.contacts.add)
	dlg := s.contacts.editor
	if d.focused() != dlg.name {
		t.Fatalf("the contact dialog opened with the focus on %T", d.focused())
	}
	if _, shown := dlg.fields.byName["CanSign"]; shown {
		t.Error("a vendor's contact is offered the right to sign order confirmations")
	}
	d.typeText("陳業務")
	d.tab()
	d.typeText("業務經理")
	dlg.phone.SetText("04-2300-2000 #31")
	test.Tap(dlg.save)
	d.settle()

	contacts, err := store.VendorContacts(context.Background(), v.ID)
	if err != nil || len(contacts) != 1 {
		t.Fatalf("vendor contacts %v, %v", contacts, err)
	}
	if got := contacts[0]; got.Name != "陳業務" || got.Title != "業務經理" || got.VendorID == nil || *got.VendorID != v.ID || got.CustomerID != nil || got.CanSign {
		t.Errorf("stored contact %+v", got)
	}
	if len(s.contacts.rows.Objects) != 1 {
		t.Fatalf("the panel shows %d contacts", len(s.contacts.rows.Objects))
	}
}
