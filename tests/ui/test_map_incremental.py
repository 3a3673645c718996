"""The map editor updates only what an edit changed (items, boxes, routes). Proof that the
shortcut never drifts from the truth: after every edit, undo and redo of a sequence the
editor's scene equals a scene freshly built from the file — same items, same geometry, same
routes — and its layout equals a full ``layout_map`` of the stored map."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity
from mot_workshop.layout.swimlane import layout_map
from mot_workshop.ui.swimlane.scene import MapScene
from tests.ui.map_helpers import drag

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def big_map(tmp_path, monkeypatch):
    """A generated 90-step map (shapes overlap here and there: more routes interact)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("generate", BENCHMARKS / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "generate", generate)
    spec.loader.exec_module(generate)
    path = tmp_path / "big.motw"
    built = generate.build_map_file(path, steps=90, flows=110, lanes=4, phases=4, seed=5)
    return path, built.map_ids[0]


def assert_same_as_fresh(editor) -> None:
    scene = editor.scene
    data = editor.read()
    assert editor.data == data
    fresh = MapScene(editable=True)
    fresh.show_map(*data)
    assert scene.layout == layout_map(*data)
    assert scene.layout == fresh.layout
    assert scene.frame.layout is scene.layout
    assert scene.sceneRect() == fresh.sceneRect()
    assert set(scene.step_items) == set(fresh.step_items)
    for id, item in fresh.step_items.items():
        mine = scene.step_items[id]
        assert (mine.step, mine.pos(), mine.size) == (item.step, item.pos(), item.size), id
        assert (mine._size, mine._lines) == (item._size, item._lines), id       # labels fitted when asked
    assert set(scene.flow_items) == set(fresh.flow_items)
    for id, item in fresh.flow_items.items():
        mine = scene.flow_items[id]
        assert (mine.flow, mine.points, mine.label_point, mine.preview, mine.boundingRect()) == \
            (item.flow, item.points, item.label_point, False, item.boundingRect()), id
    for items, fresh_items in ((scene.lane_items, fresh.lane_items), (scene.phase_items, fresh.phase_items)):
        assert {i: it.sceneBoundingRect() for i, it in items.items()} == \
            {i: it.sceneBoundingRect() for i, it in fresh_items.items()}


def test_edits_and_undos_leave_the_scene_as_a_fresh_one(window, big_map, qtbot, monkeypatch):
    from mot_workshop.layout.route_cache import RouteCache

    full_routings = []
    full = RouteCache.full
    monkeypatch.setattr(RouteCache, "full", lambda self, *a: full_routings.append(self) or full(self, *a))
    path, map_id = big_map
    assert window.files.open_path(path)
    editor = window.open_map(map_id)
    qtbot.waitExposed(editor.view)
    editor.view.zoom_reset()
    scene = editor.scene
    steps = sorted(scene.steps)
    flows = sorted(scene.flows)
    lanes = [lane.id for lane in editor.data[0]]
    assert_same_as_fresh(editor)

    # a real drag of one step (mouse press, moves, release: one command)
    item = scene.step_items[steps[10]]
    editor.view.centerOn(item)
    start = item.scene_shape_rect().center()
    before = window.stack.count()
    drag(editor.view, start, start + QPointF(130, 10))
    assert window.stack.count() == before + 1
    assert_same_as_fresh(editor)
    # the drag re-routed only the flows it moved, not the whole map
    assert sum(1 for router in full_routings if router is scene.live.router) == 1

    edits = [
        UpdateEntities("step", {id: {"x": scene.steps[id].x + 55.0, "lane_id": lanes[(n + 1) % len(lanes)]}
                                for n, id in enumerate(steps[20:32])}),
        UpdateEntity("step", steps[3], {"label": "A much longer label that wraps onto three lines or more"}),
        UpdateEntity("step", steps[7], {"output": "A new output", "problems": ""}),    # info rows
        UpdateEntity("step", steps[5], {"y": 260.0}),                  # its lane grows: lanes below move
        CreateEntity("step", {"map_id": map_id, "lane_id": lanes[0], "shape": "decision", "label": "New",
                              "x": 700.0, "y": 60.0}),
        Macro("two connectors", [UpdateEntity("step", steps[40], {"shape": "connector"}),
                                 UpdateEntity("step", steps[41], {"shape": "connector"})]),
        DeleteEntity("step", steps[50]),
        DeleteEntity("flow", flows[7]),
        UpdateEntity("flow", flows[9], {"label": "yes"}),
    ]
    for command in edits:
        editor.push(command)
        assert_same_as_fresh(editor)
    new_step = edits[3].id
    editor.push(CreateEntity("flow", {"map_id": map_id, "source_id": new_step, "target_id": steps[60]}))
    assert_same_as_fresh(editor)

    for _ in range(4):
        window.stack.undo()
        assert_same_as_fresh(editor)
    window.stack.redo()
    assert_same_as_fresh(editor)
    while window.stack.canUndo():
        window.stack.undo()
        assert_same_as_fresh(editor)


def test_flows_added_and_deleted_at_a_busy_step_reroute_its_other_flows(window, big_map, qtbot):
    """Ports: a flow added, deleted or re-ended at a step can move the ports of that step's
    later flows; the editor re-routes them as a fresh layout would, through undo and redo."""
    path, map_id = big_map
    assert window.files.open_path(path)
    editor = window.open_map(map_id)
    qtbot.waitExposed(editor.view)
    scene = editor.scene
    flows = scene.flows
    degree: dict[int, int] = {}
    for f in flows.values():
        for end in (f.source_id, f.target_id):
            degree[end] = degree.get(end, 0) + 1
    hub = max(degree, key=lambda s: (degree[s], -s))
    others = [s for s in sorted(scene.steps) if s != hub and degree.get(s, 0) > 0]
    at_hub = sorted(fid for fid, f in flows.items() if hub in (f.source_id, f.target_id))
    edits = [
        CreateEntity("flow", {"map_id": map_id, "source_id": hub, "target_id": others[3]}),
        CreateEntity("flow", {"map_id": map_id, "source_id": others[-4], "target_id": hub}),
        CreateEntity("flow", {"map_id": map_id, "source_id": others[len(others) // 2], "target_id": hub}),
        DeleteEntity("flow", at_hub[0]),                            # an early flow: later ones may move
        UpdateEntity("flow", at_hub[1], {"target_id": others[7]} if flows[at_hub[1]].source_id == hub
                     else {"source_id": others[7]}),             # re-ended away from the hub
    ]
    for command in edits:
        editor.push(command)
        assert_same_as_fresh(editor)
    for _ in edits:
        window.stack.undo()
        assert_same_as_fresh(editor)
    for _ in edits:
        window.stack.redo()
        assert_same_as_fresh(editor)
