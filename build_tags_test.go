package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// appBuild is a command that builds the app itself (the package "."), not
// a test binary or the generator built with -tags ci.
var appBuild = regexp.MustCompile(`(?m)^.*(go|\$\(GO\)|fyne) (build|package)\b.*$`)

// TestTheAppIsBuiltWithoutAnimations: every build of the window leaves
// out Fyne's animations. A focused text box's blinking cursor repainted
// the whole window about twelve times a second: "Who are you?" alone cost
// a third of a core on software OpenGL (issue 23), 2% without it.
func TestTheAppIsBuiltWithoutAnimations(t *testing.T) {
	for _, file := range []string{"Makefile", ".ci/run", ".github/workflows/release.yml", "README.md"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range appBuild.FindAllString(string(b), -1) {
			appItself := strings.HasSuffix(strings.TrimSpace(cmd), " .") || strings.Contains(cmd, "fyne package")
			if !appItself || strings.HasPrefix(strings.TrimSpace(cmd), "#") || strings.Contains(cmd, "-tags ci") {
				continue
			}
			if !strings.Contains(cmd, "no_animations") && !strings.Contains(cmd, "$(APPTAGS)") {
				t.Errorf("%s builds the app with animations: %s", file, strings.TrimSpace(cmd))
			}
		}
	}
}
