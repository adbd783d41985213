package model

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// Vendor is a supplier: of paper, ink, cores, freight.
type Vendor struct {
	Row
	Code    string `gorm:"size:20;not null;uniqueIndex"`
	NameZH  string `gorm:"size:120;not null;default:''"`
	NameEN  string `gorm:"size:120;not null;default:''"`
	Phone   string `gorm:"size:40;not null;default:''"`
	Fax     string `gorm:"size:40;not null;default:''"`
	Email   string `gorm:"size:120;not null;default:''"`
	Address string `gorm:"size:300;not null;default:''"`
	Active  bool   `gorm:"not null;index"`
	Search  string `gorm:"size:800;not null;default:''" diff:"-"`
}

func (v *Vendor) label() string  { return "vendor " + v.Code }
func (v *Vendor) entity() string { return "vendor" }

// NewVendor returns a new, active vendor.
func NewVendor() *Vendor { return &Vendor{Active: true} }

// Display returns "V001 長春紙業 Chang Chun Paper".
func (v *Vendor) Display() string {
	return strings.TrimSpace(strings.Join([]string{v.Code, v.NameZH, v.NameEN}, " "))
}

// Validate returns every problem with the vendor's fields.
func (v *Vendor) Validate() FieldErrors {
	var fe FieldErrors
	switch {
	case v.Code == "":
		fe.Add("Code", "Enter a vendor code.")
	case !codePattern(v.Code):
		fe.Add("Code", "Use 1 to 20 letters, digits or dashes.")
	}
	if v.NameZH == "" && v.NameEN == "" {
		fe.Add("NameZH", "Enter the vendor's name in Chinese or in English.")
	}
	for field, p := range map[string]string{"Phone": v.Phone, "Fax": v.Fax} {
		if m := checkPhone(p); !m.IsZero() {
			fe = append(fe, FieldError{field, m})
		}
	}
	if m := checkEmail(v.Email); !m.IsZero() {
		fe = append(fe, FieldError{"Email", m})
	}
	return sortedByForm(fe, []string{"Code", "NameZH", "NameEN", "Phone", "Fax", "Email", "Address"})
}

// SaveVendor validates and stores a new or changed vendor.
func (s *Store) SaveVendor(ctx context.Context, by Actor, v *Vendor) error {
	v.Code = normaliseCode(v.Code)
	for _, f := range []*string{&v.NameZH, &v.NameEN, &v.Phone, &v.Fax, &v.Email, &v.Address} {
		*f = strings.TrimSpace(*f)
	}
	v.Search = searchText([]string{v.Code, v.NameZH, v.NameEN}, v.Phone, v.Fax)
	if fe := v.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, v, func(tx *gorm.DB) error {
		if taken(tx, &Vendor{}, "code", v.Code, v.ID) {
			return FieldErrors{{"Code", M("Vendor code {{.Code}} is already in use.", "Code", v.Code)}}
		}
		return nil
	})
}

// SetVendorActive deactivates or reactivates a vendor; vendors are never deleted.
func (s *Store) SetVendorActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Vendor{}, id, active, reason)
}

// Vendors returns one page of vendors matching f (code, names, phone or
// fax digits), by code.
func (s *Store) Vendors(ctx context.Context, f ListFilter) ([]Vendor, error) {
	var out []Vendor
	return out, paged(filterQuery(s.reader(ctx).Model(&Vendor{}), f).Order("code"), f).Find(&out).Error
}

// CountVendors returns how many vendors match f.
func (s *Store) CountVendors(ctx context.Context, f ListFilter) (int, error) {
	var n int64
	err := filterQuery(s.reader(ctx).Model(&Vendor{}), f).Count(&n).Error
	return int(n), err
}

// Vendor returns one vendor by id.
func (s *Store) Vendor(ctx context.Context, id uint) (*Vendor, error) {
	return byID[Vendor](ctx, s, id)
}

// VendorByCode returns one vendor by code.
func (s *Store) VendorByCode(ctx context.Context, code string) (*Vendor, error) {
	return byCode[Vendor](ctx, s, "vendor", code)
}
