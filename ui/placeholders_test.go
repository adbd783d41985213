package ui

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"orderdesk/assets"
)

// TestTranslationPlaceholders checks the shell, screen and model files: each
// zh-TW entry has an en entry and uses the same {{.Placeholders}}, so no
// sentence loses a customer code or a number in Chinese.
func TestTranslationPlaceholders(t *testing.T) {
	placeholder := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	names := func(s string) []string {
		var out []string
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	read := func(name string) map[string]string {
		data, err := assets.Translations.ReadFile("translations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	for _, area := range []string{"shell", "customers", "products", "settings", "model"} {
		zh, en := read(area+".zh-TW.json"), read(area+".en.json")
		for key, text := range zh {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q has no en entry", area, key)
			}
			if !slices.Equal(names(key), names(text)) {
				t.Errorf("%s: %q → %q: placeholders %v, want %v", area, key, text, names(text), names(key))
			}
		}
		for key := range en {
			if _, ok := zh[key]; !ok {
				t.Errorf("%s: %q has no zh-TW entry", area, key)
			}
		}
	}
}
