"""Placing, aligning and distributing steps in the map's stored coordinates."""

from __future__ import annotations

from mot_workshop.domain.process import Lane, Phase, Step
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.map_edit import align, distribute, place
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, LANE_PADDING, layout_map


def _layout():
    lanes = [Lane(id=1, map_id=1, seq=0, kind="customer", name="C"),
             Lane(id=2, map_id=1, seq=1, kind="contact", name="E")]
    phases = [Phase(id=1, map_id=1, seq=0, name="A", width=300.0), Phase(id=2, map_id=1, seq=1, name="B", width=300.0)]
    steps = [Step(id=1, map_id=1, lane_id=1, label="s", x=100.0, y=65.0)]
    return layout_map(lanes, phases, steps)


def test_place_finds_lane_phase_and_snaps():
    lay = _layout()
    second = lay.lanes[1].rect
    where = place(lay, "activity", LANE_HEADER_WIDTH + 403.0, second.top + 61.0)
    assert (where.lane_id, where.phase_id, where.x, where.y) == (2, 2, 400.0, 60.0)


def test_place_keeps_clear_of_the_lane_edge_and_clamps_to_lanes():
    lay = _layout()
    where = place(lay, "activity", LANE_HEADER_WIDTH + 50, lay.lanes[0].rect.top - 100)
    assert where.lane_id == 1 and where.y >= 32 + LANE_PADDING and where.x >= 75
    below = place(lay, "activity", LANE_HEADER_WIDTH + 900, lay.bounds.bottom + 500)
    assert below.lane_id == 2 and below.phase_id is None


def test_align_and_distribute():
    rects = {1: Rect(0, 0, 100, 50), 2: Rect(200, 30, 100, 50), 3: Rect(500, 10, 100, 50)}
    assert {k: v[1] for k, v in align(rects, "top").items()} == {1: 25, 2: 25, 3: 25}
    assert align(rects, "left")[3][0] == 50
    spread = distribute(rects, "horizontal")
    assert spread[1][0] == 50 and spread[3][0] == 550 and spread[2][0] == 300
    assert distribute({1: rects[1], 2: rects[2]}, "horizontal") == {}
