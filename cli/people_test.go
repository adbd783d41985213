package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestOfficeAndPeopleCommands sets up a real office on the command line
// and runs its people commands in order, each with the password of the
// person named by -as: a wrong password or a clerk exits non-zero and
// changes nothing.
func TestOfficeAndPeopleCommands(t *testing.T) {
	dir := t.TempDir()
	db, csvOut, csvIn := filepath.Join(dir, "office.db"), filepath.Join(dir, "people.csv"), filepath.Join(dir, "new.csv")
	steps := []struct {
		password string // ORDERDESK_PASSWORD
		args     []string
		code     int
		want     string
	}{
		{"boss-pass", []string{"people", "list", "-db", db}, 1, "There is no database"},
		{"boss-pass", []string{"office", "init", "-db", db, "-name", "Acme Paper", "-manager", "AB", "-manager-name", "Ann Boss"}, 0, "with Ann Boss (AB) as its manager"},
		{"boss-pass", []string{"office", "init", "-db", db, "-name", "Again", "-manager", "XY", "-manager-name", "X Y"}, 1, "already holds an office"},
		{"wrong", []string{"people", "add", "YC", "-name", "Chen Yi-chun", "-groups", "CS", "-db", db, "-as", "AB"}, 1, "password is wrong"},
		{"boss-pass", []string{"people", "add", "YC", "-name", "Chen Yi-chun", "-groups", "CS,FIN", "-db", db, "-as", "AB"}, 0, "Chen Yi-chun (YC) added"},
		{"boss-pass", []string{"people", "add", "CH", "-name", "Lin Chih-hao", "-db", db, "-as", "AB"}, 0, "added"},
		{"", []string{"people", "password", "YC", "-new", "yc-first", "-db", db, "-as", "YC"}, 0, "password of Chen Yi-chun (YC) changed"},
		{"yc-first", []string{"people", "add", "ZZ", "-name", "Sneaky", "-manager", "-db", db, "-as", "YC"}, 1, "Only a manager"},
		{"yc-first", []string{"people", "password", "CH", "-new", "taken-over", "-db", db, "-as", "YC"}, 1, "Only a manager may set another person's password"},
		{"yc-first", []string{"people", "password", "YC", "-new", "yc-second", "-db", db, "-as", "YC"}, 0, "changed"},
		{"boss-pass", []string{"people", "password", "YC", "-new", "yc-reset", "-db", db, "-as", "AB"}, 0, "changed"},
		{"yc-reset", []string{"people", "deactivate", "AB", "-db", db, "-as", "YC"}, 1, "Only a manager"},
		{"boss-pass", []string{"people", "deactivate", "AB", "-db", db, "-as", "AB"}, 1, "last manager"},
		{"boss-pass", []string{"people", "deactivate", "CH", "-db", db, "-as", "AB"}, 0, "Lin Chih-hao (CH) deactivated"},
		{"", []string{"people", "list", "-db", db}, 0, "YC    Chen Yi-chun  CS,FIN"},
		{"yc-reset", []string{"groups", "add", "QA", "-name", "Quality", "-db", db, "-as", "YC"}, 1, "Only a manager"},
		{"boss-pass", []string{"groups", "add", "QA", "-name", "Quality assurance", "-db", db, "-as", "AB"}, 0, "group QA: Quality assurance"},
		{"boss-pass", []string{"groups", "rename", "QA", "-name", "Quality", "-name-zh", "品保", "-db", db, "-as", "AB"}, 0, "group QA: Quality 品保"},
		{"", []string{"groups", "list", "-db", db}, 0, "品保"},
		{"", []string{"people", "export", csvOut, "-db", db}, 0, "3 people exported"},
		{"yc-reset", []string{"people", "import", csvIn, "-db", db, "-as", "YC"}, 1, "Only a manager"},
		{"boss-pass", []string{"import", "people", csvIn, "-db", db, "-as", "AB"}, 0, "1 people imported"},
		{"", []string{"people", "list", "-db", db}, 0, "NW    New Worker    QA"},
	}
	if err := os.WriteFile(csvIn, []byte("code,name,groups\nNW,New Worker,QA\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, st := range steps {
		t.Setenv(PasswordEnv, st.password)
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, st.args)
		all := out.String() + errOut.String()
		if code != st.code || !strings.Contains(all, st.want) {
			t.Fatalf("step %d %v: exit %d, output:\n%s\nwant exit %d and %q", i, st.args, code, all, st.code, st.want)
		}
	}
	s, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, _ := s.Employees(context.Background(), true)
	if len(people) != 4 {
		t.Errorf("%d people; the refused commands added someone", len(people))
	}
	if _, err := s.SignIn(context.Background(), "YC", "yc-reset"); err != nil {
		t.Errorf("YC signs in with the reset password: %v", err)
	}
}
