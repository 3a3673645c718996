"""User text made safe for reportlab's paragraph markup: every ``&``, ``<`` and ``>`` is
escaped (a name holding ``<img src=…/>`` is printed, never obeyed), characters the font
lacks are replaced, and line breaks become ``<br/>``. Every Paragraph of user text is built
from ``markup``; the only tags in a paragraph are the ones the exporter adds itself."""

from __future__ import annotations

from xml.sax.saxutils import escape

from mot_workshop.export.pdf.fonts import printable


def markup(text: str | None) -> str:
    return escape(printable(str(text or ""))).replace("\n", "<br/>")
