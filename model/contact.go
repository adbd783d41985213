package model

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// Contact is a person at a customer or a vendor. CanSign marks the people
// whose signature or stamp on an order confirmation the office accepts
// (seed 002 step 9: the customer's designated person signs it back).
type Contact struct {
	Row
	CustomerID *uint     `gorm:"index"`
	Customer   *Customer `gorm:"constraint:OnDelete:RESTRICT"`
	VendorID   *uint     `gorm:"index"`
	Vendor     *Vendor   `gorm:"constraint:OnDelete:RESTRICT"`
	Name       string    `gorm:"size:80;not null"`
	Title      string    `gorm:"size:80;not null;default:''"`
	Phone      string    `gorm:"size:40;not null;default:''"`
	Mobile     string    `gorm:"size:40;not null;default:''"`
	Fax        string    `gorm:"size:40;not null;default:''"`
	Email      string    `gorm:"size:120;not null;default:''"`
	CanSign    bool      `gorm:"not null"`
	Active     bool      `gorm:"not null"`
}

func (c *Contact) label() string  { return "contact " + c.Name }
func (c *Contact) entity() string { return "contact" }

// Validate returns every problem with the contact's fields.
func (c *Contact) Validate() FieldErrors {
	var fe FieldErrors
	if (c.CustomerID == nil) == (c.VendorID == nil) {
		fe.Add("CustomerID", "A contact belongs to exactly one customer or one vendor.")
	}
	if c.Name == "" {
		fe.Add("Name", "Enter the contact's name.")
	}
	for field, v := range map[string]string{"Phone": c.Phone, "Mobile": c.Mobile, "Fax": c.Fax} {
		if m := checkPhone(v); !m.IsZero() {
			fe = append(fe, FieldError{field, m})
		}
	}
	if m := checkEmail(c.Email); !m.IsZero() {
		fe = append(fe, FieldError{"Email", m})
	}
	return sortedByForm(fe, []string{"CustomerID", "Name", "Title", "Phone", "Mobile", "Fax", "Email"})
}

// SaveContact stores a new or changed contact.
func (s *Store) SaveContact(ctx context.Context, by Actor, c *Contact) error {
	for _, f := range []*string{&c.Name, &c.Title, &c.Phone, &c.Mobile, &c.Fax, &c.Email} {
		*f = strings.TrimSpace(*f)
	}
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, c, nil)
}

// SetContactActive deactivates or reactivates a contact; contacts are never deleted.
func (s *Store) SetContactActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Contact{}, id, active, reason)
}

// ContactsOf returns a customer's active contacts, signers first.
func (s *Store) ContactsOf(ctx context.Context, customerID uint) ([]Contact, error) {
	var out []Contact
	err := s.reader(ctx).Where("customer_id = ? AND active = ?", customerID, true).
		Order("can_sign DESC, name").Find(&out).Error
	return out, err
}

// VendorContacts returns a vendor's active contacts.
func (s *Store) VendorContacts(ctx context.Context, vendorID uint) ([]Contact, error) {
	var out []Contact
	err := s.reader(ctx).Where("vendor_id = ? AND active = ?", vendorID, true).Order("name").Find(&out).Error
	return out, err
}

// Contact returns one contact by id.
func (s *Store) Contact(ctx context.Context, id uint) (*Contact, error) {
	return byID[Contact](ctx, s, id)
}

// contactOf reports whether contact id belongs to customer, for the checks of other saves.
func contactOf(tx *gorm.DB, contactID, customerID uint) bool {
	var n int64
	tx.Model(&Contact{}).Where("id = ? AND customer_id = ?", contactID, customerID).Count(&n)
	return n > 0
}
