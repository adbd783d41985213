#!/bin/sh
# Cuts the window's fonts (assets/fonts/ui/) from the full Noto Sans TC
# beside this script: every character of Big5 (code page 950, what Taiwan's
# systems and input methods write) and every character that is not a
# Han ideograph (Latin, punctuation, symbols, bopomofo, full-width forms),
# without vertical metrics. Fyne's text shaper parses every glyph of a
# font into memory; the full fonts held 64 MB of the window's heap, and
# the 7,000 ideographs outside Big5 are rare in a Taiwanese office.
# Documents keep printing with the full fonts (reports/), so a rare
# character a clerk typed still prints; on screen it falls back to the
# system's fonts. Reproducible: same fonttools (4.38), same bytes.
#   make ui-fonts      (needs pyftsubset: apt-get install fonttools)
set -eu
cd "$(dirname "$0")"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
python3=/usr/bin/python3
[ -x "$python3" ] || python3=python3
"$python3" - NotoSansTC-Regular.ttf > "$list" <<'PY'
import sys
from fontTools.ttLib import TTFont
def ideograph(c):
    return (0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or
            0xF900 <= c <= 0xFAFF or c >= 0x20000)
def big5(c):
    try:
        chr(c).encode("cp950")
        return True
    except UnicodeEncodeError:
        return False
cmap = TTFont(sys.argv[1]).getBestCmap()
for c in sorted(cmap):
    if not ideograph(c) or big5(c):
        print("U+%04X" % c)
PY
for face in Regular Bold; do
	pyftsubset "NotoSansTC-$face.ttf" --unicodes-file="$list" \
		--layout-features='*' --drop-tables+=vhea,vmtx,BASE,STAT \
		--no-hinting --desubroutinize --output-file="ui/NotoSansTC-$face.ttf"
done
