package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/history"
	"orderdesk/model"
)

// Say returns a sentence of the model in the clerk's language: the Msg's
// English template is the translation key, its Data fills the placeholders.
func Say(m model.Msg) string {
	if m.IsZero() {
		return ""
	}
	if len(m.Data) == 0 {
		return lang.L(m.Text)
	}
	data := make(map[string]any, len(m.Data))
	for k, v := range m.Data {
		if s, ok := v.(string); ok {
			v = sayWord(s)
		}
		data[k] = v
	}
	// Words the model puts in as Msgs (history's "signed", "yes") are
	// translated by history.Say, the same path the command line takes.
	return history.Say(model.Msg{Text: m.Text, Data: data}, lang.L)
}

// SayErr returns what a clerk should read when a save failed with err
// (never a raw driver error); a fault is written to the log.
func SayErr(err error) string { return Say(model.Say(err)) }

// SayLoadErr is SayErr for a failed read: it says "Could not load".
func SayLoadErr(err error) string { return Say(model.SayLoad(err)) }

// modelWords are the English words the model puts into the data of a
// refusal or field error as strings ("{{.What}} must be between…",
// "customer C0012 was changed…"). They are translated too; any other value
// (a code, a name, a number) is shown as it is. History does not need
// them: its words are Msgs of their own (see model/event.go).
var modelWords = map[string]bool{
	"Width (mm)": true, "Grammage (g/m²)": true, "Length (m)": true, "Core (mm)": true,
	"customer": true, "product": true, "contact": true, "employee": true, "vendor": true,
	"price": true, "group": true, "team": true,
}

// sayWord translates a data value that is one of modelWords, or starts with
// one ("customer C0012"); other values pass through untouched.
func sayWord(s string) string {
	if modelWords[s] {
		return lang.L(s)
	}
	if first, rest, ok := strings.Cut(s, " "); ok && modelWords[first] {
		return lang.L(first) + " " + rest
	}
	return s
}

// plural picks the singular text for one and the counted text otherwise
// ("1 order", "3 orders"); both are passed translated, so the translation
// test sees each.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sayNames is the names of a model's kinds (reasons, decisions) in the
// desk's language, in the model's order: a Select's options, read back by
// their index.
func sayNames[T interface{ Name() model.Msg }](kinds []T) []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = Say(k.Name())
	}
	return names
}
