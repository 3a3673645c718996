"""Where touchpoints sit on an MOT cycle ring.

The customer enters at the top (12 o'clock, IN), walks clockwise through the touchpoints
and leaves at the top again (OUT). Touchpoints are spaced evenly; the top keeps one free
slot for the IN / OUT gate. Angles are degrees clockwise from 12 o'clock; the y axis points
down (screen and scene coordinates; the PDF flips it).

Importance (1–5) sets a touchpoint's radius and outline weight; the ring radius grows with
the count so that neighbours never overlap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

NODE_RADIUS_MIN = 22.0      # importance 1
NODE_RADIUS_MAX = 36.0      # importance 5
NODE_RADIUS_UNRATED = 27.0  # importance unknown
OUTLINE_MIN = 1.5
OUTLINE_MAX = 5.0
NODE_GAP = 14.0             # free space between neighbouring touchpoints along the ring
MIN_RING_RADIUS = 230.0
LABEL_GAP = 12.0            # between a touchpoint's edge and its label
LABEL_WIDTH_MAX = 170.0
LABEL_WIDTH_MIN = 90.0


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    """Where a touchpoint's text goes: ``anchor`` is the point nearest the ring;
    ``halign`` (left/center/right) and ``valign`` (top/middle/bottom) say which side of
    the text box touches it."""

    anchor: Point
    halign: str
    valign: str
    max_width: float


@dataclass(frozen=True)
class Node:
    index: int
    angle: float        # degrees clockwise from 12 o'clock
    center: Point
    radius: float
    outline: float
    label: Label


@dataclass(frozen=True)
class Gate:
    """The IN or OUT marker at the top of the ring."""

    text: str           # "IN" / "OUT" (not translated: the method's own words)
    angle: float
    at: Point           # on the ring
    label: Point        # centre of the marker text, outside the ring


@dataclass(frozen=True)
class RingLayout:
    center: Point
    radius: float
    nodes: tuple[Node, ...]
    gate_in: Gate
    gate_out: Gate

    @property
    def count(self) -> int:
        return len(self.nodes)


def node_radius(importance: int | None) -> float:
    if importance is None:
        return NODE_RADIUS_UNRATED
    step = (NODE_RADIUS_MAX - NODE_RADIUS_MIN) / 4
    return NODE_RADIUS_MIN + (min(max(importance, 1), 5) - 1) * step


def outline_width(importance: int | None) -> float:
    if importance is None:
        return OUTLINE_MIN
    step = (OUTLINE_MAX - OUTLINE_MIN) / 4
    return OUTLINE_MIN + (min(max(importance, 1), 5) - 1) * step


def slot_angle(index: int, count: int) -> float:
    """The angle of slot ``index`` of ``count`` (one free slot at the top for the gate)."""
    return 360.0 * (index + 1) / (count + 1)


def point_at(center: Point, radius: float, angle: float) -> Point:
    rad = math.radians(angle)
    return Point(center.x + radius * math.sin(rad), center.y - radius * math.cos(rad))


def angle_of(center: Point, x: float, y: float) -> float:
    """The clockwise angle from 12 o'clock of the point (x, y), in [0, 360)."""
    return math.degrees(math.atan2(x - center.x, center.y - y)) % 360.0


def ring_radius(count: int, radii: Sequence[float] = ()) -> float:
    """A radius large enough for ``count`` touchpoints (plus the gate slot) side by side."""
    widest = max(radii, default=NODE_RADIUS_UNRATED)
    needed = (count + 1) * (2 * widest + NODE_GAP) / (2 * math.pi)
    return max(MIN_RING_RADIUS, needed)


def layout_ring(importances: Sequence[int | None], *, center: Point = Point(0.0, 0.0),
                radius: float | None = None) -> RingLayout:
    """Nodes for touchpoints with these importances, in order, clockwise from IN."""
    count = len(importances)
    radii = [node_radius(i) for i in importances]
    ring = radius if radius is not None else ring_radius(count, radii)
    spacing = 2 * math.pi * ring / (count + 1)
    label_width = max(LABEL_WIDTH_MIN, min(LABEL_WIDTH_MAX, spacing * 1.25))
    nodes = []
    for index, (importance, r) in enumerate(zip(importances, radii)):
        angle = slot_angle(index, count)
        nodes.append(Node(index=index, angle=angle, center=point_at(center, ring, angle), radius=r,
                          outline=outline_width(importance),
                          label=label_for(center, ring, angle, r, label_width)))
    gate_offset = min(360.0 / (count + 1) / 2, 30.0)
    return RingLayout(center=center, radius=ring, nodes=tuple(nodes),
                      gate_in=_gate("IN", center, ring, gate_offset * 0.5),
                      gate_out=_gate("OUT", center, ring, 360.0 - gate_offset * 0.5))


def _gate(text: str, center: Point, ring: float, angle: float) -> Gate:
    return Gate(text=text, angle=angle, at=point_at(center, ring, angle),
                label=point_at(center, ring + 30.0, angle))


def label_for(center: Point, ring: float, angle: float, node_r: float, max_width: float) -> Label:
    """The label sits outside the ring, on the line from the centre through the node."""
    anchor = point_at(center, ring + node_r + LABEL_GAP, angle)
    sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    halign = "left" if sin > 0.35 else "right" if sin < -0.35 else "center"
    valign = "bottom" if cos > 0.35 else "top" if cos < -0.35 else "middle"
    return Label(anchor=anchor, halign=halign, valign=valign, max_width=max_width)


def place_ring_labels(centers: Sequence[tuple[float, float]], radii: Sequence[float], angles: Sequence[float],
                      sizes: Sequence[tuple[float, float]], *, keep_clear: Sequence[tuple] = (),
                      area: tuple | None = None, y_down: bool = True, step: float = 8.0, rings: int = 8) -> list:
    """Boxes for touchpoint names around the ring, the one placement the screen and the PDF
    share: each name as near its node as it fits, outward first, never over another name,
    any node (``radii`` is how far a node's marks reach) or ``keep_clear`` (the middle text,
    IN / OUT). ``angles`` are the nodes' ring angles (clockwise from 12 o'clock). Returns
    ``label_place.Placed`` boxes in the caller's coordinates (y down on screen, y up on a
    chart); ``leader`` says the name sits away from its node and wants a line to it."""
    from mot_workshop.layout.label_place import Placed, place_labels

    flip = -1.0 if y_down else 1.0           # the placer thinks in y-up points

    def box(b):
        return (b[0], min(flip * b[1], flip * b[3]), b[2], max(flip * b[1], flip * b[3]))

    placed = place_labels([(x, flip * y) for x, y in centers], list(sizes), area=None if area is None else box(area),
                          keep_clear=[box(b) for b in keep_clear], prefer=[90.0 - a for a in angles],
                          radii=list(radii), step=step, rings=rings)
    return [Placed(p.x, flip * p.y, box(p.box), p.leader) for p in placed]


def slot_index(layout: RingLayout, x: float, y: float) -> int:
    """The slot (0 … count-1) nearest to the point: where a dragged touchpoint would land."""
    count = layout.count
    if count == 0:
        return 0
    angle = angle_of(layout.center, x, y)
    index = round(angle * (count + 1) / 360.0) - 1
    if index < 0:                    # in the gate: the near end of the ring
        return 0 if angle < 180 else count - 1
    return min(index, count - 1)


def insert_index(layout: RingLayout, x: float, y: float) -> int:
    """Where a new touchpoint dropped at (x, y) goes: before the first slot past its angle."""
    angle = angle_of(layout.center, x, y)
    return sum(1 for node in layout.nodes if node.angle < angle)


def insert_angle(layout: RingLayout, index: int) -> float:
    """The angle between slot ``index - 1`` and slot ``index`` (the drop marker)."""
    count = layout.count
    before = 0.0 if index <= 0 else layout.nodes[min(index, count) - 1].angle
    after = 360.0 if index >= count else layout.nodes[index].angle
    return (before + after) / 2


def preview_order(count: int, moving: Sequence[int], target: int) -> list[int]:
    """The order of slots after moving the (sorted) indices ``moving`` as one block so that
    the block starts at ``target``: a list of old indices, in their new order."""
    moving = sorted(set(moving))
    rest = [i for i in range(count) if i not in set(moving)]
    at = max(0, min(target, len(rest)))
    return rest[:at] + moving + rest[at:]
