package history

import (
	"testing"

	"orderdesk/model"
)

// TestFirstEventSaysItsWordOnce: a return's first event is "Opened" and
// moves into the state "Opened"; its line says the word once ("Opened
// Opened" read as a stutter, in Chinese too). Other first events, whose
// action and state differ, keep their move.
func TestFirstEventSaysItsWordOnce(t *testing.T) {
	zh, en := chinese(t).L, english(t)
	for _, c := range []struct {
		name     string
		e        model.Event
		enWhat   string
		enMove   string
		zhSameAs bool // the Chinese move is empty too
	}{
		{"return opened", model.Event{Entity: "rma", Action: model.ActCreated, To: string(model.RMAOpened)}, "Opened", "", true},
		{"return authorized", model.Event{Entity: "rma", Action: "authorized", From: string(model.RMAOpened), To: string(model.RMAAuthorized)},
			"Authorized", "Opened → Authorized", false},
		{"order taken", model.Event{Entity: "order", Action: model.ActCreated, To: string(model.States[0])},
			"Order taken", model.States[0].Name(), false},
		{"ticket created", model.Event{Entity: "ticket", Action: model.TktCreated, To: "0"},
			"created", "0 " + model.TicketStatus(0).Name(), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := Render(c.e, en)
			if g.What != c.enWhat || g.Move != c.enMove {
				t.Errorf("English: %q %q, want %q %q", g.What, g.Move, c.enWhat, c.enMove)
			}
			z := Render(c.e, zh)
			if (z.Move == "") != c.zhSameAs || z.What == "" {
				t.Errorf("Chinese: %q %q", z.What, z.Move)
			}
		})
	}
}
