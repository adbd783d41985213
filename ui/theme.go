package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"orderdesk/assets"
)

// The bundled Noto Sans TC cut to Big5 (assets.UIRegular), as Fyne
// resources. Fyne parses every glyph of a face into memory, once per text
// style it draws (17.5 MiB a face; the whole font took 23 MiB), so the
// window draws no italic (it looked upright anyway). The PDFs print with the
// whole font: a rare character outside Big5 prints, and on screen falls
// back to the system's fonts (Microsoft JhengHei, PingFang, Noto Sans CJK).
var (
	fontRegular = fyne.NewStaticResource("NotoSansTC-Regular.ttf", assets.UIRegular)
	fontBold    = fyne.NewStaticResource("NotoSansTC-Bold.ttf", assets.UIBold)
)

// deskTheme is Fyne's default theme with Noto Sans TC for every text style
// but monospace: the OS fonts differ in their Chinese coverage (and Fyne's
// own font has none), so without it a customer's name could show as boxes.
type deskTheme struct{ base fyne.Theme }

// NewTheme returns OrderDesk's theme; it follows the OS's light or dark variant.
func NewTheme() fyne.Theme { return &deskTheme{base: theme.DefaultTheme()} }

func (t *deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, v)
}

func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.base.Font(s)
	}
	// Noto Sans TC has no italic; Fyne would otherwise fall back to its
	// Latin-only italic face and lose Chinese text in italics (the window
	// draws none: TestNoItalicText).
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (t *deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *deskTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
