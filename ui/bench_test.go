package ui

import (
	"context"
	"testing"
	"time"

	"orderdesk/model"
)

// The performance targets, on 20,000 customers, 5,000 products and 5,000 vendors:
// one filter of a list (its count and first page, what a keystroke costs)
// under 20 ms; opening the store and loading the first screen under 150 ms.

// benchStore returns a store holding the generated rows, made once per benchmark.
func benchStore(b *testing.B) *model.Store {
	b.Helper()
	store := openTestStore(b)
	bulkInsert(b, store, 20000, 5000)
	return store
}

// filterCustomers runs what the customer list runs after a keystroke: the
// count and the first page, side by side.
func filterCustomers(b *testing.B, store *model.Store, f model.ListFilter) {
	src := PageSource[model.Customer]{Count: store.CountCustomers, Fetch: store.Customers}
	if _, _, err := firstPage(context.Background(), src, f, DefaultPageSize); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkCustomerFilter(b *testing.B) {
	store := benchStore(b)
	for _, text := range []string{"", "紙業", "c1234", "2345", "customer 19"} {
		b.Run("q="+text, func(b *testing.B) {
			for b.Loop() {
				filterCustomers(b, store, model.ListFilter{Text: text})
			}
		})
	}
}

func BenchmarkCustomerFilterPage100(b *testing.B) {
	// A page far down the list, as when the clerk scrolls to row 10,000.
	store := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := store.Customers(ctx, model.ListFilter{Offset: 10000, Limit: DefaultPageSize}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProductFilter(b *testing.B) {
	store := benchStore(b)
	ctx := context.Background()
	src := PageSource[model.Product]{Count: store.CountProducts, Fetch: store.Products}
	for _, text := range []string{"", "道林紙", "p-080", "woodfree 4999"} {
		b.Run("q="+text, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := firstPage(ctx, src, model.ListFilter{Text: text}, DefaultPageSize); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVendorFilter is a keystroke in the vendor search on 5,000
// vendors (the count and the first page), under the customers' 20 ms.
func BenchmarkVendorFilter(b *testing.B) {
	store := openTestStore(b)
	bulkVendors(b, store, 5000)
	ctx := context.Background()
	src := PageSource[model.Vendor]{Count: store.CountVendors, Fetch: store.Vendors}
	for _, text := range []string{"", "紙漿", "v0123", "2345", "vendor 49"} {
		b.Run("q="+text, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := firstPage(ctx, src, model.ListFilter{Text: text}, DefaultPageSize); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOpenAndFirstScreen opens the store (already migrated, as on
// every start but the first) and loads what the first screen shows: the
// people for the desk and the salesperson column, and the customer list.
func BenchmarkOpenAndFirstScreen(b *testing.B) {
	store := benchStore(b)
	path := store.Path
	store.Close()
	ctx := context.Background()
	opts := model.Options{Clock: func() time.Time { return testNow }, Location: taipei}
	// Closing (a WAL checkpoint, ~100 ms here) happens at exit, not at
	// start, so it is left out of the time.
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := model.Open(ctx, path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Employees(ctx, true); err != nil {
			b.Fatal(err)
		}
		filterCustomers(b, s, model.ListFilter{})
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
