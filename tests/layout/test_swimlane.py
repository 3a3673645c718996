"""Swimlane geometry: lanes fit their steps, phases span the lanes, stage lines, info rows,
and connector routes that never cut through a shape."""

from __future__ import annotations

import random

import pytest

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.routing import crossings, route_flows
from mot_workshop.layout.swimlane import (
    INTERACTION,
    LANE_HEADER_WIDTH,
    LANE_MIN_HEIGHT,
    PHASE_HEADER_HEIGHT,
    VISIBILITY,
    layout_map,
)

LANES = [Lane(id=1, map_id=1, seq=0, kind="customer", name="고객"),
         Lane(id=2, map_id=1, seq=1, kind="contact", name="접점사원"),
         Lane(id=3, map_id=1, seq=2, kind="department", name="매장관리"),
         Lane(id=4, map_id=1, seq=3, kind="system", name="전산")]
PHASES = [Phase(id=1, map_id=1, seq=0, name="접수", width=300), Phase(id=2, map_id=1, seq=1, name="확인", width=250)]


def st(id, lane, x, y=60.0, shape="activity", label="", **kw):
    return Step(id=id, map_id=1, lane_id=lane, x=x, y=y, shape=shape, label=label, **kw)


def test_lanes_stack_under_the_phase_header_and_grow_to_fit():
    steps = [st(1, 1, 100), st(2, 2, 200, y=260)]     # a step low in lane 2 makes it taller
    lay = layout_map(LANES, PHASES, steps)
    assert lay.lanes[0].rect.top == PHASE_HEADER_HEIGHT
    assert lay.lanes[0].rect.h == LANE_MIN_HEIGHT
    assert lay.lanes[1].rect.h > LANE_MIN_HEIGHT
    assert lay.lanes[1].rect.bottom >= lay.steps[2].rect.bottom
    assert [l.rect.top for l in lay.lanes[1:]] == [l.rect.bottom for l in lay.lanes[:-1]]
    assert lay.steps[1].rect.cx == LANE_HEADER_WIDTH + 100


def test_steps_stay_inside_their_lane():
    steps = [st(1, 3, 100, y=0)]                        # too high: kept inside the lane
    lay = layout_map(LANES, PHASES, steps)
    assert lay.lanes[2].rect.top < lay.steps[1].rect.top < lay.steps[1].rect.bottom <= lay.lanes[2].rect.bottom


def test_phase_columns_cover_every_lane_and_steps_beyond_extend_the_map():
    lay = layout_map(LANES, PHASES, [st(1, 1, 900)])
    assert [p.header.left for p in lay.phases] == [LANE_HEADER_WIDTH, LANE_HEADER_WIDTH + 300]
    assert lay.phases[0].column.bottom == lay.lanes[-1].rect.bottom
    assert lay.content.right >= lay.steps[1].rect.right
    assert lay.phase_at(LANE_HEADER_WIDTH + 310).phase_id == 2
    assert lay.lane_at(lay.lanes[1].rect.cy).lane_id == 2


def test_lines_of_interaction_and_visibility():
    lay = layout_map(LANES, PHASES, [])
    assert [(l.kind, l.y) for l in lay.stage_lines] == [(INTERACTION, lay.lanes[0].rect.bottom),
                                                         (VISIBILITY, lay.lanes[1].rect.bottom)]


def test_info_rows_hold_output_measure_and_problems_under_each_step():
    steps = [st(1, 1, 100, output="교환 상품", problems="대기시간이 길다 " * 5),
             st(2, 2, 100, measure="처리시간"), st(3, 3, 400, output="보고서")]
    lay = layout_map(LANES, PHASES, steps)
    rows = {r.kind: r for r in lay.info_rows}
    assert list(rows) == ["output", "measure", "problems"]
    assert rows["output"].rect.top == lay.lanes[-1].rect.bottom
    assert {c.step_id for c in rows["output"].cells} == {1, 3}
    assert [c.step_id for c in rows["measure"].cells] == [2]
    problem = rows["problems"].cells[0]
    assert len(problem.lines) > 1 and problem.rect.h > 34     # wrapped, and the row grew
    assert lay.bounds.bottom == rows["problems"].rect.bottom


def test_cells_of_steps_above_each_other_do_not_overlap():
    steps = [st(1, 1, 100, output="A"), st(2, 2, 100, output="B"), st(3, 3, 110, output="C")]
    cells = layout_map(LANES, PHASES, steps).info_rows[0].cells
    for i, a in enumerate(cells):
        for b in cells[i + 1:]:
            assert not a.rect.intersects(b.rect)


def test_routes_are_orthogonal_and_attach_to_their_shapes():
    steps = [st(1, 1, 100, shape="start-end"), st(2, 2, 300), st(3, 3, 300, shape="decision"), st(4, 1, 500)]
    flows = [Flow(id=1, map_id=1, source_id=1, target_id=2), Flow(id=2, map_id=1, source_id=2, target_id=3),
             Flow(id=3, map_id=1, source_id=3, target_id=4), Flow(id=4, map_id=1, source_id=3, target_id=1)]
    lay = layout_map(LANES, PHASES, steps, flows)
    for fid, points in lay.routes.items():
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:])), fid
        flow = flows[fid - 1]
        src, dst = lay.steps[flow.source_id].rect.inflate(0.5), lay.steps[flow.target_id].rect.inflate(0.5)
        assert src.contains_point(*points[0]) and dst.contains_point(*points[-1])
    assert lay.routes[2] == [(lay.steps[2].rect.cx, lay.steps[2].rect.bottom),
                             (lay.steps[2].rect.cx, lay.steps[3].rect.top)]   # straight down


def test_a_route_goes_around_a_shape_in_the_way():
    steps = [st(1, 2, 100), st(2, 2, 350), st(3, 2, 600)]
    lay = layout_map(LANES, PHASES, steps, [Flow(id=1, map_id=1, source_id=1, target_id=3)])
    rects = {s: b.rect for s, b in lay.steps.items()}
    assert crossings(lay.routes[1], rects, (1, 3)) == 0
    assert len(lay.routes[1]) > 2


@pytest.mark.parametrize("seed", range(5))
def test_random_maps_route_without_crossing_shapes(seed):
    rng = random.Random(seed)
    lanes = LANES
    steps = []
    for column in range(14):                      # up to three steps per column, one per lane
        for lane in rng.sample([1, 2, 3, 4], 3):
            if len(steps) < 40:
                steps.append(st(len(steps) + 1, lane, 100 + 220 * column + rng.choice([0, 20]), y=65))
    flows = [Flow(id=i, map_id=1, source_id=i, target_id=i + 1) for i in range(1, 40)]
    flows += [Flow(id=100 + i, map_id=1, source_id=rng.randint(1, 40), target_id=rng.randint(1, 40)) for i in range(15)]
    flows = [f for f in flows if f.source_id != f.target_id]
    lay = layout_map(lanes, PHASES, steps, flows)
    rects = {s: b.rect for s, b in lay.steps.items()}
    bad = [f.id for f in flows if crossings(lay.routes[f.id], rects, (f.source_id, f.target_id))]
    assert len(bad) <= len(flows) * 0.05, bad        # the odd boxed-in route may still cross


def test_route_flows_ignores_flows_to_missing_steps():
    assert route_flows({}, [(1, 5, 6)]) == {}


def test_a_flow_between_two_connectors_is_a_jump_without_a_line():
    """The pair of in-process connectors (프로세스내 연결) stands for the jump: no route is drawn
    between them, while the flows into and out of the pair are routed as usual."""
    steps = [st(1, 2, 100), st(2, 2, 220, shape="connector", label="A"),
             st(3, 2, 700, shape="connector", label="A"), st(4, 1, 820)]
    flows = [Flow(id=1, map_id=1, source_id=1, target_id=2), Flow(id=2, map_id=1, source_id=2, target_id=3, label="A"),
             Flow(id=3, map_id=1, source_id=3, target_id=4)]
    lay = layout_map(LANES, PHASES, steps, flows)
    assert lay.jumps == {2}
    assert set(lay.routes) == {1, 3} and 2 not in lay.label_points


def test_the_samples_connector_pair_draws_no_line(tmp_path):
    from mot_workshop.persistence.reading import reading
    from mot_workshop.sample import build_sample

    path = tmp_path / "sample.motw"
    build_sample(path, "en")
    with reading(path) as store:
        as_is = next(m for m in store.select("process_map") if m.kind == "as-is")
        steps = store.select("step", map_id=as_is.id)
        flows = store.select("flow", map_id=as_is.id)
        lanes = store.select("lane", map_id=as_is.id)
        phases = store.select("phase", map_id=as_is.id)
    lay = layout_map(lanes, phases, steps, flows)
    shapes = {s.id: s.shape for s in steps}
    between = [f.id for f in flows if shapes[f.source_id] == shapes[f.target_id] == "connector"]
    assert between and set(lay.jumps) == set(between)
    assert set(lay.routes) == {f.id for f in flows} - set(between)
