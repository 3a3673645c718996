"""An update that asks for the state an earlier update left (an undo) is taken back from that
update's journal instead of routed again: nothing is routed, the routes equal a fresh
routing, and everything the cache holds — routes, reads, ports, the shape index — is what
it held before the edit, so later edits still route as a fresh cache would."""

from __future__ import annotations

import random

import pytest

from mot_workshop.layout import route_cache
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.route_cache import JOURNALS, RouteCache
from mot_workshop.layout.routing import route_flows
from tests.layout.test_long_routes import frame_of, wide_map


def held(cache: RouteCache) -> dict:
    """What the cache holds, in a form that ignores the order things were added in."""
    def readers(r):
        return {key: frozenset(cache_get(r, key)) for key in r.by if cache_get(r, key)}

    def cache_get(r, key):
        return set(r.get(key))

    index = cache._index
    return {
        "routes": dict(cache.routes),
        "flows": dict(cache._flows),
        "listed": list(cache._listed),
        "at_step": readers(cache._at_step),
        "reads": {fid: (sorted(c), sorted(k), sorted(r), sorted(l)) for fid, (c, k, r, l) in cache._reads.items()},
        "cell_readers": readers(cache._cell_readers),
        "key_readers": readers(cache._key_readers),
        "step_readers": readers(cache._step_readers),
        "along": {key: flows for key, flows in cache._along_readers.blocks.items() if flows},
        "lines": {key: flows for key, flows in cache._line_readers.blocks.items() if flows},
        "tagged": {key: runs for key, runs in cache._drawn.tagged.items() if runs},
        "ports": {step: sorted(used) for step, used in cache._ports.used.items() if used},
        "port_ends": dict(cache._port_ends),
        "rects": dict(index.rects),
        "cells": {cell: sorted(keys) for cell, keys in index.cells.items() if keys},
        "rows": {row: (list(lefts), sorted(keys)) for row, (lefts, keys) in index.rows.items() if keys},
    }


def moved(rng: random.Random, rects: dict[int, Rect], lanes: list[Rect], count: int) -> dict[int, Rect]:
    out = dict(rects)
    for sid in rng.sample(sorted(rects), count):
        r = rects[sid]
        out[sid] = Rect(max(150.0, r.x + rng.uniform(-400, 400)), r.y + rng.choice([0, 0, 20, -20]), r.w, r.h)
    return out


@pytest.mark.parametrize("seed", range(3))
def test_edits_undone_in_turn_are_taken_back_and_leave_what_was_there(seed, monkeypatch):
    lanes, phases, steps, flows = wide_map(seed)
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    cache.full(rects, flows, lane_rects)
    routed: list[int] = []
    real = route_cache.route
    monkeypatch.setattr(route_cache, "route", lambda a, b, *rest: routed.append((a, b)) or real(a, b, *rest))
    rng = random.Random(seed)
    states = [(rects, flows, held(cache))]
    for n in range(6):                                    # six edits: moves, a flow added, a flow gone
        rects, flows = states[-1][0], states[-1][1]
        if n == 2:
            flows = flows + [(max(f for f, _, _ in flows) + 1, steps[-1].id, steps[0].id)]
            changed = cache.update(rects, flows, lane_rects)
        elif n == 4:
            flows = flows[:5] + flows[6:]
            changed = cache.update(rects, flows, lane_rects)
        else:
            new = moved(rng, rects, lane_rects, 1 if n % 2 else 12)
            changed = cache.update(new, None, lane_rects, moved=[s for s in new if new[s] != rects[s]])
            rects = new
        assert changed
        assert cache.routes == route_flows(rects, flows, lane_rects)
        states.append((rects, flows, held(cache)))
    for back in range(len(states) - 2, -1, -1):           # undo each in turn: nothing is routed
        rects, flows, before = states[back]
        routed.clear()
        after = states[back + 1][0]
        changed = cache.update(rects, flows, lane_rects, moved=[s for s in set(rects) | set(after)
                                                                if rects.get(s) != after.get(s)])
        assert routed == []
        assert held(cache) == before
        assert cache.routes == route_flows(rects, flows, lane_rects)
        assert changed == {f for f in set(before["routes"]) | set(states[back + 1][2]["routes"])
                           if before["routes"].get(f) != states[back + 1][2]["routes"].get(f)}
    routed.clear()
    again = moved(rng, rects, lane_rects, 3)               # and a new edit routes as a fresh cache would
    cache.update(again, None, lane_rects)
    assert routed
    assert cache.routes == route_flows(again, flows, lane_rects)


def test_an_edit_that_is_not_the_newest_one_undone_is_routed(monkeypatch):
    lanes, phases, steps, flows = wide_map(7)
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    cache.full(rects, flows, lane_rects)
    rng = random.Random(7)
    first = moved(rng, rects, lane_rects, 5)
    cache.update(first, None, lane_rects)
    second = moved(rng, first, lane_rects, 5)
    cache.update(second, None, lane_rects)
    routed: list[int] = []
    real = route_cache.route
    monkeypatch.setattr(route_cache, "route", lambda a, b, *rest: routed.append((a, b)) or real(a, b, *rest))
    cache.update(rects, None, lane_rects)                 # back to the start in one step: not the newest undone
    assert routed
    assert cache.routes == route_flows(rects, flows, lane_rects)


def test_the_journal_is_bounded_and_cleared_by_a_full_routing():
    lanes, phases, steps, flows = wide_map(3)
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    cache.full(rects, flows, lane_rects)
    rng = random.Random(3)
    for _ in range(JOURNALS + 5):
        rects = moved(rng, rects, lane_rects, 1)
        cache.update(rects, None, lane_rects)
    assert len(cache._journals) == JOURNALS
    cache.full(rects, flows, lane_rects)
    assert cache._journals == []


def test_the_journal_holds_a_bounded_number_of_flows(monkeypatch):
    """An edit that re-routes every flow of a big map (an auto-layout) would keep every flow's
    reads alive once per journal: past JOURNAL_FLOWS the oldest journals go, and an edit bigger
    than that alone is not kept (its undo routes again)."""
    lanes, phases, steps, flows = wide_map(4)
    rects, lane_rects = frame_of(lanes, phases, steps)
    cache = RouteCache()
    cache.full(rects, flows, lane_rects)
    monkeypatch.setattr(route_cache, "JOURNAL_FLOWS", 30)
    rng = random.Random(4)
    for _ in range(10):
        rects = moved(rng, rects, lane_rects, 2)
        cache.update(rects, None, lane_rects)
        assert sum(len(j.flows) for j in cache._journals) <= 30
    everything = {sid: Rect(r.x + 7, r.y, r.w, r.h) for sid, r in rects.items()}
    cache.update(everything, None, lane_rects)
    assert cache._journals == []
    cache.update(rects, None, lane_rects)                  # routed again, and right
    assert cache.routes == route_flows(rects, flows, lane_rects)
