package model

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Units a product is sold in. The code is stored; screens and documents
// show its translated name.
var Units = []string{"roll", "ream", "kg", "ton", "sheet", "box", "m"}

// ValidUnit reports whether code is one of Units.
func ValidUnit(code string) bool {
	for _, u := range Units {
		if u == code {
			return true
		}
	}
	return false
}

// UnitName returns the English name of a unit code, the key of its translation.
func UnitName(code string) string {
	switch code {
	case "roll":
		return "roll"
	case "ream":
		return "ream"
	case "kg":
		return "kg"
	case "ton":
		return "ton"
	case "sheet":
		return "sheet"
	case "box":
		return "box"
	case "m":
		return "metre"
	}
	return code
}

// Product is a paper product of the catalogue, with the spec fields an order
// confirmation states: width, grammage, length, core, colour/print spec.
type Product struct {
	Row
	Code   string `gorm:"size:30;not null;uniqueIndex;index:idx_products_list,priority:2"`
	NameZH string `gorm:"size:120;not null;default:''"`
	NameEN string `gorm:"size:120;not null;default:''"`
	// WidthMM is the roll or sheet width in millimetres.
	WidthMM int `gorm:"not null"`
	// Grammage is the paper weight in g/m².
	Grammage int `gorm:"not null"`
	// LengthM is the roll length in metres (0 for sheets).
	LengthM int `gorm:"not null"`
	// CoreMM is the inner diameter of the roll's core in millimetres (0 for sheets).
	CoreMM int `gorm:"not null"`
	// ColourSpec is the colour or print specification ("白 / 單面印刷 4C").
	ColourSpec string `gorm:"size:200;not null;default:''"`
	Unit       string `gorm:"size:10;not null"`
	Active     bool   `gorm:"not null;index;index:idx_products_list,priority:1"`
	Search     string `gorm:"size:800;not null;default:''" diff:"-"`
}

func (p *Product) label() string  { return "product " + p.Code }
func (p *Product) entity() string { return "product" }

// NewProduct returns a product with the defaults filled in.
func NewProduct() *Product { return &Product{Unit: "roll", Active: true} }

// Display returns "P-80-1060 道林紙 80g Woodfree 80g".
func (p *Product) Display() string {
	return strings.TrimSpace(strings.Join([]string{p.Code, p.NameZH, p.NameEN}, " "))
}

// Spec returns the spec as printed on a confirmation: "1060mm × 80g/m² × 6000m, core 76mm, 白".
func (p *Product) Spec() string {
	var parts []string
	if p.WidthMM > 0 {
		parts = append(parts, fmt.Sprintf("%dmm", p.WidthMM))
	}
	if p.Grammage > 0 {
		parts = append(parts, fmt.Sprintf("%dg/m²", p.Grammage))
	}
	if p.LengthM > 0 {
		parts = append(parts, fmt.Sprintf("%dm", p.LengthM))
	}
	s := strings.Join(parts, " × ")
	if p.CoreMM > 0 {
		s += fmt.Sprintf(", core %dmm", p.CoreMM)
	}
	if p.ColourSpec != "" {
		if s != "" {
			s += ", "
		}
		s += p.ColourSpec
	}
	return s
}

// Validate returns every problem with the product's fields.
func (p *Product) Validate() FieldErrors {
	var fe FieldErrors
	switch {
	case p.Code == "":
		fe.Add("Code", "Enter a product code.")
	case !productCode(p.Code):
		fe.Add("Code", "Use 1 to 30 letters, digits, dashes, dots or slashes.")
	}
	if p.NameZH == "" && p.NameEN == "" {
		fe.Add("NameZH", "Enter the product's name in Chinese or in English.")
	}
	if p.WidthMM < 0 || p.WidthMM > 10000 {
		fe.Add("WidthMM", "The width is between 0 and 10,000 mm.")
	}
	if p.Grammage < 0 || p.Grammage > 2000 {
		fe.Add("Grammage", "The grammage is between 0 and 2,000 g/m².")
	}
	if p.LengthM < 0 || p.LengthM > 1000000 {
		fe.Add("LengthM", "The roll length is between 0 and 1,000,000 m.")
	}
	if p.CoreMM < 0 || p.CoreMM > 1000 {
		fe.Add("CoreMM", "The core diameter is between 0 and 1,000 mm.")
	}
	if !ValidUnit(p.Unit) {
		fe.Add("Unit", "Choose a unit from the list.")
	}
	return sortedByForm(fe, []string{"Code", "NameZH", "NameEN", "WidthMM", "Grammage", "LengthM", "CoreMM", "ColourSpec", "Unit"})
}

func productCode(s string) bool {
	if len(s) == 0 || len(s) > 30 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-./", r)) {
			return false
		}
	}
	return true
}

func (p *Product) normalise() {
	p.Code = normaliseCode(p.Code)
	p.NameZH, p.NameEN = strings.TrimSpace(p.NameZH), strings.TrimSpace(p.NameEN)
	p.ColourSpec = strings.TrimSpace(p.ColourSpec)
	p.Search = searchText([]string{p.Code, p.NameZH, p.NameEN, p.ColourSpec})
}

// SaveProduct validates and stores a new or changed product.
func (s *Store) SaveProduct(ctx context.Context, by Actor, p *Product) error {
	p.normalise()
	if fe := p.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, p, func(tx *gorm.DB) error {
		if taken(tx, &Product{}, "code", p.Code, p.ID) {
			return FieldErrors{{"Code", M("Product code {{.Code}} is already in use.", "Code", p.Code)}}
		}
		return nil
	})
}

// SetProductActive deactivates or reactivates a product; products are never deleted.
func (s *Store) SetProductActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Product{}, id, active, reason)
}

// Products returns one page of products matching f, by code.
func (s *Store) Products(ctx context.Context, f ListFilter) ([]Product, error) {
	var out []Product
	return out, paged(filterQuery(s.reader(ctx).Model(&Product{}), f).Order("code"), f).Find(&out).Error
}

// CountProducts returns how many products match f.
func (s *Store) CountProducts(ctx context.Context, f ListFilter) (int, error) {
	var n int64
	err := filterQuery(s.reader(ctx).Model(&Product{}), f).Count(&n).Error
	return int(n), err
}

// Product returns one product by id.
func (s *Store) Product(ctx context.Context, id uint) (*Product, error) {
	return byID[Product](ctx, s, id)
}

// ProductByCode returns one product by code.
func (s *Store) ProductByCode(ctx context.Context, code string) (*Product, error) {
	return byCode[Product](ctx, s, "product", code)
}
