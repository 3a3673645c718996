"""Colours, paper sizes and paragraph styles of every PDF: calm, with a clear hierarchy."""

from __future__ import annotations

import functools

from mot_workshop.export.pdf import fonts

MM = 72.0 / 25.4
MARGIN = 14 * MM
HEADER_BAND = 12 * MM          # running header above the frame
FOOTER_BAND = 9 * MM

_HEX = {
    "ink": "#2b2f36", "muted": "#6b7785", "navy": "#1f3a5f", "blue": "#4a78a8", "teal": "#2a8c82",
    "red": "#c0392b", "amber": "#d99a2b", "rule": "#c7cfd8", "grid": "#dfe4ea", "paper": "#ffffff",
    "band": "#f3f5f8", "band_dark": "#e6ebf1", "header_fill": "#1f3a5f",
    "shape_line": "#34495e", "shape_fill": "#ffffff", "start_fill": "#dbe6f1", "decision_fill": "#fbf1dc",
    "computer_fill": "#e3eef2", "other_fill": "#eef0f3", "route": "#4d5b6a",
    "lane_customer": "#e8f0f8", "lane_contact": "#e6f2ef", "lane_department": "#f1f3f5",
    "lane_system": "#f6f1e6", "lane_other": "#f3f0f5", "overlap": "#fdf3d8",
}


class _Colours(dict):
    def __missing__(self, key):
        from reportlab.lib.colors import HexColor

        value = HexColor(_HEX[key])
        self[key] = value
        return value


COLOURS = _Colours()


def page_size(paper: str, *, landscape: bool = True) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A3, A4

    w, h = {"a4": A4, "a3": A3}[paper]
    return (max(w, h), min(w, h)) if landscape else (min(w, h), max(w, h))


@functools.cache
def paragraph_styles() -> dict:
    """Named paragraph styles, all in NanumGothic (Hangul and Latin alike)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = fonts.register()
    ink, muted, navy = COLOURS["ink"], COLOURS["muted"], COLOURS["navy"]
    base = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13.5, textColor=ink,
                          wordWrap=None, splitLongWords=True)
    s = {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11.5, textColor=muted),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.2),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=bold, fontSize=8, leading=10.2),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=8, leading=10.2,
                               textColor=COLOURS["paper"]),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=17, leading=22, textColor=navy,
                             spaceAfter=6, keepWithNext=1),
        "h1_compact": ParagraphStyle("h1_compact", parent=base, fontName=bold, fontSize=17, leading=22,
                                     textColor=navy, keepWithNext=1),      # a map sheet's one-line heading
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=12.5, leading=16, textColor=navy,
                             spaceBefore=8, spaceAfter=5, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=10, leading=13, textColor=ink,
                             spaceBefore=6, spaceAfter=3, keepWithNext=1),     # a heading never ends a page
        "kicker": ParagraphStyle("kicker", parent=base, fontName=bold, fontSize=9, leading=12,
                                 textColor=COLOURS["teal"]),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=bold, fontSize=28, leading=36,
                                      textColor=navy),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=13, leading=18, textColor=muted),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=bold, fontSize=10.5, leading=16),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9.5, leading=13.5, leftIndent=16),
        "toc3": ParagraphStyle("toc3", parent=base, fontSize=9, leading=12.5, leftIndent=32),
    }
    return s
