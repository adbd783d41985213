package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAnywhere: every command takes its flags before, between or after
// its arguments, and before its verb (orders -db FILE show NO); "--" ends
// the flags. Every registered command has a row here.
func TestFlagsAnywhere(t *testing.T) {
	db, no := demoOffice(t, 20)
	dir := filepath.Dir(db)
	mails := filepath.Join(dir, "mails")
	os.Mkdir(mails, 0o700)
	out := func(name string) string { return filepath.Join(dir, name) }
	cases := []struct {
		args []string
		code int
		want string // in the output
	}{
		{[]string{"version", "-db", db}, 0, "OrderDesk"},
		{[]string{"check", "-db", db, "-repair"}, 0, "ok"},
		{[]string{"demo", "-orders", "0", "-db", out("new.db")}, 0, "demo office created"},
		{[]string{"gen", "-db", db, "-orders", "3", "-seed", "7"}, 0, "3 orders generated"},
		{[]string{"export", "customers", out("a.csv"), "-db", db}, 0, "customers exported"},
		{[]string{"export", "customers", "-db", db, out("b.csv")}, 0, "customers exported"},
		{[]string{"import", "customers", out("a.csv"), "-db", db, "-as", "YC"}, 0, "customers imported"},
		{[]string{"backup", out("backup.db"), "-db", db}, 0, "backed up"},
		{[]string{"orders", "show", no, "-db", db}, 0, no},
		{[]string{"orders", "-db", db, "list", "-n", "5"}, 0, "of"},
		{[]string{"orders", "show", "-db", db, "--", "-x"}, 1, "order -x"},
		{[]string{"items", "-db", db, "list"}, 0, "action items"},
		{[]string{"items", "list", "-n", "3", "-db", db}, 0, "action items"},
		{[]string{"items", "reassign", "-db", db, "-from", "YC", "-to", "ML", "-dry-run"}, 0, "dry run"},
		{[]string{"print", "confirmation", "-db", db, no, "-o", out("c.pdf")}, 0, "written to"},
		{[]string{"print", "-db", db, "-lang=en", "confirmation", no, "-o", out("d.pdf")}, 0, "written to"},
		{[]string{"shipments", "-db", db, "list", "-n", "3"}, 0, "rows"},
		{[]string{"rma", "-db", db, "list", "-open"}, 0, "returns"},
		{[]string{"tickets", "-db", db, "gen", "-n", "3"}, 0, "3 tickets generated"},
		{[]string{"tickets", "list", "-db", db, "-status", "0"}, 0, "tickets"},
		{[]string{"tickets", "import-mail", mails, "-db", db}, 0, "0 e-mails"},
		{[]string{"scans", "import", mails, "-db", db, "-as", "YC"}, 0, "0 files"},
		{[]string{"scans", "-db", db, "unmatched"}, 0, "unmatched returns"},
		{[]string{"restore", out("backup.db"), "-db", db, "-as", "ML", "-yes"}, 0, "restored"},
		{[]string{"people", "-db", db, "list"}, 0, "Wang Mei-ling"},
		{[]string{"people", "add", "-as", "ML", "NP", "-db", db, "-name", "New Person", "-groups", "CS"}, 0, "added"},
		{[]string{"people", "export", out("p.csv"), "-db", db}, 0, "people exported"},
		{[]string{"groups", "-db", db, "add", "-as", "ML", "QA", "-name", "Quality"}, 0, "group QA: Quality"},
		{[]string{"groups", "list", "-db", db}, 0, "QA"},
		{[]string{"office", "-db", out("office2.db"), "init", "-name", "Acme", "-manager", "AB", "-manager-name", "Ann Boss"}, 0, "set up"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.args[0]] = true
		env, stdout, errOut := testEnv()
		code := Run(context.Background(), env, c.args)
		all := stdout.String() + errOut.String()
		if code != c.code || !strings.Contains(all, c.want) {
			t.Errorf("orderdesk %s: exit %d (want %d), output:\n%s(want %q)", strings.Join(c.args, " "), code, c.code, all, c.want)
		}
	}
	for name := range commands {
		if !covered[name] {
			t.Errorf("the command %s has no row in TestFlagsAnywhere", name)
		}
	}
}

// TestFlagValuesRefused: a flag the command does not know, a value out of
// range, an unknown choice or a stray argument is refused with the usage
// and exit 2, before anything is done.
func TestFlagValuesRefused(t *testing.T) {
	db, no := demoOffice(t, 20)
	cases := [][]string{
		{"print", "confirmation", no, "-db", db, "-lang", "xx", "-o", filepath.Join(filepath.Dir(db), "x.pdf")},
		{"tickets", "list", "-db", db, "-status", "-7"},
		{"tickets", "list", "-db", db, "-status", "10"},
		{"tickets", "list", "-db", db, "-n", "-1"},
		{"tickets", "gen", "-db", db, "-n", "0"},
		{"tickets", "-db", db},
		{"orders", "list", "-db", db, "-n", "-1"},
		{"orders", "list", "-db", db, "-state", "bogus"},
		{"orders", "list", "-db", db, "-bogus"},
		{"orders", "nosuch", "-db", db},
		{"orders", "show", "-db", db},
		{"items", "list", "-db", db, "-n", "-3"},
		{"shipments", "list", "-db", db, "-n", "-1"},
		{"shipments", "list", "-db", db, "-view", "nope"},
		{"shipments", "list", "-db", db, "-month", "2026-13"},
		{"shipments", "list", "-db", db, "-csv", "x.csv"},
		{"demo", "-db", filepath.Join(filepath.Dir(db), "never.db"), "-orders", "-1"},
		{"gen", "-db", db, "-orders", "0"},
		{"check", "-db", db, "extra"},
		{"version", "-db", db, "extra"},
		{"export", "-db", db, "-x", "customers", "y.csv"},
	}
	for _, args := range cases {
		env, stdout, errOut := testEnv()
		code := Run(context.Background(), env, args)
		if all := stdout.String() + errOut.String(); code != 2 || !strings.Contains(all, "Usage") {
			t.Errorf("orderdesk %s: exit %d (want 2 with the usage), output:\n%s", strings.Join(args, " "), code, all)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "never.db")); err == nil {
		t.Error("a refused demo created its database")
	}
}
