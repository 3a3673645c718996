"""The same cycle as a customer journey: touchpoints left to right, the experience curve
above them (level 5 at the top, 1 at the bottom), unrated touchpoints on a line of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mot_workshop.layout.cycle_ring import Point, node_radius, outline_width

COLUMN_WIDTH = 124.0
LEVEL_STEP = 64.0         # vertical distance between two levels
CHART_TOP = 40.0
UNRATED_GAP = 60.0        # between level 1 and the "not rated" line
LABEL_GAP = 16.0
AXIS_WIDTH = 150.0        # room on the left for the level names
GATE_WIDTH = 56.0         # room for IN before the first and OUT after the last column
NODE_MAX_BOTTOM = 40.0    # the largest node radius plus its marks, below the unrated line


@dataclass(frozen=True)
class JourneyNode:
    index: int
    center: Point
    radius: float
    outline: float
    rated: bool
    label_top: Point      # the label's top centre, under the chart
    label_width: float


@dataclass(frozen=True)
class JourneyLayout:
    nodes: tuple[JourneyNode, ...]
    level_y: dict[int, float]     # level -> y of its grid line
    unrated_y: float
    left: float                   # x where the chart starts (after the axis labels)
    right: float
    labels_y: float               # top of the labels row
    gate_in: Point
    gate_out: Point

    def curve(self) -> list[Point]:
        """The points the experience curve passes through (rated touchpoints, in order)."""
        return [node.center for node in self.nodes if node.rated]


def level_to_y(level: int) -> float:
    return CHART_TOP + (5 - level) * LEVEL_STEP


def layout_journey(levels: Sequence[int | None], importances: Sequence[int | None] | None = None,
                   *, column_width: float = COLUMN_WIDTH, axis_width: float = AXIS_WIDTH) -> JourneyLayout:
    count = len(levels)
    importances = list(importances) if importances is not None else [None] * count
    unrated_y = level_to_y(1) + UNRATED_GAP
    first_x = axis_width + GATE_WIDTH + column_width / 2
    labels_y = unrated_y + NODE_MAX_BOTTOM + LABEL_GAP
    nodes = []
    for index, (level, importance) in enumerate(zip(levels, importances)):
        x = first_x + index * column_width
        rated = level is not None
        y = level_to_y(min(max(level, 1), 5)) if rated else unrated_y
        nodes.append(JourneyNode(index=index, center=Point(x, y), radius=node_radius(importance),
                                 outline=outline_width(importance), rated=rated,
                                 label_top=Point(x, labels_y), label_width=column_width - 12))
    right = first_x + max(count - 1, 0) * column_width + column_width / 2 + GATE_WIDTH
    return JourneyLayout(nodes=tuple(nodes), level_y={lv: level_to_y(lv) for lv in range(1, 6)},
                         unrated_y=unrated_y, left=axis_width, right=right, labels_y=labels_y,
                         gate_in=Point(axis_width + GATE_WIDTH / 2, level_to_y(3)),
                         gate_out=Point(right - GATE_WIDTH / 2, level_to_y(3)))





def smooth_path(points: Sequence[Point]) -> list[tuple[Point, Point, Point]]:
    """Cubic Bézier segments (control 1, control 2, end) through ``points``: a smooth curve
    that never overshoots a level (controls stay within each segment's box), and stays
    level between two equal levels."""
    def slope(i: int) -> float:
        before = points[i - 1] if i > 0 else points[i]
        after = points[i + 1] if i + 1 < len(points) else points[i]
        dx = after.x - before.x
        return (after.y - before.y) / dx if dx else 0.0

    segments = []
    for i in range(len(points) - 1):
        p1, p2 = points[i], points[i + 1]
        third = (p2.x - p1.x) / 3
        low, high = min(p1.y, p2.y), max(p1.y, p2.y)
        c1 = Point(p1.x + third, min(max(p1.y + slope(i) * third, low), high))
        c2 = Point(p2.x - third, min(max(p2.y - slope(i + 1) * third, low), high))
        segments.append((c1, c2, p2))
    return segments


def column_index(layout: JourneyLayout, x: float) -> int:
    """The touchpoint column under x (clamped)."""
    if not layout.nodes:
        return 0
    first = layout.nodes[0].center.x
    width = layout.nodes[1].center.x - first if len(layout.nodes) > 1 else COLUMN_WIDTH
    return max(0, min(len(layout.nodes) - 1, round((x - first) / width)))
