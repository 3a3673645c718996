"""PasteSteps and NewMap: execute, undo, redo (same ids), and the rules on the way in."""

from __future__ import annotations

import pytest

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.map_edits import NewMap, PasteSteps


def _map(history):
    process = CreateEntity("process", {"name": "Exchange goods"})
    history.push(process)
    new = NewMap(process.id, "as-is", lanes=[("customer", "Customer"), ("contact", "Clerk")], phases=["A", "B"])
    history.push(new)
    return process.id, new


def test_new_map_builds_lanes_and_phases_and_undoes(store, history):
    process_id, new = _map(history)
    map_id = new.new_map_id
    assert [(str(lane.kind), lane.name, lane.seq) for lane in store.select("lane", map_id=map_id)] == \
        [("customer", "Customer", 0), ("contact", "Clerk", 1)]
    assert [p.name for p in store.select("phase", map_id=map_id)] == ["A", "B"]
    history.undo()
    assert store.get("process_map", map_id) is None and not store.select("lane", map_id=map_id)
    history.redo()
    assert store.get("process_map", map_id).process_id == process_id
    assert len(store.select("lane", map_id=map_id)) == 2


def test_paste_steps_with_the_flows_between_them(store, history):
    _, new = _map(history)
    map_id = new.new_map_id
    lane = store.select("lane", map_id=map_id)[0].id
    paste = PasteSteps(map_id, {10: {"lane_id": lane, "label": "a", "x": 100.0, "y": 60.0},
                                11: {"lane_id": lane, "label": "b", "x": 300.0, "y": 60.0}},
                       [(10, 11, {"label": "yes"}), (10, 99, {})])
    history.push(paste)
    a, b = paste.step_ids
    flows = store.select("flow", map_id=map_id)
    assert [(f.source_id, f.target_id, f.label) for f in flows] == [(a, b, "yes")]
    history.undo()
    assert store.select("step", map_id=map_id) == [] and store.select("flow", map_id=map_id) == []
    history.redo()
    assert [s.id for s in store.select("step", map_id=map_id)] == [a, b]
    assert len(store.select("flow", map_id=map_id)) == 1


def test_paste_into_a_lane_of_another_map_is_refused(store, history):
    _, first = _map(history)
    _, second = _map(history)
    other_lane = store.select("lane", map_id=second.new_map_id)[0].id
    with pytest.raises(RuleError):
        history.push(PasteSteps(first.new_map_id, {1: {"lane_id": other_lane, "label": "x"}}))
    assert store.select("step", map_id=first.new_map_id) == []


def test_add_connected_step_is_one_step_with_its_flow(store, history):
    from mot_workshop.editing.map_edits import AddConnectedStep

    _, new = _map(history)
    map_id = new.new_map_id
    lane = store.select("lane", map_id=map_id)[1].id
    first = PasteSteps(map_id, {1: {"lane_id": lane, "label": "a", "x": 100.0, "y": 60.0}})
    history.push(first)
    command = AddConnectedStep(map_id, first.step_ids[0], {"lane_id": lane, "label": "b", "x": 300.0, "y": 60.0})
    history.push(command)
    assert [(f.source_id, f.target_id) for f in store.select("flow", map_id=map_id)] == \
        [(first.step_ids[0], command.step_id)]
    history.undo()
    assert store.get("step", command.step_id) is None and store.select("flow", map_id=map_id) == []
    history.redo()
    assert store.get("step", command.step_id).label == "b"
