package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestIntakeShowsTheCustomersAddress: a customer with a billing address
// and no delivery address is delivered to the billing address, so "Enter
// the delivery address" leaves the completeness list; the empty Deliver to
// field then shows that address, so the list and the form agree.
func TestIntakeShowsTheCustomersAddress(t *testing.T) {
	store := demoStore(t, 0)
	ctx := context.Background()
	c, err := store.CustomerByCode(ctx, "A001")
	if err != nil {
		t.Fatal(err)
	}
	c.DeliveryAddress, c.BillingAddress = "", "台北市民生路 10 號"
	if err := store.SaveCustomer(ctx, employee(t, store, "ML").Actor(), c); err != nil {
		t.Fatal(err)
	}
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	f := o.s.intake
	o.shortcut(ShortcutNew)
	if f.shipTo.PlaceHolder != "" {
		t.Errorf("with no customer Deliver to shows %q", f.shipTo.PlaceHolder)
	}
	o.typeText("A001")
	o.key(fyne.KeyReturn)
	o.settle()
	if f.cust == nil || f.cust.Code != "A001" {
		t.Fatalf("the customer was not picked: %q", f.customer.Text)
	}
	missing := textsIn(f.missing)
	if strings.Contains(missing, "Enter the delivery address") {
		t.Fatalf("the list asks for an address the order has: %q", missing)
	}
	if f.shipTo.Text != "" || !strings.Contains(f.shipTo.PlaceHolder, "台北市民生路 10 號") {
		t.Errorf("Deliver to reads %q, placeholder %q; want the customer's billing address shown", f.shipTo.Text, f.shipTo.PlaceHolder)
	}
}
