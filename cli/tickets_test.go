package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTicketsCommands takes saved e-mails in as New tickets and lists the
// board from the command line, on the demo office.
func TestTicketsCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	mails := filepath.Join(dir, "mail")
	os.MkdirAll(mails, 0o755)
	os.WriteFile(filepath.Join(mails, "1-plain.eml"), []byte("From: Buyer <buyer@example.com>\r\nSubject: Roll curl on 80g\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\nThe last rolls curl at the edges.\r\n"), 0o600)
	os.WriteFile(filepath.Join(mails, "2-broken.eml"), []byte("\x00\x01 this is not a mail at all"), 0o600)
	env, _, errOut := testEnv()
	if code := Run(ctx, env, []string{"demo", "-db", db, "-orders", "10"}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	steps := []struct {
		args []string
		code int
		want []string // in stdout or stderr
	}{
		{[]string{"tickets", "import-mail", "-db", db, mails}, 1, []string{"1-plain.eml\tTK-", "2-broken.eml\tfailed", "1 new tickets, 1 failed"}},
		{[]string{"tickets", "list", "-db", db, "-status", "0"}, 0, []string{"Roll curl on 80g", "0 New", "New tickets"}},
		{[]string{"tickets", "list", "-db", db, "-manager", "new"}, 0, []string{"Roll curl on 80g", "New tickets"}},
		{[]string{"tickets", "list", "-db", db, "-manager", "YC"}, 0, []string{"(YC)"}},
		{[]string{"tickets", "list", "-db", db, "-manager", "Nobody"}, 1, []string{"not found"}},
		{[]string{"tickets", "list", "-db", db, "-status", "12"}, 2, []string{"0 to 9"}},
		{[]string{"tickets", "list", "-db", db, "-status", "-7"}, 2, []string{"0 to 9"}},
		{[]string{"tickets", "gen", "-db", db, "-n", "300"}, 0, []string{"300 tickets generated"}},
		{[]string{"tickets", "list", "-db", db, "-status", "9", "-n", "5"}, 0, []string{"9 Completed", "5 of "}},
		{[]string{"tickets", "import-mail", "-db", db, filepath.Join(dir, "none")}, 1, []string{"not a folder"}},
		{[]string{"tickets"}, 2, []string{"Usage"}},
	}
	for _, st := range steps {
		env, out, errOut := testEnv()
		code := Run(ctx, env, st.args)
		got := out.String() + errOut.String()
		if code != st.code {
			t.Errorf("%v: exit %d, want %d\n%s", st.args, code, st.code, got)
		}
		for _, w := range st.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: output lacks %q:\n%s", st.args, w, got)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(mails, "failed", "2-broken.eml")); err != nil {
		t.Errorf("the broken e-mail was not kept aside: %v", err)
	}
}
