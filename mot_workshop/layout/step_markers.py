"""The small BPMN marker a step carries when another tool's gateway kind or event definition
was kept on it (``domain.enums.Marker``): a round badge with the notation's symbol, as BPMN
tools draw it — a plus for a parallel gateway, a clock for a timer, an envelope for a message.
A throwing event's symbol is filled, a boundary event's badge has BPMN's double ring, dashed
when it does not interrupt. One geometry, two renderers: the map editor and the PDF replay
these parts (``layout.shape_outline``'s commands, with a fill and a line).

The badge sits where it leaves the label its room: inside a decision's left corner, on a
start / end's lower edge near its left end, on a connector's lower right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Command = tuple


@dataclass(frozen=True)
class MarkerPart:
    commands: tuple[Command, ...]
    fill: str | None = None          # "paper" or "ink"; None: not filled
    stroke: bool = True
    dashed: bool = False
    width: float = 1.0               # line width in map units
    line: str = "ink"                # the line's colour: "ink" or "paper"


def badge(shape: str, x: float, y: float, w: float, h: float) -> tuple[float, float, float]:
    """Centre and radius of the marker badge on a shape drawn in the box (x, y, w, h)."""
    if shape == "decision":
        return x + w * 0.16, y + h / 2, min(8.5, h * 0.11)
    if shape == "connector":
        r = min(w, h) / 2
        return x + w / 2 + r * 0.72, y + h / 2 + r * 0.72, 7.5
    return x + h / 2, y + h, 8.5                       # start / end: on the lower edge


def _poly(cx: float, cy: float, s: float, points) -> tuple[Command, ...]:
    (fx, fy), *rest = points
    return (("move", cx + fx * s, cy + fy * s), *(("line", cx + px * s, cy + py * s) for px, py in rest), ("close",))


def _line(cx: float, cy: float, s: float, a, b) -> tuple[Command, ...]:
    return (("move", cx + a[0] * s, cy + a[1] * s), ("line", cx + b[0] * s, cy + b[1] * s))


def _pentagon(radius: float) -> list[tuple[float, float]]:
    return [(radius * math.sin(2 * math.pi * k / 5), -radius * math.cos(2 * math.pi * k / 5)) for k in range(5)]


def marker_parts(shape: str, marker: str | None, role: str | None, x: float, y: float, w: float,
                 h: float) -> list[MarkerPart]:
    """What to draw for a step's marker (nothing without one)."""
    if not marker:
        return []
    cx, cy, r = badge(shape, x, y, w, h)
    return badge_parts(marker, role, cx, cy, r, ring=shape == "connector")


def badge_parts(marker: str, role: str | None, cx: float, cy: float, r: float, *,
                ring: bool = False) -> list[MarkerPart]:
    """The badge centred on (cx, cy); ``ring``: an intermediate event's double ring."""
    parts = [MarkerPart((("circle", cx, cy, r),), fill="paper", dashed=role == "boundary-non-interrupting",
                        width=0.9)]
    if role in ("boundary", "boundary-non-interrupting") or (ring and marker not in (
            "parallel", "inclusive", "event-based", "complex")):
        parts.append(MarkerPart((("circle", cx, cy, r - 1.8),), dashed=role == "boundary-non-interrupting",
                                width=0.6))
    s = r * 0.62                                        # the symbol's half size
    ink = "ink" if role == "throw" else "paper"         # a throwing event's symbol is filled
    parts.extend(_symbol(marker, cx, cy, s, ink))
    return parts


def _symbol(marker: str, cx: float, cy: float, s: float, ink: str) -> list[MarkerPart]:
    if marker in ("parallel", "cancel"):
        a = 0.8 if marker == "parallel" else 0.6
        ends = [((0, -a), (0, a)), ((-a, 0), (a, 0))] if marker == "parallel" else [((-a, -a), (a, a)), ((-a, a), (a, -a))]
        return [MarkerPart(_line(cx, cy, s, p, q), width=1.6) for p, q in ends]
    if marker == "inclusive":
        return [MarkerPart((("circle", cx, cy, s * 0.62),), width=1.4)]
    if marker == "complex":
        lines = [((0, -0.8), (0, 0.8)), ((-0.8, 0), (0.8, 0)), ((-0.57, -0.57), (0.57, 0.57)), ((-0.57, 0.57), (0.57, -0.57))]
        return [MarkerPart(_line(cx, cy, s, p, q), width=1.3) for p, q in lines]
    if marker == "event-based":
        return [MarkerPart((("circle", cx, cy, s * 0.85),), width=0.7),
                MarkerPart(_poly(cx, cy, s, _pentagon(0.5)), width=0.8)]
    if marker == "timer":
        return [MarkerPart((("circle", cx, cy, s * 0.8),), fill="paper", width=0.8),
                MarkerPart(_line(cx, cy, s, (0, 0), (0, -0.6)) + _line(cx, cy, s, (0, 0), (0.42, 0)), width=0.8)]
    if marker == "message":                             # a sent letter: dark, its flap drawn light
        return [MarkerPart(_poly(cx, cy, s, [(-0.75, -0.5), (0.75, -0.5), (0.75, 0.5), (-0.75, 0.5)]), fill=ink,
                           width=0.8),
                MarkerPart(_line(cx, cy, s, (-0.75, -0.5), (0, 0.08)) + _line(cx, cy, s, (0, 0.08), (0.75, -0.5)),
                           width=0.7, line="paper" if ink == "ink" else "ink")]
    if marker == "signal":
        return [MarkerPart(_poly(cx, cy, s, [(0, -0.78), (0.72, 0.55), (-0.72, 0.55)]), fill=ink, width=0.8)]
    if marker == "error":
        return [MarkerPart(_poly(cx, cy, s, [(-0.7, 0.7), (-0.25, -0.6), (0.15, 0.15), (0.7, -0.7), (0.25, 0.6),
                                             (-0.15, -0.15)]), fill=ink, width=0.8)]
    if marker == "escalation":
        return [MarkerPart(_poly(cx, cy, s, [(0, -0.8), (0.55, 0.7), (0, 0.2), (-0.55, 0.7)]), fill=ink, width=0.8)]
    if marker == "conditional":
        rows = tuple(c for k in (-0.35, -0.05, 0.25, 0.5) for c in _line(cx, cy, s, (-0.35, k), (0.35, k)))
        return [MarkerPart(_poly(cx, cy, s, [(-0.55, -0.75), (0.55, -0.75), (0.55, 0.75), (-0.55, 0.75)]),
                           fill="paper", width=0.8), MarkerPart(rows, width=0.6)]
    if marker == "link":
        return [MarkerPart(_poly(cx, cy, s, [(-0.75, -0.25), (0.1, -0.25), (0.1, -0.6), (0.8, 0), (0.1, 0.6),
                                             (0.1, 0.25), (-0.75, 0.25)]), fill=ink, width=0.8)]
    if marker == "compensation":
        return [MarkerPart(_poly(cx, cy, s, [(0, -0.5), (0, 0.5), (-0.75, 0)]), fill=ink, width=0.8),
                MarkerPart(_poly(cx, cy, s, [(0.75, -0.5), (0.75, 0.5), (0, 0)]), fill=ink, width=0.8)]
    if marker == "terminate":
        return [MarkerPart((("circle", cx, cy, s * 0.75),), fill="ink", stroke=False)]
    if marker == "multiple":
        return [MarkerPart(_poly(cx, cy, s, _pentagon(0.8)), fill=ink, width=0.8)]
    if marker == "parallel-multiple":
        a, b = 0.8, 0.28
        cross = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b),
                 (-b, -b)]
        return [MarkerPart(_poly(cx, cy, s, cross), fill=ink, width=0.8)]
    return []
