"""The outline of each legend shape, as drawing commands both renderers replay: the Qt map
editor (QPainterPath) and the PDF (reportlab path). One geometry, two renderers.

Commands, in a box (x, y, w, h) with y downwards:
``("move", x, y)``, ``("line", x, y)``, ``("curve", x1, y1, x2, y2, x, y)``, ``("close",)``,
``("round_rect", x, y, w, h, radius)``, ``("circle", cx, cy, r)``.
"""

from __future__ import annotations

Command = tuple


def outline(shape: str, x: float, y: float, w: float, h: float) -> list[Command]:
    if shape == "start-end":                       # a pill
        return [("round_rect", x, y, w, h, h / 2)]
    if shape == "decision":                        # a diamond
        return [("move", x + w / 2, y), ("line", x + w, y + h / 2), ("line", x + w / 2, y + h),
                ("line", x, y + h / 2), ("close",)]
    if shape == "computer":                        # a document with a wavy lower edge ("computer output")
        wave = h * 0.14
        return [("move", x, y), ("line", x + w, y), ("line", x + w, y + h - wave),
                ("curve", x + w * 0.75, y + h - 2.4 * wave, x + w * 0.5, y + h - 0.6 * wave, x + w * 0.25, y + h),
                ("curve", x + w * 0.12, y + h + 0.5 * wave, x + w * 0.05, y + h, x, y + h - wave * 0.6),
                ("close",)]
    if shape == "connector":                       # a small circle
        return [("circle", x + w / 2, y + h / 2, min(w, h) / 2)]
    return [("round_rect", x, y, w, h, 3.0)]       # activity and other-process
