"""Long routes on wide maps: the shape index tests a long horizontal segment by thin row, the
drawn-route index visits only the cells holding runs, and the route cache remembers long reads
as segments — all three must give exactly what the plain per-cell walk gives, and the cache
must stay equal to routing everything afresh while steps move, come and go and flows change.
And the point of it: a step moved near a loop across the whole map, without touching the
loop's line, no longer routes the loop again."""

from __future__ import annotations

import random

import pytest

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout import route_cache
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.route_cache import RouteCache
from mot_workshop.layout.routing import CELL, MARGIN, _Drawn, _Index, route_flows
from mot_workshop.layout.swimlane import layout_map


def brute_hits(rects: dict[int, Rect], a, b, skip) -> int:
    """The per-cell walk's test, over every shape."""
    x1, x2 = min(a[0], b[0]), max(a[0], b[0])
    y1, y2 = min(a[1], b[1]), max(a[1], b[1])
    count = 0
    for key, rect in rects.items():
        if key in skip:
            continue
        r = rect.inflate(MARGIN)
        if x1 < r.right and r.left < x2 and y1 < r.bottom and r.top < y2 or \
                (x1 == x2 and r.left < x1 < r.right and y1 < r.bottom and r.top < y2) or \
                (y1 == y2 and r.top < y1 < r.bottom and x1 < r.right and r.left < x2):
            count += 1
    return count


def random_rects(rng: random.Random, n: int, width: float) -> dict[int, Rect]:
    return {i: Rect(rng.uniform(0, width), rng.uniform(0, 900), rng.choice([40, 120, 150]),
                    rng.choice([40, 60, 80])) for i in range(1, n + 1)}


@pytest.mark.parametrize("seed", range(6))
def test_the_shape_index_counts_what_every_shape_would(seed):
    rng = random.Random(seed)
    rects = random_rects(rng, 300, 40 * CELL)
    index = _Index(rects)
    for step in range(400):
        if step % 50 == 49:                              # shapes move: the index is changed in place
            for key in rng.sample(sorted(rects), 20):
                index.remove(key)
                rects[key] = Rect(rng.uniform(0, 40 * CELL), rng.uniform(0, 900), 120, 60)
                index.add(key, rects[key])
        x1 = rng.uniform(-100, 40 * CELL)
        y = rng.choice([rng.uniform(0, 1000), rects[rng.randint(1, 300)].y + rng.choice([-MARGIN, 0, 30])])
        length = rng.choice([0, 50, 400, 3 * CELL, 10 * CELL, 35 * CELL])
        a, b = ((x1, y), (x1 + length, y)) if rng.random() < 0.7 else ((x1, y), (x1, y + length / 10))
        if rng.random() < 0.5:
            a, b = b, a
        skip = (rng.randint(1, 300), rng.randint(1, 300))
        assert index.hits(a, b, skip) == brute_hits(rects, a, b, skip), (a, b)


@pytest.mark.parametrize("seed", range(4))
def test_shared_length_of_long_runs_equals_the_sum_of_overlaps(seed):
    rng = random.Random(seed)
    drawn = _Drawn()
    placed: list[tuple[str, int, float, float]] = []
    for _ in range(150):
        line = rng.choice([100, 211, 340])
        lo = rng.uniform(0, 60 * CELL)
        hi = lo + rng.choice([10, 200, 5 * CELL, 30 * CELL])
        drawn.add([(lo, line), (hi, line)])
        placed.append(("row", line, lo, hi))
    for _ in range(150):
        line = rng.choice([100, 211, 340])
        lo = rng.uniform(0, 60 * CELL)
        hi = lo + rng.choice([10, 200, 5 * CELL, 40 * CELL])
        expected = sum(max(0.0, min(hi, b) - max(lo, a)) for _, ln, a, b in placed if ln == line)
        assert drawn.shared([(lo, line), (hi, line)]) == pytest.approx(expected)


def wide_map(seed: int, steps: int = 70):
    """Steps over three lanes across ~80 grid cells; a main path, branches and loops back from
    the far end to the start (the loops run along the lanes' free bands)."""
    rng = random.Random(seed)
    lanes = [Lane(id=i + 1, map_id=1, seq=i, kind="department", name=f"L{i}") for i in range(3)]
    phases = [Phase(id=1, map_id=1, seq=0, name="All", width=steps * 190.0)]
    placed = [Step(id=i + 1, map_id=1, lane_id=rng.randint(1, 3), shape="activity", label=str(i),
                   x=100.0 + 180.0 * i, y=float(rng.choice([60, 60, 60, 80]))) for i in range(steps)]
    flows = [(i, i, i + 1) for i in range(1, steps)]
    flows += [(steps + k, rng.randint(steps - 5, steps), rng.randint(1, 5)) for k in range(4)]     # loops back
    flows += [(steps + 4 + k, a, min(steps, a + rng.randint(2, 12)))
              for k, a in enumerate(rng.sample(range(1, steps), 15))]
    return lanes, phases, placed, flows


def frame_of(lanes, phases, steps):
    frame = layout_map(lanes, phases, steps, [], route=False)
    return {s: b.rect for s, b in frame.steps.items()}, [lane.rect for lane in frame.lanes]


@pytest.mark.parametrize("seed", range(3))
def test_the_route_cache_equals_a_fresh_routing_on_a_wide_map_through_random_edits(seed):
    lanes, phases, steps, flows = wide_map(seed)
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    assert cache.full(rects, flows, lane_rects) == route_flows(rects, flows, lane_rects)
    rng = random.Random(100 + seed)
    flows = {fid: (a, b) for fid, a, b in flows}
    next_flow, next_step = max(flows) + 1, len(rects) + 1
    for _ in range(30):
        action = rng.random()
        if action < 0.45:                                   # a step moves, now and then onto a band
            sid = rng.choice(sorted(rects))
            r = rects[sid]
            dy = rng.choice([0, 0, 15, -30, -(r.y - lane_rects[0].top) + 4])
            rects[sid] = Rect(max(150.0, r.x + rng.uniform(-300, 300)), r.y + dy, r.w, r.h)
        elif action < 0.55:                                 # a step comes or goes
            if rng.random() < 0.5:
                sid = rng.choice(sorted(rects))
                del rects[sid]
                flows = {f: ends for f, ends in flows.items() if sid not in ends}
            else:
                lane = rng.choice(lane_rects)
                rects[next_step] = Rect(rng.uniform(150, 70 * 180), lane.top + 30, 120, 60)
                flows[next_flow] = (next_step, rng.choice(sorted(rects)))
                next_step += 1
                next_flow += 1
        elif action < 0.75:                                 # a flow comes, maybe a long one back
            ends = sorted(rects)
            flows[next_flow] = (rng.choice(ends[-8:]), rng.choice(ends[:8])) if rng.random() < 0.5 else \
                (rng.choice(ends), rng.choice(ends))
            next_flow += 1
        elif action < 0.9 and flows:                         # a flow goes
            del flows[rng.choice(sorted(flows))]
        elif flows:                                         # a flow is re-ended
            fid = rng.choice(sorted(flows))
            flows[fid] = (flows[fid][0], rng.choice(sorted(rects)))
        listed = [(fid, a, b) for fid, (a, b) in sorted(flows.items())]
        cache.update(dict(rects), listed, lane_rects)
        assert cache.routes == route_flows(rects, listed, lane_rects)


def test_a_step_moved_beside_a_loop_across_the_map_does_not_route_the_loop_again(monkeypatch):
    steps_n = 80
    lanes = [Lane(id=i + 1, map_id=1, seq=i, kind="department", name=f"L{i}") for i in range(2)]
    phases = [Phase(id=1, map_id=1, seq=0, name="All", width=steps_n * 190.0)]
    steps = [Step(id=i + 1, map_id=1, lane_id=1 + i % 2, shape="activity", label=str(i),
                  x=100.0 + 180.0 * i, y=60.0) for i in range(steps_n)]
    flows = [Flow(id=i, map_id=1, source_id=i, target_id=i + 1) for i in range(1, steps_n)]
    flows.append(Flow(id=steps_n, map_id=1, source_id=steps_n, target_id=1))       # rework loop to the start
    pairs = [(f.id, f.source_id, f.target_id) for f in flows]
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    cache.full(rects, pairs, lane_rects)
    loop = cache.routes[steps_n]
    assert max(x for x, _ in loop) - min(x for x, _ in loop) > 60 * CELL       # it crosses the map
    routed: list[int] = []
    real = route_cache.route
    monkeypatch.setattr(route_cache, "route", lambda a, b, *rest: routed.append((a, b)) or real(a, b, *rest))

    middle = steps_n // 2
    r = rects[middle]
    rects[middle] = Rect(r.x + 50, r.y, r.w, r.h)          # along its row: the loop's band stays free
    cache.update(dict(rects), pairs, lane_rects)
    assert (steps_n, 1) not in routed
    assert 0 < len(routed) <= 6
    assert cache.routes == route_flows(rects, pairs, lane_rects)

    routed.clear()
    _, band = max(((abs(b[0] - a[0]), a[1]) for a, b in zip(loop, loop[1:]) if a[1] == b[1]))
    rects[middle] = Rect(r.x, band - r.h / 2, r.w, r.h)     # now right across the loop's long run
    cache.update(dict(rects), pairs, lane_rects)
    assert (steps_n, 1) in routed
    assert cache.routes == route_flows(rects, pairs, lane_rects)
    assert cache.routes[steps_n] != loop
