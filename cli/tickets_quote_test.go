package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestTicketsQuote records a quote on a request for quote from the command
// line, shows it, and wins it: the order's draft is made from it.
func TestTicketsQuote(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "office.db")
	env, out, errOut := testEnv()
	if code := Run(ctx, env, []string{"demo", "-db", db, "-orders", "5"}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	s, err := model.Open(ctx, db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	customers, _ := s.Customers(ctx, model.ListFilter{Limit: 1})
	products, _ := s.Products(ctx, model.ListFilter{Limit: 1})
	tk, err := s.CreateTicket(ctx, model.Actor{Name: "test"}, model.TicketInput{Type: "QUOTE-RFQ", Subject: "spring catalogue paper", CustomerID: &customers[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	validTo := s.Today().AddDays(30).String()
	s.Close()
	code := products[0].Code
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"tickets", "quote", "-db", db, tk.No}, 0, "nothing quoted yet"},
		{[]string{"tickets", "quote", "-db", db, "-line", code + ":40", tk.No}, 2, "CODE:QTY:UNIT:PRICE"},
		{[]string{"tickets", "quote", "-db", db, "-line", code + ":40:ream:2500", "-valid-to", validTo, tk.No}, 0, "revision 1, total NT$100,000, valid to " + validTo},
		{[]string{"tickets", "quote", "-db", db, "-won", tk.No}, 1, "Choose who you are"},
		{[]string{"tickets", "quote", "-db", db, "-as", "YC", "-won", "-po", "PO-1", tk.No}, 0, "made from the quote (draft)"},
		{[]string{"tickets", "quote", "-db", db, "-lost", "too dear", tk.No}, 1, "won already"},
	}
	for _, st := range steps {
		out.Reset()
		errOut.Reset()
		got := Run(ctx, env, st.args)
		if got != st.code || !strings.Contains(out.String()+errOut.String(), st.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", st.args, got, st.code, st.want, out, errOut)
		}
	}
}
