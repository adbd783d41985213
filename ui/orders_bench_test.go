package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/demo"
	"orderdesk/internal/testkit"
	"orderdesk/model"
)

// The targets of issue 5, with 250,000 orders (testkit.BenchOrders):
// opening the list and each page under 100 ms; a filter keystroke under
// 100 ms to results; opening an order with 50 lines and 200 events under
// 100 ms. Each is measured over the screen's load functions (what runs off
// the UI goroutine), p95.

// orderBenchStore opens a copy of the model benchmarks' generated database
// (make bench runs the model's benchmarks first; the size and data version
// are testkit's, which the model writes), with one order of 50 lines and
// 200 events added to the copy. The copy is made once and kept beside the
// original. Without the model's file (this package's benchmarks run
// alone) the copy is generated as `orderdesk gen` does, on the demo
// office: the benchmarks run on generated data either way, never skip.
func orderBenchStore(b *testing.B) (*model.Store, uint) {
	b.Helper()
	dir := testkit.BenchDir()
	n := testkit.BenchOrders(b)
	// The copy is migrated on open, so any schema's generated file will do.
	dst := filepath.Join(dir, fmt.Sprintf("ui-orders-%d-data%d.db", n, testkit.OrdersDataVersion))
	if _, err := os.Stat(dst); err != nil {
		testkit.BuildOnce(b, dst, func(tmp string) error {
			ctx := context.Background()
			src := testkit.LatestOrdersFile(dir, n)
			if src != "" {
				if err := testkit.CopyFile(src, tmp); err != nil {
					return err
				}
			}
			s, err := model.Open(ctx, tmp, model.Options{Create: true})
			if err != nil {
				return err
			}
			defer s.Close()
			if src == "" {
				if err := demo.Create(ctx, s, n); err != nil {
					return err
				}
			}
			id := addBigOrder(b, s)
			return os.WriteFile(dst+".order", []byte(fmt.Sprint(id)), 0o644)
		})
	}
	s, err := model.Open(context.Background(), dst, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var id uint
	data, err := os.ReadFile(dst + ".order")
	if err == nil {
		_, err = fmt.Sscan(string(data), &id)
	}
	if err != nil || id == 0 {
		b.Fatalf("the 50-line order's id is missing (%s.order): %v", dst, err)
	}
	return s, id
}

const bigOrderMemo = "ui bench: 50 lines, 200 events"

// addBigOrder adds a draft of 50 lines priced beyond the plan, and reports
// a price doubt on its lines until it has 200 events.
func addBigOrder(b *testing.B, s *model.Store) uint {
	ctx := context.Background()
	people, _ := s.Employees(ctx, false)
	custs, _ := s.Customers(ctx, model.ListFilter{Limit: 1})
	products, _ := s.Products(ctx, model.ListFilter{Limit: 50})
	if len(people) == 0 || len(custs) == 0 || len(products) == 0 {
		b.Fatal("the generated database has no people, customers or products")
	}
	by := people[0].Actor()
	contacts, _ := s.ContactsOf(ctx, custs[0].ID)
	o := model.NewOrderFor(&custs[0], contacts, model.ChannelFax, s.Now())
	o.Memo = bigOrderMemo
	for i := 0; i < 50; i++ {
		p := products[i%len(products)]
		o.Lines = append(o.Lines, model.OrderLine{ProductID: p.ID, Qty: model.QtyOf(int64(10 + i)), Unit: p.Unit, UnitPrice: model.MoneyOf(9000)})
	}
	if err := s.CreateOrder(ctx, by, o); err != nil {
		b.Fatal(err)
	}
	for i := 1; i < 200; i++ {
		line := 1 + i%50
		if _, err := s.Apply(ctx, by, o.ID, 0, func(o *model.Order, c model.Ctx) error {
			return o.ReportPriceDoubt(c, line, "bench")
		}); err != nil {
			b.Fatal(err)
		}
	}
	return o.ID
}

// p95 runs op b.N times and reports its 95th-percentile duration in ms.
var p95 = testkit.P95

// benchList is the order list's loaders over a store, without widgets.
func benchList(s *model.Store, f model.OrderFilter) *orderList {
	return &orderList{store: s, filter: f}
}

// BenchmarkOrderListOpen is opening the list on each view: what firstPage
// runs (the first page, then the count when the page is full).
func BenchmarkOrderListOpen(b *testing.B) {
	s, _ := orderBenchStore(b)
	ctx := context.Background()
	views := []struct {
		name string
		f    model.OrderFilter
	}{
		{"open", model.OrderFilter{View: model.ViewOpen}},
		{"state=checking", model.OrderFilter{View: model.ViewState, State: model.StateChecking}},
		{"awaiting-sign-back", model.OrderFilter{View: model.ViewAwaitingSignBack}},
		{"overdue", model.OrderFilter{View: model.ViewOverdue}},
		{"closed", model.OrderFilter{View: model.ViewClosed}},
		{"all", model.OrderFilter{View: model.ViewAll}},
		{"open-sort-promised", model.OrderFilter{View: model.ViewOpen, Sort: model.SortPromised}},
		{"all-sort-customer", model.OrderFilter{View: model.ViewAll, Sort: model.SortCustomer}},
	}
	for _, v := range views {
		b.Run(v.name, func(b *testing.B) {
			l := benchList(s, v.f)
			src := PageSource[model.OrderRow]{Count: l.countRows, Fetch: l.fetchRows}
			p95(b, func() error { _, _, err := firstPage(ctx, src, model.ListFilter{}, DefaultPageSize); return err })
		})
	}
}

// BenchmarkOrderListPage is one further page as the clerk scrolls: near
// the top, and far down the list.
func BenchmarkOrderListPage(b *testing.B) {
	s, _ := orderBenchStore(b)
	ctx := context.Background()
	pages := []struct {
		view model.OrderView
		off  int
	}{{model.ViewOpen, 100}, {model.ViewOpen, 10_000}, {model.ViewOpen, 30_000},
		{model.ViewClosed, 10_000}, {model.ViewAll, 100}, {model.ViewAll, 10_000}, {model.ViewAll, 100_000}}
	for _, p := range pages {
		b.Run(fmt.Sprintf("%s/offset=%d", p.view, p.off), func(b *testing.B) {
			l := benchList(s, model.OrderFilter{View: p.view})
			p95(b, func() error {
				_, err := l.fetchRows(ctx, model.ListFilter{Offset: p.off, Limit: DefaultPageSize})
				return err
			})
		})
	}
}

// BenchmarkOrderFilterKeystroke is what one keystroke in the search box
// costs once typing pauses: the first page and, when full, the count.
func BenchmarkOrderFilterKeystroke(b *testing.B) {
	s, _ := orderBenchStore(b)
	ctx := context.Background()
	last, err := s.Orders(ctx, model.OrderFilter{View: model.ViewAll, Sort: model.SortNo, Desc: true, Limit: 1})
	if err != nil || len(last) == 0 {
		b.Fatal("no orders", err)
	}
	lastNo := last[0].No
	for _, text := range []string{"金", "金鼎", "金鼎印刷2號", "格拉辛", "c0007", "PO12345", lastNo, "nothing-matches"} {
		b.Run("q="+text, func(b *testing.B) {
			l := benchList(s, model.OrderFilter{View: model.ViewAll})
			src := PageSource[model.OrderRow]{Count: l.countRows, Fetch: l.fetchRows}
			p95(b, func() error {
				_, _, err := firstPage(ctx, src, model.ListFilter{Text: text}, DefaultPageSize)
				return err
			})
		})
	}
}

// BenchmarkOrderOpen opens the order with 50 lines and 200 events: its
// load, then what the screen computes from it (gates, every action's
// Allowed, each line's price check).
func BenchmarkOrderOpen(b *testing.B) {
	s, id := orderBenchStore(b)
	ctx := context.Background()
	people, _ := s.Employees(ctx, false)
	by := people[0].Actor()
	p95(b, func() error {
		v, err := loadOrderView(ctx, s, id, by)
		if err != nil {
			return err
		}
		if len(v.order.Lines) != 50 || len(v.events) < 200 {
			return fmt.Errorf("the order has %d lines and %d events", len(v.order.Lines), len(v.events))
		}
		v.order.Steps(v.ctx.Office, v.events, s.Now())
		for _, a := range model.Actions {
			_ = v.order.Allowed(a, v.ctx)
		}
		for i := range v.order.Lines {
			v.order.Lines[i].CheckPrice(v.ctx.Office.PriceTolerancePct)
		}
		return nil
	})
}
