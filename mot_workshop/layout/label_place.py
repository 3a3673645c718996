"""Labels placed beside their points without overlapping each other, the points, or the
areas kept clear (a legend, the axis labels): candidate positions around each point at
growing distances, the first free one wins; a label moved away from its point gets a
leader line. Plain geometry in points (y up), shared by charts on screen and on paper."""

from __future__ import annotations

import math
from dataclasses import dataclass

Box = tuple[float, float, float, float]          # x0, y0, x1, y1


@dataclass(frozen=True)
class Placed:
    x: float                 # the label box's left edge and vertical centre
    y: float
    box: Box
    leader: bool             # True when the label sits away from its point (draw a line to it)


def _overlaps(a: Box, b: Box, gap: float = 1.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _inside(a: Box, area: Box | None) -> bool:
    if area is None:
        return True
    return a[0] >= area[0] and a[2] <= area[2] and a[1] >= area[1] and a[3] <= area[3]


def place_labels(points: list[tuple[float, float]], sizes: list[tuple[float, float]], *, radius: float = 6.0,
                 area: Box | None, keep_clear: list[Box] = (), step: float = 8.0, rings: int = 8,
                 prefer: list[float] | None = None, radii: list[float] | None = None) -> list[Placed]:
    """Boxes for the labels of ``points`` (``sizes`` are label width × height) inside
    ``area`` (``None``: anywhere), clear of every point's marker (``radius``), of
    ``keep_clear`` and of each other. Larger labels are placed first; when nothing is free
    within ``rings`` steps the label stays beside its point (raise ``rings`` where the page
    has room: on screen the scene simply grows)."""
    radii = radii or [radius] * len(points)
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii)]
    taken += list(keep_clear)
    out: list[Placed | None] = [None] * len(points)
    order = sorted(range(len(points)), key=lambda i: -sizes[i][0] * sizes[i][1])
    for i in order:
        (px, py), (w, h) = points[i], sizes[i]
        best = None
        angles = (0, 180, 45, -45, 135, -135, 90, -90, 22, -22, 158, -158)
        if prefer is not None:            # e.g. outward from a ring: nearest that direction first
            angles = tuple(prefer[i] + a for a in (0, 20, -20, 40, -40, 65, -65, 90, -90))
        for ring in range(rings):
            d = radii[i] + 2 + ring * step
            for angle in angles:
                rad = math.radians(angle)
                cx, cy = px + d * math.cos(rad), py + d * math.sin(rad)
                # the label hangs off the candidate point on the side facing away from its point
                x0 = cx if math.cos(rad) > 0.2 else cx - w if math.cos(rad) < -0.2 else cx - w / 2
                y0 = cy - h / 2 if abs(math.sin(rad)) < 0.8 else (cy if math.sin(rad) > 0 else cy - h)
                box = (x0, y0, x0 + w, y0 + h)
                if not _inside(box, area) or any(_overlaps(box, t) for t in taken):
                    continue
                best = Placed(x0, y0 + h / 2, box, leader=ring > 0)
                break
            if best is not None:
                break
        if best is None:                      # crowded: beside its point, inside the area
            best = _least_crowded(px, py, w, h, radii[i], area, taken)
        taken.append(best.box)
        out[i] = best
    return [p for p in out if p is not None]


def crowded(placed: list[Placed], points: list[tuple[float, float]], radius: float = 6.0) -> bool:
    """Whether any two placed labels overlap, or a label covers another's point."""
    boxes = [p.box for p in placed]
    for i, a in enumerate(boxes):
        if any(_overlaps(a, b, gap=0.0) for b in boxes[i + 1:]):
            return True
        if any(j != i and _overlaps(a, (x - radius, y - radius, x + radius, y + radius), gap=0.0)
               for j, (x, y) in enumerate(points)):
            return True
    return False


def _least_crowded(px: float, py: float, w: float, h: float, r: float, area: Box | None,
                   taken: list[Box]) -> Placed:
    """Right or left of the point, whichever covers less of what is placed, moved inside
    ``area`` (a label off the plot would run over the axis titles)."""
    def covered(box: Box) -> float:
        return sum(max(0.0, min(box[2], t[2]) - max(box[0], t[0])) * max(0.0, min(box[3], t[3]) - max(box[1], t[1]))
                   for t in taken)

    options = []
    for x0 in (px + r + 2, px - r - 2 - w):
        y0 = py - h / 2
        if area is not None:
            x0 = min(max(x0, area[0]), area[2] - w)
            y0 = min(max(y0, area[1]), area[3] - h)
        box = (x0, y0, x0 + w, y0 + h)
        options.append((covered(box), box))
    box = min(options, key=lambda o: o[0])[1]
    moved = not (box[1] <= py <= box[3]) or (box[0] > px + r + 2.5) or (box[2] < px - r - 2.5)
    return Placed(box[0], (box[1] + box[3]) / 2, box, leader=moved)
