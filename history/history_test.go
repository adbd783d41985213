package history

import (
	"context"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"

	"orderdesk/demo"
	"orderdesk/model"
)

// english is the Translator that fills templates without translating.
func english(t *testing.T) Translator {
	b, err := Open("en")
	if err != nil {
		t.Fatal(err)
	}
	return b.L
}

func chinese(t *testing.T) *Book {
	b, err := Open("zh-TW")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// englishRun is a run of English letters a Chinese line must not hold,
// once the names and codes it quotes are taken out.
var englishRun = regexp.MustCompile(`[a-z]{4,}`)

// values returns the plain data values of m and its words: the names,
// codes, numbers and dates a line quotes as they are.
func values(m model.Msg) []string {
	var out []string
	for _, v := range m.Data {
		if w, ok := v.(model.Msg); ok {
			out = append(out, values(w)...)
			continue
		}
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	// Longest first, so a name is not cut by a shorter one inside it.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// untranslated reports why zh, the Chinese rendering of m, still reads as
// English, or "" when it does not.
func untranslated(m model.Msg, zh, en string) string {
	rest := zh
	for _, v := range values(m) {
		if v != "" {
			rest = strings.ReplaceAll(rest, v, " ")
		}
	}
	if run := englishRun.FindString(rest); run != "" {
		return "English left: " + run
	}
	if zh == en && strings.TrimSpace(rest) != "" {
		return "same as English"
	}
	return ""
}

// TestEveryEventReadsInChinese drives the demo office — orders through
// every step of the procedure by the real rules, shipments, notes, tickets,
// master data — then renders every event it wrote in Traditional Chinese:
// no line, action or state is left in English but the names and codes it
// quotes.
func TestEveryEventReadsInChinese(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := model.Open(ctx, path, model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Create(ctx, s, 400); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var events []model.Event
	if err := db.Find(&events).Error; err != nil {
		t.Fatal(err)
	}
	if d, err := db.DB(); err == nil {
		defer d.Close()
	}
	zh, en := chinese(t), english(t)
	seen := map[string]bool{}
	problems := map[string]string{}
	for _, e := range events {
		kind := e.Entity + " " + e.Action
		seen[kind] = true
		line := Render(e, zh.L)
		if why := untranslated(model.Msg{}, line.What, ActionName(e.Entity, e.Action)); why != "" {
			problems["action of "+kind+": "+line.What] = why
		}
		if run := englishRun.FindString(line.Move); run != "" {
			problems["move of "+kind+": "+line.Move] = "English left"
		}
		for _, m := range e.Msgs() {
			z, g := Say(m, zh.L), Say(m, en)
			if why := untranslated(m, z, g); why != "" {
				problems[kind+": "+m.Text+" → "+z] = why
			}
		}
	}
	keys := make([]string, 0, len(problems))
	for k := range problems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s (%s)", k, problems[k])
	}
	kinds := make([]string, 0, len(seen))
	for k := range seen {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	t.Logf("%d events of %d kinds: %s", len(events), len(kinds), strings.Join(kinds, ", "))
}

// TestEveryActionAndFieldIsTranslated: the action names and the field names
// a change line may carry all have a Chinese entry.
func TestEveryActionAndFieldIsTranslated(t *testing.T) {
	zh := chinese(t)
	var names []string
	names = append(names, Actions()...)
	for _, v := range []any{&model.Customer{}, &model.Contact{}, &model.Vendor{}, &model.Product{}, &model.Price{},
		&model.Employee{}, &model.Group{}, &model.Team{}, &model.TeamMember{}, &model.Order{}, &model.OrderLine{}, &model.Shipment{}} {
		names = append(names, model.FieldNames(v)...)
	}
	missing := map[string]bool{}
	for _, n := range names {
		if !zh.Has(n) {
			missing[n] = true
		}
	}
	var list []string
	for n := range missing {
		list = append(list, n)
	}
	sort.Strings(list)
	for _, n := range list {
		t.Errorf("no zh-TW entry for %q", n)
	}
}
