package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestProductEnteredAndRead enters a product by keyboard, with a number
// typed wrong first, and reads it back; the unit select shows unit names.
func TestProductEnteredAndRead(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionProducts))
	s := d.shell.products
	if d.shell.tabs.SelectedIndex() != SectionProducts {
		t.Fatalf("Ctrl+6 selected section %d", d.shell.tabs.SelectedIndex())
	}
	f := s.form
	if got := f.unit.Options[indexOf(model.Units, "m")]; got != "metre" {
		t.Errorf("the unit m is offered as %q, want its name", got)
	}

	d.shortcut(ShortcutNew)
	for i, typed := range []string{"p-80-1060", "道林紙 80g", "Woodfree 80g", "106O", "80", "6000", "76", "白 / 單面印刷 4C", "r"} {
		if i > 0 {
			d.tab()
		}
		d.typeText(typed)
	}
	d.shortcut(ShortcutSave)
	if got := f.fields.Problem("WidthMM"); got != "Enter a whole number." {
		t.Fatalf("a letter in the width shows %q next to it", got)
	}
	f.width.SetText("1060")
	d.shortcut(ShortcutSave)

	p, err := store.ProductByCode(context.Background(), "P-80-1060")
	if err != nil {
		t.Fatalf("product not saved: %v (%q)", err, f.fields.Other.Text)
	}
	want := model.Product{Code: "P-80-1060", NameZH: "道林紙 80g", NameEN: "Woodfree 80g", WidthMM: 1060, Grammage: 80,
		LengthM: 6000, CoreMM: 76, ColourSpec: "白 / 單面印刷 4C", Unit: "ream", Active: true}
	if diff := model.Changes(&want, p); diff != "" {
		t.Errorf("stored product differs:\n%s", diff)
	}
}

// TestProductPricesAndDeactivation shows a product's price plan and
// deactivates it with a reason.
func TestProductPricesAndDeactivation(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	manager := addEmployee(t, store, "Wang Mei-ling", "", "ML", true) // price plans are a manager's
	c := addCustomer(t, store, "C0001", "萬國紙業", "Wan Kuo Paper")
	p := addProduct(t, store, "P-80-1060", "道林紙 80g", func(p *model.Product) { p.WidthMM, p.Grammage = 1060, 80 })
	ctx := context.Background()
	for _, pr := range []*model.Price{
		{ProductID: p.ID, UnitPrice: model.MoneyOf(1200), ValidFrom: model.NewDate(2026, 1, 1)},
		{ProductID: p.ID, CustomerID: &c.ID, UnitPrice: model.MoneyOf(1150), ValidFrom: model.NewDate(2026, 6, 1), Note: "年度合約"},
	} {
		if err := store.SavePrice(ctx, manager.Actor(), pr); err != nil {
			t.Fatal(err)
		}
	}
	d := newDeskTest(t, store, clerk)
	d.show(SectionProducts)
	s := d.shell.products
	d.do(func() { s.list.Open(0) })
	d.settle()
	if len(s.prices.rows.Objects) != 2 {
		t.Fatalf("the price plan shows %d rows, want 2", len(s.prices.rows.Objects))
	}
	if got := shownTexts(s.prices.rows); len(got) < 10 || got[0] != "List price" || got[1] != "NT$1,200" ||
		got[5] != "C0001 萬國紙業 Wan Kuo Paper" || got[6] != "NT$1,150" || got[9] != "年度合約" {
		t.Errorf("price rows show %q", got)
	}

	test.Tap(s.deactivate)
	d.typeText("停產")
	d.key("Return")
	if got, _ := store.Product(ctx, p.ID); got.Active {
		t.Error("the product is still active")
	}
	if s.list.Count() != 0 {
		t.Errorf("the default list still shows %d products", s.list.Count())
	}
	test.Tap(s.reactivate)
	d.settle()
	if got, _ := store.Product(ctx, p.ID); !got.Active {
		t.Error("Reactivate left the product inactive")
	}
}
