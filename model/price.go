package model

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"
)

// Price is one line of the price execution plan (價格執行方案): the unit
// price of a product, for every customer (list price) or for one customer,
// valid from a day and, optionally, until a day (inclusive).
type Price struct {
	Row
	ProductID  uint      `gorm:"not null;index:idx_prices_lookup,priority:1"`
	Product    *Product  `gorm:"constraint:OnDelete:RESTRICT"`
	CustomerID *uint     `gorm:"index:idx_prices_lookup,priority:2"`
	Customer   *Customer `gorm:"constraint:OnDelete:RESTRICT"`
	UnitPrice  Money     `gorm:"not null"`
	Currency   string    `gorm:"size:3;not null"`
	ValidFrom  Date      `gorm:"size:10;not null;index:idx_prices_lookup,priority:3"`
	// ValidTo is the last day the price applies; zero means until replaced.
	ValidTo Date   `gorm:"size:10"`
	Note    string `gorm:"size:200;not null;default:''"`
}

func (p *Price) label() string  { return "price" }
func (p *Price) entity() string { return "price" }

// ValidOn reports whether the price applies on day d.
func (p *Price) ValidOn(d Date) bool {
	return !d.Before(p.ValidFrom) && (p.ValidTo.IsZero() || !d.After(p.ValidTo))
}

// Validate returns every problem with the price's own fields.
func (p *Price) Validate() FieldErrors {
	var fe FieldErrors
	if p.ProductID == 0 {
		fe.Add("ProductID", "Choose the product this price is for.")
	}
	if p.UnitPrice <= 0 {
		fe.Add("UnitPrice", "Enter a unit price above zero.")
	}
	if len(p.Currency) != 3 {
		fe.Add("Currency", "Use a three-letter currency code such as TWD or USD.")
	}
	if p.ValidFrom.IsZero() {
		fe.Add("ValidFrom", "Enter the first day this price applies.")
	}
	if !p.ValidTo.IsZero() && p.ValidTo.Before(p.ValidFrom) {
		fe.Add("ValidTo", "The last day cannot be before the first day.")
	}
	return fe
}

// SavePrice stores a new or changed price. Two prices for the same product
// and customer may not apply on the same day: the plan must say one price.
func (s *Store) SavePrice(ctx context.Context, by Actor, p *Price) error {
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	if p.Currency == "" {
		p.Currency = "TWD"
	}
	if fe := p.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, p, func(tx *gorm.DB) error {
		if err := requirePriceManager(tx, by); err != nil {
			return err
		}
		return checkPriceOverlap(tx, p)
	})
}

// MayChangePrices returns nil when by may add, change or end prices, or
// the refusal saying why not: the price plan shows its buttons disabled
// with that sentence then.
func (s *Store) MayChangePrices(ctx context.Context, by Actor) error {
	return requirePriceManager(s.reader(ctx), by)
}

// requirePriceManager refuses a change to a price plan unless by is an
// active manager (issue 16: prices decide which orders need a sign-off).
func requirePriceManager(tx *gorm.DB, by Actor) error {
	return requireManager(tx, by, M("Only a manager may change a price plan."))
}

func checkPriceOverlap(tx *gorm.DB, p *Price) error {
	q := tx.Model(&Price{}).Where("product_id = ? AND id <> ?", p.ProductID, p.ID)
	if p.CustomerID == nil {
		q = q.Where("customer_id IS NULL")
	} else {
		q = q.Where("customer_id = ?", *p.CustomerID)
	}
	// Periods [a,b] and [c,d] overlap when a <= d and c <= b; an open end is infinity.
	if !p.ValidTo.IsZero() {
		q = q.Where("valid_from <= ?", p.ValidTo)
	}
	q = q.Where("(valid_to IS NULL OR valid_to >= ?)", p.ValidFrom)
	var other Price
	if err := q.Order("valid_from").Take(&other).Error; err == nil {
		until := other.ValidTo.String()
		if until == "" {
			until = "…"
		}
		return FieldErrors{{"ValidFrom", M("Overlaps the price of {{.Price}} valid {{.From}} to {{.To}}: end that one first.",
			"Price", FormatMoney(other.UnitPrice, other.Currency), "From", other.ValidFrom.String(), "To", until)}}
	} else if !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	return nil
}

// ValidPrice returns the price of a product for a customer on a day: the
// customer's own price when one applies, else the list price. It returns
// ErrNotFound when the plan has no price for that day.
func (s *Store) ValidPrice(ctx context.Context, productID uint, customerID uint, on Date) (*Price, error) {
	return validPrice(s.reader(ctx), productID, customerID, on)
}

func validPrice(db *gorm.DB, productID uint, customerID uint, on Date) (*Price, error) {
	var p Price
	// One query (the intake looks a price up for every line): the
	// customer's own prices sort before the list prices, the latest first.
	err := db.Where("product_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)", productID, on, on).
		Where("customer_id IS NULL OR customer_id = ?", customerID).
		Order("customer_id IS NULL, valid_from DESC").Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// planPrices returns the price valid on a day for each of several products,
// the customer's own before the list price, in one query.
func planPrices(db *gorm.DB, productIDs []uint, customerID uint, on Date) (map[uint]*Price, error) {
	var all []Price
	err := db.Where("product_id IN ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)", productIDs, on, on).
		Where("customer_id IS NULL OR customer_id = ?", customerID).Order("valid_from").Find(&all).Error
	if err != nil {
		return nil, err
	}
	// Rows come oldest first, so a later row of the same kind wins; a
	// customer's own price wins over any list price.
	best := map[uint]*Price{}
	for i := range all {
		p := &all[i]
		if cur := best[p.ProductID]; p.CustomerID != nil || cur == nil || cur.CustomerID == nil {
			best[p.ProductID] = p
		}
	}
	return best, nil
}

// PricesOf returns every price of a product, customer prices after list prices, newest first.
func (s *Store) PricesOf(ctx context.Context, productID uint) ([]Price, error) {
	var out []Price
	err := s.reader(ctx).Preload("Customer").Where("product_id = ?", productID).
		Order("customer_id IS NOT NULL, customer_id, valid_from DESC").Find(&out).Error
	return out, err
}

// EndPrice ends a price on a day (it stays in the plan's history); p is
// left as it was when the end is refused.
func (s *Store) EndPrice(ctx context.Context, by Actor, p *Price, last Date) error {
	ended := *p
	ended.ValidTo = last
	if err := s.SavePrice(ctx, by, &ended); err != nil {
		return err
	}
	*p = ended
	return nil
}
