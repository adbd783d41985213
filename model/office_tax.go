package model

import (
	"fmt"
	"strings"
	"time"
)

// DefaultTimeZone is the office's time zone until a manager sets another.
const DefaultTimeZone = "Asia/Taipei"

// LoadTimeZone returns the named IANA time zone; empty means the default.
// "Local" is refused: the desk's own zone is exactly what documents must
// not depend on.
func LoadTimeZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultTimeZone
	}
	if strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("time zone %q: name the office's zone", name)
	}
	return time.LoadLocation(name)
}

// Location returns the office's time zone (the default one if the setting
// cannot be read, which Validate never lets be saved).
func (o Office) Location() *time.Location {
	if loc, err := LoadTimeZone(o.TimeZone); err == nil {
		return loc
	}
	loc, _ := LoadTimeZone(DefaultTimeZone)
	return loc
}

// Taxed is an amount split into its untaxed part and the business tax.
type Taxed struct {
	Untaxed, Tax, Total Money
	RatePct             int
	// Included says the prices already included the tax: Total is the
	// amount as priced and the split is not printed.
	Included bool
}

// Tax splits an amount by the office's tax setting: with prices excluding
// tax the tax (rounded to the cent) is added; with prices including it the
// amount is the total and the untaxed part is what remains without the tax.
func (o Office) Tax(amount Money) Taxed {
	t := Taxed{RatePct: o.TaxRatePct, Included: o.PricesIncludeTax}
	if o.PricesIncludeTax {
		t.Total = amount
		t.Untaxed = amount
		if o.TaxRatePct > 0 {
			t.Untaxed = Money(roundDivInt(int64(amount)*100, int64(100+o.TaxRatePct)))
		}
		t.Tax = t.Total - t.Untaxed
		return t
	}
	t.Untaxed, t.Tax = amount, amount.Percent(o.TaxRatePct)
	t.Total = t.Untaxed + t.Tax
	return t
}

// BalanceDueWithTax is what the customer owes for the goods produced with
// the business tax the office adds to its prices: the produced value and
// its tax, less what is paid (BalanceDue where prices include the tax).
func (o *Order) BalanceDueWithTax(off Office) Money {
	if d := off.Tax(o.ProducedValue()).Total - o.PaidTotal(); d > 0 {
		return d
	}
	return 0
}

// roundDivInt divides rounding half away from zero.
func roundDivInt(p, d int64) int64 {
	neg := p < 0
	if neg {
		p = -p
	}
	q, r := p/d, p%d
	if r*2 >= d {
		q++
	}
	if neg {
		return -q
	}
	return q
}
