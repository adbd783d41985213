package model

import (
	"context"
	"fmt"
	"testing"

	"orderdesk/internal/testkit"
)

// benchStore opens a database of n generated orders, building it the first
// time into the temp folder and reusing it after (generating 250,000 orders
// takes a couple of minutes; the file is named by schema step and
// testkit.OrdersDataVersion, and the UI's benchmarks open a copy of it).
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	path := testkit.BuildOnce(b, testkit.OrdersFile(testkit.BenchDir(), n, LatestSchema()), func(tmp string) error {
		s, err := Open(context.Background(), tmp, Options{Create: true})
		if err != nil {
			return err
		}
		defer s.Close()
		benchOffice(b, s, 40, 30)
		return s.GenerateOrders(context.Background(), n, 1, nil)
	})
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchOffice creates people, customers with signing contacts, products and list prices.
func benchOffice(b testing.TB, s *Store, customers, products int) {
	ctx, by := context.Background(), Actor{Name: "bench"}
	var people []*Employee
	for i := 0; i < 12; i++ {
		e := &Employee{Name: fmt.Sprintf("Clerk %02d", i), Initials: fmt.Sprintf("C%02d", i), Active: true, Manager: i == 0}
		if err := s.SaveEmployee(ctx, by, e); err != nil {
			b.Fatal(err)
		}
		if e.Manager {
			by = e.Actor() // once there is a manager, only they add people
		}
		people = append(people, e)
	}
	office := DefaultOffice()
	office.CSSupervisorID, office.MarketingDirectorID = people[0].ID, people[1].ID
	if err := s.SaveOffice(ctx, people[0].Actor(), office); err != nil {
		b.Fatal(err)
	}
	// The departments that sign the gates: without them every generated
	// order stopped at the technical check (data version 6 was 92% orders
	// in checking, none awaiting a sign-back).
	for code, members := range map[string][]*Employee{"TECH": people[6:8], "PROD": people[8:10], "QC": people[10:11], "FIN": people[11:12]} {
		g := &Group{Code: code, Name: "Group " + code, Active: true}
		if err := s.SaveGroup(ctx, people[0].Actor(), g); err != nil {
			b.Fatal(err)
		}
		ids := make([]uint, len(members))
		for i, e := range members {
			ids[i] = e.ID
		}
		if err := s.SetGroupMembers(ctx, people[0].Actor(), g.ID, ids); err != nil {
			b.Fatal(err)
		}
	}
	names := []string{"萬國紙業", "大同紙品", "金鼎印刷", "永豐包裝", "新光彩印", "台灣標籤", "長興紙器", "華南紙業"}
	for i := 0; i < customers; i++ {
		c := NewCustomer()
		c.Code, c.NameZH, c.NameEN = fmt.Sprintf("C%04d", i+1), fmt.Sprintf("%s%d號", names[i%len(names)], i), fmt.Sprintf("Customer %d Co.", i)
		c.Tier, c.DepositPercent = []Tier{TierA, TierB, TierB, TierC}[i%4], []int{0, 30, 0, 50}[i%4]
		c.Fax, c.PaymentTerms, c.BillingAddress, c.SalespersonID = "02-2345-6789", "月結30天", "台北市", &people[2+i%4].ID
		if err := s.SaveCustomer(ctx, by, c); err != nil {
			b.Fatal(err)
		}
		if err := s.SaveContact(ctx, by, &Contact{CustomerID: &c.ID, Name: "林經理", CanSign: true, Active: true}); err != nil {
			b.Fatal(err)
		}
	}
	kinds := []string{"道林紙", "銅版紙", "牛皮紙", "格拉辛紙", "熱感紙", "離型紙"}
	for i := 0; i < products; i++ {
		p := NewProduct()
		p.Code, p.NameZH, p.WidthMM, p.Grammage, p.LengthM, p.CoreMM = fmt.Sprintf("P-%03d", i+1), fmt.Sprintf("%s %dg", kinds[i%len(kinds)], 60+i*5), 900+i*10, 60+i*5, 6000, 76
		if err := s.SaveProduct(ctx, by, p); err != nil {
			b.Fatal(err)
		}
		pr := &Price{ProductID: p.ID, UnitPrice: MoneyOf(int64(1000 + i*50)), ValidFrom: NewDate(2020, 1, 1)}
		if err := s.SavePrice(ctx, by, pr); err != nil {
			b.Fatal(err)
		}
	}
}

// p95 runs op b.N times and reports its 95th-percentile duration in ms.
var p95 = testkit.P95

func BenchmarkOrderQueries(b *testing.B) {
	s := benchStore(b, benchSize(b))
	ctx := context.Background()
	var cust Customer
	s.read.Order("id").Offset(7).Take(&cust)
	var lastNo string
	s.read.Model(&Order{}).Select("no").Order("id DESC").Limit(1).Scan(&lastNo)
	queries := []struct {
		name string
		f    OrderFilter
	}{
		{"open", OrderFilter{View: ViewOpen}},
		{"state=checking", OrderFilter{View: ViewState, State: StateChecking}},
		{"state=delivered", OrderFilter{View: ViewState, State: StateDelivered}},
		{"awaiting-sign-back", OrderFilter{View: ViewAwaitingSignBack}},
		{"overdue", OrderFilter{View: ViewOverdue}},
		{"customer", OrderFilter{View: ViewAll, CustomerID: cust.ID}},
		{"search-number", OrderFilter{View: ViewAll, Text: lastNo}},
		{"search-customer-zh", OrderFilter{View: ViewAll, Text: "金鼎印刷2號"}},
		{"search-customers-zh", OrderFilter{View: ViewAll, Text: "金鼎"}}, // five customers' names
		{"search-one-char", OrderFilter{View: ViewAll, Text: "金"}},
		{"search-po", OrderFilter{View: ViewAll, Text: "PO12345"}},
		{"search-product-zh", OrderFilter{View: ViewAll, Text: "格拉辛"}},
		{"sort-promised", OrderFilter{View: ViewOpen, Sort: SortPromised}},
	}
	for _, g := range Gates {
		queries = append(queries, struct {
			name string
			f    OrderFilter
		}{"overdue-" + string(g), OrderFilter{View: ViewOverdue, Gate: g}})
	}
	for _, q := range queries {
		q.f.Limit = 100
		b.Run(q.name+"/page", func(b *testing.B) {
			p95(b, func() error { _, err := s.Orders(ctx, q.f); return err })
		})
		b.Run(q.name+"/count", func(b *testing.B) {
			p95(b, func() error { _, err := s.CountOrders(ctx, q.f); return err })
		})
	}
}

func BenchmarkCreateOrder(b *testing.B) {
	s := benchStore(b, benchSize(b))
	ctx := context.Background()
	var cust Customer
	s.read.Order("id").Offset(3).Take(&cust)
	var products []Product
	s.read.Order("id").Limit(5).Find(&products)
	var clerk Employee
	s.read.Order("id").Take(&clerk)
	p95(b, func() error {
		o := &Order{CustomerID: cust.ID, Channel: ChannelPhone, Currency: "TWD", Memo: "bench"}
		for _, p := range products {
			o.Lines = append(o.Lines, OrderLine{ProductID: p.ID, Qty: QtyOf(10), Unit: p.Unit, UnitPrice: MoneyOf(1200)})
		}
		return s.CreateOrder(ctx, clerk.Actor(), o)
	})
}

func BenchmarkLoadOrder(b *testing.B) {
	s := benchStore(b, benchSize(b))
	ctx := context.Background()
	var id uint
	s.read.Model(&Order{}).Select("id").Where("state = ?", StateDelivered).Order("id DESC").Limit(1).Scan(&id)
	p95(b, func() error {
		_, err := s.Order(ctx, id)
		if err == nil {
			_, err = s.EventsFor(ctx, "order", id)
		}
		return err
	})
}
