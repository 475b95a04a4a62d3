"""Build hanhchinh_docs/data/font_metrics.json from the Liberation Serif fonts.

Liberation Serif has the same advance widths as Times New Roman (it is metric-compatible), so
these tables let the renderer size the short lines of ND30 to the real text without needing
any font on the user's machine. Run: python tools/build_font_metrics.py (needs fonttools and
Debian's fonts-liberation2).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
OUT = Path(__file__).resolve().parent.parent / "hanhchinh_docs" / "data" / "font_metrics.json"

# Latin, Latin-1, Latin Extended-A/B, Vietnamese (Latin Extended Additional), punctuation.
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x1EA0, 0x1EF9), (0x2010, 0x2026)]


def main() -> None:
    tables = {}
    for key, suffix in STYLES.items():
        font = TTFont(FONT_DIR / f"LiberationSerif-{suffix}.ttf")
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {}
        for low, high in RANGES:
            for code in range(low, high + 1):
                char = chr(code)
                if code in cmap and unicodedata.normalize("NFC", char) == char:
                    widths[char] = hmtx[cmap[code]][0]
        tables[key] = {"units_per_em": font["head"].unitsPerEm, "widths": widths}
    OUT.write_text(json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
