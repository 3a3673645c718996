"""Sequence-flow waypoints that fit BPMN's shapes.

Our routes (``layout.routing``) are orthogonal and end on the sides of our shapes. In the
BPMN file events are circles and gateways diamonds, smaller than ours and centred where ours
are, so each end is moved onto the BPMN shape's outline along the route's last leg, keeping
every segment horizontal or vertical: a modeller then draws the arrow touching the circle or
the diamond, as it draws its own. A leg that would miss the small shape turns once more and
comes in at its top, bottom, left or right point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mot_workshop.layout.geometry import Point, Rect

ROUND, DIAMOND, BOX = "round", "diamond", "box"
_REACH = 0.85          # a leg this far off the centre (of the half size) still meets the outline


def outline_offset(outline: str, rect: Rect, across: float, horizontal: bool) -> float | None:
    """How far from the centre, along a horizontal (or vertical) leg ``across`` off the centre,
    the leg meets the outline; None when it passes beside the shape."""
    half_along, half_across = (rect.w / 2, rect.h / 2) if horizontal else (rect.h / 2, rect.w / 2)
    t = abs(across) / half_across if half_across else 1.0
    if outline == BOX:
        return half_along if t <= 1.0 else None
    if t > _REACH:
        return None
    if outline == ROUND:
        return half_along * math.sqrt(1.0 - t * t)
    return half_along * (1.0 - t)


def orthogonal(points: Sequence[Point], *, first_horizontal: bool = True) -> list[Point]:
    """``points`` with an elbow put into every diagonal segment (duplicates removed)."""
    out: list[Point] = []
    horizontal = first_horizontal
    for x, y in points:
        if out:
            px, py = out[-1]
            if abs(px - x) > 1e-6 and abs(py - y) > 1e-6:
                out.append((x, py) if horizontal else (px, y))
        if not out or (abs(out[-1][0] - x) > 1e-6 or abs(out[-1][1] - y) > 1e-6):
            out.append((x, y))
        if len(out) >= 2:
            horizontal = abs(out[-1][1] - out[-2][1]) <= 1e-6   # the next elbow continues this leg
    return out


def fit_end(points: list[Point], rect: Rect, outline: str, *, at_start: bool) -> list[Point]:
    """Move the first (or last) point of an orthogonal polyline onto ``rect``'s outline."""
    if len(points) < 2:
        return points
    pts = points if not at_start else points[::-1]
    (nx, ny), (ex, ey) = pts[-2], pts[-1]
    cx, cy = rect.cx, rect.cy
    horizontal = abs(ny - ey) <= 1e-6 and abs(nx - ex) > 1e-6
    if horizontal:
        offset = outline_offset(outline, rect, ey - cy, True)
        side = -1.0 if nx < cx else 1.0
        if offset is not None:
            pts = pts[:-1] + [(cx + side * offset, ey)]
        else:                       # passes above or below: run on to the centre line, then turn in
            down = 1.0 if ey < cy else -1.0
            pts = pts[:-1] + [(cx, ey), (cx, cy - down * rect.h / 2)]
    else:
        offset = outline_offset(outline, rect, ex - cx, False)
        side = -1.0 if ny < cy else 1.0
        if offset is not None:
            pts = pts[:-1] + [(ex, cy + side * offset)]
        else:
            right = 1.0 if ex < cx else -1.0
            pts = pts[:-1] + [(ex, cy), (cx - right * rect.w / 2, cy)]
    pts = _dedupe(pts)
    return pts if not at_start else pts[::-1]


def _dedupe(points: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-6 or abs(out[-1][1] - p[1]) > 1e-6:
            out.append(p)
    # a middle point on a straight line between its neighbours says nothing
    return [p for i, p in enumerate(out) if i in (0, len(out) - 1) or not _collinear(out[i - 1], p, out[i + 1])]


def _collinear(a: Point, b: Point, c: Point) -> bool:
    return (abs(a[0] - b[0]) <= 1e-6 and abs(b[0] - c[0]) <= 1e-6) or \
        (abs(a[1] - b[1]) <= 1e-6 and abs(b[1] - c[1]) <= 1e-6)


def edge_points(route: Sequence[Point], source: Rect, source_outline: str, target: Rect,
                target_outline: str) -> list[Point]:
    """Waypoints from the source's outline to the target's, orthogonal, following ``route``
    (our routed line) when there is one, else from centre to centre with one elbow."""
    points = list(route) if len(route) >= 2 else [(source.cx, source.cy), (target.cx, target.cy)]
    points = orthogonal(points)
    if len(points) < 2:              # source and target on one point: a stub to the right
        points = [(source.cx, source.cy), (source.right + 20, source.cy)]
    points = fit_end(points, source, source_outline, at_start=True)
    return fit_end(points, target, target_outline, at_start=False)
