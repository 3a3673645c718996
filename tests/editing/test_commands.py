"""Every command: execute, undo, redo, and the result on disk after reopening the file."""

from __future__ import annotations

import pytest

from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.editing.ordering import Reorder
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from tests.world import build_world


def dump(store: Store) -> str:
    return to_json(store.snapshot())


def exercise(history, command, backend) -> Store:
    """Push, undo, redo, reopen: the file holds the result each time it should."""
    before = dump(history.store)
    history.push(command)
    after = dump(history.store)
    assert after != before, "the command changed nothing"
    history.undo()
    assert dump(history.store) == before
    history.redo()
    assert dump(history.store) == after
    history.store.close()
    reopened = backend.reopen()
    assert dump(reopened) == after
    return reopened


@pytest.fixture
def world(history):
    return build_world(history)


def new_values(kind: str, w) -> dict:
    as_is = w.id("process_map")
    return {
        "team": {"name": "Team B"},
        "participant": {"team_id": w.id("team"), "name": "Lee"},
        "process": {"name": "Handle complaints", "innovation": 5, "feasibility": 2},
        "cycle": {"name": "In-store"},
        "touchpoint": {"cycle_id": w.id("cycle"), "name": "Pays the fee", "element": "HUMAN", "level": 1,
                       "importance": 5, "critical": True},
        "process_map": {"process_id": w.id("process"), "kind": "to-be"},
        "lane": {"map_id": as_is, "name": "Logistics", "kind": "department"},
        "phase": {"map_id": as_is, "name": "Close", "width": 300},
        "step": {"map_id": as_is, "lane_id": w.id("lane"), "shape": "decision", "label": "Defect?"},
        "flow": {"map_id": as_is, "source_id": w.id("step", 4), "target_id": w.id("step", 0), "label": "rework"},
        "voc": {"process_id": w.id("process"), "requirement": "Kindness", "characteristic": "S"},
        "output_analysis": {"process_id": w.id("process"), "output": "Report"},
        "benchmark": {"process_id": w.id("process"), "problem": "Errors", "characteristic": "Q", "us": 3},
        "obstacle": {"process_id": w.id("process"), "obstacle": "IT system"},
        "target": {"process_id": w.id("process"), "measure": "Errors", "current": "3", "target": "0"},
        "key_indicator": {"process_id": w.id("process"), "name": "On-time rate"},
        "action": {"process_id": w.id("process"), "description": "Train staff"},
        "vote": {"participant_id": w.id("participant"), "target_kind": "process", "target_id": w.id("process")},
        "note": {"text": "Later: parking app"},
        "step_progress": {"step_no": 2, "status": "in-progress"},
        "room_score": {"touchpoint_id": w.id("touchpoint"), "voter": "Lee", "level": 5, "importance": 1},
        "idea": {"touchpoint_id": w.id("touchpoint"), "text": "A ticketless gate", "author": "Lee"},
        "merge_link": {"source": "5f0c8e52-3b1e-4b8a-9f2d-0d6c1a7e9b41", "kind": "process", "source_id": 7,
                       "target_id": w.id("process"), "digest": "ab12"},
        "interview": {"process_id": w.id("process"), "interviewer": "Lee", "method": "phone"},
        "cs_check": {"map_id": w.id("process_map", 1), "point": 5, "ticked": True, "note": "Staff rota"},
        "asis_answer": {"map_id": w.id("process_map"), "question": 6, "answer": "The sign-off"},
        "qcds_score": {"process_id": w.id("process"), "characteristic": "Q", "us": 3, "top": 1},
        "viewpoint_aspect": {"viewpoint": "support", "aspect": "speed", "discussion": "Stock check by phone"},
    }[kind]


CREATABLE = [k for k in KINDS if k != "workshop"]


@pytest.mark.parametrize("kind", CREATABLE)
def test_create_each_kind(kind, history, world, backend):
    command = CreateEntity(kind, new_values(kind, world))
    reopened = exercise(history, command, backend)
    try:
        created = reopened.get(kind, command.id)
        assert created is not None
        for name, value in new_values(kind, world).items():
            assert getattr(created, name) == value
    finally:
        reopened.close()


@pytest.mark.parametrize("kind", CREATABLE)
def test_delete_each_kind_restores_same_ids_and_children(kind, history, world, backend):
    allow = kind == "lane"
    reopened = exercise(history, DeleteEntity(kind, world.id(kind), allow_guarded=allow), backend)
    try:
        assert reopened.get(kind, world.id(kind)) is None
    finally:
        reopened.close()


def test_update_workshop(history, world, backend):
    reopened = exercise(history, UpdateEntity("workshop", 1, {"title": "고객접점 워크숍", "place": "Seoul"}),
                        backend)
    try:
        assert reopened.workshop().title == "고객접점 워크숍"
    finally:
        reopened.close()


def test_create_at_index_shifts_siblings(history, world, store):
    cycle = world.id("cycle")
    command = CreateEntity("touchpoint", {"cycle_id": cycle, "name": "New"}, at=1)
    history.push(command)
    names = [t.name for t in store.select("touchpoint", cycle_id=cycle)]
    assert names == ["TP 0", "New", "TP 1", "TP 2", "TP 3"]
    assert [t.seq for t in store.select("touchpoint", cycle_id=cycle)] == [0, 1, 2, 3, 4]
    history.undo()
    assert [t.name for t in store.select("touchpoint", cycle_id=cycle)] == ["TP 0", "TP 1", "TP 2", "TP 3"]


def test_typing_in_a_field_merges_into_one_step(history, world, store):
    step = world.id("step")
    depth = len(history)
    for text in ("R", "Re", "Rec", "Rece"):
        history.push(UpdateEntity("step", step, {"label": text}, mergeable=True))
    assert len(history) == depth + 1
    assert store.get("step", step).label == "Rece"
    history.undo()
    assert store.get("step", step).label == "Step 0"
    history.redo()
    assert store.get("step", step).label == "Rece"


def test_break_merge_starts_a_new_step(history, world):
    step = world.id("step")
    depth = len(history)
    history.push(UpdateEntity("step", step, {"label": "a"}, mergeable=True))
    history.break_merge()
    history.push(UpdateEntity("step", step, {"label": "b"}, mergeable=True))
    assert len(history) == depth + 2


def test_multi_move_is_one_step(history, world, store, backend):
    moves = {world.id("step", i): {"x": 500.0 + i, "y": 7.0} for i in range(3)}
    reopened = exercise(history, UpdateEntities("step", moves, text="Move steps"), backend)
    try:
        assert [reopened.get("step", i).x for i in moves] == [500.0, 501.0, 502.0]
    finally:
        reopened.close()


def test_step_changes_lane_within_its_map_only(history, world, store):
    step = world.id("step")
    history.push(UpdateEntity("step", step, {"lane_id": world.id("lane", 2)}))
    assert store.get("step", step).lane_id == world.id("lane", 2)
    other_map = CreateEntity("process_map", {"process_id": world.id("process"), "kind": "to-be"})
    history.push(other_map)
    foreign_lane = CreateEntity("lane", {"map_id": other_map.id, "name": "X"})
    history.push(foreign_lane)
    depth = len(history)
    with pytest.raises(RuleError, match="another map"):
        history.push(UpdateEntity("step", step, {"lane_id": foreign_lane.id}))
    assert len(history) == depth
    assert store.get("step", step).lane_id == world.id("lane", 2)


@pytest.mark.parametrize("values, message", [
    ({"level": 7}, "between 1 and 5"),
    ({"importance": "high"}, "not a whole number"),
    ({"name": "   "}, "must not be empty"),
    ({"name": "x" * 100_000}, "too long"),
    ({"element": "SOFTWARE"}, "not one of"),
])
def test_invalid_touchpoint_input_is_refused(values, message, history, world, store):
    before = dump(store)
    with pytest.raises(RuleError, match=message):
        history.push(UpdateEntity("touchpoint", world.id("touchpoint"), values))
    assert dump(store) == before


def test_refused_command_is_not_recorded_and_changes_nothing(history, world, store):
    before, depth = dump(store), len(history)
    bad = CreateEntity("flow", {"map_id": world.id("process_map"), "source_id": world.id("step"),
                                "target_id": world.id("step")})
    with pytest.raises(RuleError, match="itself"):
        history.push(bad)
    assert len(history) == depth and dump(store) == before


def test_lane_holding_steps_needs_explicit_permission(history, world, store):
    lane = world.id("lane")
    with pytest.raises(RuleError, match="still holds"):
        history.push(DeleteEntity("lane", lane))
    assert store.get("lane", lane) is not None
    history.push(DeleteEntity("lane", lane, allow_guarded=True))
    assert store.select("step", lane_id=lane) == []


def test_deleting_a_step_takes_its_flows_votes_and_clears_links(history, world, store):
    step = world.id("step", 1)
    history.push(DeleteEntity("step", step))
    assert store.select("flow", source_id=step) == store.select("flow", target_id=step) == []
    assert store.select("vote", target_kind="step", target_id=step) == []
    history.undo()
    assert len(store.select("flow", target_id=step)) == 1
    assert len(store.select("vote", target_kind="step", target_id=step)) == 1


def test_deleting_a_touchpoint_clears_step_links_and_undo_restores_them(history, world, store):
    tp = world.id("touchpoint")
    step = world.id("step")
    history.push(DeleteEntity("touchpoint", tp))
    assert store.get("step", step).touchpoint_id is None
    history.undo()
    assert store.get("step", step).touchpoint_id == tp


def test_deleting_a_process_takes_everything_it_owns(history, world, store):
    history.push(DeleteEntity("process", world.id("process")))
    for kind in ("process_map", "lane", "step", "flow", "output_analysis", "benchmark", "obstacle",
                 "target", "key_indicator", "action", "asis_answer", "qcds_score"):
        assert store.count(kind, **({"process_id": world.id("process")} if kind == "process_map" else {})) == 0, kind
    assert store.get("cycle", world.id("cycle")).process_id is None   # cleared, not deleted
    history.undo()
    assert store.count("step") == 5 and store.get("cycle", world.id("cycle")).process_id == world.id("process")


def test_the_workshop_cannot_be_deleted(history, world):
    with pytest.raises(RuleError):
        history.push(DeleteEntity("workshop", 1))


def test_reorder_within_siblings(history, world, store, backend):
    cycle = world.id("cycle")
    reopened = exercise(history, Reorder("touchpoint", world.id("touchpoint", 3), 0), backend)
    try:
        assert [t.name for t in reopened.select("touchpoint", cycle_id=cycle)] == ["TP 3", "TP 0", "TP 1", "TP 2"]
    finally:
        reopened.close()


def test_reorder_into_another_cycle(history, world, store, backend):
    sub = world.id("cycle", 1)
    moved = world.id("touchpoint", 1)
    reopened = exercise(history, Reorder("touchpoint", moved, 0, new_scope={"cycle_id": sub}), backend)
    try:
        assert [t.id for t in reopened.select("touchpoint", cycle_id=sub)] == [moved]
        assert [t.seq for t in reopened.select("touchpoint", cycle_id=world.id("cycle"))] == [0, 1, 2]
    finally:
        reopened.close()


def test_reorder_lanes(history, world, store, backend):
    lanes = world.ids["lane"]
    reopened = exercise(history, Reorder("lane", lanes[2], 0), backend)
    try:
        assert [l.id for l in reopened.select("lane", map_id=world.id("process_map"))] == [lanes[2], lanes[0], lanes[1]]
    finally:
        reopened.close()


def test_macro_is_one_step(history, world, store, backend):
    cycle = world.id("cycle")
    macro = Macro("Paste", [CreateEntity("touchpoint", {"cycle_id": cycle, "name": f"P{i}"}, at=0) for i in range(3)])
    depth = len(history)
    reopened = exercise(history, macro, backend)
    try:
        assert [t.name for t in reopened.select("touchpoint", cycle_id=cycle)][:3] == ["P2", "P1", "P0"]
    finally:
        reopened.close()
    assert len(history) == depth + 1


def test_failed_macro_rolls_back_every_part(history, world, store):
    before = dump(store)
    macro = Macro("Bad", [CreateEntity("team", {"name": "ok"}), UpdateEntity("touchpoint", 999, {"name": "x"})])
    with pytest.raises(RuleError):
        history.push(macro)
    assert dump(store) == before


def test_insert_entities_keeps_ids(history, world, store, backend):
    from mot_workshop.domain.workshop import Participant, Team

    entities = [Team(id=50, name="Guests", seq=5), Participant(id=60, team_id=50, name="Park")]
    reopened = exercise(history, InsertEntities(entities), backend)
    try:
        assert reopened.get("participant", 60).team_id == 50
    finally:
        reopened.close()


def test_derive_to_be_copies_the_whole_map(history, world, store, backend):
    source = world.id("process_map")
    command = DeriveMap(source, "to-be")
    reopened = exercise(history, command, backend)
    try:
        new = command.new_map_id
        derived = reopened.get("process_map", new)
        assert derived.kind == "to-be" and derived.derived_from_id == source
        for kind in ("lane", "phase", "step", "flow"):
            assert reopened.count(kind, map_id=new) == reopened.count(kind, map_id=source), kind
        new_lanes = {l.id for l in reopened.select("lane", map_id=new)}
        new_steps = {s.id for s in reopened.select("step", map_id=new)}
        assert all(s.lane_id in new_lanes for s in reopened.select("step", map_id=new))
        assert all(f.source_id in new_steps and f.target_id in new_steps for f in reopened.select("flow", map_id=new))
    finally:
        reopened.close()


def test_redo_of_derive_recreates_the_same_ids(history, world, store):
    command = DeriveMap(world.id("process_map"), "to-be")
    history.push(command)
    ids = sorted((e.KIND, e.id) for e in command.created)
    history.undo()
    history.redo()
    assert all(store.get(kind, id) is not None for kind, id in ids)


def test_listeners_hear_what_changed_on_do_undo_and_redo(history, world):
    heard = []
    history.subscribe(heard.append)
    tp = world.id("touchpoint")
    history.push(UpdateEntity("touchpoint", tp, {"level": 5}))
    history.undo()
    history.redo()
    assert [c.updated for c in heard] == [frozenset({("touchpoint", tp)})] * 3


def test_undo_text_names_the_edit(history, world):
    history.push(DeleteEntity("touchpoint", world.id("touchpoint")))
    assert history.undo_text == "Delete touchpoint"


@pytest.mark.parametrize("kind, holds, to", [("cs_check", "To-Be", "as-is"), ("asis_answer", "As-Is", "to-be")])
def test_a_map_cannot_change_to_a_kind_its_method_rows_do_not_belong_to(history, world, kind, holds, to):
    """CS check-points belong to a To-Be map and As-Is answers to an As-Is map: changing the
    map's kind under them is refused with the reason, and nothing changes."""
    map_id = history.store.select(kind)[0].map_id
    before = dump(history.store)
    with pytest.raises(RuleError, match=f"{holds}.*delete them first"):
        history.push(UpdateEntity("process_map", map_id, {"kind": to}))
    assert dump(history.store) == before
