package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// customerColumns are the widths of the customer list's columns:
// code, name (Chinese / English), tier, phone, salesperson.
var customerColumns = []float32{1.1, 3.2, 0.7, 1.5, 1.5}

// customerMins keeps the tier's heading and the phone whole (at 1024 the
// list is 440 px and read "02-210…"); the name gives way.
func customerMins() []float32 {
	return []float32{0, 0, boldWidth(lang.L("Tier")), wholeWidth(samplePhone), 0}
}

// customersScreen is the Customers section: the list that filters as the
// clerk types on the left, the open customer and their contacts on the right.
type customersScreen struct {
	masterScreen[model.Customer, *customerForm]
	contacts *contactsPanel
	store    customersStore
	names    map[uint]string // every employee's name by id, for the salesperson column
	importer *csvImport
}

// customersStore is the store as the Customers screen uses it; a test hands it one that fails.
type customersStore interface {
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
}

func newCustomersScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings) *customersScreen {
	s := &customersScreen{store: store, names: map[uint]string{}}
	s.contacts = newContactsPanel(w, store, desk, &s.work)
	s.importer = newCSVImport(w, store, desk, &s.work, "customers", lang.L("Import CSV…"), lang.L("Import customers"),
		func() { s.list.Reload() })
	s.init(w, desk, settings, newCustomerForm(), masterKind[model.Customer]{
		filterKey:  "customers",
		searchHint: lang.L("Search code, name or phone (Ctrl+F)"),
		newTitle:   lang.L("New customer"),
		newRecord:  model.NewCustomer,
		columns:    customerColumns,
		mins:       customerMins(),
		headers:    []string{lang.L("Code"), lang.L("Name"), lang.L("Tier"), lang.L("Phone"), lang.L("Salesperson")},
		source:     PageSource[model.Customer]{Count: store.CountCustomers, Fetch: store.Customers},
		bindRow:    s.bindRow,
		countText: func(n int) string {
			return plural(n, lang.L("1 customer"), lang.L("{{.N}} customers", map[string]any{"N": model.Count(n)}))
		},
		describe: func(c *model.Customer) recordInfo {
			return recordInfo{id: c.ID, active: c.Active, display: c.Display()}
		},
		inactiveTitle: func(name string) string {
			return lang.L("{{.Customer}} (inactive)", map[string]any{"Customer": name})
		},
		discardQuestion: func(name string) string {
			return lang.L("Drop your changes to {{.Customer}}?", map[string]any{"Customer": name})
		},
		deactivateTitle: lang.L("Deactivate customer"),
		deactivateQuestion: func(name string) string {
			return lang.L("Why is {{.Customer}} being deactivated? The customer keeps all their orders and history and can be reactivated.", map[string]any{"Customer": name})
		},
		fetch:      store.Customer,
		saveRecord: store.SaveCustomer,
		setActive:  store.SetCustomerActive,
		below:      s.contacts.content,
		opened:     s.contacts.show,
		tools:      []fyne.CanvasObject{s.importer.button},
	})
	return s
}

// Shown loads the list (with the last search) and the salesperson choices
// the first time the section is opened.
func (s *customersScreen) Shown() {
	first := !s.loaded
	s.masterScreen.Shown()
	if first {
		s.loadPeople()
	}
}

func (s *customersScreen) loadPeople() {
	s.work.Go(func() func() {
		all, err := s.store.Employees(context.Background(), true)
		return func() {
			if err != nil {
				setProblemText(s.listStatus, SayLoadErr(err))
				return
			}
			var active []model.Employee
			for _, e := range all {
				s.names[e.ID] = e.Name
				if e.NameZH != "" {
					s.names[e.ID] = e.NameZH // shorter, and how the office names colleagues
				}
				if e.Active {
					active = append(active, e)
				}
			}
			s.form.setPeople(active)
			s.list.Refresh()
		}
	})
}

func (s *customersScreen) bindRow(c model.Customer, o fyne.CanvasObject) {
	name := bothNames(c.NameZH, c.NameEN)
	if !c.Active {
		name = lang.L("{{.Customer}} (inactive)", map[string]any{"Customer": name})
	}
	sales := ""
	if c.SalespersonID != nil {
		sales = s.names[*c.SalespersonID]
	}
	setCells(o, c.Code, name, string(c.Tier), c.Phone, sales)
}
