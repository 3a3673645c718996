"""Flows into and out of one step leave by different ports (sides), and no route runs along
a lane boundary — on every map of both samples, on a hand-made busy step, and in the
edit-by-edit route cache, which must stay equal to routing everything afresh when flows at
a busy step are added, deleted and re-ended."""

from __future__ import annotations

import random

import pytest

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.route_cache import RouteCache
from mot_workshop.layout.routing import entry_side, exit_side, route_flows
from mot_workshop.layout.swimlane import layout_map
from mot_workshop.persistence.reading import reading
from mot_workshop.sample import build_sample


def port_clashes(routes: dict, flows) -> list[tuple[int, str]]:
    used: dict[tuple[int, str], set[str]] = {}
    for f in flows:
        points = routes.get(f.id)
        if points:
            used.setdefault((f.source_id, exit_side(points)), set()).add("out")
            used.setdefault((f.target_id, entry_side(points)), set()).add("in")
    return [port for port, ways in used.items() if len(ways) == 2]


def runs_on_lane_edges(routes: dict, lanes) -> list[int]:
    edges = [y for lane in lanes for y in (lane.rect.top, lane.rect.bottom)]
    return [fid for fid, points in routes.items()
            for (x1, y1), (x2, y2) in zip(points, points[1:])
            if abs(y1 - y2) < 1e-6 and abs(x1 - x2) > 1e-6 and any(abs(y1 - e) <= 2 for e in edges)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_sample_map_keeps_in_and_out_apart_and_off_lane_edges(tmp_path, lang):
    path = build_sample(tmp_path / "sample.motw", lang)
    maps = 0
    with reading(path) as store:
        for pmap in store.select("process_map"):
            data = [store.select(kind, map_id=pmap.id) for kind in ("lane", "phase", "step", "flow")]
            lay = layout_map(*data)
            flows = data[3]
            assert lay.routes, pmap.kind
            assert port_clashes(lay.routes, flows) == [], (pmap.kind, pmap.id)
            assert runs_on_lane_edges(lay.routes, lay.lanes) == [], (pmap.kind, pmap.id)
            maps += 1
    assert maps >= 3


LANES = [Lane(id=1, map_id=1, seq=0, kind="customer", name="Customer"),
         Lane(id=2, map_id=1, seq=1, kind="contact", name="Desk")]
PHASES = [Phase(id=1, map_id=1, seq=0, name="All", width=1200.0)]


def test_a_step_entered_from_above_is_not_left_upwards():
    # A (top lane) straight down into B; B back up to C in the top lane, to the right
    steps = [Step(id=1, map_id=1, lane_id=1, shape="activity", label="A", x=200.0, y=60.0),
             Step(id=2, map_id=1, lane_id=2, shape="activity", label="B", x=200.0, y=60.0),
             Step(id=3, map_id=1, lane_id=1, shape="activity", label="C", x=600.0, y=60.0)]
    flows = [Flow(id=1, map_id=1, source_id=1, target_id=2), Flow(id=2, map_id=1, source_id=2, target_id=3)]
    lay = layout_map(LANES, PHASES, steps, flows)
    assert entry_side(lay.routes[1]) == "top"
    assert exit_side(lay.routes[2]) != "top"
    assert port_clashes(lay.routes, flows) == []


def busy_map(seed: int):
    """A hub step with many flows in and out among steps in three lanes."""
    rng = random.Random(seed)
    lanes = [Lane(id=i + 1, map_id=1, seq=i, kind="department", name=f"L{i}") for i in range(3)]
    steps = [Step(id=i + 1, map_id=1, lane_id=rng.randint(1, 3), shape="activity", label=str(i),
                  x=120.0 + 170.0 * (i % 8), y=60.0) for i in range(16)]
    return lanes, steps


@pytest.mark.parametrize("seed", range(4))
def test_the_route_cache_equals_a_fresh_routing_while_flows_at_a_busy_step_change(seed):
    lanes, steps = busy_map(seed)
    phases = [Phase(id=1, map_id=1, seq=0, name="All", width=1600.0)]
    frame = layout_map(lanes, phases, steps, [], route=False)
    rects = {s: b.rect for s, b in frame.steps.items()}
    lane_rects = [lane.rect for lane in frame.lanes]
    hub = 5
    rng = random.Random(seed)
    flows: dict[int, tuple[int, int]] = {}
    next_id = 1
    cache = RouteCache()
    cache.full(rects, [], lane_rects)
    for _ in range(60):
        action = rng.random()
        if action < 0.5 or not flows:                       # a new flow into or out of the hub
            other = rng.choice([s for s in rects if s != hub])
            flows[next_id] = (hub, other) if rng.random() < 0.5 else (other, hub)
            next_id += 1
        elif action < 0.8:                                  # one deleted
            del flows[rng.choice(sorted(flows))]
        else:                                               # one re-ended
            fid = rng.choice(sorted(flows))
            src, tgt = flows[fid]
            other = rng.choice([s for s in rects if s not in (src, tgt)])
            flows[fid] = (src, other) if rng.random() < 0.5 else (other, tgt)
        listed = [(fid, src, tgt) for fid, (src, tgt) in sorted(flows.items())]
        cache.update(rects, listed, lane_rects)
        fresh = route_flows(rects, listed, lane_rects)
        assert cache.routes == fresh
