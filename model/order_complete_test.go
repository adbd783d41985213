package model

import (
	"fmt"
	"strings"
	"testing"
)

// A new customer's fax often lives only on the contact who orders; the fax
// cover sends there first (reports.contactFax), so submitting the order must
// not ask for one on the customer too (issue 16's walk through a fresh
// office).
func TestConfirmationReachesTheCustomerOrTheOrdersContact(t *testing.T) {
	f := newDesk(t)
	for i, tc := range []struct {
		name                    string
		custFax, custEmail      string
		contactFax, contactMail string
		refused                 bool
	}{
		{"the customer's fax", "02-2345-6789", "", "", "", false},
		{"the customer's e-mail", "", "po@example.com", "", "", false},
		{"the contact's fax", "", "", "02-2345-6700", "", false},
		{"the contact's e-mail", "", "", "", "lin@example.com", false},
		{"nobody's", "", "", "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := f.customer(fmt.Sprintf("N%03d", i), "新客戶", TierC, 30)
			c.Fax, c.Email = tc.custFax, tc.custEmail
			if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
				t.Fatal(err)
			}
			ct := f.signer[c.ID]
			ct.Fax, ct.Email = tc.contactFax, tc.contactMail
			if err := f.s.SaveContact(f.ctx, f.super.Actor(), ct); err != nil {
				t.Fatal(err)
			}
			o := f.intake(c, 10)
			o.ContactID, o.Contact = &ct.ID, ct
			o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
			if err != nil {
				t.Fatal(err)
			}
			err = f.try(o, func(o *Order, c Ctx) error { return o.Submit(c) })
			if (err != nil) != tc.refused {
				t.Fatalf("submit: %v, want refused %v", err, tc.refused)
			}
			listed := ""
			for _, m := range f.reload(o).MissingForChecking() {
				if m.Field == "CustomerID" {
					listed = m.Msg.String()
				}
			}
			if tc.refused != strings.Contains(listed, "fax number or e-mail") {
				t.Errorf("the completeness list says %q about the customer, want it listed %v", listed, tc.refused)
			}
		})
	}
}
