package ui

import (
	"reflect"
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/reports"
)

// unprintableIn returns the runes in the text fields of rec (a record or a
// pointer to one) that the documents' font cannot print, each once.
func unprintableIn(rec any) []rune {
	v := reflect.Indirect(reflect.ValueOf(rec))
	if v.Kind() != reflect.Struct {
		return nil
	}
	var b strings.Builder
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.String && v.Type().Field(i).IsExported() {
			b.WriteString(f.String())
			b.WriteByte('\n')
		}
	}
	return reports.Unprintable(b.String())
}

// unprintableWarning says which characters of rec its documents cannot
// print ("" when all can), so the clerk can change them at the save rather
// than find □ on a fax.
func unprintableWarning(rec any) string {
	runes := unprintableIn(rec)
	if len(runes) == 0 {
		return ""
	}
	quoted := make([]string, len(runes))
	for i, r := range runes {
		quoted[i] = string(r)
	}
	return lang.L("The documents cannot print {{.Runes}}: they would show □ in its place; change it if it should be printed.",
		map[string]any{"Runes": strings.Join(quoted, " ")})
}

// savedSaying is what a desk says after a save of rec: "Saved.", and the
// characters its documents cannot print if it holds any.
func savedSaying(rec any) string {
	return strings.TrimSpace(lang.L("Saved.") + " " + unprintableWarning(rec))
}
