// Package assets holds what OrderDesk ships inside its binary: the Noto Sans TC
// font of the PDFs and its cut for the screens, the translations, and the app
// icon.
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

// UIRegular and UIBold are the window's faces: FontRegular and FontBold cut
// to Big5 and every character that is not a Han ideograph
// (fonts/subset-ui.sh). Fyne parses every glyph of its fonts into memory,
// so the window's heap follows the glyph count; documents print with the
// full faces, where a rare character a clerk typed has its glyph.
//
//go:embed fonts/ui/NotoSansTC-Regular.ttf
var UIRegular []byte

// UIBold is FontBold cut as UIRegular is.
//
//go:embed fonts/ui/NotoSansTC-Bold.ttf
var UIBold []byte

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
