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


# Characters NanumGothic lacks, and what to print instead (U+2212 minus: "100 − 1 = 0").
SUBSTITUTES = {"\u2212": "\u2013", "\u2011": "-", "\u26a0": "!", "\u2713": "\u221a", "\u2714": "\u221a",
               "\u2717": "\u00d7", "\u2718": "\u00d7", "\u200b": "", "\ufeff": ""}


@functools.cache
def known_codepoints() -> frozenset[int]:
    """Code points both embedded faces can draw."""
    from reportlab.pdfbase import pdfmetrics

    register()
    regular = pdfmetrics.getFont(REGULAR).face.charToGlyph
    bold = pdfmetrics.getFont(BOLD).face.charToGlyph
    # control characters map to empty glyphs: they draw nothing, so they count as missing
    return frozenset(cp for cp in regular if cp in bold and regular[cp] and bold[cp]
                     and cp >= 0x20 and not 0x7F <= cp <= 0x9F)


def printable(text: str) -> str:
    """``text`` with every character the font cannot show replaced by one it can (a close
    look-alike, its compatibility form, or "?"), so no box or blank reaches the paper."""
    if text.isascii():
        return text
    known = known_codepoints()
    if all(ord(ch) in known for ch in text):
        return text
    return "".join(ch if ord(ch) in known or ch in "\n\t" else _substitute(ch, known) for ch in text)


def _substitute(ch: str, known: frozenset[int]) -> str:
    import unicodedata

    if ch in SUBSTITUTES:
        return SUBSTITUTES[ch]
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and all(ord(c) in known for c in folded):
        return folded
    return "?"


def clip(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` (printable) cut with "…" to fit ``width`` — for one-line running heads only."""
    text = printable(text or "")
    if string_width(text, size, bold) <= width:
        return text
    while text and string_width(text + "…", size, bold) > width:
        text = text[:-max(1, len(text) // 8)]
    return text + "…"
