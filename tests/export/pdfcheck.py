"""Reading PDFs back with pypdf: text, page sizes and embedded fonts."""

from __future__ import annotations

import re

from pypdf import PdfReader


def pdf_text(path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
