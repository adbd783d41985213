package history

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestTicketAssignmentNamesTheManager: a ticket's "assigned" line names the
// person who manages it, in both languages, never their database id, and
// its action is not the returned scan's "assigned to an order" (both were
// the one key "assigned": the zh-TW history read 已歸入訂單: 6).
func TestTicketAssignmentNamesTheManager(t *testing.T) {
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
	lin := &model.Employee{Name: "Lin Chih-hao", Initials: "LC", Active: true}
	if err := s.SaveEmployee(ctx, by, lin); err != nil {
		t.Fatal(err)
	}
	tk, err := s.CreateTicket(ctx, by, model.TicketInput{Type: "QUESTION", Subject: "roll curl"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []uint{lin.ID, people[0].ID} {
		if _, err := s.ApplyTicket(ctx, by, tk.ID, 0, func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, m) }); err != nil {
			t.Fatal(err)
		}
	}
	events, _ := s.EventsFor(ctx, "ticket", tk.ID)
	var zh, en []string
	for _, e := range events {
		if e.Action != model.TktAssigned {
			continue
		}
		z, n := Render(e, chinese(t).L), Render(e, english(t))
		zh = append(zh, z.What+" "+z.Move+" "+z.Body())
		en = append(en, n.What+" "+n.Move+" "+n.Body())
	}
	want := []string{"Manager assigned  manager: nobody → Lin Chih-hao", "Manager assigned  manager: Lin Chih-hao → Wang Mei-ling"}
	if strings.Join(en, "|") != strings.Join(want, "|") {
		t.Errorf("English assignments %q; want %q", en, want)
	}
	if len(zh) != 2 || !strings.HasPrefix(zh[0], "指派負責人") || !strings.Contains(zh[1], "Lin Chih-hao → Wang Mei-ling") || strings.Contains(strings.Join(zh, ""), "訂單") {
		t.Errorf("Chinese assignments %q", zh)
	}
}
