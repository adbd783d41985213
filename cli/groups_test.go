package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestGroupsDeactivateAndReactivate: only a manager deactivates a group,
// never one that signs a gate; a deactivated group leaves groups list
// (-all still shows it), nobody can be added to it, and it comes back.
func TestGroupsDeactivateAndReactivate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	steps := []struct {
		password string // ORDERDESK_PASSWORD
		args     []string
		code     int
		want     string
		not      string // must not be in the output
	}{
		{"boss-pass", []string{"office", "init", "-db", db, "-name", "Acme Paper", "-manager", "AB", "-manager-name", "Ann Boss"}, 0, "as its manager", ""},
		{"boss-pass", []string{"people", "add", "YC", "-name", "Chen Yi-chun", "-groups", "CS,MKT", "-db", db, "-as", "AB"}, 0, "added", ""},
		{"", []string{"people", "password", "YC", "-new", "yc-pass", "-db", db, "-as", "YC"}, 0, "changed", ""},
		{"yc-pass", []string{"groups", "deactivate", "MKT", "-db", db, "-as", "YC"}, 1, "Only a manager may deactivate or reactivate a group.", ""},
		{"boss-pass", []string{"groups", "deactivate", "TECH", "-db", db, "-as", "AB"}, 1, "Group TECH signs the technical note", ""},
		{"boss-pass", []string{"groups", "deactivate", "NOPE", "-db", db, "-as", "AB"}, 1, "group NOPE", ""},
		{"boss-pass", []string{"groups", "deactivate", "MKT", "-reason", "marketing moved to head office", "-db", db, "-as", "AB"}, 0, "group MKT (Marketing 營銷) deactivated", ""},
		{"", []string{"groups", "list", "-db", db}, 0, "TECH", "MKT"},
		{"", []string{"groups", "list", "-all", "-db", db}, 0, "Marketing", ""},
		{"", []string{"people", "list", "-db", db}, 0, "Chen Yi-chun", "MKT"},
		{"boss-pass", []string{"people", "add", "CH", "-name", "Lin Chih-hao", "-groups", "MKT", "-db", db, "-as", "AB"}, 1, "", ""},
		{"yc-pass", []string{"groups", "reactivate", "MKT", "-db", db, "-as", "YC"}, 1, "Only a manager", ""},
		{"boss-pass", []string{"groups", "reactivate", "MKT", "-db", db, "-as", "AB"}, 0, "group MKT (Marketing 營銷) reactivated", ""},
		{"", []string{"people", "list", "-db", db}, 0, "CS,MKT", ""},
	}
	for i, st := range steps {
		t.Setenv(PasswordEnv, st.password)
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, st.args)
		all := out.String() + errOut.String()
		if code != st.code || !strings.Contains(all, st.want) || (st.not != "" && strings.Contains(all, st.not)) {
			t.Fatalf("step %d %v: exit %d, output:\n%s\nwant exit %d and %q, not %q", i, st.args, code, all, st.code, st.want, st.not)
		}
	}
}
