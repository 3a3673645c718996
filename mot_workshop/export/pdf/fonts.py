"""NanumGothic (regular and bold) registered with reportlab as TrueType fonts, which
reportlab embeds as subsets: only the glyphs used go into the PDF, and text stays text."""

from __future__ import annotations

import functools

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"


@functools.cache
def register() -> tuple[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from mot_workshop.fontfiles import font_path

    pdfmetrics.registerFont(TTFont(REGULAR, str(font_path(False))))
    pdfmetrics.registerFont(TTFont(BOLD, str(font_path(True))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR, BOLD


def string_width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register()
    return stringWidth(text, BOLD if bold else REGULAR, size)


def fit_lines(text: str, size: float, width: float, max_lines: int | None = None, bold: bool = False) -> list[str]:
    """Wrap ``text`` with the font's real advances (the layout wraps with an estimate; a
    renderer re-wraps inside the box it is given). Hangul runs break by character."""
    return list(_fit_lines(text or "", float(size), float(width), max_lines, bold))


@functools.lru_cache(maxsize=8192)
def _fit_lines(text: str, size: float, width: float, max_lines: int | None, bold: bool) -> tuple[str, ...]:
    from mot_workshop.layout.text_metrics import wrap

    return tuple(wrap(text, size, width, max_lines, measure=lambda t, s: string_width(t, s, bold)))
