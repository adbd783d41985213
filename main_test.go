package main

import (
	"os"
	"regexp"
	"testing"

	"orderdesk/model"
)

// TestVersionIsFyneAppsWithoutLdflags: a build that did not set the
// version (go build, go test) says FyneApp.toml's, as orderdesk version
// prints it, never "dev".
func TestVersionIsFyneAppsWithoutLdflags(t *testing.T) {
	data, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if model.AppVersion != string(m[1]) {
		t.Errorf("version %q, want FyneApp.toml's %q", model.AppVersion, m[1])
	}
}
