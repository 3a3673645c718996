"""The live layout equals a full ``layout_map`` after every edit of a random sequence — moves
within and across lanes, deeper moves that grow a lane, steps pushed past the map's right
edge, labels and info-row texts, a step becoming a connector, flows added and removed, steps
added and deleted, absurd positions pulled back by the bounds — and reports every box and
route that changed. Most of these edits keep the map's steps, lanes and phases and take the
path that touches only what changed; the test checks that path is taken."""

from __future__ import annotations

import dataclasses
import random

import pytest

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.live_layout import LiveLayout
from mot_workshop.layout.swimlane import layout_map

TEXTS = ("", "", "report", "a longer output text that wraps over more than one line of its cell", "errors")


def random_map(rng: random.Random, n: int = 40):
    lanes = [Lane(id=i + 1, map_id=1, seq=i, kind=kind, name=f"L{i}")
             for i, kind in enumerate(("customer", "contact", "department", "system"))]
    phases = [Phase(id=1, map_id=1, seq=0, name="A", width=2000.0), Phase(id=2, map_id=1, seq=1, name="B", width=1500.0)]
    steps = [Step(id=i + 1, map_id=1, lane_id=rng.randint(1, 4), shape=rng.choice(["activity", "decision", "start-end"]),
                  label=f"step {i}", x=100.0 + 80.0 * i, y=float(rng.choice([40, 60, 80])),
                  output=rng.choice(TEXTS), measure=rng.choice(TEXTS), problems=rng.choice(TEXTS))
             for i in range(n)]
    flows = [Flow(id=i, map_id=1, source_id=i, target_id=i + 1) for i in range(1, n)]
    flows += [Flow(id=n + k, map_id=1, source_id=rng.randint(1, n), target_id=rng.randint(1, n)) for k in range(8)]
    return lanes, phases, steps, flows


def edit(rng: random.Random, steps: list[Step], flows: list[Flow]) -> tuple[set[int], set[int]]:
    """One random edit in place; the step and flow ids it changed."""
    action = rng.random()
    i = rng.randrange(len(steps))
    s = steps[i]
    if action < 0.3:
        steps[i] = dataclasses.replace(s, x=max(0.0, s.x + rng.uniform(-400, 400)), y=max(0.0, s.y + rng.uniform(-30, 30)))
    elif action < 0.42:
        steps[i] = dataclasses.replace(s, lane_id=rng.randint(1, 4), y=rng.choice([40.0, 60.0, 190.0]))
    elif action < 0.48:
        steps[i] = dataclasses.replace(s, y=rng.choice([300.0, 60.0]))                   # the lane grows or shrinks
    elif action < 0.52:
        steps[i] = dataclasses.replace(s, x=rng.choice([5000.0, 1e12]))                  # past the edge; absurd
    elif action < 0.64:
        steps[i] = dataclasses.replace(s, label=rng.choice(["renamed", "a much longer label for a step box", ""]))
    elif action < 0.78:
        kind = rng.choice(["output", "measure", "problems"])
        steps[i] = dataclasses.replace(s, **{kind: rng.choice(TEXTS)})
    elif action < 0.82:
        steps[i] = dataclasses.replace(s, shape=rng.choice(["connector", "activity"]))
    elif action < 0.88:
        fid = max(f.id for f in flows) + 1 if flows else 1
        flows.append(Flow(id=fid, map_id=1, source_id=rng.choice(steps).id, target_id=rng.choice(steps).id))
        return set(), {fid}
    elif action < 0.92 and flows:
        gone = flows.pop(rng.randrange(len(flows)))
        return set(), {gone.id}
    elif action < 0.96:
        sid = max(x.id for x in steps) + 1
        steps.append(Step(id=sid, map_id=1, lane_id=rng.randint(1, 4), shape="activity", label="new",
                          x=rng.uniform(0, 3000), y=60.0, output=rng.choice(TEXTS)))
        return {sid}, set()
    else:
        gone = steps.pop(i)
        dropped = {f.id for f in flows if gone.id in (f.source_id, f.target_id)}
        flows[:] = [f for f in flows if f.id not in dropped]
        return {gone.id}, dropped
    return {s.id}, set()


@pytest.mark.parametrize("seed", range(3))
def test_every_edit_leaves_the_layout_of_a_full_layout(seed, monkeypatch):
    rng = random.Random(seed)
    lanes, phases, steps, flows = random_map(rng)
    live = LiveLayout()
    live.update(lanes, phases, tuple(steps), tuple(flows))
    assert live.layout == layout_map(lanes, phases, steps, flows)
    patched = []
    real = LiveLayout._patch
    monkeypatch.setattr(LiveLayout, "_patch", lambda self, *a: patched.append(r := real(self, *a)) or r)
    for _ in range(50):
        before = live.layout
        changed_steps, changed_flows = edit(rng, steps, flows)
        diff = live.update(lanes, phases, tuple(steps), tuple(flows), changed_steps,
                           changed_flows if rng.random() < 0.8 else None)
        fresh = layout_map(lanes, phases, steps, flows)
        assert live.layout == fresh
        after = live.layout
        assert {sid for sid in set(before.steps) | set(after.steps)
                if before.steps.get(sid) != after.steps.get(sid)} <= diff.steps
        assert {fid for fid in set(before.routes) | set(after.routes)
                if before.routes.get(fid) != after.routes.get(fid)} <= diff.flows
        if (before.lanes, before.info_rows, before.bounds) != (after.lanes, after.info_rows, after.bounds):
            assert diff.frame
    assert sum(1 for p in patched if p is not None) > 25           # most edits took the short path


def test_info_rows_resume_their_sweep_and_equal_a_full_layout(monkeypatch):
    """A map with hundreds of steps with info-row text: an edit re-lays an info row from its
    last saved state before the first changed step, not from the left edge — and the rows
    still equal a full layout's after every edit (moves, texts, steps added and deleted)."""
    import mot_workshop.layout.swimlane as swimlane

    rng = random.Random(7)
    lanes, phases, steps, flows = random_map(rng, n=300)
    flows = flows[:40]                                   # few routes: the info rows are under test
    live = LiveLayout()
    live.update(lanes, phases, tuple(steps), tuple(flows))
    calls = []
    real = swimlane.wrapped
    monkeypatch.setattr(swimlane, "wrapped", lambda *a: calls.append(1) or real(*a))
    relaid = []
    real_row = swimlane.info_row

    def counted(*a, **k):
        kind, ordered = a[0], a[1]
        relaid.append(sum(1 for step in ordered if getattr(step, kind).strip()))   # a sweep from the edge
        return real_row(*a, **k)

    monkeypatch.setattr("mot_workshop.layout.live_layout.info_row", counted)
    for _ in range(40):
        changed_steps, changed_flows = edit(rng, steps, flows)
        live.update(lanes, phases, tuple(steps), tuple(flows), changed_steps, changed_flows)
        counting = len(calls)
        fresh = layout_map(lanes, phases, steps, flows)
        del calls[counting:]                             # the full layout's own calls do not count
        assert live.layout.info_rows == fresh.info_rows
    # the rows re-laid wrapped far fewer cells than a sweep from the left edge would
    assert relaid and len(calls) < 0.9 * sum(relaid)


@pytest.mark.parametrize("seed", range(4))
def test_info_rows_rejoin_the_old_sweep_after_the_last_changed_step(seed, monkeypatch):
    """A move near the map's left edge (and its undo) re-lays the info rows only until the new
    sweep meets the old one again after the moved steps, not to the right edge; the rows still
    equal a full layout's, through moves that reorder steps or stack cells in a new track, texts
    that change, and later edits that resume from where two sweeps met."""
    import mot_workshop.layout.swimlane as swimlane

    rng = random.Random(seed)
    lanes, phases, steps, flows = random_map(rng, n=1200)
    flows = flows[:20]
    live = LiveLayout()
    live.update(lanes, phases, tuple(steps), tuple(flows))
    calls = []
    real = swimlane.wrapped
    monkeypatch.setattr(swimlane, "wrapped", lambda *a: calls.append(1) or real(*a))
    short = nudges = 0
    for round_ in range(24):
        first = rng.randrange(0, 900)
        block = range(first, first + rng.choice([1, 5, 30]))
        dx = rng.choice([20.0, -15.0, 300.0, -700.0])    # far: past other steps, the order changes
        if round_ % 4 == 1:                              # a step nudged along its lane
            block, dx = range(first, first + 1), rng.choice([20.0, -15.0])
        before = list(steps)
        for i in block:
            steps[i] = dataclasses.replace(steps[i], x=max(0.0, steps[i].x + dx))
        if round_ % 4 == 3:                              # and a text that changes a row's cells
            steps[block[0]] = dataclasses.replace(steps[block[0]], output="" if steps[block[0]].output else "new")
        changed = {steps[i].id for i in block}
        for current in (tuple(steps), tuple(before)):          # the edit, then its undo
            del calls[:]
            live.update(lanes, phases, current, tuple(flows), changed, set())
            wrapped_now = len(calls)
            assert live.layout.info_rows == layout_map(lanes, phases, current, flows).info_rows
            right_of = sum(1 for s in current[first:] for kind in swimlane.INFO_ROWS if getattr(s, kind).strip())
            if len(block) == 1 and abs(dx) < 50 and round_ % 4 != 3:     # a step nudged along its lane
                nudges += 1
                short += wrapped_now < 0.5 * right_of
        if round_ % 2:                                   # undone; else the edit is made again and built on
            steps[:] = before
        else:
            live.update(lanes, phases, tuple(steps), tuple(flows), changed, set())
            assert live.layout.info_rows == layout_map(lanes, phases, steps, flows).info_rows
    # a step nudged along its lane re-lays only a stretch of the rows after it (unless the
    # nudge swaps the tracks of every cell after it, when all of them do move)
    assert nudges >= 8 and short >= 0.8 * nudges
