package model

import (
	"time"
)

// OrderLine is one product on an order, with the prices the clerk checked
// it against at intake (seed 002 step 5) and, when its price strays from
// them, the salesperson's named confirmation.
type OrderLine struct {
	Row
	OrderID   uint     `gorm:"not null;uniqueIndex:idx_line_no,priority:1"`
	LineNo    int      `gorm:"not null;uniqueIndex:idx_line_no,priority:2"`
	ProductID uint     `gorm:"not null;index"`
	Product   *Product `gorm:"constraint:OnDelete:RESTRICT"`
	// Spec is the spec as ordered (it may differ from the catalogue's).
	Spec      string `gorm:"size:300;not null;default:''"`
	Qty       Qty    `gorm:"not null"`
	Unit      string `gorm:"size:10;not null"`
	UnitPrice Money  `gorm:"not null"`
	// DiscountPct is a discount on the line in whole percent.
	DiscountPct int   `gorm:"not null;default:0"`
	Amount      Money `gorm:"not null"`
	// PlanPrice is the price execution plan's price found at intake (0: none).
	PlanPrice Money `gorm:"not null;default:0"`
	// LastPrice is the last unit price this customer paid for the product (0: never bought).
	LastPrice Money `gorm:"not null;default:0"`
	// ProducedQty is the quantity QC counted (0 until inspected).
	ProducedQty Qty `gorm:"not null;default:0"`

	// The price confirmation of a deviating line: the salesperson confirms by
	// name; the doubt is reported to the CS supervisor and the marketing director.
	PriceConfirmed Signature  `gorm:"embedded;embeddedPrefix:price_confirmed_"`
	PriceReported  *time.Time // when the doubt was reported to the supervisor and director
	PriceNote      string     `gorm:"size:300;not null;default:''"`
}

func (l *OrderLine) label() string  { return "order line" }
func (l *OrderLine) entity() string { return "order_line" }

// NetUnitPrice returns the unit price after the line's discount, rounded to the cent.
func (l *OrderLine) NetUnitPrice() Money {
	if l.DiscountPct == 0 {
		return l.UnitPrice
	}
	return l.UnitPrice.Percent(100 - l.DiscountPct)
}

// amountFor returns the value of q units of this line, discount included.
func (l *OrderLine) amountFor(q Qty) Money {
	a := Amount(q, l.UnitPrice)
	if l.DiscountPct != 0 {
		a = a.Percent(100 - l.DiscountPct)
	}
	return a
}

// PriceDeviation is how a line's price compares with the plan and with what
// the customer paid last time.
type PriceDeviation struct {
	// PlanPct and LastPct are the deviation in percent (negative: cheaper);
	// the Has flags say whether there was anything to compare with.
	PlanPct, LastPct int
	HasPlan, HasLast bool
	// Beyond reports a deviation beyond the office's tolerance: the
	// salesperson must confirm the price by name.
	Beyond bool
}

// CheckPrice compares the line's net unit price with the price plan and the
// customer's last price; a difference beyond tolerancePct either way, or a
// product with no price in the plan at all, needs a named confirmation.
func (l *OrderLine) CheckPrice(tolerancePct int) PriceDeviation {
	net := l.NetUnitPrice()
	d := PriceDeviation{HasPlan: l.PlanPrice > 0, HasLast: l.LastPrice > 0}
	pct := func(ref Money) int {
		// Rounded away from zero so 3.4% over a 3% tolerance counts as 4%.
		diff := int64(net-ref) * 100
		q := diff / int64(ref)
		if diff%int64(ref) != 0 {
			if diff > 0 {
				q++
			} else {
				q--
			}
		}
		return int(q)
	}
	if d.HasPlan {
		d.PlanPct = pct(l.PlanPrice)
		d.Beyond = d.Beyond || abs(d.PlanPct) > tolerancePct
	} else {
		d.Beyond = true // nothing in the plan to justify the price
	}
	if d.HasLast {
		d.LastPct = pct(l.LastPrice)
		d.Beyond = d.Beyond || abs(d.LastPct) > tolerancePct
	}
	return d
}

// NeedsPriceConfirmation reports whether the line's price still awaits the salesperson.
func (l *OrderLine) NeedsPriceConfirmation(tolerancePct int) bool {
	return l.CheckPrice(tolerancePct).Beyond && !l.PriceConfirmed.Signed()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
