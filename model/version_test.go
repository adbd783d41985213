package model

import "testing"

func TestVersionFromFyneApp(t *testing.T) {
	for _, tc := range []struct{ name, toml, want string }{
		{"indented as fyne writes it", "Website = \"x\"\n\n[Details]\n  Icon = \"a.png\"\n  Version = \"0.1.0\"\n  Build = 1\n", "0.1.0"},
		{"tab", "[Details]\n\tVersion\t=\t\"1.2.3\" # released\n", "1.2.3"},
		{"flush", "[Details]\nVersion=\"2.0.0\"\n", "2.0.0"},
		{"another table's", "[Development]\n  Version = \"9\"\n[Details]\n  Name = \"OrderDesk\"\n", ""},
		{"none", "", ""},
	} {
		if got := VersionFromFyneApp([]byte(tc.toml)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
