"""Estimating how much room a text needs, identically for the screen and the PDF.

The layout cannot ask a font engine (no Qt, no reportlab here), so it uses the average
advance of NanumGothic: Hangul and other wide glyphs take a full em, Latin about 0.55 em.
Renderers wrap inside the rectangles the layout gives them; the estimate only has to be
close and the same everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

LATIN_EM = 0.56
WIDE_EM = 1.0
LINE_SPACING = 1.3


def text_width(text: str, size: float) -> float:
    width = 0.0
    for ch in text:
        width += WIDE_EM if unicodedata.east_asian_width(ch) in "WF" else LATIN_EM
    return width * size


def wrap(text: str, size: float, max_width: float, max_lines: int | None = None, *,
         measure: Callable[[str, float], float] = text_width) -> list[str]:
    """Greedy word wrap; words longer than a line (and Hangul runs) break by character.
    With ``max_lines``, the last kept line ends in an ellipsis when text was cut.
    ``measure(text, size)`` is the estimate by default; the PDF passes the font's real advances."""
    if max_lines is not None:
        text = text[: max_lines * 200]      # never wrap far more than can be shown
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if measure(candidate, size) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
                line = ""
            while word and measure(word, size) > max_width:
                cut = max(1, _fit(word, size, max_width, measure))
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _fit(word: str, size: float, max_width: float, measure: Callable[[str, float], float]) -> int:
    """How many leading characters of ``word`` fit in ``max_width`` (binary search)."""
    low, high = 0, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(word[:mid], size) <= max_width:
            low = mid
        else:
            high = mid - 1
    return low


def text_height(lines: int, size: float) -> float:
    return lines * size * LINE_SPACING
