package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// appBuild is a command that builds the app itself (the package "."), not
// a test binary or the generator built with -tags ci.
var appBuild = regexp.MustCompile(`(?m)^.*(go|\$\(GO\)|fyne"?) (build|package)\b.*$`)

// TestTheAppIsBuiltWithoutAnimations: every build of the window leaves
// out Fyne's animations and its colour emoji font. A focused text box's
// blinking cursor repainted the whole window about twelve times a second:
// "Who are you?" alone cost a third of a core on software OpenGL (issue
// 23), 2% without it. Fyne parses the emoji font once per text style: 14 MB
// of the window's heap.
func TestTheAppIsBuiltWithoutAnimations(t *testing.T) {
	for _, file := range []string{"Makefile", ".ci/run", ".github/workflows/release.yml", "README.md"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range appBuild.FindAllString(string(b), -1) {
			appItself := strings.HasSuffix(strings.TrimSpace(cmd), " .") || strings.Contains(cmd, "fyne package") || strings.Contains(cmd, `fyne" package`)
			if !appItself || strings.HasPrefix(strings.TrimSpace(cmd), "#") || strings.Contains(cmd, "-tags ci") {
				continue
			}
			if strings.Contains(cmd, "$(APPTAGS)") {
				continue
			}
			for _, tag := range []string{"no_animations", "no_emoji"} {
				if !strings.Contains(cmd, tag) {
					t.Errorf("%s builds the app without -tags %s: %s", file, tag, strings.TrimSpace(cmd))
				}
			}
		}
	}
}

// TestMakefileAppTags: the Makefile's builds leave out both.
func TestMakefileAppTags(t *testing.T) {
	b, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	tags := regexp.MustCompile(`(?m)^APPTAGS\s*:=\s*(\S+)`).FindSubmatch(b)
	if tags == nil {
		t.Fatal("the Makefile sets no APPTAGS")
	}
	for _, tag := range []string{"no_animations", "no_emoji"} {
		if !strings.Contains(","+string(tags[1])+",", ","+tag+",") {
			t.Errorf("APPTAGS %q lacks %s", tags[1], tag)
		}
	}
}
