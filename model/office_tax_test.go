package model

import (
	"context"
	"errors"
	"testing"
)

// TestOfficeTax: the business tax is added to untaxed prices at the
// office's rate, or split out of prices that include it.
func TestOfficeTax(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rate     int
		included bool
		amount   Money
		want     Taxed
	}{
		{"5 % added", 5, false, 1_265_050_00, Taxed{Untaxed: 1_265_050_00, Tax: 63_252_50, Total: 1_328_302_50, RatePct: 5}},
		{"rounded to the cent", 5, false, 1_01, Taxed{Untaxed: 1_01, Tax: 5, Total: 1_06, RatePct: 5}},
		{"no tax", 0, false, 100_00, Taxed{Untaxed: 100_00, Total: 100_00}},
		{"included", 5, true, 105_00, Taxed{Untaxed: 100_00, Tax: 5_00, Total: 105_00, RatePct: 5, Included: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOffice()
			o.TaxRatePct, o.PricesIncludeTax = tc.rate, tc.included
			if got := o.Tax(tc.amount); got != tc.want {
				t.Errorf("Tax(%v) = %+v, want %+v", tc.amount, got, tc.want)
			}
		})
	}
}

// TestOfficeTaxAndZoneSettings: a new office's prices include 5 % tax, in
// Asia/Taipei;
// the settings are kept, and a zone that does not exist is refused.
func TestOfficeTaxAndZoneSettings(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	o, _ := s.Office(ctx)
	if o.TaxRatePct != 5 || !o.PricesIncludeTax || o.Location().String() != "Asia/Taipei" {
		t.Fatalf("new office: rate %d, included %v, zone %v", o.TaxRatePct, o.PricesIncludeTax, o.Location())
	}
	o.TaxRatePct, o.PricesIncludeTax, o.TimeZone = 10, false, "America/New_York"
	if err := s.SaveOffice(ctx, boss.Actor(), o); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Office(ctx)
	if got.TaxRatePct != 10 || got.PricesIncludeTax || got.Location().String() != "America/New_York" {
		t.Errorf("kept: rate %d, included %v, zone %v", got.TaxRatePct, got.PricesIncludeTax, got.Location())
	}
	for _, zone := range []string{"Mars/Olympus", "Local"} {
		o.TimeZone = zone
		var fe FieldErrors
		if err := s.SaveOffice(ctx, boss.Actor(), o); !errors.As(err, &fe) || fe.For("TimeZone").IsZero() {
			t.Errorf("zone %q saved: %v", zone, err)
		}
	}
}

// TestCustomerTaxIDKept: the customer's tax ID is a column of its own.
func TestCustomerTaxIDKept(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	c := NewCustomer()
	c.Code, c.NameZH, c.TaxID = "C001", "萬國紙業", " 12345675 "
	if err := s.SaveCustomer(ctx, Actor{Name: "t"}, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Customer(ctx, c.ID)
	if err != nil || got.TaxID != "12345675" {
		t.Fatalf("tax ID %q, %v", got.TaxID, err)
	}
}

// TestBalanceDueWithTax: the balance the customer owes carries the tax the
// office adds; where prices include it, it is the balance as it was.
func TestBalanceDueWithTax(t *testing.T) {
	o := &Order{Lines: []OrderLine{{Qty: QtyOf(10), UnitPrice: 100_00, Amount: 1000_00}}, Total: 1000_00, BalancePaid: 400_00}
	added, included := DefaultOffice(), DefaultOffice()
	added.PricesIncludeTax = false
	if got := o.BalanceDueWithTax(added); got != o.ProducedValue()+o.ProducedValue().Percent(5)-400_00 {
		t.Errorf("tax added: %v (produced %v)", got, o.ProducedValue())
	}
	if got := o.BalanceDueWithTax(included); got != o.BalanceDue() {
		t.Errorf("tax included: %v, want %v", got, o.BalanceDue())
	}
}
