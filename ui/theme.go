package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"orderdesk/assets"
)

// The bundled Noto Sans TC, as Fyne resources. Parsed by Fyne on first use;
// the same bytes print in the PDFs, so a name looks alike on screen and paper.
var (
	fontRegular = fyne.NewStaticResource("NotoSansTC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansTC-Bold.ttf", assets.FontBold)
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
	// Latin-only italic face and lose Chinese text in italics.
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (t *deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *deskTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
