// Package assets holds what OrderDesk ships inside its binary: the Noto Sans TC
// font shared by the screens and the PDFs, the translations, and the app icon.
// It imports neither Fyne nor the PDF library, so every layer may use it.
package assets

import "embed"

// FontRegular is Noto Sans TC Regular (static TrueType, SIL OFL 1.1): one font
// that covers both Latin and Traditional Chinese, so text looks the same on
// every OS and in every document.
//
//go:embed fonts/NotoSansTC-Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans TC Bold, the bold face of FontRegular.
//
//go:embed fonts/NotoSansTC-Bold.ttf
var FontBold []byte

// Translations holds the UI strings, one file per area and language,
// named area.lang.json as fyne's lang.AddTranslationsFS expects.
//
//go:embed translations
var Translations embed.FS

// Icon is the app's icon (512×512 PNG), also named in FyneApp.toml for
// `fyne package`.
//
//go:embed icon.png
var Icon []byte
