package csvio

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"orderdesk/demo"
	"orderdesk/model"
)

// by is the demo office's manager (Wang Mei-ling, the first person):
// imports change tiers and price plans, which only a manager may.
var by = model.Actor{ID: 1, Name: "Wang Mei-ling"}

func demoStore(t testing.TB) *model.Store {
	t.Helper()
	s, err := model.Open(context.Background(), filepath.Join(t.TempDir(), "csv.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Create(context.Background(), s, 0); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExportImportRoundTrip: what export writes, import reads back without
// a problem and without changing a thing — for every table of the demo office.
func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	for kind, export := range Exporters {
		t.Run(kind, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := export(ctx, s, &buf)
			if err != nil || n == 0 {
				t.Fatalf("export: %d rows, %v", n, err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte(bom)) {
				t.Error("the file has no byte-order mark: Excel would garble Chinese")
			}
			first := buf.String()
			res, err := Importers[kind](ctx, s, by, strings.NewReader(first), Options{})
			if got := res.Rows; err != nil || got != n {
				t.Fatalf("import: %d of %d rows, %v", res.Rows, n, err)
			}
			var again bytes.Buffer
			export(ctx, s, &again)
			if again.String() != first {
				t.Errorf("importing the export changed the data:\n%s\n---\n%s", first, again.String())
			}
		})
	}
}

// TestImportIsAllOrNothing: one bad row refuses the whole file, naming its
// line and column; a good file with Chinese names and no BOM is accepted.
func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, file string
		want       []string // problems, as "line N, column C"; nil for success
	}{
		{"good, Chinese, no BOM",
			"code,name_zh,name_en,tier,deposit_percent,salesperson,fax\nN001,新順紙業,,B,30,CH,02-1234-5678\nN002,,Orchid Press,A,0,,\n", nil},
		{"bad tier and bad deposit on line 3",
			bom + "code,name_zh,tier,deposit_percent\nN001,新順紙業,B,30\nN002,藍天印刷,Z,abc\n", []string{"line 3, column deposit_percent"}},
		{"model refuses tier Z",
			"code,name_zh,tier\nN001,新順紙業,B\nN002,藍天印刷,Z\n", []string{"line 3, column tier"}},
		{"duplicate code in the file",
			"code,name_zh,tier\nN001,新順紙業,B\nN001,重複,A\n", []string{"line 3, column code"}},
		{"unknown salesperson",
			"code,name_zh,tier,salesperson\nN001,新順紙業,B,XX\n", []string{"line 2, column salesperson"}},
		{"unknown column",
			"code,name_zh,colour\nN001,新順紙業,red\n", []string{"line 1, column colour"}},
		{"quoted field with a line break",
			"code,name_zh,tier,billing_address\nN001,新順紙業,B,\"台北市\n中山區\"\nN002,,Q,\n", []string{"line 4, column name_zh", "line 4, column tier"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := demoStore(t)
			before, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
			n, err := ImportCustomers(ctx, s, by, strings.NewReader(c.file))
			after, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
			if c.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if after != before+n || n != 2 {
					t.Errorf("%d rows imported, customers %d → %d", n, before, after)
				}
				got, _ := s.CustomerByCode(ctx, "N001")
				if got == nil || got.NameZH != "新順紙業" || got.SalespersonID == nil {
					t.Errorf("N001 stored as %+v", got)
				}
				return
			}
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("want an ImportError, got %v", err)
			}
			if after != before {
				t.Errorf("a refused file still wrote %d customers", after-before)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("want a problem at %s in:\n%v", w, err)
				}
			}
		})
	}
}

// TestImportUpdatesByCode: a row whose code exists changes that record.
func TestImportUpdatesByCode(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	if _, err := ImportProducts(ctx, s, by, strings.NewReader("code,name_zh,colour_spec\nWF-70-787,道林紙 70g 新版,白 / bright white\n")); err != nil {
		t.Fatal(err)
	}
	p, _ := s.ProductByCode(ctx, "WF-70-787")
	if p.NameZH != "道林紙 70g 新版" || p.Grammage != 70 {
		t.Errorf("the product was not updated in place: %+v", p)
	}
	_, err := ImportPrices(ctx, s, by, strings.NewReader("product,customer,unit_price,valid_from\nWF-70-787,A001,\"2,150.00\",2027-01-01\nNOPE,,1,2027-01-01\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3, column product") {
		t.Errorf("an unknown product should refuse the file at line 3: %v", err)
	}
}

// TestClerkImportCannotChangeATier: the customers file a clerk imports may
// not raise a tier (only a manager may); the whole file is refused.
func TestClerkImportCannotChangeATier(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	var buf bytes.Buffer
	if _, err := Exporters["customers"](ctx, s, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "tier")
	for _, r := range rows[1:] {
		if r[col] != "A" {
			r[col] = "A"
			break
		}
	}
	var edited bytes.Buffer
	w := csv.NewWriter(&edited)
	w.WriteAll(rows)
	clerk, err := s.EmployeeByName(ctx, "YC")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Importers["customers"](ctx, s, clerk.Actor(), bytes.NewReader(edited.Bytes()), Options{})
	if err == nil || !strings.Contains(err.Error(), "Only a manager may set or change a customer's tier") {
		t.Errorf("clerk's import raising a tier: %v", err)
	}
	if _, err := Importers["customers"](ctx, s, by, bytes.NewReader(edited.Bytes()), Options{}); err != nil {
		t.Errorf("manager's import: %v", err)
	}

	// A new customer at tier A is a tier set, too: the import's fast path
	// for new rows must ask the same question as SaveCustomer.
	newA := "code,name_zh,tier\nZ9001,新客戶甲,A\n"
	_, err = Importers["customers"](ctx, s, clerk.Actor(), strings.NewReader(newA), Options{})
	if err == nil || !strings.Contains(err.Error(), "Only a manager may set or change a customer's tier") {
		t.Errorf("clerk's import of a new tier-A customer: %v", err)
	}
	if _, err := s.CustomerByCode(ctx, "Z9001"); err == nil {
		t.Errorf("the refused import left customer Z9001")
	}
}

// TestCustomerTaxIDImported: the customer's tax ID (統一編號) is a column
// of the customers file, so the documents print what the office imported.
func TestCustomerTaxIDImported(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	if _, err := ImportCustomers(ctx, s, by, strings.NewReader("code,name_zh,tier,tax_id\nT001,統編紙業,B,24536806\n")); err != nil {
		t.Fatal(err)
	}
	c, err := s.CustomerByCode(ctx, "T001")
	if err != nil || c.TaxID != "24536806" {
		t.Fatalf("tax ID %q, %v", c.TaxID, err)
	}
	var b bytes.Buffer
	if _, err := Exporters["customers"](ctx, s, &b); err != nil || !strings.Contains(b.String(), "24536806") {
		t.Errorf("export lacks the tax ID: %v", err)
	}
}

// TestCustomerIncotermImportedAndExported: a customer's default Incoterm
// and named place are columns of the customers file, both ways; a rule
// without its named place is refused with the model's reason.
func TestCustomerIncotermImportedAndExported(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	in := "code,name_en,tier,incoterm,incoterm_place\nT002,Export Paper,B,cif,Rotterdam\n"
	if _, err := ImportCustomers(ctx, s, by, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	c, err := s.CustomerByCode(ctx, "T002")
	if err != nil || c.DeliveryTerms.String() != "CIF Rotterdam" {
		t.Fatalf("terms %q, %v", c.DeliveryTerms.String(), err)
	}
	var b bytes.Buffer
	if _, err := Exporters["customers"](ctx, s, &b); err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(b.String(), "\n")
	if !strings.Contains(head, "incoterm,incoterm_place") || !strings.Contains(b.String(), "CIF,Rotterdam") {
		t.Errorf("export lacks the delivery terms: %s", head)
	}
	bad := "code,name_en,tier,incoterm\nT003,No Port Ltd,B,FOB\n"
	if _, err := ImportCustomers(ctx, s, by, strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "FOB needs the named port of shipment") {
		t.Errorf("FOB without its port imported: %v", err)
	}
}

// TestCustomerManagedContractImportedAndExported: a customer's
// managed-service contract is the managed_contract column, both ways; a
// clerk's import that sets it is refused, as the customer form's save is.
func TestCustomerManagedContractImportedAndExported(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	in := "code,name_zh,tier,managed_contract\nT004,維護紙業,B, MSC-2026-T004 \n"
	clerk, err := s.EmployeeByName(ctx, "YC")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportCustomers(ctx, s, clerk.Actor(), strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "managed-service contract") {
		t.Errorf("a clerk's import of a managed-service contract: %v", err)
	}
	if _, err := ImportCustomers(ctx, s, by, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	c, err := s.CustomerByCode(ctx, "T004")
	if err != nil || c.ManagedContractRef != "MSC-2026-T004" {
		t.Fatalf("managed contract %q, %v", c.ManagedContractRef, err)
	}
	var b bytes.Buffer
	if _, err := Exporters["customers"](ctx, s, &b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col, code := slices.Index(rows[0], "managed_contract"), slices.Index(rows[0], "code")
	found := false
	for _, r := range rows[1:] {
		found = found || col >= 0 && r[code] == "T004" && r[col] == "MSC-2026-T004"
	}
	if !found {
		t.Errorf("the export lacks T004's managed contract: %v", rows[0])
	}
}
