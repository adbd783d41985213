package ui

import (
	"errors"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/assets"
)

const translationsDir = "translations"

// SetupLanguage loads OrderDesk's translations and picks the UI language:
// "" follows the OS, "en" or "zh-TW" overrides it.
//
// Fyne picks the language from the OS locale and has no setter, so an
// override works through what is loaded: for English only the English
// files; for Chinese the Chinese strings are also loaded as the English
// ones, so they win whatever the OS says. This works alike on Windows,
// macOS and Linux, where environment variables would not.
func SetupLanguage(choice string) error {
	switch choice {
	case LanguageSystem:
		return lang.AddTranslationsFS(assets.Translations, translationsDir)
	case LanguageEnglish:
		return addFiles(".en.json", "en")
	case LanguageChinese:
		return errors.Join(addFiles(".en.json", "en"), addFiles(".zh-TW.json", "zh-TW"), addFiles(".zh-TW.json", "en"))
	default:
		return errors.New("unknown language " + choice)
	}
}

// addFiles loads every translation file whose name ends with suffix as
// the strings of locale.
func addFiles(suffix string, locale fyne.Locale) error {
	names, err := fs.Glob(assets.Translations, translationsDir+"/*"+suffix)
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		data, err := assets.Translations.ReadFile(name)
		if err == nil {
			err = lang.AddTranslationsForLocale(data, locale)
		}
		if err != nil {
			errs = append(errs, errors.New(strings.TrimPrefix(name, translationsDir+"/")+": "+err.Error()))
		}
	}
	return errors.Join(errs...)
}
