package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestCommandSaysTheCause: a command that cannot reach its database prints
// the cause in plain words and where the log is, logs the error there, and
// the password is in neither.
func TestCommandSaysTheCause(t *testing.T) {
	dir := t.TempDir()
	path, err := model.StartLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer model.StopLog()
	env, _, errOut := testEnv()
	code := Run(context.Background(), env, []string{"check", "-db", "postgres://clerk:hunter2-pw@127.0.0.1:1/office?connect_timeout=2"})
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	said := errOut.String()
	for _, want := range []string{"cause: network gone", "details: " + filepath.Join(dir, model.LogFile)} {
		if !strings.Contains(said, want) {
			t.Errorf("stderr lacks %q:\n%s", want, said)
		}
	}
	logged, _ := os.ReadFile(path)
	if !strings.Contains(string(logged), "op=\"orderdesk check\"") {
		t.Errorf("the log lacks the command:\n%s", logged)
	}
	if strings.Contains(said+string(logged), "hunter2") {
		t.Errorf("the password was written:\n%s\n%s", said, logged)
	}
}
