package model

import (
	"context"
	"errors"
	"testing"
)

// TestBatchIsAllOrNothing: a batch whose last write is refused leaves
// nothing behind, and one that succeeds keeps every write with its events.
func TestBatchIsAllOrNothing(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	by := Actor{Name: "import"}
	product := func(code string) *Product {
		p := NewProduct()
		p.Code, p.NameZH, p.WidthMM, p.Grammage = code, "道林紙 "+code, 787, 80
		return p
	}

	err := s.Batch(ctx, func(ctx context.Context) error {
		if err := s.SaveProduct(ctx, by, product("P-1")); err != nil {
			return err
		}
		// The same code again: refused by the check, which sees the batch's own rows.
		if err := s.SaveProduct(ctx, by, product("P-1")); err == nil {
			t.Error("a duplicate code inside the batch was accepted")
		}
		return errors.New("the file had a bad row")
	})
	if err == nil {
		t.Fatal("the batch's error was lost")
	}
	if n, _ := s.CountProducts(ctx, ListFilter{IncludeInactive: true}); n != 0 {
		t.Errorf("a failed batch left %d products", n)
	}

	err = s.Batch(ctx, func(ctx context.Context) error {
		for _, code := range []string{"P-1", "P-2"} {
			if err := s.SaveProduct(ctx, by, product(code)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountProducts(ctx, ListFilter{IncludeInactive: true}); n != 2 {
		t.Errorf("got %d products, want 2", n)
	}
	var events int64
	s.reader(ctx).Model(&Event{}).Where("entity = ?", "product").Count(&events)
	if events != 2 {
		t.Errorf("got %d product events, want 2", events)
	}
}
