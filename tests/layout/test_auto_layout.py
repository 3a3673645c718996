"""Auto-layout: flow order left to right, lanes and phases kept, no overlaps, one undo step."""

from __future__ import annotations

from mot_workshop.domain.process import Flow, Phase, Step
from mot_workshop.editing.auto_layout import auto_layout
from mot_workshop.layout.auto_layout import COLUMN_WIDTH, arrange
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from tests.world import build_world


def st(id, lane, x, phase=None):
    return Step(id=id, map_id=1, lane_id=lane, x=x, phase_id=phase)


def fl(id, a, b):
    return Flow(id=id, map_id=1, source_id=a, target_id=b)


def test_steps_follow_the_flow_left_to_right():
    steps = [st(1, 1, 900), st(2, 2, 50), st(3, 1, 400), st(4, 2, 10)]       # drawn in a muddle
    flows = [fl(1, 1, 2), fl(2, 2, 3), fl(3, 3, 4)]
    a = arrange(steps, flows, [])
    xs = [a.step_positions[i][0] for i in (1, 2, 3, 4)]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_parallel_branches_share_a_column_in_different_lanes():
    steps = [st(1, 1, 0), st(2, 2, 0), st(3, 3, 0), st(4, 1, 0)]
    a = arrange(steps, [fl(1, 1, 2), fl(2, 1, 3), fl(3, 2, 4), fl(4, 3, 4)], [])
    assert a.step_positions[2][0] == a.step_positions[3][0]
    assert a.step_positions[4][0] > a.step_positions[2][0]


def test_steps_in_one_lane_never_share_a_column():
    steps = [st(i, 1, 0) for i in range(1, 6)]
    a = arrange(steps, [], [])
    assert len({a.step_positions[i] for i in range(1, 6)}) == 5


def test_rework_loops_do_not_push_steps_right():
    steps = [st(1, 1, 0), st(2, 2, 100), st(3, 1, 200)]
    a = arrange(steps, [fl(1, 1, 2), fl(2, 2, 3), fl(3, 3, 1)], [])
    assert [a.step_positions[i][0] for i in (1, 2, 3)] == [COLUMN_WIDTH * k + COLUMN_WIDTH / 2 for k in range(3)]


def test_steps_keep_their_phase_and_phases_fit_their_columns():
    phases = [Phase(id=10, map_id=1, name="A", width=600), Phase(id=20, map_id=1, name="B", width=100)]
    steps = [st(1, 1, 0, 10), st(2, 1, 0, 10), st(3, 1, 0, 20), st(4, 2, 0, 20)]
    a = arrange(steps, [fl(1, 1, 2), fl(2, 2, 3), fl(3, 3, 4)], phases)
    assert a.phase_widths == {10: 2 * COLUMN_WIDTH, 20: 2 * COLUMN_WIDTH}
    assert all(a.step_positions[i][0] < 2 * COLUMN_WIDTH for i in (1, 2))
    assert all(a.step_positions[i][0] > 2 * COLUMN_WIDTH for i in (3, 4))
    assert a.step_phases == {1: 10, 2: 10, 3: 20, 4: 20}


def test_auto_layout_command_is_one_undoable_step(history, store, workshop_path):
    world = build_world(history)
    map_id = world.id("process_map")
    before, depth = to_json(store.snapshot()), len(history)
    history.push(auto_layout(store, map_id))
    after = to_json(store.snapshot())
    assert after != before and len(history) == depth + 1
    phases = store.select("phase", map_id=map_id)
    left = {p.id: sum(q.width for q in phases[:i]) for i, p in enumerate(phases)}
    for step in store.select("step", map_id=map_id):      # every step stays inside its phase column
        phase = store.get("phase", step.phase_id)
        assert left[phase.id] < step.x < left[phase.id] + phase.width
    history.undo()
    assert to_json(store.snapshot()) == before
    history.redo()
    store.close()
    with Store.open(workshop_path) as reopened:
        assert to_json(reopened.snapshot()) == after


def test_a_chain_of_ten_thousand_steps_is_laid_out_within_the_rules():
    """An imported 10,000-step map laid out as one long chain stays inside the coordinates
    the domain rules accept (the command is refused otherwise and the map cannot be tidied)."""
    from mot_workshop.editing.entities import UpdateEntities

    steps = [st(i, 1, 0) for i in range(1, 10_001)]
    flows = [fl(i, i, i + 1) for i in range(1, 10_000)]
    a = arrange(steps, flows, [])
    assert max(x for x, _ in a.step_positions.values()) > 1_000_000
    UpdateEntities("step", {i: {"x": x, "y": y} for i, (x, y) in a.step_positions.items()})
