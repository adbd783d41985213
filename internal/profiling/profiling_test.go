package profiling

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestProfilesOnlyWhenAsked: nothing is served without the variable; with
// it the heap profile is served on the loopback interface, and another
// host is refused.
func TestProfilesOnlyWhenAsked(t *testing.T) {
	t.Setenv(EnvVar, "")
	if url, err := FromEnv(); url != "" || err != nil {
		t.Fatalf("without %s: %q, %v", EnvVar, url, err)
	}
	t.Setenv(EnvVar, "0.0.0.0:0")
	if _, err := FromEnv(); err == nil {
		t.Fatal("profiles served on every interface")
	}
	t.Setenv(EnvVar, "localhost:0")
	url, err := FromEnv()
	if err != nil || !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("with %s: %q, %v", EnvVar, url, err)
	}
	resp, err := http.Get(url + "heap?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "heap profile") {
		t.Fatalf("heap profile: %d %.100s", resp.StatusCode, body)
	}
}
