package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// vendorColumns are the widths of the vendor list's columns:
// code, name (Chinese / English), phone, fax, e-mail.
var vendorColumns = []float32{0.9, 2.9, 1.7, 1.7, 1.8}

// vendorsScreen is the Vendors section: the suppliers of paper, ink, cores
// and freight, listed on the left, the open vendor with their people, notes
// and action items on the right.
type vendorsScreen struct {
	masterScreen[model.Vendor, *vendorForm]
	contacts *contactsPanel
}

func newVendorsScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *vendorsScreen {
	s := &vendorsScreen{}
	s.contacts = newVendorContactsPanel(w, store, desk, &s.work)
	s.init(w, desk, settings, newVendorForm(), masterKind[model.Vendor]{
		filterKey:  "vendors",
		searchHint: lang.L("Search code, name or phone (Ctrl+F)"),
		newTitle:   lang.L("New vendor"),
		newRecord:  model.NewVendor,
		columns:    vendorColumns,
		mins:       []float32{0, 0, wholeWidth(samplePhone), wholeWidth(samplePhone), 0},
		headers:    []string{lang.L("Code"), lang.L("Name"), lang.L("Phone"), lang.L("Fax"), lang.L("E-mail")},
		source:     PageSource[model.Vendor]{Count: store.CountVendors, Fetch: store.Vendors},
		bindRow:    bindVendorRow,
		countText: func(n int) string {
			return plural(n, lang.L("1 vendor"), lang.L("{{.N}} vendors", map[string]any{"N": model.Count(n)}))
		},
		describe: func(v *model.Vendor) recordInfo {
			return recordInfo{id: v.ID, active: v.Active, display: v.Display()}
		},
		inactiveTitle: func(name string) string {
			return lang.L("{{.Vendor}} (inactive)", map[string]any{"Vendor": name})
		},
		discardQuestion: func(name string) string {
			return lang.L("Drop your changes to {{.Vendor}}?", map[string]any{"Vendor": name})
		},
		deactivateTitle: lang.L("Deactivate vendor"),
		deactivateQuestion: func(name string) string {
			return lang.L("Why is {{.Vendor}} being deactivated? The vendor keeps their notes and history and can be reactivated.", map[string]any{"Vendor": name})
		},
		fetch:      store.Vendor,
		saveRecord: store.SaveVendor,
		setActive:  store.SetVendorActive,
		below:      s.contacts.content,
		opened:     s.contacts.show,
	})
	return s
}

func bindVendorRow(v model.Vendor, o fyne.CanvasObject) {
	name := bothNames(v.NameZH, v.NameEN)
	if !v.Active {
		name = lang.L("{{.Vendor}} (inactive)", map[string]any{"Vendor": name})
	}
	setCells(o, v.Code, name, v.Phone, v.Fax, v.Email)
}
