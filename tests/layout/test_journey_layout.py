"""The journey line: left to right in cycle order, higher levels higher up, unrated on a
line of their own, a curve through the rated ones that never overshoots."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot_workshop.layout import journey


def test_columns_left_to_right():
    lay = journey.layout_journey([3, 4, 2])
    xs = [n.center.x for n in lay.nodes]
    assert xs == sorted(xs) and xs[1] - xs[0] == journey.COLUMN_WIDTH
    assert lay.gate_in.x < xs[0] < xs[-1] < lay.gate_out.x <= lay.right


def test_levels_map_to_heights_and_unrated_below():
    lay = journey.layout_journey([5, 1, None, 3])
    y = [n.center.y for n in lay.nodes]
    assert y[0] == lay.level_y[5] < y[3] == lay.level_y[3] < y[1] == lay.level_y[1] < y[2] == lay.unrated_y
    assert not lay.nodes[2].rated
    assert len(lay.curve()) == 3
    assert all(n.label_top.y > lay.unrated_y for n in lay.nodes)


# a busy machine (the suite on every core) must not fail the test for generating slowly
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=40))
def test_curve_stays_between_levels(levels):
    lay = journey.layout_journey(levels)
    points = lay.curve()
    segments = journey.smooth_path(points)
    assert len(segments) == max(0, len(points) - 1)
    start = points[0] if points else None
    for (c1, c2, end) in segments:
        low, high = min(start.y, end.y), max(start.y, end.y)
        assert low <= c1.y <= high and low <= c2.y <= high
        assert start.x <= c1.x <= end.x or start.x == end.x
        start = end


def test_column_index():
    lay = journey.layout_journey([3] * 5)
    for node in lay.nodes:
        assert journey.column_index(lay, node.center.x + 10) == node.index
    assert journey.column_index(lay, -1000) == 0 and journey.column_index(lay, 1e6) == 4
