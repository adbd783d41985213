package csvio

import (
	"context"
	"errors"
	"strings"
	"testing"

	"orderdesk/model"
)

// FuzzImportCustomers: any bytes given as a customer file are imported or
// refused with problems a clerk can read — never a panic, and a refused
// file leaves the database as it was.
func FuzzImportCustomers(f *testing.F) {
	f.Add("code,name_zh,tier\nN001,新順紙業,B\n")
	f.Add(bom + "code,name_zh,tier,deposit_percent,salesperson\nN1,甲,A,0,CH\nN2,乙,Z,x,\n")
	f.Add("code\n\"unterminated\n")
	f.Add("CODE,Name_ZH,tier,extra\nA001,,,\n")
	s := demoStore(f) // one office for every input: a refused file must leave it as it was
	f.Fuzz(func(t *testing.T, file string) {
		ctx := context.Background()
		before, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
		n, err := ImportCustomers(ctx, s, by, strings.NewReader(file))
		after, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
		var ie *ImportError
		switch {
		case err == nil:
			if after < before || after > before+n {
				t.Fatalf("%d rows imported, customers %d → %d", n, before, after)
			}
		case errors.As(err, &ie):
			if after != before {
				t.Fatalf("a refused file changed the customers: %d → %d", before, after)
			}
			for _, p := range ie.Problems {
				if p.Msg.IsZero() || p.Line < 1 {
					t.Fatalf("a problem a clerk cannot act on: %+v", p)
				}
			}
		default:
			t.Fatalf("not an import error: %v", err)
		}
	})
}
