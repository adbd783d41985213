package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestOrdersShowLang: orders show prints the history in English by
// default and in Traditional Chinese with -lang zh-TW, from the same events.
func TestOrdersShowLang(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	if env, out, errOut := testEnv(); Run(context.Background(), env, []string{"demo", "-db", db, "-orders", "40"}) != 0 {
		t.Fatalf("demo: %s%s", out, errOut)
	}
	// An order far enough along to have a revision issued and signed back.
	s, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rows []model.OrderRow
	for _, st := range []model.State{model.StateCleared, model.StateShipped, model.StateDelivered} {
		if rows, err = s.Orders(context.Background(), model.OrderFilter{View: model.ViewState, State: st, Limit: 1}); err != nil || len(rows) > 0 {
			break
		}
	}
	s.Close()
	if err != nil || len(rows) == 0 {
		t.Fatalf("no cleared order in the demo: %v", err)
	}
	no := rows[0].No
	show := func(args ...string) string {
		env, out, errOut := testEnv()
		if code := Run(context.Background(), env, append([]string{"orders", "show", "-db", db}, args...)); code != 0 {
			t.Fatalf("orders show %v: exit %d\n%s", args, code, errOut)
		}
		_, history, _ := strings.Cut(out.String(), "\nHistory:")
		return history
	}
	en, zh := show(no), show("-lang", "zh-TW", no)
	for _, want := range []string{"revision 1 issued", "Technical check", "Finance clearance"} {
		if !strings.Contains(en, want) {
			t.Errorf("English history lacks %q:\n%s", want, en)
		}
	}
	for _, want := range []string{"第 1 版已發出", "技術確認", "財務"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese history lacks %q:\n%s", want, zh)
		}
	}
	for _, not := range []string{"revision", "signed by", "Technical check"} {
		if strings.Contains(zh, not) {
			t.Errorf("Chinese history still says %q:\n%s", not, zh)
		}
	}
	env, _, errOut := testEnv()
	if code := Run(context.Background(), env, []string{"orders", "show", "-db", db, "-lang", "fr", no}); code == 0 || !strings.Contains(errOut.String(), "unknown language") {
		t.Errorf("-lang fr: exit %d, %s", code, errOut)
	}
}
