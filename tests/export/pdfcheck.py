"""Reading PDFs back with pypdf: text, page sizes and embedded fonts."""

from __future__ import annotations

import functools
import os
import re

from pypdf import PdfReader


def pdf_text(path) -> str:
    return "\n".join(page_texts(path))


def page_texts(path) -> tuple[str, ...]:
    """The text of each page, as ``page.extract_text()`` gives it."""
    return tuple(text for text, _ in _read(str(path), _stamp(path)))


def page_runs(path) -> tuple[tuple, ...]:
    """``sized_runs`` of each page."""
    return tuple(runs for _, runs in _read(str(path), _stamp(path)))


def _stamp(path) -> tuple[int, int, int]:
    # the file as written: a PDF exported again to the same path is read again
    st = os.stat(path)
    return st.st_ino, st.st_size, st.st_mtime_ns


@functools.lru_cache(maxsize=32)
def _read(path: str, stamp) -> tuple[tuple[str, tuple], ...]:
    # Reading a page's text is the slow part of the PDF tests (about a second per report), and
    # the session's sample PDFs are read by a dozen tests: each file is read once, in one pass
    # giving the text and the sized runs.
    out = []
    for page in PdfReader(path).pages:
        runs: list = []
        text = page.extract_text(visitor_text=_sizing_visitor(runs)) or ""
        out.append((text, tuple(runs)))
    return tuple(out)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts(path) -> dict[str, bool]:
    """Font name -> embedded as TrueType (FontFile2), over every page."""
    reader = PdfReader(str(path))
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font.get("/BaseFont"))] = embedded
    return found


def page_sizes(path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(str(path)).pages]


def outline_targets(reader) -> list[tuple[int, str, int]]:
    """(level, title, 0-based destination page) of every outline entry, in order."""
    out: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def page_words(page) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text run drawn on ``page``, in page coordinates."""
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            # position = text matrix applied to the current transformation
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text, x, y))

    page.extract_text(visitor_text=visit)
    return runs


def link_targets(reader, page_index: int) -> list[tuple[str, int]]:
    """(text under the link, 0-based destination page) of every internal link on a page."""
    page = reader.pages[page_index]
    runs = page_words(page)
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        dest = annot.get("/Dest")
        if annot.get("/Subtype") != "/Link" or dest is None:
            continue
        x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
        inside = "".join(t for t, x, y in runs if x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2)
        out.append((inside, pages[dest[0].idnum]))
    return out


def sized_runs(page) -> list[tuple[str, float, float, float, bool]]:
    """(text, x, y, size in points on the page, bold) of every text run on ``page``."""
    runs: list = []
    page.extract_text(visitor_text=_sizing_visitor(runs))
    return runs


def _sizing_visitor(runs: list):
    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        m0 = tm[0] * cm[0] + tm[1] * cm[2]
        m1 = tm[0] * cm[1] + tm[1] * cm[3]
        m2 = tm[2] * cm[0] + tm[3] * cm[2]
        m3 = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(m0 * m3 - m1 * m2)) ** 0.5
        bold = "Bold" in str((font or {}).get("/BaseFont", ""))
        runs.append((text, x, y, size * scale, bold))

    return visit


FOOTER_TOP = 14 * 72 / 25.4 + 14         # the footer rule sits just above the bottom margin


def ends_with_heading(page_or_runs) -> str | None:
    """The heading's text when the lowest text on the page (footer aside) is a heading
    (given the page, or its ``sized_runs``)."""
    given = page_or_runs if isinstance(page_or_runs, (list, tuple)) else sized_runs(page_or_runs)
    runs = [r for r in given if r[2] > FOOTER_TOP]
    if not runs:
        return None
    lowest = min(r[2] for r in runs)
    last = [r for r in runs if abs(r[2] - lowest) < 2]
    # bold text of heading size with words in it (a ring's bold node numbers are not a heading)
    if all(r[4] and r[3] >= 9.9 for r in last) and any(ch.isalpha() for r in last for ch in r[0]):
        return "".join(r[0] for r in last)
    return None
