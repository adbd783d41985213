package csvio

import (
	"context"
	"errors"
	"io"
	"strings"

	"orderdesk/model"
)

func customerTable() *table[model.Customer] {
	initials := map[uint]string{} // employee id → initials, looked up once per export
	t := &table[model.Customer]{kind: "customers", key: "code", rowKey: codeKey}
	t.columns = []column[model.Customer]{
		strColumn("code", "Code", func(c *model.Customer) *string { return &c.Code }),
		strColumn("name_zh", "NameZH", func(c *model.Customer) *string { return &c.NameZH }),
		strColumn("name_en", "NameEN", func(c *model.Customer) *string { return &c.NameEN }),
		{name: "tier", field: "Tier", get: func(_ context.Context, _ *model.Store, c *model.Customer) string { return string(c.Tier) },
			set: func(_ context.Context, _ *model.Store, c *model.Customer, cell string) error {
				c.Tier = model.Tier(strings.ToUpper(cell))
				return nil
			}},
		{name: "deposit_percent", field: "DepositPercent", get: func(_ context.Context, _ *model.Store, c *model.Customer) string { return itoa(c.DepositPercent) },
			set: func(_ context.Context, _ *model.Store, c *model.Customer, cell string) (err error) {
				c.DepositPercent, err = parseInt(cell)
				return err
			}},
		strColumn("payment_terms", "PaymentTerms", func(c *model.Customer) *string { return &c.PaymentTerms }),
		strColumn("contract_ref", "ContractRef", func(c *model.Customer) *string { return &c.ContractRef }),
		strColumn("managed_contract", "ManagedContractRef", func(c *model.Customer) *string { return &c.ManagedContractRef }),
		strColumn("currency", "Currency", func(c *model.Customer) *string { return &c.Currency }),
		{name: "salesperson", field: "SalespersonID",
			get: func(ctx context.Context, s *model.Store, c *model.Customer) string {
				return initialsOf(ctx, s, c.SalespersonID, initials)
			},
			set: func(ctx context.Context, s *model.Store, c *model.Customer, cell string) error {
				e, err := employeeByInitials(ctx, s, cell)
				if err != nil || e == nil {
					c.SalespersonID = nil
					return err
				}
				if c.SalespersonID == nil || *c.SalespersonID != e.ID {
					// A new salesperson must be active, as SaveCustomer checks.
					if err := model.CheckAssignable(e, "SalespersonID"); err != nil {
						return err
					}
				}
				c.SalespersonID = &e.ID
				return nil
			}},
		strColumn("phone", "Phone", func(c *model.Customer) *string { return &c.Phone }),
		strColumn("fax", "Fax", func(c *model.Customer) *string { return &c.Fax }),
		strColumn("email", "Email", func(c *model.Customer) *string { return &c.Email }),
		strColumn("billing_address", "BillingAddress", func(c *model.Customer) *string { return &c.BillingAddress }),
		strColumn("tax_id", "TaxID", func(c *model.Customer) *string { return &c.TaxID }),
		strColumn("incoterm", "Incoterm", func(c *model.Customer) *string { return &c.Incoterm }),
		strColumn("incoterm_place", "IncotermPlace", func(c *model.Customer) *string { return &c.IncotermPlace }),
		strColumn("delivery_address", "DeliveryAddress", func(c *model.Customer) *string { return &c.DeliveryAddress }),
		strColumn("region", "Region", func(c *model.Customer) *string { return &c.Region }),
		strColumn("doc_language", "DocLanguage", func(c *model.Customer) *string { return &c.DocLanguage }),
		// Deactivating needs a reason, given on the customer's screen; the
		// column is exported for reading only.
		{name: "active", field: "Active", get: func(_ context.Context, _ *model.Store, c *model.Customer) string { return yesNo(c.Active) }},
	}
	t.find = func(ctx context.Context, s *model.Store, row map[string]string) (*model.Customer, error) {
		c, err := s.CustomerByCode(ctx, row["code"])
		if errors.Is(err, model.ErrNotFound) {
			return model.NewCustomer(), nil
		}
		return c, err
	}
	t.save = func(ctx context.Context, s *model.Store, by model.Actor, c *model.Customer) error {
		return s.SaveCustomer(ctx, by, c)
	}
	t.all = func(ctx context.Context, s *model.Store) ([]model.Customer, error) {
		return s.Customers(ctx, model.ListFilter{IncludeInactive: true})
	}
	t.fast = &fastPath[model.Customer]{targets: model.ImportTargets[*model.Customer], fresh: model.NewCustomer,
		check: model.CheckImported[*model.Customer], insert: model.InsertImported[*model.Customer]}
	return t
}

// ImportCustomers adds or updates (by code) the customers of a CSV file,
// all or nothing, and returns how many rows were saved.
func ImportCustomers(ctx context.Context, s *model.Store, by model.Actor, r io.Reader) (int, error) {
	res, err := customerTable().importFile(ctx, s, by, r, Options{})
	return res.Rows, err
}

// ExportCustomers writes every customer, inactive ones too, by code.
func ExportCustomers(ctx context.Context, s *model.Store, w io.Writer) (int, error) {
	return customerTable().export(ctx, s, w)
}
