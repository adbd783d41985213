package csvio

import (
	"context"
	"errors"
	"io"

	"orderdesk/model"
)

// intColumn is a column that holds a whole number.
func intColumn[T any](name, field string, p func(v *T) *int) column[T] {
	return column[T]{name: name, field: field,
		get: func(_ context.Context, _ *model.Store, v *T) string { return itoa(*p(v)) },
		set: func(_ context.Context, _ *model.Store, v *T, cell string) (err error) {
			*p(v), err = parseInt(cell)
			return err
		}}
}

func productTable() *table[model.Product] {
	t := &table[model.Product]{kind: "products", key: "code", rowKey: codeKey}
	t.columns = []column[model.Product]{
		strColumn("code", "Code", func(p *model.Product) *string { return &p.Code }),
		strColumn("name_zh", "NameZH", func(p *model.Product) *string { return &p.NameZH }),
		strColumn("name_en", "NameEN", func(p *model.Product) *string { return &p.NameEN }),
		intColumn("width_mm", "WidthMM", func(p *model.Product) *int { return &p.WidthMM }),
		intColumn("grammage", "Grammage", func(p *model.Product) *int { return &p.Grammage }),
		intColumn("length_m", "LengthM", func(p *model.Product) *int { return &p.LengthM }),
		intColumn("core_mm", "CoreMM", func(p *model.Product) *int { return &p.CoreMM }),
		strColumn("colour_spec", "ColourSpec", func(p *model.Product) *string { return &p.ColourSpec }),
		strColumn("unit", "Unit", func(p *model.Product) *string { return &p.Unit }),
		{name: "active", field: "Active", get: func(_ context.Context, _ *model.Store, p *model.Product) string { return yesNo(p.Active) }},
	}
	t.find = func(ctx context.Context, s *model.Store, row map[string]string) (*model.Product, error) {
		p, err := s.ProductByCode(ctx, row["code"])
		if errors.Is(err, model.ErrNotFound) {
			return model.NewProduct(), nil
		}
		return p, err
	}
	t.save = func(ctx context.Context, s *model.Store, by model.Actor, p *model.Product) error {
		return s.SaveProduct(ctx, by, p)
	}
	t.all = func(ctx context.Context, s *model.Store) ([]model.Product, error) {
		return s.Products(ctx, model.ListFilter{IncludeInactive: true})
	}
	t.fast = &fastPath[model.Product]{targets: model.ImportTargets[*model.Product], fresh: model.NewProduct,
		check: model.CheckImported[*model.Product], insert: model.InsertImported[*model.Product]}
	return t
}

// ImportProducts adds or updates (by code) the products of a CSV file, all or nothing.
func ImportProducts(ctx context.Context, s *model.Store, by model.Actor, r io.Reader) (int, error) {
	res, err := productTable().importFile(ctx, s, by, r, Options{})
	return res.Rows, err
}

// ExportProducts writes every product, inactive ones too, by code.
func ExportProducts(ctx context.Context, s *model.Store, w io.Writer) (int, error) {
	return productTable().export(ctx, s, w)
}
