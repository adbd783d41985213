package history

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/demo"
	"orderdesk/model"
)

// TestOrderContactChangeReadsAsName: choosing the contact of an order that
// had none reads as the contact's name in its history, in English and in
// Chinese, never as the field's id ("ContactID: "" → "1"", seen on a
// fresh office's first order).
func TestOrderContactChangeReadsAsName(t *testing.T) {
	ctx := context.Background()
	s, err := model.Open(ctx, filepath.Join(t.TempDir(), "office.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Create(ctx, s, 0); err != nil {
		t.Fatal(err)
	}
	people, _ := s.Employees(ctx, false)
	by := people[0].Actor()
	cust, err := s.CustomerByCode(ctx, "A001")
	if err != nil {
		t.Fatal(err)
	}
	contacts, _ := s.ContactsOf(ctx, cust.ID)
	products, _ := s.Products(ctx, model.ListFilter{})
	if len(contacts) == 0 || len(products) == 0 {
		t.Fatal("the demo's A001 has no contacts, or the office no products")
	}
	o := model.NewOrderFor(cust, contacts, model.ChannelPhone, s.Now())
	o.ContactID, o.Contact = nil, nil
	o.Lines = []model.OrderLine{{ProductID: products[0].ID, Qty: model.QtyOf(1), Unit: "roll", UnitPrice: model.MoneyOf(100)}}
	if err := s.CreateOrder(ctx, by, o); err != nil {
		t.Fatal(err)
	}
	edited, _ := s.Order(ctx, o.ID)
	id := contacts[0].ID
	edited.ContactID = &id
	if _, err := s.SaveIntake(ctx, by, edited); err != nil {
		t.Fatal(err)
	}
	events, _ := s.EventsFor(ctx, "order", o.ID)
	e := events[len(events)-1]
	en, zh := Render(e, english(t)).Body(), Render(e, chinese(t).L).Body()
	if want := "Contact: none → " + contacts[0].Name; !strings.Contains(en, want) || strings.Contains(en, "ContactID") {
		t.Errorf("English history %q, want %q", en, want)
	}
	if want := "聯絡人：無 → " + contacts[0].Name; !strings.Contains(zh, want) {
		t.Errorf("Chinese history %q, want %q", zh, want)
	}
}
