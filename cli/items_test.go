package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestItemsCommands lists the demo office's action items and hands one
// clerk's work to another: the dry run moves nothing, a clerk may not do
// it, a manager may, and the list then shows the items under the new name.
func TestItemsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	run := func(args ...string) (int, string) {
		t.Helper()
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, args)
		return code, out.String() + errOut.String()
	}
	if code, out := run("demo", "-db", db, "-orders", "30"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	s, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	yc, _ := s.EmployeeByName(context.Background(), "YC")
	before, _ := s.PreviewHandover(context.Background(), yc.ID)
	s.Close()
	if len(before.ActionItems) == 0 {
		t.Fatal("the demo gives YC no action items")
	}

	steps := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"items", "list", "-db", db}, 0, []string{"回電確認交期", "Finance (group)", "action items"}},
		{[]string{"items", "list", "-db", db, "-person", "YC", "-overdue"}, 0, []string{"回電確認交期", "1 action items"}},
		{[]string{"items", "list", "-db", db, "-person", "nobody"}, 1, []string{"not found"}},
		{[]string{"items", "reassign", "-db", db, "-from", "YC", "-to", "KS", "-dry-run"}, 0, []string{"from Chen Yi-chun to Ken Sewer", "dry run"}},
		{[]string{"items", "reassign", "-db", db, "-from", "YC", "-to", "KS"}, 1, []string{"Only a manager"}},
		{[]string{"items", "reassign", "-db", db, "-from", "YC", "-to", "nobody"}, 1, []string{"neither an employee nor a work group"}},
		{[]string{"items", "reassign", "-db", db, "-from", "YC", "-to", "KS", "-as", "ML"}, 0, []string{"moved from Chen Yi-chun to Ken Sewer"}},
		{[]string{"items", "list", "-db", db, "-person", "YC"}, 0, []string{"0 action items"}},
		{[]string{"items", "list", "-db", db, "-person", "KS"}, 0, []string{"回電確認交期"}},
		{[]string{"items"}, 2, []string{"Usage"}},
		{[]string{"items", "reassign", "-db", db}, 2, []string{"Usage"}},
	}
	for _, st := range steps {
		code, out := run(st.args...)
		ok := code == st.code
		for _, w := range st.want {
			ok = ok && strings.Contains(out, w)
		}
		if !ok {
			t.Errorf("orderdesk %s: exit %d (want %d), output:\n%s(want %q)", strings.Join(st.args, " "), code, st.code, out, st.want)
		}
	}
	s, _ = model.Open(context.Background(), db, model.Options{})
	defer s.Close()
	ks, _ := s.EmployeeByName(context.Background(), "KS")
	after, _ := s.PreviewHandover(context.Background(), ks.ID)
	for _, id := range before.ActionItems {
		found := false
		for _, got := range after.ActionItems {
			found = found || got == id
		}
		if !found {
			t.Errorf("action item %d of YC did not move to KS", id)
		}
	}
}
