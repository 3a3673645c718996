"""Worksheet tables: navy header row repeated on every page, quiet zebra rows, text in
paragraphs so cells wrap (Hangul included), column widths as fractions of the frame."""

from __future__ import annotations

from collections.abc import Sequence
from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.markup import markup
from mot_workshop.export.pdf.styles import COLOURS, paragraph_styles


def cell(value, style: str = "cell"):
    from reportlab.platypus import Paragraph

    if value is None:
        value = ""
    if not isinstance(value, str):
        return value                            # a flowable already
    return Paragraph(markup(value), paragraph_styles()[style])


def table(headers: Sequence[str], rows: Sequence[Sequence], fractions: Sequence[float], width: float, *,
          min_row_height: float | None = None, bold_first: bool = False, header_fill: str = "navy",
          spans: Sequence[tuple] = ()):
    """A full-width table; ``fractions`` are relative column widths."""
    from reportlab.platypus import Table, TableStyle

    widths = header_widths(headers, fractions, width)
    data = [[cell(h, "head") for h in headers]]
    for row in rows:
        data.append([cell(v, "cell_bold" if bold_first and i == 0 else "cell") for i, v in enumerate(row)])
    heights = [None] + [min_row_height] * len(rows) if min_row_height else None
    # splitInRow: a row taller than a page (a very long text) continues on the next page
    t = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT", splitInRow=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), COLOURS[header_fill]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, COLOURS["grid"]),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, COLOURS["grid"]),
        ("BOX", (0, 0), (-1, -1), 0.8, COLOURS["rule"]),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for r in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), COLOURS["band"]))
    for span in spans:
        style.append(("SPAN", *span))
    t.setStyle(TableStyle(style))
    return t


HEAD_SIZE = 8.0
CELL_PADDING = 10.0


def header_widths(headers: Sequence[str], fractions: Sequence[float], width: float) -> list[float]:
    """Column widths from ``fractions``, widened where a header word would not fit (so no
    header breaks inside a word: "Importanc/e", "페이/지"), the room taken from columns
    with some to spare."""
    total = sum(fractions)
    widths = [width * f / total for f in fractions]
    need = [max((fonts.string_width(w, HEAD_SIZE, bold=True) for w in str(h).split()), default=0.0) + CELL_PADDING + 1
            for h in headers]
    for _ in range(len(widths)):
        short = sum(max(0.0, n - w) for n, w in zip(need, widths))
        if short <= 0.01:
            break
        spare = [max(0.0, w - n) for n, w in zip(need, widths)]
        room = sum(spare)
        if room <= 0.01:
            break
        take = min(short, room)
        widths = [max(w, n) if n > w else w - take * s / room for w, n, s in zip(widths, need, spare)]
        # widened columns got their whole need; scale back if the spare could not pay for it all
        over = sum(widths) - width
        if over > 0.01:
            grown = [i for i, (w, n) in enumerate(zip(widths, need)) if abs(w - n) < 0.01]
            for i in grown:
                widths[i] -= over / len(grown)
    return widths


def form(pairs: Sequence[tuple[str, str]], width: float, *, label_fraction: float = 0.24,
         min_row_height: float | None = None):
    """A two-column form: field name on the left, value (or room to write) on the right."""
    from reportlab.platypus import Spacer, Table, TableStyle

    data = [[cell(k, "cell_bold"), cell(v)] for k, v in pairs]
    if not data:                       # nothing filled in yet: no empty frame on the page
        return Spacer(width, 0)
    t = Table(data, colWidths=[width * label_fraction, width * (1 - label_fraction)],
              rowHeights=[min_row_height] * len(data) if min_row_height else None, hAlign="LEFT", splitInRow=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("BACKGROUND", (0, 0), (0, -1), COLOURS["band_dark"]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.5, COLOURS["grid"]),
        ("BOX", (0, 0), (-1, -1), 0.8, COLOURS["rule"]),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def blank_rows(count: int, columns: int) -> list[list[str]]:
    return [[""] * columns for _ in range(count)]
