package history

import (
	"strconv"
	"strings"
	"time"

	"orderdesk/model"
)

// Say returns m in the reader's language: its words (data values that are
// Msgs themselves) first, then the sentence around them.
func Say(m model.Msg, L Translator) string {
	if m.IsZero() {
		return ""
	}
	if len(m.Data) == 0 {
		return L(m.Text)
	}
	data := make(map[string]any, len(m.Data))
	for k, v := range m.Data {
		if w, ok := v.(model.Msg); ok {
			v = Say(w, L)
		}
		data[k] = v
	}
	return L(m.Text, data)
}

// Line is one event as a reader sees it.
type Line struct {
	At   time.Time
	By   string
	What string   // the action: "Technical check"
	Move string   // the state it moved between, "Draft → Checking"; "" for none
	Said []string // what happened, one sentence each
	Note string   // what the clerk typed, as written
}

// Render turns an event into its line of history in L's language.
func Render(e model.Event, L Translator) Line {
	l := Line{At: e.At, By: e.By, What: L(ActionName(e.Entity, e.Action)), Note: strings.TrimSpace(e.Note)}
	if from, to := moveWord(e, e.From, L), moveWord(e, e.To, L); to != "" || from != "" {
		l.Move = from + " → " + to
		if from == "" {
			l.Move = to
		}
	}
	for _, m := range e.Msgs() {
		l.Said = append(l.Said, Say(m, L))
	}
	return l
}

// Head is the line's first row: when, who, what, and the move.
func (l Line) Head(loc *time.Location) string {
	h := l.At.In(loc).Format("2006-01-02 15:04") + " · " + l.By + " · " + l.What
	if l.Move != "" {
		h += " · " + l.Move
	}
	return h
}

// Body is what happened and the clerk's note, one per line.
func (l Line) Body() string {
	return strings.TrimSpace(strings.Join(l.Said, "\n") + "\n" + l.Note)
}

// moveWord names a state, status or value an event moved from or to.
func moveWord(e model.Event, code string, L Translator) string {
	if code == "" {
		return ""
	}
	switch e.Entity {
	case "order":
		if s, err := model.ParseState(code); err == nil {
			return L(s.Name())
		}
	case "shipment":
		return L(model.ShipmentStatus(code).Name())
	case "rma":
		if e.Action == model.ActCreated {
			// A return opens in the state its action names ("Opened"): the
			// word once, not "Opened Opened".
			return ""
		}
		return Say(model.RMAState(code).Name(), L)
	case "ticket":
		switch e.Action {
		case model.TktStatus, model.TktCreated:
			if n, err := strconv.Atoi(code); err == nil && n >= 0 && n <= 9 {
				return code + " " + L(model.TicketStatus(n).Name())
			}
		case model.TktPriority:
			return L(code)
		case model.TktAssigned, model.TktQuote:
			// Managers' ids, or a quote's outcome: the event's lines say them
			// (a manager by name: Store.EventsFor).
			return ""
		case model.TktExtension:
			// Codes such as CA1 are shown as they are; the word ones are
			// named, Project too, whose code is its English name.
			if n := model.Extension(code).Name(); n != "" && !strings.HasPrefix(n, "Contact attempt") {
				return L(n)
			}
		}
	}
	return code
}
