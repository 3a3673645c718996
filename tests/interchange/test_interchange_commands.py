"""Every interchange command: execute, undo, redo, and the result on disk after reopening."""

from __future__ import annotations

import pytest

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.imports import import_map_command, import_rows_command
from mot_workshop.editing.linked import CreateLinked, unique_name
from mot_workshop.editing.merge import MergeWorkshop
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from tests.interchange.bpmn_support import build_korean_map
from tests.world import build_world


def exercise(history, command, path):
    before = to_json(history.store.snapshot())
    history.push(command)
    after = to_json(history.store.snapshot())
    assert after != before, "the command changed nothing"
    assert len(history) >= 1
    history.undo()
    assert to_json(history.store.snapshot()) == before
    history.redo()
    assert to_json(history.store.snapshot()) == after
    history.store.close()
    with Store.open(path) as reopened:
        assert to_json(reopened.snapshot()) == after
        assert not reopened.integrity_problems()


def test_import_map(history, workshop_path):
    km = build_korean_map(history)
    xml = export_map(history.store.snapshot(), km.map_id)
    exercise(history, import_map_command(history.store, read_bpmn(xml)), workshop_path)


def test_import_map_into_an_existing_process(history, workshop_path):
    km = build_korean_map(history)
    xml = export_map(history.store.snapshot(), km.map_id)
    command = import_map_command(history.store, read_bpmn(xml), process="고객 불만을 처리한다", kind="to-be")
    exercise(history, command, workshop_path)
    assert command.process_id == km.process_id


def test_import_rows(history, workshop_path):
    world = build_world(history)
    rows = [{"process_id": world.id("process"), "description": f"조치 {i}", "owner": "매장"} for i in range(3)]
    command = import_rows_command("action", rows)
    exercise(history, command, workshop_path)
    with Store.open(workshop_path) as store:
        actions = store.select("action", process_id=world.id("process"))
        assert [a.description for a in actions][-3:] == ["조치 0", "조치 1", "조치 2"]
        assert [a.seq for a in actions] == list(range(len(actions)))


def test_merge(history, workshop_path, tmp_path):
    build_world(history)
    with Store.create(tmp_path / "team.motw") as other:
        from mot_workshop.editing.history import History

        build_world(History(other))
        team = other.snapshot()
    exercise(history, MergeWorkshop(team, label="B조"), workshop_path)


def test_create_linked_resolves_keys_in_order(history, workshop_path):
    items = [("p", "process", {"name": "새 프로세스"}),
             ("m", "process_map", {"process_id": "p", "kind": "to-be"}),
             ("l", "lane", {"map_id": "m", "name": "고객", "kind": "customer"}),
             ("s1", "step", {"map_id": "m", "lane_id": "l", "label": "시작", "shape": "start-end"}),
             ("s2", "step", {"map_id": "m", "lane_id": "l", "label": "끝", "shape": "start-end", "x": 200}),
             ("f", "flow", {"map_id": "m", "source_id": "s1", "target_id": "s2"})]
    command = CreateLinked(items)
    exercise(history, command, workshop_path)
    with Store.open(workshop_path) as store:
        flow = store.get("flow", command.id_of("f"))
        assert (flow.source_id, flow.target_id) == (command.id_of("s1"), command.id_of("s2"))


def test_a_bad_item_leaves_nothing_behind(history):
    before = to_json(history.store.snapshot())
    command = CreateLinked([("p", "process", {"name": "ok"}), ("x", "process", {"name": ""})])
    with pytest.raises(RuleError):
        history.push(command)
    assert to_json(history.store.snapshot()) == before and not history.can_undo


def test_unique_names():
    assert unique_name("A", {"B"}) == "A"
    assert unique_name("A", {"A"}) == "A (2)"
    assert unique_name("A", {"A", "A (2)"}) == "A (3)"
    assert unique_name("A", {"A"}, "Team B") == "A (Team B)"
    assert unique_name("A", {"A", "A (Team B)"}, "Team B") == "A (Team B 2)"
    assert len(unique_name("x" * 500, {"x" * 500})) == 500
