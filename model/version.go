package model

import (
	"bufio"
	"bytes"
	"strings"
)

// VersionFromFyneApp returns the Version of a FyneApp.toml's [Details]
// table, however its lines are indented (fyne writes them indented), or ""
// when it has none. A build without the Makefile's -ldflags (go build,
// go install, an IDE) takes its version from here instead of saying "dev".
func VersionFromFyneApp(toml []byte) string {
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			table = strings.Trim(line, "[] \t")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || table != "Details" || strings.TrimSpace(key) != "Version" {
			continue
		}
		value = strings.TrimSpace(value)
		if quoted, ok := strings.CutPrefix(value, `"`); ok {
			v, _, _ := strings.Cut(quoted, `"`)
			return v
		}
		v, _, _ := strings.Cut(value, "#") // a bare value with a comment
		return strings.TrimSpace(v)
	}
	return ""
}
