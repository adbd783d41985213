package model

import (
	"context"
	"errors"
	"testing"
)

func TestCustomerValidation(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(c *Customer)
		field string
	}{
		{"no code", func(c *Customer) { c.Code = "" }, "Code"},
		{"bad code", func(c *Customer) { c.Code = "C 01!" }, "Code"},
		{"no name", func(c *Customer) { c.NameZH, c.NameEN = "", "" }, "NameZH"},
		{"tier D", func(c *Customer) { c.Tier = "D" }, "Tier"},
		{"deposit 120", func(c *Customer) { c.DepositPercent = 120 }, "DepositPercent"},
		{"bad email", func(c *Customer) { c.Email = "sales@" }, "Email"},
		{"letters in phone", func(c *Customer) { c.Phone = "call me" }, "Phone"},
		{"short fax", func(c *Customer) { c.Fax = "123" }, "Fax"},
		{"currency", func(c *Customer) { c.Currency = "DOLLARS" }, "Currency"},
		{"fine", func(c *Customer) {}, ""},
		{"english only", func(c *Customer) { c.NameZH = "" }, ""},
		{"full-width code", func(c *Customer) { c.Code = "Ｃ００１" }, ""},
		{"phone with extension", func(c *Customer) { c.Phone = "(02) 2345-6789 ext 12" }, ""},
	}
	for _, tc := range cases {
		c := NewCustomer()
		c.Code, c.NameZH, c.NameEN, c.Email = "C001", "萬國紙業", "Wan Kuo", "a@b.tw"
		tc.edit(c)
		c.normalise()
		fe := c.Validate()
		if tc.field == "" && len(fe) > 0 {
			t.Errorf("%s: unexpected %v", tc.name, fe)
		}
		if tc.field != "" && fe.For(tc.field).IsZero() {
			t.Errorf("%s: no problem reported on %s (got %v)", tc.name, tc.field, fe)
		}
	}
}

func TestCustomerFilter(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	for _, c := range []struct{ code, zh, en, phone string }{
		{"C001", "萬國紙業股份有限公司", "Wan Kuo Paper", "02-2345-6789"},
		{"C002", "大同紙品行", "Tatung Paper", "04-2222-1111"},
		{"C003", "", "Pacific 100% Pulp_Co", "07-333-4444"},
	} {
		cu := NewCustomer()
		cu.Code, cu.NameZH, cu.NameEN, cu.Phone = c.code, c.zh, c.en, c.phone
		if err := s.SaveCustomer(ctx, Actor{Name: "t"}, cu); err != nil {
			t.Fatal(err)
		}
	}
	cases := map[string][]string{
		"紙業":        {"C001"},
		"紙":         {"C001", "C002"},
		"paper":     {"C001", "C002"},
		"PAPER":     {"C001", "C002"},
		"c00":       {"C001", "C002", "C003"},
		"23456789":  {"C001"},
		"2345-6789": {"C001"},
		"100%":      {"C003"},
		"_co":       {"C003"},
		"%":         {"C003"},
		"":          {"C001", "C002", "C003"},
		"nothing":   nil,
	}
	for text, want := range cases {
		got, err := s.Customers(ctx, ListFilter{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range got {
			codes = append(codes, c.Code)
		}
		if len(codes) != len(want) {
			t.Errorf("filter %q: %v, want %v", text, codes, want)
			continue
		}
		for i := range want {
			if codes[i] != want[i] {
				t.Errorf("filter %q: %v, want %v", text, codes, want)
			}
		}
		if n, _ := s.CountCustomers(ctx, ListFilter{Text: text}); n != len(want) {
			t.Errorf("count %q = %d, want %d", text, n, len(want))
		}
	}
}

func TestInactiveSalespersonCannotTakeNewCustomers(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	gone := clerk(t, s, "Gone Person", "GP", false)
	if err := s.SetEmployeeActive(ctx, peopleAdmin(t, s), gone.ID, false, "left the company"); err != nil {
		t.Fatal(err)
	}
	c := NewCustomer()
	c.Code, c.NameEN, c.SalespersonID = "C9", "New Co", &gone.ID
	err := s.SaveCustomer(ctx, Actor{Name: "t"}, c)
	fe, ok := err.(FieldErrors)
	if !ok || fe.For("SalespersonID").IsZero() {
		t.Fatalf("inactive salesperson accepted: %v", err)
	}
}

func TestPricePlan(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	by := clerk(t, s, "Wang Mei-ling", "ML", true).Actor() // price plans are a manager's
	p := NewProduct()
	p.Code, p.NameZH = "P1", "道林紙"
	if err := s.SaveProduct(ctx, by, p); err != nil {
		t.Fatal(err)
	}
	c := NewCustomer()
	c.Code, c.NameZH = "C1", "甲"
	s.SaveCustomer(ctx, by, c)

	list := &Price{ProductID: p.ID, UnitPrice: 3000, ValidFrom: NewDate(2026, 1, 1), ValidTo: NewDate(2026, 12, 31)}
	if err := s.SavePrice(ctx, by, list); err != nil {
		t.Fatal(err)
	}
	own := &Price{ProductID: p.ID, CustomerID: &c.ID, UnitPrice: 2800, ValidFrom: NewDate(2026, 6, 1), ValidTo: NewDate(2026, 11, 30)}
	if err := s.SavePrice(ctx, by, own); err != nil {
		t.Fatal(err)
	}
	overlap := &Price{ProductID: p.ID, UnitPrice: 3100, ValidFrom: NewDate(2026, 12, 1)}
	if err := s.SavePrice(ctx, by, overlap); err == nil {
		t.Error("an overlapping list price was accepted")
	}
	cases := []struct {
		customer uint
		on       Date
		want     Money
	}{
		{c.ID, NewDate(2026, 7, 1), 2800},   // the customer's own price first
		{c.ID, NewDate(2026, 12, 15), 3000}, // own price expired: list price
		{0, NewDate(2026, 7, 1), 3000},      // no customer: list price
		{c.ID, NewDate(2026, 11, 30), 2800}, // the last day is included
		{c.ID, NewDate(2027, 1, 1), 0},      // nothing valid
	}
	for _, tc := range cases {
		got, err := s.ValidPrice(ctx, p.ID, tc.customer, tc.on)
		if tc.want == 0 {
			if err != ErrNotFound {
				t.Errorf("%s: %v, want not found", tc.on, err)
			}
			if batch, _ := planPrices(s.read, []uint{p.ID}, tc.customer, tc.on); batch[p.ID] != nil {
				t.Errorf("%s: the batched lookup found %v", tc.on, batch[p.ID])
			}
			continue
		}
		if err != nil || got.UnitPrice != tc.want {
			t.Errorf("%s customer %d: %v %v, want %d", tc.on, tc.customer, got, err, tc.want)
		}
		batch, err := planPrices(s.read, []uint{p.ID}, tc.customer, tc.on)
		if err != nil || batch[p.ID] == nil || batch[p.ID].UnitPrice != tc.want {
			t.Errorf("%s customer %d: the batched lookup disagrees: %v %v", tc.on, tc.customer, batch[p.ID], err)
		}
	}
}

// TestCustomerDisplay: a customer is shown by code and the names it has,
// one space between each, none doubled for a name not given.
func TestCustomerDisplay(t *testing.T) {
	for _, tc := range []struct {
		c    Customer
		want string
	}{
		{Customer{Code: "C0012", NameZH: "萬國紙業", NameEN: "Wan Kuo Paper"}, "C0012 萬國紙業 Wan Kuo Paper"},
		{Customer{Code: "B007", NameEN: "Lotus Trading GmbH"}, "B007 Lotus Trading GmbH"},
		{Customer{Code: "A001", NameZH: "金鼎印刷"}, "A001 金鼎印刷"},
		{Customer{Code: "X1", NameZH: " ", NameEN: ""}, "X1"},
	} {
		if got := tc.c.Display(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
}

// TestCustomerIDByCode: a form's customer code becomes the customer's id;
// no code names nobody; a code no customer has is the CustomerID field's
// problem; a failure to read stays that failure.
func TestCustomerIDByCode(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	c := NewCustomer()
	c.Code, c.NameZH = "B001", "大同紙品行"
	if err := s.SaveCustomer(ctx, Actor{Name: "t"}, c); err != nil {
		t.Fatal(err)
	}
	if id, err := s.CustomerIDByCode(ctx, " b001 "); err != nil || id == nil || *id != c.ID {
		t.Errorf("B001: %v, %v", id, err)
	}
	if id, err := s.CustomerIDByCode(ctx, "  "); err != nil || id != nil {
		t.Errorf("no code: %v, %v", id, err)
	}
	var fe FieldErrors
	if _, err := s.CustomerIDByCode(ctx, "Z999"); !errors.As(err, &fe) || fe.For("CustomerID").String() != "No customer has the code Z999." {
		t.Errorf("Z999: %v", err)
	}
	s.Close()
	if _, err := s.CustomerIDByCode(ctx, "B001"); err == nil || errors.As(err, &fe) {
		t.Errorf("a closed store: %v", err)
	}
}
