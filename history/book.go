// Package history renders the events of a record — an order's, a ticket's,
// a shipment's — in the reader's language, for the window, the command line
// and the documents alike. Events hold Msgs (model/event.go); a Translator
// turns each into a sentence: the window passes Fyne's lang.L, the command
// line a Book read from the same translation files, so both say the same.
// It imports neither Fyne nor the PDF library.
package history

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"orderdesk/assets"
)

// Translator returns the text for an English template in the reader's
// language, its placeholders filled from data (lang.L's shape).
type Translator func(text string, data ...any) string

// Languages are the languages a Book can be read in.
var Languages = []string{"en", "zh-TW"}

// Book is the translations of one language, read from assets.
type Book struct {
	words map[string]string
}

// Open reads the translations of language ("en" or "zh-TW"). English needs
// no translation; it is read too, so a book is the same shape for both.
func Open(language string) (*Book, error) {
	b := &Book{words: map[string]string{}}
	switch language {
	case "en":
	case "zh-TW":
		if err := b.read(".zh-TW.json"); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown language %q (choose one of %s)", language, strings.Join(Languages, ", "))
	}
	return b, nil
}

func (b *Book) read(suffix string) error {
	names, err := fs.Glob(assets.Translations, "translations/*"+suffix)
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := assets.Translations.ReadFile(name)
		if err != nil {
			return err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for k, v := range m {
			var s string
			if json.Unmarshal(v, &s) != nil {
				// A plural entry ({"one": …, "other": …}): the general form.
				var p map[string]string
				if json.Unmarshal(v, &p) != nil {
					continue
				}
				s = p["other"]
			}
			b.words[k] = s
		}
	}
	return nil
}

// Has reports whether the book translates text.
func (b *Book) Has(text string) bool { _, ok := b.words[text]; return ok }

// L translates text and fills its placeholders from data (a map), as
// lang.L does; a text the book lacks is used as it is.
func (b *Book) L(text string, data ...any) string {
	if t, ok := b.words[text]; ok {
		text = t
	}
	if len(data) == 0 || !strings.Contains(text, "{{") {
		return text
	}
	t, err := template.New("").Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var out strings.Builder
	if err := t.Execute(&out, data[0]); err != nil {
		return text
	}
	return out.String()
}
