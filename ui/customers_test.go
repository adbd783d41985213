package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// TestCustomerEnteredWithoutMouse enters a complete customer with the
// keyboard only: Ctrl+N, then type and Tab through every field in reading
// order, then Ctrl+S; every field reads back from the store.
func TestCustomerEnteredWithoutMouse(t *testing.T) {
	store := openTestStore(t)
	// A manager: the customer's tier, deposit and terms are a manager's to set.
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", true)
	sales := addEmployee(t, store, "Amy Chen", "陳美", "AC", false)
	d := newDeskTest(t, store, clerk)
	d.win.Resize(fyne.NewSize(1200, 600)) // a small screen, so the form scrolls
	s := d.shell.customers
	f := s.form

	d.shortcut(ShortcutNew)
	steps := []formStep{
		{f.code, "c0100"},
		{f.nameZH, "萬國紙業股份有限公司"},
		{f.nameEN, "Wan Kuo Paper Co."},
		{f.tier, "a"},
		{f.deposit, "30"},
		{f.terms, "月結30天"},
		{f.contract, "SC-2026-014"},
		{f.managed, "MSC-2026-003"},
		{f.currency, ""}, // keeps TWD
		{f.salesperson, "A"},
		{f.phone, "02-2345 6789"},
		{f.fax, "02-2345 6790"},
		{f.email, "order@wankuo.com.tw"},
		{f.billing, "台北市中正區重慶南路一段10號"},
		{f.taxID, "24536806"},
		{f.incoterm.code, "E"},
		{f.incoterm.place, "Taoyuan"},
		{f.delivery, "新北市五股區五工路100號"},
		{f.region, "北部"},
		{f.docLang, "E"},
	}
	d.typeThrough(f.fields, steps)
	d.shortcut(ShortcutSave)

	got, err := store.CustomerByCode(context.Background(), "C0100")
	if err != nil {
		t.Fatalf("customer not saved: %v (form says %q / %q)", err, f.status.Text, f.fields.Other.Text)
	}
	want := model.Customer{Code: "C0100", NameZH: "萬國紙業股份有限公司", NameEN: "Wan Kuo Paper Co.", Tier: model.TierA,
		DepositPercent: 30, PaymentTerms: "月結30天", ContractRef: "SC-2026-014", ManagedContractRef: "MSC-2026-003", Currency: "TWD", SalespersonID: &sales.ID,
		Phone: "02-2345 6789", Fax: "02-2345 6790", Email: "order@wankuo.com.tw",
		BillingAddress: "台北市中正區重慶南路一段10號", TaxID: "24536806", DeliveryAddress: "新北市五股區五工路100號", Region: "北部",
		DeliveryTerms: model.DeliveryTerms{Incoterm: "EXW", IncotermPlace: "Taoyuan"}, DocLanguage: model.LangEN, Active: true}
	if diff := model.Changes(&want, got); diff != "" {
		t.Errorf("stored customer differs from what was typed:\n%s", diff)
	}
	if got.CreatedBy != "Ken Sewer" {
		t.Errorf("created by %q, want the clerk at the desk", got.CreatedBy)
	}
	if f.status.Text != "Saved." || f.stored.ID != got.ID {
		t.Errorf("after the save the form shows %q for id %d", f.status.Text, f.stored.ID)
	}
	if s.list.Count() != 1 {
		t.Errorf("list shows %d customers after the save, want 1", s.list.Count())
	}
}

// TestCustomerProblemsShownNextToFields checks that a refused save puts each
// problem under its own field and stores nothing, and that a format is
// checked as the clerk leaves the field.
func TestCustomerProblemsShownNextToFields(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newDeskTest(t, store, clerk)
	f := d.shell.customers.form

	d.shortcut(ShortcutNew)
	d.typeText("C0002")
	d.tab()
	d.typeText("大同印刷")
	d.canvas().Focus(f.email)
	d.typeText("orders@")
	d.tab() // leaving the field checks its format
	if got, want := f.fields.Problem("Email"), "orders@ is not an e-mail address (name@example.com)."; got != want {
		t.Errorf("after leaving the e-mail field: problem %q, want %q", got, want)
	}
	d.canvas().Focus(f.email)
	d.shortcut(ShortcutSave) // Ctrl+S with the cursor in a field reaches the window
	if got := f.fields.Problem("Email"); got == "" {
		t.Errorf("the refused save shows no problem under the e-mail")
	}
	if n, _ := store.CountCustomers(context.Background(), model.ListFilter{}); n != 1 {
		t.Errorf("%d customers stored after a refused save, want 1", n)
	}

	// Fixing the e-mail clears its problem while typing; a taken code is
	// then refused by the store, next to the code.
	f.email.SetText("orders@tatung.com.tw")
	if got := f.fields.Problem("Email"); got != "" {
		t.Errorf("the fixed e-mail still shows %q", got)
	}
	f.code.SetText("c0001")
	d.shortcut(ShortcutSave)
	if got, want := f.fields.Problem("Code"), "Customer code C0001 is already in use."; got != want {
		t.Errorf("duplicate code: problem %q, want %q", got, want)
	}
	if got := f.fields.Problem("NameZH"); got != "" {
		t.Errorf("the name shows a problem it does not have: %q", got)
	}
	if n, _ := store.CountCustomers(context.Background(), model.ListFilter{}); n != 1 {
		t.Errorf("%d customers stored after a refused save, want 1", n)
	}
}

// TestCustomerListFiltersAsYouType types Chinese into the search box and
// sees only the matching customers once the debounced load lands.
func TestCustomerListFiltersAsYouType(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	addCustomer(t, store, "C0002", "大同印刷", "Tatung Printing")
	addCustomer(t, store, "C0003", "長春紙業", "Chang Chun Paper", func(c *model.Customer) { c.Phone = "04-2233 4455" })
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers

	if s.list.Count() != 3 {
		t.Fatalf("the list starts with %d customers, want 3", s.list.Count())
	}
	d.shortcut(ShortcutFind)
	if d.focused() != s.search {
		t.Fatalf("Ctrl+F put the focus on %T, not the search box", d.focused())
	}
	d.typeText("紙業")
	if got := shownCodes(s.list); got != "C0001 C0003" {
		t.Errorf("searching 紙業 shows %q, want C0001 C0003", got)
	}
	if s.count.Text != "2 customers" {
		t.Errorf("count says %q", s.count.Text)
	}
	s.search.SetText("")
	d.settle()
	d.typeText("22334455") // a phone number, typed without its dashes
	if got := shownCodes(s.list); got != "C0003" {
		t.Errorf("searching a phone number shows %q, want C0003", got)
	}
	d.shortcut(ShortcutFind) // selects the search, so typing replaces it
	d.typeText("2233")
	if s.search.Text != "2233" {
		t.Errorf("typing after Ctrl+F left %q in the search box", s.search.Text)
	}
	s.search.SetText("22334455")
	d.settle()
	if d.shell.settings.Filter("customers") != "22334455" {
		t.Errorf("the search text is not remembered")
	}

	// Enter opens the first match; Down then Enter in the list opens a row.
	d.key(fyne.KeyReturn)
	if s.form.stored.Code != "C0003" {
		t.Errorf("Enter in the search box opened %q, want C0003", s.form.stored.Code)
	}
	s.search.SetText("")
	d.settle()
	d.canvas().Focus(s.search)
	d.key(fyne.KeyDown)
	d.key(fyne.KeyDown)
	d.key(fyne.KeyReturn)
	if s.form.stored.Code != "C0002" {
		t.Errorf("Down, Down, Enter opened %q, want C0002", s.form.stored.Code)
	}
}

// inView reports whether obj, a field of the form, lies inside the
// visible part of the form's scroll.
func inView(f *FieldForm, obj fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	off := f.scroll.Offset.Y
	return top >= off && top+obj.Size().Height <= off+f.scroll.Size().Height
}

// shownCodes returns the codes in the rows a master-data list shows, in order.
func shownCodes[T any](l *PagedList[T]) string {
	var codes []string
	for _, o := range test.LaidOutObjects(l) {
		if row, ok := o.(*fyne.Container); ok && len(row.Objects) == len(customerColumns) {
			if lbl, ok := row.Objects[0].(*widget.Label); ok && row.Visible() && lbl.Text != "" {
				codes = append(codes, lbl.Text)
			}
		}
	}
	return strings.Join(codes, " ")
}

// TestDeactivateCustomerAsksReason deactivates with a reason: the customer
// is kept, inactive, and leaves the default list; Show inactive brings it back.
func TestDeactivateCustomerAsksReason(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	c := addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	addCustomer(t, store, "C0002", "大同印刷", "Tatung Printing")
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers

	d.do(func() { s.list.Open(0) })
	d.settle()
	if s.form.stored.ID != c.ID {
		t.Fatalf("opened %q, want C0001", s.form.stored.Code)
	}
	test.Tap(s.deactivate)
	if s.reason == nil || d.canvas().Overlays().Top() == nil {
		t.Fatal("Deactivate did not ask for a reason")
	}
	test.Tap(s.reason.confirm) // no reason given: refused
	d.settle()
	if got := s.reason.problem.Text; got != "Say why this record is being deactivated." {
		t.Errorf("empty reason: problem %q", got)
	}
	d.typeText("Merged into C0002")
	test.Tap(s.reason.confirm)
	d.settle()

	got, _ := store.Customer(context.Background(), c.ID)
	if got.Active {
		t.Fatal("the customer is still active")
	}
	if shownCodes(s.list) != "C0002" {
		t.Errorf("the default list shows %q, want only C0002", shownCodes(s.list))
	}
	if !s.reactivate.Visible() || s.deactivate.Visible() {
		t.Errorf("the form offers deactivate=%v reactivate=%v for an inactive customer", s.deactivate.Visible(), s.reactivate.Visible())
	}
	test.Tap(s.inactive)
	d.settle()
	if shownCodes(s.list) != "C0001 C0002" {
		t.Errorf("with Show inactive the list shows %q", shownCodes(s.list))
	}
}

// TestCustomerSaveConflict edits a customer someone else saved meanwhile:
// the save is refused with the model's message, and Reload shows their change.
func TestCustomerSaveConflict(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	c := addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers
	d.do(func() { s.list.Open(0) })
	d.settle()

	other := *c
	other.Phone = "02-1111 2222"
	if err := store.SaveCustomer(context.Background(), model.Actor{Name: "Amy Chen"}, &other); err != nil {
		t.Fatal(err)
	}
	s.form.nameEN.SetText("Wan Kuo Paper Industries")
	d.shortcut(ShortcutSave)

	// (The time is in the machine's zone, so only the words are checked.)
	msg := s.form.fields.Other.Text
	if !strings.HasPrefix(msg, "customer C0001 was changed by Amy Chen at ") || !strings.Contains(msg, "Nothing was overwritten") {
		t.Errorf("conflict message %q", msg)
	}
	if s.conflict == nil {
		t.Fatal("no offer to reload")
	}
	s.conflict.Confirm()
	d.settle()
	if s.form.phone.Text != "02-1111 2222" || s.form.nameEN.Text != "Wan Kuo Paper" {
		t.Errorf("after Reload the form shows phone %q name %q, want the stored ones", s.form.phone.Text, s.form.nameEN.Text)
	}
}

// TestCustomerCancelReverts checks that Esc puts back what is stored.
func TestCustomerCancelReverts(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers
	d.do(func() { s.list.Open(0) })
	d.settle()
	d.canvas().Focus(s.form.nameZH)
	d.typeText("有限公司")
	d.key(fyne.KeyEscape)
	if s.form.nameZH.Text != "萬國紙業" {
		t.Errorf("Esc left %q in the name", s.form.nameZH.Text)
	}
}

// TestCustomerContacts adds a contact who may sign, then edits them.
func TestCustomerContacts(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	c := addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers
	d.do(func() { s.list.Open(0) })
	d.settle()

	test.Tap(s.contacts.add)
	dlg := s.contacts.editor
	if d.focused() != dlg.name {
		t.Fatalf("the contact dialog opened with the focus on %T", d.focused())
	}
	d.typeText("王小明")
	d.tab()
	d.typeText("採購經理")
	dlg.email.SetText("wang@")
	test.Tap(dlg.save)
	d.settle()
	if dlg.fields.Problem("Email") == "" {
		t.Fatal("a bad e-mail was not shown next to the field")
	}
	dlg.email.SetText("wang@wankuo.com.tw")
	test.Tap(dlg.canSign)
	test.Tap(dlg.save)
	d.settle()

	contacts, err := store.ContactsOf(context.Background(), c.ID)
	if err != nil || len(contacts) != 1 {
		t.Fatalf("contacts %v, %v", contacts, err)
	}
	if got := contacts[0]; got.Name != "王小明" || got.Title != "採購經理" || !got.CanSign || got.Email != "wang@wankuo.com.tw" {
		t.Errorf("stored contact %+v", got)
	}
	if len(s.contacts.rows.Objects) != 1 {
		t.Fatalf("the panel shows %d contacts", len(s.contacts.rows.Objects))
	}
	row := s.contacts.rows.Objects[0].(*fyne.Container)
	var edit *widget.Button
	for _, o := range row.Objects {
		if b, ok := o.(*widget.Button); ok {
			edit = b
		}
	}
	test.Tap(edit)
	s.contacts.editor.phone.SetText("02-2345 6789 ext 12")
	test.Tap(s.contacts.editor.save)
	d.settle()
	contacts, _ = store.ContactsOf(context.Background(), c.ID)
	if contacts[0].Phone != "02-2345 6789 ext 12" {
		t.Errorf("edited phone %q", contacts[0].Phone)
	}
}

// TestCustomerScreenMarkup pins the customer screen's layout (regenerate on
// purpose: copy testdata/failed/customers.xml over testdata/customers.xml).
func TestCustomerScreenMarkup(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	sales := addEmployee(t, store, "Amy Chen", "陳美", "AC", false)
	// The office's manager sets the tier; the desk is the clerk's.
	sales.Manager = true
	if err := store.SaveEmployee(context.Background(), setup, sales); err != nil {
		t.Fatal(err)
	}
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper", func(c *model.Customer) {
		c.Tier, c.DepositPercent, c.SalespersonID, c.Phone = model.TierA, 30, &sales.ID, "02-2345 6789"
		c.BillingAddress = "台北市中正區重慶南路一段10號"
	})
	addCustomer(t, store, "C0002", "大同印刷", "Tatung Printing")
	d := newDeskTest(t, store, clerk)
	s := d.shell.customers
	d.do(func() { s.list.Open(0) })
	d.settle()
	s.form.email.SetText("not-an-address")
	s.form.email.FocusLost()
	d.relayout()
	test.AssertRendersToMarkup(t, "customers.xml", d.canvas())
}

// TestCustomerNameProblemGoesWithTheEnglishName: a save refused for want of
// a name shows the problem under the Chinese name; typing the English name
// takes it away at once, not at the next Save. A code the store refused
// stays refused while another field is typed in.
func TestCustomerNameProblemGoesWithTheEnglishName(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	d := newDeskTest(t, store, clerk)
	f := d.shell.customers.form

	d.shortcut(ShortcutNew)
	d.typeText("C0001")
	d.shortcut(ShortcutSave)
	if f.fields.Problem("NameZH") == "" {
		t.Fatal("a customer without a name saved, or no problem under its name")
	}
	d.canvas().Focus(f.nameEN)
	d.typeText("Tatung Printing")
	if got := f.fields.Problem("NameZH"); got != "" {
		t.Errorf("with the English name typed the Chinese name still shows %q", got)
	}
	if got := f.parts().status.Text; got != "" {
		t.Errorf("with the English name typed the line beside Save still says %q", got)
	}
	d.shortcut(ShortcutSave)
	if f.fields.Problem("Code") == "" {
		t.Fatal("the taken code C0001 shows no problem")
	}
	d.canvas().Focus(f.nameEN)
	d.typeText(" Co.")
	if got := f.fields.Problem("Code"); got == "" {
		t.Errorf("typing the English name took away the store's refusal of the code")
	}
}
