"""The MOT ring's geometry: even spacing clockwise from IN, no overlaps, importance as size,
labels outside the ring, and the hit-testing that drags and drops use."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot_workshop.layout import cycle_ring as ring


def _dist(a, b) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def test_twelve_touchpoints_clockwise_from_the_top():
    lay = ring.layout_ring([3] * 12)
    angles = [n.angle for n in lay.nodes]
    assert angles == sorted(angles)
    steps = {round(b - a, 6) for a, b in zip(angles, angles[1:])}
    assert steps == {round(360 / 13, 6)}                        # even spacing, one gate slot
    first, last = lay.nodes[0].center, lay.nodes[-1].center
    assert first.x > 0 and first.y < 0                           # 1 is just right of 12 o'clock
    assert last.x < 0 and last.y < 0                             # 12 is just left of it
    quarter = lay.nodes[2].center                                # 3 of 12 ≈ 83°: right side
    assert quarter.x > 0.9 * lay.radius


def test_gate_markers_at_the_top():
    lay = ring.layout_ring([None] * 5)
    assert lay.gate_in.text == "IN" and lay.gate_out.text == "OUT"
    assert 0 < lay.gate_in.angle < lay.nodes[0].angle
    assert lay.nodes[-1].angle < lay.gate_out.angle < 360
    assert lay.gate_in.at.x > 0 > lay.gate_out.at.x


# a busy machine (the suite on every core) must not fail the test for generating slowly
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=80))
def test_neighbours_never_overlap(importances):
    lay = ring.layout_ring(importances)
    nodes = lay.nodes
    for a, b in zip(nodes, nodes[1:]):
        assert _dist(a.center, b.center) >= a.radius + b.radius + 2
    for node in nodes:
        assert abs(_dist(node.center, lay.center) - lay.radius) < 1e-6


def test_importance_sets_size_and_weight():
    assert ring.node_radius(1) < ring.node_radius(3) < ring.node_radius(5)
    assert ring.outline_width(1) < ring.outline_width(5)
    assert ring.node_radius(None) == ring.NODE_RADIUS_UNRATED
    lay = ring.layout_ring([1, 5])
    assert lay.nodes[0].radius < lay.nodes[1].radius


def test_ring_grows_with_the_count():
    assert ring.layout_ring([3] * 4).radius == ring.MIN_RING_RADIUS
    assert ring.layout_ring([3] * 60).radius > ring.layout_ring([3] * 30).radius > ring.MIN_RING_RADIUS


def test_labels_sit_outside_on_the_right_side():
    lay = ring.layout_ring([3] * 8, center=ring.Point(100, 100))
    for node in lay.nodes:
        assert _dist(node.label.anchor, lay.center) > lay.radius + node.radius
        if node.center.x > lay.center.x + 0.4 * lay.radius:
            assert node.label.halign == "left"
        if node.center.x < lay.center.x - 0.4 * lay.radius:
            assert node.label.halign == "right"
    bottom = max(lay.nodes, key=lambda n: n.center.y)
    assert bottom.label.valign == "top"


@pytest.mark.parametrize("count", [1, 2, 5, 12, 60])
def test_slot_index_finds_each_slot(count):
    lay = ring.layout_ring([3] * count)
    for node in lay.nodes:
        assert ring.slot_index(lay, node.center.x, node.center.y) == node.index
        outside = ring.point_at(lay.center, lay.radius * 1.5, node.angle)
        assert ring.slot_index(lay, outside.x, outside.y) == node.index     # any distance works


def test_slot_index_in_the_gate_goes_to_the_near_end():
    lay = ring.layout_ring([3] * 6)
    right, left = ring.point_at(lay.center, lay.radius, 2), ring.point_at(lay.center, lay.radius, 358)
    assert ring.slot_index(lay, right.x, right.y) == 0
    assert ring.slot_index(lay, left.x, left.y) == 5


def test_insert_index_between_slots():
    lay = ring.layout_ring([3] * 4)
    for index in range(5):
        at = ring.point_at(lay.center, lay.radius, ring.insert_angle(lay, index))
        assert ring.insert_index(lay, at.x, at.y) == index
    assert ring.insert_index(ring.layout_ring([]), 0, 100) == 0


def test_preview_order_moves_a_block():
    assert ring.preview_order(5, [0], 3) == [1, 2, 3, 0, 4]
    assert ring.preview_order(5, [3, 4], 0) == [3, 4, 0, 1, 2]
    assert ring.preview_order(5, [1], 1) == [0, 1, 2, 3, 4]
    assert sorted(ring.preview_order(7, [2, 5], 9)) == list(range(7))


def test_angle_of_is_clockwise_from_north():
    c = ring.Point(0, 0)
    assert ring.angle_of(c, 0, -10) == pytest.approx(0)
    assert ring.angle_of(c, 10, 0) == pytest.approx(90)
    assert ring.angle_of(c, 0, 10) == pytest.approx(180)
    assert ring.angle_of(c, -10, 0) == pytest.approx(270)
