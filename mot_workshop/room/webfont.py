"""The laptop's NanumGothic for a browser that has no Korean font of its own.

The TTF in the wheel carries VTT hinting sources (TSI0…TSI5 tables) that browsers' font
sanitiser rejects, so the page would show empty boxes; they are dropped once, in memory."""

from __future__ import annotations

import functools
import io


@functools.cache
def korean_font() -> bytes:
    from fontTools.ttLib import TTFont           # fontTools comes with matplotlib

    from mot_workshop.fontfiles import font_path

    font = TTFont(str(font_path()), lazy=True)
    for tag in [t for t in font.keys() if t.startswith("TSI")]:
        del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
