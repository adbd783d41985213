package model

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Tier is the customer tier of the customer tier standard (客戶等級劃分標準).
// It decides the gates of seed 002: tier A may go into production before the
// signed confirmation is back; tiers B and C may not, and must clear their
// balance before shipping.
type Tier string

// The tiers.
const (
	TierA Tier = "A"
	TierB Tier = "B"
	TierC Tier = "C"
)

// Valid reports whether t is one of the three tiers.
func (t Tier) Valid() bool { return t == TierA || t == TierB || t == TierC }

// Document languages a customer may prefer.
const (
	LangZH = "zh-TW"
	LangEN = "en"
)

// Customer is a company that orders from us.
type Customer struct {
	Row
	Code   string `gorm:"size:20;not null;uniqueIndex;index:idx_customers_list,priority:2"`
	NameZH string `gorm:"size:120;not null;default:''"`
	NameEN string `gorm:"size:120;not null;default:''"`
	Tier   Tier   `gorm:"size:1;not null"`
	// DepositPercent is the share of an order's total to be paid before
	// production is released (0 when the customer owes no deposit).
	DepositPercent int    `gorm:"not null"`
	PaymentTerms   string `gorm:"size:120;not null;default:''"`
	ContractRef    string `gorm:"size:60;not null;default:''"`
	// ManagedContractRef is the customer's managed-service contract, empty
	// when they have none: no Project ticket may be charged to it (seed
	// 001, ProjectContractProblem).
	ManagedContractRef string `gorm:"size:60;not null;default:''"`
	Currency           string `gorm:"size:3;not null"`
	SalespersonID      *uint  `gorm:"index"`
	Salesperson        *Employee
	Phone              string `gorm:"size:40;not null;default:''"`
	Fax                string `gorm:"size:40;not null;default:''"`
	Email              string `gorm:"size:120;not null;default:''"`
	BillingAddress     string `gorm:"size:300;not null;default:''"`
	// TaxID is the customer's tax ID (統一編號), printed on the confirmation
	// and the balance notice.
	TaxID string `gorm:"size:20;not null;default:''"`
	// DeliveryTerms is the Incoterm an export customer buys on by default
	// (Incoterm and IncotermPlace); the intake copies it onto each order.
	DeliveryTerms
	// DeliveryAddress is where goods go; empty means the billing address.
	DeliveryAddress string `gorm:"size:300;not null;default:''"`
	// Region is the delivery region, which sets the shipping lead time.
	Region      string `gorm:"size:40;not null;default:''"`
	DocLanguage string `gorm:"size:8;not null"`
	Active      bool   `gorm:"not null;index;index:idx_customers_list,priority:1"`
	// Search is the lower-case text the customer list filters on.
	Search string `gorm:"size:800;not null;default:''" diff:"-"`
}

func (c *Customer) label() string  { return "customer " + c.Code }
func (c *Customer) entity() string { return "customer" }

// NewCustomer returns a customer with the office's defaults filled in.
func NewCustomer() *Customer {
	return &Customer{Tier: TierB, Currency: "TWD", DocLanguage: LangZH, Active: true}
}

// Name returns the customer's name in the preferred script, falling back to the other.
func (c *Customer) Name(lang string) string {
	if lang == LangEN && c.NameEN != "" || c.NameZH == "" {
		return c.NameEN
	}
	return c.NameZH
}

// Display returns "C0012 萬國紙業 Wan Kuo Paper" for lists and pickers.
func (c *Customer) Display() string {
	var parts []string
	for _, p := range []string{c.Code, c.NameZH, c.NameEN} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p) // no double space for a name not given
		}
	}
	return strings.Join(parts, " ")
}

// ShipTo returns the delivery address, or the billing address when none is set.
func (c *Customer) ShipTo() string {
	if strings.TrimSpace(c.DeliveryAddress) != "" {
		return c.DeliveryAddress
	}
	return c.BillingAddress
}

func (c *Customer) normalise() {
	c.Code = normaliseCode(c.Code)
	for _, f := range []*string{&c.NameZH, &c.NameEN, &c.PaymentTerms, &c.ContractRef, &c.ManagedContractRef, &c.Phone,
		&c.Fax, &c.Email, &c.BillingAddress, &c.TaxID, &c.DeliveryAddress, &c.Region} {
		*f = strings.TrimSpace(*f)
	}
	c.DeliveryTerms.normalise()
	c.Tier = Tier(strings.ToUpper(strings.TrimSpace(string(c.Tier))))
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if c.Currency == "" {
		c.Currency = "TWD"
	}
	if c.DocLanguage == "" {
		c.DocLanguage = LangZH
	}
	c.Search = searchText([]string{c.Code, c.NameZH, c.NameEN}, c.Phone, c.Fax)
}

// Validate returns every problem with the customer's own fields (a
// duplicate code and the salesperson are checked against the database on save).
func (c *Customer) Validate() FieldErrors {
	var fe FieldErrors
	switch {
	case c.Code == "":
		fe.Add("Code", "Enter a customer code.")
	case !codePattern(c.Code):
		fe.Add("Code", "Use 1 to 20 letters, digits or dashes.")
	}
	if c.NameZH == "" && c.NameEN == "" {
		fe.Add("NameZH", "Enter the customer's name in Chinese or in English.")
	}
	if !c.Tier.Valid() {
		fe.Add("Tier", "Choose tier A, B or C.")
	}
	if c.DepositPercent < 0 || c.DepositPercent > 100 {
		fe.Add("DepositPercent", "The deposit is a percentage from 0 to 100.")
	}
	if len(c.Currency) != 3 || strings.ToUpper(c.Currency) != c.Currency {
		fe.Add("Currency", "Use a three-letter currency code such as TWD or USD.")
	}
	if c.DocLanguage != LangZH && c.DocLanguage != LangEN {
		fe.Add("DocLanguage", "Choose Chinese or English for the customer's documents.")
	}
	for field, v := range map[string]string{"Phone": c.Phone, "Fax": c.Fax} {
		if m := checkPhone(v); !m.IsZero() {
			fe = append(fe, FieldError{field, m})
		}
	}
	if m := checkEmail(c.Email); !m.IsZero() {
		fe = append(fe, FieldError{"Email", m})
	}
	fe = append(fe, c.DeliveryTerms.validate()...)
	return sortedByForm(fe, customerFieldOrder)
}

// customerFieldOrder is the order of the customer form, so problems are listed top to bottom.
var customerFieldOrder = []string{"Code", "NameZH", "NameEN", "Tier", "DepositPercent", "PaymentTerms",
	"ContractRef", "ManagedContractRef", "Currency", "SalespersonID", "Phone", "Fax", "Email", "BillingAddress", "TaxID", "Incoterm", "IncotermPlace", "DeliveryAddress", "Region", "DocLanguage"}

// SaveCustomer validates and stores a new or changed customer.
func (s *Store) SaveCustomer(ctx context.Context, by Actor, c *Customer) error {
	c.normalise()
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, c, func(tx *gorm.DB) error {
		if err := requireManagerForTerms(tx, by, c); err != nil {
			return err
		}
		var fe FieldErrors
		if taken(tx, &Customer{}, "code", c.Code, c.ID) {
			fe.Add("Code", "Customer code {{.Code}} is already in use.", "Code", c.Code)
		}
		if c.SalespersonID != nil && salespersonChanged(tx, c) {
			if err := requireActiveEmployee(tx, *c.SalespersonID, "SalespersonID"); err != nil {
				fe = append(fe, err.(FieldErrors)...)
			}
		}
		return fe.Err()
	})
}

// requireManagerForTerms refuses a save by other than a manager that sets
// the customer's terms (termsChanged) or managed-service contract to
// other than they were: a customer's save and an import's new rows ask it.
func requireManagerForTerms(tx *gorm.DB, by Actor, c *Customer) error {
	if termsChanged(tx, c) {
		if err := requireManager(tx, by, M("Only a manager may set or change a customer's tier, deposit rate or payment terms.")); err != nil {
			return err
		}
	}
	if managedContractChanged(tx, c) {
		return requireManager(tx, by, M("Only a manager may set or change a customer's managed-service contract."))
	}
	return nil
}

// termsChanged reports whether a save sets the customer's tier, deposit rate
// or payment terms to other than they were (for a new customer: other than
// a new customer's), which decide the gates an order must pass.
func termsChanged(tx *gorm.DB, c *Customer) bool {
	cur := NewCustomer()
	if !c.IsNew() && tx.Select("id, tier, deposit_percent, payment_terms").Take(cur, c.ID).Error != nil {
		return true
	}
	return cur.Tier != c.Tier || cur.DepositPercent != c.DepositPercent || cur.PaymentTerms != c.PaymentTerms
}

// managedContractChanged reports whether a save sets the customer's
// managed-service contract to other than it was, which decides what
// project work may be charged to.
func managedContractChanged(tx *gorm.DB, c *Customer) bool {
	if c.IsNew() {
		return c.ManagedContractRef != ""
	}
	var cur Customer
	if tx.Select("id, managed_contract_ref").Take(&cur, c.ID).Error != nil {
		return true
	}
	return cur.ManagedContractRef != c.ManagedContractRef
}

// salespersonChanged reports whether a save gives the customer a new salesperson:
// a customer kept with a salesperson who since left can still be saved.
func salespersonChanged(tx *gorm.DB, c *Customer) bool {
	if c.IsNew() {
		return true
	}
	var cur Customer
	if tx.Select("id, salesperson_id").Take(&cur, c.ID).Error != nil {
		return true
	}
	return cur.SalespersonID == nil || *cur.SalespersonID != *c.SalespersonID
}

// SetCustomerActive deactivates a customer (kept with all their history,
// hidden from pickers) or brings them back. Customers are never deleted.
func (s *Store) SetCustomerActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Customer{}, id, active, reason)
}

// Customer returns one customer by id, with the salesperson.
func (s *Store) Customer(ctx context.Context, id uint) (*Customer, error) {
	var c Customer
	err := s.reader(ctx).Preload("Salesperson").Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	return &c, err
}

// CustomerByCode returns one customer by code.
func (s *Store) CustomerByCode(ctx context.Context, code string) (*Customer, error) {
	var c Customer
	err := s.reader(ctx).Preload("Salesperson").Where("code = ?", normaliseCode(code)).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("customer %s: %w", code, ErrNotFound)
	}
	return &c, err
}

// CustomerIDByCode returns the id of the customer a clerk named by code in
// a form (nil for an empty code, which names none). A code no customer
// has is a problem of the form's CustomerID field; a failure to read is
// returned as it is, never said as "no such customer".
func (s *Store) CustomerIDByCode(ctx context.Context, code string) (*uint, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil, nil
	}
	c, err := s.CustomerByCode(ctx, code)
	if errors.Is(err, ErrNotFound) {
		var fe FieldErrors
		fe.Add("CustomerID", "No customer has the code {{.Code}}.", "Code", code)
		return nil, fe
	}
	if err != nil {
		return nil, err
	}
	return &c.ID, nil
}

// ListFilter is what a list screen asks for: text typed in the search box,
// whether to include deactivated records, and the page wanted.
type ListFilter struct {
	Text            string
	IncludeInactive bool
	Offset, Limit   int
}

// filterQuery applies the text and active filters shared by the master-data lists.
func filterQuery(q *gorm.DB, f ListFilter) *gorm.DB {
	if !f.IncludeInactive {
		q = q.Where("active = ?", true)
	}
	text := strings.TrimSpace(f.Text)
	if text == "" {
		return q
	}
	if d := digitsOf(text); len(d) >= 3 && d != text && strings.Trim(text, "0123456789０１２３４５６７８９ +-()/#.") == "" {
		// Mostly digits: match phone numbers however they were punctuated.
		return q.Where(`(search LIKE ? ESCAPE '\' OR search LIKE ? ESCAPE '\')`, likePattern(text), likePattern(d))
	}
	return q.Where(`search LIKE ? ESCAPE '\'`, likePattern(text))
}

// Customers returns one page of customers matching f, by code.
func (s *Store) Customers(ctx context.Context, f ListFilter) ([]Customer, error) {
	var out []Customer
	q := filterQuery(s.reader(ctx).Model(&Customer{}), f).Order("code")
	return out, paged(q, f).Find(&out).Error
}

// CountCustomers returns how many customers match f.
func (s *Store) CountCustomers(ctx context.Context, f ListFilter) (int, error) {
	var n int64
	err := filterQuery(s.reader(ctx).Model(&Customer{}), f).Count(&n).Error
	return int(n), err
}

func paged(q *gorm.DB, f ListFilter) *gorm.DB {
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	return q
}
