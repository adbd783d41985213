package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestStart: what the binary does with its arguments. A word that is not a
// command, a flag the window does not know or an argument after the window's
// flags is refused with the usage and exit 2, never opening the window.
func TestStart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	cases := []struct {
		args   []string
		window bool
		db     string
		code   int
		want   string // in the output
	}{
		{nil, true, "", 0, ""},
		{[]string{"-db", db}, true, db, 0, ""},
		{[]string{"-db=" + db}, true, db, 0, ""},
		{[]string{"nosuchcommand"}, false, "", 2, `unknown command "nosuchcommand"`},
		{[]string{"-db", db, "nosuchcommand"}, false, "", 2, "unknown command"},
		{[]string{"-db", db, "extra", "words"}, false, "", 2, "Usage"},
		{[]string{"-db", db, "version"}, false, "", 2, "the command comes first"},
		{[]string{"-bogus"}, false, "", 2, "flag provided but not defined"},
		{[]string{"-h"}, false, "", 0, "Usage"},
		{[]string{"help"}, false, "", 0, "Commands:"},
		{[]string{"version", "-db", db}, false, "", 1, "nothing was created"}, // no command but demo creates a database
	}
	for _, c := range cases {
		env, out, errOut := testEnv()
		window, target, code := Start(context.Background(), env, c.args)
		all := out.String() + errOut.String()
		if window != c.window || target != c.db || code != c.code || !strings.Contains(all, c.want) {
			t.Errorf("orderdesk %s: window %v, db %q, exit %d (want %v, %q, %d), output:\n%s(want %q)",
				strings.Join(c.args, " "), window, target, code, c.window, c.db, c.code, all, c.want)
		}
	}
}
