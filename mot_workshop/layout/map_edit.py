"""Where an edit puts steps on a swimlane map, in the map's stored coordinates.

The editor works in the layout's coordinates (``layout_map``: points, origin at the map's
top-left); steps are stored relative to the time axis and to their lane (``Step.x`` from the
first phase's left edge, ``Step.y`` from the lane's top). These functions convert a point on
the drawn map into the lane, phase and stored position a step would get there (snapped to
the grid and kept clear of the lane's routing bands), and compute aligned or evenly
distributed positions for a multi-selection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mot_workshop.domain.enums import Shape
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, LANE_PADDING, MapLayout, shape_size, snap


@dataclass(frozen=True)
class Placement:
    lane_id: int
    phase_id: int | None
    x: float
    y: float

    def values(self) -> dict:
        return {"lane_id": self.lane_id, "phase_id": self.phase_id, "x": self.x, "y": self.y}


def place(layout: MapLayout, shape: Shape | str, cx: float, cy: float, *,
          grid: float | None = 10.0) -> Placement | None:
    """The lane, phase and stored centre of a step of ``shape`` whose centre is drawn at
    (cx, cy). Above the first lane it lands in the first, below the last in the last; None
    when the map has no lanes."""
    if not layout.lanes:
        return None
    lane = layout.lane_at(cy)
    if lane is None:
        lane = layout.lanes[0] if cy < layout.lanes[0].rect.top else layout.lanes[-1]
    w, h = shape_size(Shape(shape))
    x = max(w / 2, cx - LANE_HEADER_WIDTH)
    y = max(h / 2 + LANE_PADDING, cy - lane.rect.top)
    if grid:
        x, y = max(w / 2, snap(x, grid)), max(h / 2 + LANE_PADDING, snap(y, grid))
    phase = layout.phase_at(LANE_HEADER_WIDTH + x)
    return Placement(lane.lane_id, phase.phase_id if phase is not None else None, x, y)


ALIGNMENTS = ("left", "centre", "right", "top", "middle", "bottom")


def align(rects: Mapping[int, Rect], how: str) -> dict[int, tuple[float, float]]:
    """New drawn centres of the steps ``rects`` lined up on the selection's extreme edge
    (left: the left-most left edge, …) or on the mean centre (centre, middle)."""
    if how not in ALIGNMENTS or len(rects) < 2:
        return {}
    rs = rects.values()
    out = {}
    for id, r in rects.items():
        cx, cy = r.cx, r.cy
        if how == "left":
            cx = min(q.left for q in rs) + r.w / 2
        elif how == "right":
            cx = max(q.right for q in rs) - r.w / 2
        elif how == "centre":
            cx = sum(q.cx for q in rs) / len(rects)
        elif how == "top":
            cy = min(q.top for q in rs) + r.h / 2
        elif how == "bottom":
            cy = max(q.bottom for q in rs) - r.h / 2
        else:
            cy = sum(q.cy for q in rs) / len(rects)
        out[id] = (cx, cy)
    return out


def distribute(rects: Mapping[int, Rect], axis: str) -> dict[int, tuple[float, float]]:
    """New drawn centres spreading the steps evenly between the outermost two, along the
    time axis (``axis='horizontal'``) or down the lanes (``'vertical'``): equal gaps."""
    if len(rects) < 3:
        return {}
    horizontal = axis == "horizontal"
    order = sorted(rects, key=lambda i: (rects[i].cx if horizontal else rects[i].cy, i))
    first, last = rects[order[0]], rects[order[-1]]
    if horizontal:
        span = last.right - first.left
        gap = (span - sum(rects[i].w for i in order)) / (len(order) - 1)
        edge, out = first.left, {}
        for i in order:
            r = rects[i]
            out[i] = (edge + r.w / 2, r.cy)
            edge += r.w + gap
        return out
    span = last.bottom - first.top
    gap = (span - sum(rects[i].h for i in order)) / (len(order) - 1)
    edge, out = first.top, {}
    for i in order:
        r = rects[i]
        out[i] = (r.cx, edge + r.h / 2)
        edge += r.h + gap
    return out
