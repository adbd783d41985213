package model

import (
	"context"
	"testing"
)

// TestRMAStepAddsTheReturnsGroup: an office made before step 17 gets seed
// 004's Repair & Returns group, whose people sign the return's steps; a
// database with no office yet gets none (the office's first start makes
// it with the other standard groups).
func TestRMAStepAddsTheReturnsGroup(t *testing.T) {
	ctx := context.Background()
	for _, office := range []bool{true, false} {
		target := testTarget(t)
		old, err := Open(ctx, target, Options{Create: true, Location: taipei, migrateTo: 15})
		if err != nil {
			t.Fatal(err)
		}
		if office {
			g := &Group{Code: "CS", Name: "Customer Service", Active: true}
			if err := insertRow(old.db, System, old.now(), g); err != nil {
				t.Fatal(err)
			}
		}
		old.Close()
		s, err := Open(ctx, target, Options{Location: taipei})
		if err != nil {
			t.Fatal(err)
		}
		g, err := s.GroupByCode(ctx, "RR")
		switch {
		case office && (err != nil || !g.Active || g.NameZH != "維修退貨"):
			t.Errorf("office before step 17: RR group %+v, %v", g, err)
		case !office && err != ErrNotFound:
			t.Errorf("empty database: RR group %+v, %v", g, err)
		}
		s.Close()
	}
}
