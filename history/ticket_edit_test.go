package history

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestTicketEditReadsInBothLanguages: a ticket's corrected subject, type,
// customer, contact and due date read in Chinese and in English.
func TestTicketEditReadsInBothLanguages(t *testing.T) {
	ctx := context.Background()
	s, err := model.Open(ctx, filepath.Join(t.TempDir(), "office.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	boss := &model.Employee{Name: "Wang Mei-ling", Initials: "ML"}
	if err := s.SetUpOffice(ctx, model.DefaultOffice(), boss, "a good long password"); err != nil {
		t.Fatal(err)
	}
	people, _ := s.Employees(ctx, true)
	by := people[0].Actor()
	cust := &model.Customer{Code: "C001", NameZH: "大同紙品行", Tier: model.TierB, Active: true}
	if err := s.SaveCustomer(ctx, by, cust); err != nil {
		t.Fatal(err)
	}
	tk, err := s.CreateTicket(ctx, by, model.TicketInput{Type: "QUESTION", Subject: "roll curl"})
	if err != nil {
		t.Fatal(err)
	}
	in := model.TicketEdit{Subject: "捲曲", Type: "COMPLAINT-CUSTOMER", CustomerID: &cust.ID, DueOn: model.DateOf(s.Now()).AddDays(3)}
	if _, err := s.EditTicket(ctx, by, tk.ID, 0, in); err != nil {
		t.Fatal(err)
	}
	events, _ := s.EventsFor(ctx, "ticket", tk.ID)
	e := events[len(events)-1]
	zh, en := Render(e, chinese(t).L), Render(e, english(t))
	for _, want := range []string{"主旨", "客戶抱怨", "客戶", "到期日", "大同紙品行"} {
		if !strings.Contains(zh.Body(), want) {
			t.Errorf("Chinese history %q lacks %q", zh.Body(), want)
		}
	}
	for _, m := range e.Msgs() {
		if why := untranslated(m, Say(m, chinese(t).L), Say(m, english(t))); why != "" {
			t.Errorf("%s: %s", m.Text, why)
		}
	}
	if !strings.Contains(en.Body(), "Type: Question → Customer complaint") {
		t.Errorf("English history %q", en.Body())
	}
}
