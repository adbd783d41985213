package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// productColumns are the widths of the product list's columns:
// code, name, spec, unit, active.
var productColumns = []float32{1.9, 1.7, 2.5, 0.8, 0.9}

// productsScreen is the Products section: the catalogue list on the left,
// the open product and its price plan on the right.
type productsScreen struct {
	masterScreen[model.Product, *productForm]
	prices *pricesPanel
	// importer brings products in; priceImporter adds to their price plans.
	importer, priceImporter *csvImport
}

func newProductsScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *productsScreen {
	s := &productsScreen{}
	s.prices = newPricesPanel(w, store, desk, &s.work)
	s.importer = newCSVImport(w, store, desk, &s.work, "products", lang.L("Import CSV…"), lang.L("Import products"),
		func() { s.list.Reload() })
	s.priceImporter = newCSVImport(w, store, desk, &s.work, "prices", lang.L("Import prices…"), lang.L("Import prices"),
		func() { s.prices.show(s.prices.productID) })
	s.prices.importer = s.priceImporter.button
	s.init(w, desk, settings, newProductForm(), masterKind[model.Product]{
		filterKey:  "products",
		searchHint: lang.L("Search code, name or spec (Ctrl+F)"),
		newTitle:   lang.L("New product"),
		newRecord:  model.NewProduct,
		columns:    productColumns,
		headers:    []string{lang.L("Code"), lang.L("Name"), lang.L("Spec"), lang.L("Unit"), lang.L("Status")},
		source:     PageSource[model.Product]{Count: store.CountProducts, Fetch: store.Products},
		bindRow:    bindProductRow,
		countText: func(n int) string {
			return plural(n, lang.L("1 product"), lang.L("{{.N}} products", map[string]any{"N": model.Count(n)}))
		},
		describe: func(p *model.Product) recordInfo {
			return recordInfo{id: p.ID, active: p.Active, display: p.Display()}
		},
		inactiveTitle: func(name string) string {
			return lang.L("{{.Product}} (inactive)", map[string]any{"Product": name})
		},
		discardQuestion: func(name string) string {
			return lang.L("Drop your changes to {{.Product}}?", map[string]any{"Product": name})
		},
		deactivateTitle: lang.L("Deactivate product"),
		deactivateQuestion: func(name string) string {
			return lang.L("Why is {{.Product}} being deactivated? It stays on past orders and price plans and can be reactivated.", map[string]any{"Product": name})
		},
		fetch:      store.Product,
		saveRecord: store.SaveProduct,
		setActive:  store.SetProductActive,
		below:      s.prices.content,
		opened:     s.prices.show,
		tools:      []fyne.CanvasObject{s.importer.button, s.priceImporter.button},
	})
	return s
}

func bindProductRow(p model.Product, o fyne.CanvasObject) {
	name := p.NameZH
	if name == "" {
		name = p.NameEN
	}
	status := lang.L("active")
	if !p.Active {
		status = lang.L("inactive")
	}
	setCells(o, p.Code, name, p.Spec(), unitName(p.Unit), status)
}
