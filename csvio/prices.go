package csvio

import (
	"context"
	"io"

	"orderdesk/model"
)

func priceTable() *table[model.Price] {
	t := &table[model.Price]{kind: "prices", key: "product", rowKey: func(cells map[string]string) string {
		// The record a row writes: the same product and customer from the same day.
		if cells["product"] == "" {
			return ""
		}
		from, _ := model.ParseDate(cells["valid_from"])
		return model.NormaliseCode(cells["product"]) + "\x00" + model.NormaliseCode(cells["customer"]) + "\x00" + from.String()
	}}
	t.columns = []column[model.Price]{
		{name: "product", field: "ProductID",
			get: func(_ context.Context, _ *model.Store, p *model.Price) string { return p.Product.Code },
			set: func(ctx context.Context, s *model.Store, p *model.Price, cell string) error {
				pr, err := s.ProductByCode(ctx, cell)
				if err != nil {
					return model.Refuse("No product has the code {{.Code}}.", "Code", cell)
				}
				p.ProductID = pr.ID
				return nil
			}},
		{name: "customer", field: "CustomerID",
			get: func(_ context.Context, _ *model.Store, p *model.Price) string {
				if p.Customer == nil {
					return ""
				}
				return p.Customer.Code
			},
			set: func(ctx context.Context, s *model.Store, p *model.Price, cell string) error {
				p.CustomerID = nil
				if cell == "" {
					return nil // a list price, for every customer
				}
				c, err := s.CustomerByCode(ctx, cell)
				if err != nil {
					return model.Refuse("No customer has the code {{.Code}}.", "Code", cell)
				}
				p.CustomerID = &c.ID
				return nil
			}},
		{name: "unit_price", field: "UnitPrice",
			get: func(_ context.Context, _ *model.Store, p *model.Price) string { return p.UnitPrice.String() },
			set: func(_ context.Context, _ *model.Store, p *model.Price, cell string) (err error) {
				p.UnitPrice, err = parseMoney(cell)
				return err
			}},
		strColumn("currency", "Currency", func(p *model.Price) *string { return &p.Currency }),
		{name: "valid_from", field: "ValidFrom",
			get: func(_ context.Context, _ *model.Store, p *model.Price) string { return p.ValidFrom.String() },
			set: func(_ context.Context, _ *model.Store, p *model.Price, cell string) (err error) {
				p.ValidFrom, err = parseDate(cell)
				return err
			}},
		{name: "valid_to", field: "ValidTo",
			get: func(_ context.Context, _ *model.Store, p *model.Price) string { return p.ValidTo.String() },
			set: func(_ context.Context, _ *model.Store, p *model.Price, cell string) (err error) {
				p.ValidTo, err = parseDate(cell)
				return err
			}},
		strColumn("note", "Note", func(p *model.Price) *string { return &p.Note }),
	}
	// A row updates the price of the same product and customer starting on
	// the same day; any other row is a new line of the price plan.
	t.find = func(ctx context.Context, s *model.Store, row map[string]string) (*model.Price, error) {
		pr, err := s.ProductByCode(ctx, row["product"])
		if err != nil {
			return &model.Price{}, nil // the product column reports it
		}
		from, _ := model.ParseDate(row["valid_from"])
		prices, err := s.PricesOf(ctx, pr.ID)
		if err != nil {
			return nil, err
		}
		for i := range prices {
			p := &prices[i]
			sameCustomer := (p.Customer == nil && row["customer"] == "") || (p.Customer != nil && p.Customer.Code == row["customer"])
			if sameCustomer && p.ValidFrom == from {
				p.Customer = nil
				return p, nil
			}
		}
		return &model.Price{}, nil
	}
	t.save = func(ctx context.Context, s *model.Store, by model.Actor, p *model.Price) error {
		return s.SavePrice(ctx, by, p)
	}
	t.all = func(ctx context.Context, s *model.Store) ([]model.Price, error) {
		products, err := s.Products(ctx, model.ListFilter{IncludeInactive: true})
		if err != nil {
			return nil, err
		}
		var out []model.Price
		for i := range products {
			prices, err := s.PricesOf(ctx, products[i].ID)
			if err != nil {
				return nil, err
			}
			for j := range prices {
				prices[j].Product = &products[i]
			}
			out = append(out, prices...)
		}
		return out, nil
	}
	return t
}

// ImportPrices adds the prices of a CSV file to the price plan, or updates
// the price of the same product and customer from the same day; all or nothing.
func ImportPrices(ctx context.Context, s *model.Store, by model.Actor, r io.Reader) (int, error) {
	res, err := priceTable().importFile(ctx, s, by, r, Options{})
	return res.Rows, err
}

// ExportPrices writes the whole price plan, by product.
func ExportPrices(ctx context.Context, s *model.Store, w io.Writer) (int, error) {
	return priceTable().export(ctx, s, w)
}

// Importer imports a CSV file of one kind, all or nothing, telling
// opt.Progress how far it has come.
type Importer func(ctx context.Context, s *model.Store, by model.Actor, r io.Reader, opt Options) (Result, error)

// Importers and Exporters dispatch on the kind a command names.
var (
	Importers = map[string]Importer{
		"customers": customerTable().importFile, "products": productTable().importFile, "prices": priceTable().importFile,
		"people": personTable().importFile,
	}
	Exporters = map[string]func(ctx context.Context, s *model.Store, w io.Writer) (int, error){
		"customers": ExportCustomers, "products": ExportProducts, "prices": ExportPrices,
		"people": ExportPeople,
	}
)
