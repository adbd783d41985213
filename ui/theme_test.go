package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"

	"orderdesk/assets"
)

// liveHeap is the heap still reachable after two collections.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// parseAsFyne parses a font as Fyne's text shaper does (every glyph's
// outline into memory).
func parseAsFyne(t *testing.T, b []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// windowFontsMaxMiB bounds the heap the theme's two faces take once Fyne
// has parsed them. The whole Noto Sans TC took 23 MiB a face (46 MiB);
// cut to Big5 and the non-ideographs it takes 17.5 MiB (issue 23): glyph
// outlines 11.5 MiB and a copy of the glyf table 5 MiB. Fyne parses a
// face once per text style it draws, so this is paid per style.
const windowFontsMaxMiB = 40

// TestWindowFontsStayLight: the faces the window draws with take less
// than windowFontsMaxMiB of heap once parsed.
func TestWindowFontsStayLight(t *testing.T) {
	before := liveHeap()
	faces := []*font.Face{parseAsFyne(t, fontRegular.Content()), parseAsFyne(t, fontBold.Content())}
	mib := float64(liveHeap()-before) / (1 << 20)
	runtime.KeepAlive(faces)
	t.Logf("the window's two faces: %.1f MiB of heap", mib)
	if mib > windowFontsMaxMiB {
		t.Errorf("the window's two faces take %.1f MiB of heap, want at most %d", mib, windowFontsMaxMiB)
	}
}

// TestWindowFontsShowOurChinese: every character of every zh-TW
// translation and of the demo office is in both of the window's faces
// (a rune missing from them would fall back to the system's fonts, which
// may have no Chinese); and the documents' full faces hold every rune the
// window's do.
func TestWindowFontsShowOurChinese(t *testing.T) {
	runes := map[rune]bool{}
	add := func(s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) && !unicode.IsControl(r) {
				runes[r] = true
			}
		}
	}
	names, _ := fs.Glob(assets.Translations, "translations/*.zh-TW.json")
	for _, name := range names {
		b, _ := assets.Translations.ReadFile(name)
		add(string(b))
	}
	demo, _ := filepath.Glob("../demo/*.go")
	for _, name := range demo {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		add(string(b))
	}
	if len(names) == 0 || len(demo) == 0 || !runes['訂'] {
		t.Fatalf("found no Chinese to check (%d translation files, %d demo files)", len(names), len(demo))
	}
	full := parseAsFyne(t, assets.FontRegular)
	for face, b := range map[string][]byte{"regular": fontRegular.Content(), "bold": fontBold.Content()} {
		f := parseAsFyne(t, b)
		var missing []rune
		for r := range runes {
			if _, ok := f.NominalGlyph(r); !ok {
				if _, inFull := full.NominalGlyph(r); inFull {
					missing = append(missing, r)
				}
			}
		}
		if len(missing) > 0 {
			t.Errorf("the window's %s face lacks %q", face, string(missing))
		}
	}
}

// TestNoItalicText: no text of the window is italic. Noto Sans TC has no
// italic face, so italic looked upright anyway, and Fyne parses the font
// again for each text style it draws: one italic label cost 13 MB more.
func TestNoItalicText(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "theme.go" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("Italic")) {
			t.Errorf("%s draws italic text", name)
		}
	}
}
