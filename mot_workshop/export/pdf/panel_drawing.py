"""Small multiples of bars (charts/panels.py) drawn for the PDF as vector operations, the
same operations the matplotlib recorder makes (figure.replay draws both), placed where
matplotlib places them on screen — without building a figure, axes, ticks and text
artists for every panel, which cost most of the report's time.

Text is laid out as matplotlib lays it out: lines ``linespacing × size`` apart (1 unless set), the font's
ascent 0.8 and descent 0.2 of its size, ``va="baseline"`` meaning the last line's baseline.
"""

from __future__ import annotations

from mot_workshop.charts import base
from mot_workshop.charts.panels import (
    BAR_WIDTH, LABEL_SIZE, LEGEND_SIZE, VALUE_SIZE, PanelChart, foot_offset, legend_columns, panel_boxes, value_limit,
)
from mot_workshop.export.pdf import fonts

TICK_PAD = 3.5           # points between the baseline and the bar names (matplotlib's tick pad)
SPINE = "#aab4bf"        # the house style's axes edge colour
SPINE_WIDTH = 0.8


def panel_ops(chart: PanelChart) -> tuple[float, float, list[tuple]]:
    """(width pt, height pt, operations) of ``chart``."""
    fonts.register()
    w, h = chart.width * 72, chart.height * 72
    ops: list[tuple] = [("path", _rect(0, 0, w, h), _rgba(base.PAPER), None, 0, None, 0, 0, None)]
    if not chart.panels:
        _text(ops, w / 2, h / 2, chart.empty, 10, colour=base.SLATE, ha="center", va="center")
        return w, h, ops
    n = len(chart.labels)
    for panel, box in zip(chart.panels, panel_boxes(chart)):
        x0, y0, x1, y1 = (v * 72 for v in box)
        top = value_limit(panel.values)

        def at(x: float, y: float, x0=x0, y0=y0, x1=x1, y1=y1, top=top) -> tuple[float, float]:
            return x0 + (x + 0.6) / (n + 0.2) * (x1 - x0), y0 + y / top * (y1 - y0)

        for i, (value, colour) in enumerate(zip(panel.values, chart.colours)):
            height = min(max(value or 0.0, 0.0), top)      # the plot area clips, as on screen
            if value is not None and height > 0:
                bx0, by0 = at(i - BAR_WIDTH / 2, 0.0)
                bx1, by1 = at(i + BAR_WIDTH / 2, height)
                ops.append(("path", _rect(bx0, by0, bx1 - bx0, by1 - by0), _rgba(colour), None, 0, None, 0, 0, None))
            vx, vy = at(i, (value or 0.0) + top / 1.22 * 0.03)
            _text(ops, vx, vy, base.number(value), VALUE_SIZE, bold=i == panel.highlight, ha="center", va="bottom")
        ops.append(("path", [("M", x0, y0), ("L", x1, y0)], None, _rgba(SPINE), SPINE_WIDTH, None, 2, 0, None))
        for i, label in enumerate(chart.labels):
            _text(ops, at(i, 0)[0], y0 - TICK_PAD, label, LABEL_SIZE, ha="center", va="top")
        _text(ops, x0, y1 + panel.title_pad, panel.title, panel.title_size, bold=True, ha="left", va="baseline")
        if panel.note:
            _text(ops, x0, y1, panel.note, 7.5, colour=base.SLATE, ha="left", va="bottom", linespacing=1.1)
        if panel.tag:
            _text(ops, x1, y1, panel.tag[0], 9, bold=True, colour=panel.tag[1], ha="right", va="top")
        if panel.foot:
            _text(ops, x0, y0 - foot_offset(chart.label_lines), panel.foot[0], 7, colour=panel.foot[1], ha="left",
                  va="top")
    if chart.legend:
        _legend(ops, chart)
    if chart.suptitle:
        _text(ops, 0.01 * w, h - 0.08 * 72, chart.suptitle, 10.5, bold=True, ha="left", va="top")
    return w, h, ops


def panels_flowable(chart: PanelChart, *, width: float | None = None):
    """The chart as a flowable; with ``width`` (points) it is scaled to that width."""
    from mot_workshop.export.pdf.figure import ops_flowable

    w, h, ops = panel_ops(chart)
    return ops_flowable(w, h, ops, width=width)


def _legend(ops: list[tuple], chart: PanelChart) -> None:
    """matplotlib's figure legend at the lower left: columns filled top to bottom, a square
    key, then the name."""
    size = LEGEND_SIZE
    names = list(chart.legend)
    columns = legend_columns(names, chart.width)
    rows = (len(names) + columns - 1) // columns
    pad = 0.4 * size + 0.4 * size          # border axes pad + the legend's own border pad
    key_w, key_h, gap, row_h = 1.0 * size, 0.8 * size, 0.8 * size, 1.3 * size
    x = pad
    for c in range(columns):
        column = list(range(c * rows, min(len(names), (c + 1) * rows)))
        if not column:
            break
        widest = 0.0
        for r, i in enumerate(column):
            y = pad + (rows - 1 - r) * row_h
            ops.append(("path", _rect(x, y + (row_h - key_h) / 2 - 0.15 * size, key_w, key_h),
                        _rgba(chart.colours[i % len(chart.colours)]), None, 0, None, 0, 0, None))
            _text(ops, x + key_w + gap, y + row_h / 2 - 0.15 * size, names[i], size, ha="left", va="center")
            widest = max(widest, _width(names[i], size))
        x += key_w + gap + widest + 1.6 * size


def _text(ops: list[tuple], x: float, y: float, text: str, size: float, *, bold: bool = False,
          colour: str = base.INK, ha: str = "left", va: str = "baseline", linespacing: float = 1.0) -> None:
    """Lines of ``text`` aligned at (x, y) as matplotlib aligns them."""
    if not text:
        return
    lines = text.split("\n")
    pitch = linespacing * size
    first = 0.8 * size + (pitch - size) / 2            # top of the block to the first baseline
    last = 0.2 * size + (pitch - size) / 2             # last baseline to the bottom of the block
    block = pitch * len(lines)
    font = fonts.BOLD if bold else fonts.REGULAR
    rgba = _rgba(colour)
    top = {"top": y, "bottom": y + block, "center": y + block / 2, "baseline": y + block - last}[va]
    widths = [_width(line, size, bold) for line in lines]
    widest = max(widths)
    left = {"left": x, "right": x - widest, "center": x - widest / 2}[ha]
    for n, (line, lw) in enumerate(zip(lines, widths)):
        lx = {"left": left, "right": left + widest - lw, "center": left + (widest - lw) / 2}[ha]
        ops.append(("text", lx, top - first - n * pitch, _clean(line), font, size, 0.0, rgba))


def _width(text: str, size: float, bold: bool = False) -> float:
    return fonts.string_width(_clean(text), size, bold)


def _clean(text: str) -> str:
    return fonts.printable(text.replace("\u2212", "-"))


def _rect(x: float, y: float, w: float, h: float) -> list[tuple]:
    return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]


def _rgba(colour: str) -> tuple[float, float, float, float]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16) / 255, int(colour[2:4], 16) / 255, int(colour[4:6], 16) / 255, 1.0)
