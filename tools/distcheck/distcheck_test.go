package main

import (
	"archive/zip"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// buildExe cross-builds an empty Windows program, as a GUI exe or not.
func buildExe(t *testing.T, dir, name string, gui bool) string {
	t.Helper()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, name)
	args := []string{"build", "-o", out}
	if gui {
		args = append(args, "-ldflags", "-H=windowsgui")
	}
	cmd := exec.Command("go", append(args, src)...)
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return out
}

// TestExeChecks: the check reads GUI and console subsystems apart and
// refuses an exe without icon, version info and manifest (Go's own
// linker writes none).
func TestExeChecks(t *testing.T) {
	dir := t.TempDir()
	gui := buildExe(t, dir, "OrderDesk.exe", true)
	con := buildExe(t, dir, "orderdesk.exe", false)
	for _, c := range []struct {
		path string
		want uint16
	}{{gui, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI}, {con, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI}} {
		f, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		facts, err := readExe(f)
		f.Close()
		if err != nil || facts.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || facts.Subsystem != c.want {
			t.Errorf("%s: %+v %v", c.path, facts, err)
		}
	}
	f, _ := os.Open(con)
	defer f.Close()
	bad := strings.Join(checkExe("orderdesk.exe", f, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI), "\n")
	for _, want := range []string{"subsystem 3, want 2", "has no icon", "has no version information", "has no manifest"} {
		if !strings.Contains(bad, want) {
			t.Errorf("the check missed %q:\n%s", want, bad)
		}
	}
}

// TestZipMatchesTheReadme: the README's list is read, and a zip with a
// file more or less than it is refused.
func TestZipMatchesTheReadme(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	promised, err := readmeZipList(readme)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"OFL.txt", "OrderDesk.exe", "README.md", "cli/orderdesk.exe"}; !slices.Equal(promised, want) {
		t.Fatalf("the README promises %q, want %q", promised, want)
	}
	dir := t.TempDir()
	var files []string
	for _, n := range []string{"README.md", "OFL.txt", "extra.txt", "orderdesk.exe"} {
		p := filepath.Join(dir, n)
		os.WriteFile(p, []byte(n), 0o644)
		files = append(files, n+"="+p)
	}
	files = append(files, "OrderDesk.exe="+buildExe(t, dir, "OrderDesk.exe", true))
	out := filepath.Join(dir, "x.zip")
	if err := writeZip(out, files); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	bad := strings.Join(checkZip(&zr.Reader, promised), "\n")
	for _, want := range []string{
		"orderdesk.exe and OrderDesk.exe are one file on Windows",
		`"extra.txt"`,
		"OrderDesk.exe: has no icon",
	} {
		if !strings.Contains(bad, want) {
			t.Errorf("the check missed %q:\n%s", want, bad)
		}
	}
}
