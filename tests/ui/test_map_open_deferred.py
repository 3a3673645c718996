"""A big map opens with its frame and steps first; its connectors are routed and drawn right
after, a slice at a time between events. Whatever happens meanwhile — nothing, an edit, a
click — the scene ends as a freshly built one: same items, geometry and routes."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from mot_workshop.editing.entities import UpdateEntity
from mot_workshop.layout import live_layout
from mot_workshop.ui.swimlane import scene as scene_module
from tests.ui.map_helpers import drag
from tests.ui.test_map_incremental import assert_same_as_fresh, big_map  # noqa: F401  (fixture)


def open_deferred(window, big_map, monkeypatch):  # noqa: F811
    monkeypatch.setattr(scene_module, "DEFER_FLOWS", 50)        # the fixture's 110 flows count as many
    monkeypatch.setattr(scene_module, "SLICE", 0.0)             # one part per event round
    monkeypatch.setattr(live_layout, "ROUTE_PART", 1)
    path, map_id = big_map
    assert window.files.open_path(path)
    editor = window.open_map(map_id)
    return editor


def test_the_steps_come_first_and_the_connectors_follow(window, big_map, qtbot, monkeypatch):  # noqa: F811
    editor = open_deferred(window, big_map, monkeypatch)
    scene = editor.scene
    assert scene.connectors_pending
    assert len(scene.step_items) == len(editor.data[2])                  # every step at the first paint
    assert len(scene.flow_items) < len(editor.data[3])
    rounds = 0
    while scene.connectors_pending:
        qtbot.wait(5)
        rounds += 1
    assert rounds > 1                                                    # in slices, between events
    assert_same_as_fresh(editor)


def test_an_edit_before_the_connectors_are_drawn_finishes_them_first(window, big_map, qtbot, monkeypatch):  # noqa: F811
    editor = open_deferred(window, big_map, monkeypatch)
    sid = sorted(editor.scene.steps)[12]
    editor.push(UpdateEntity("step", sid, {"x": editor.scene.steps[sid].x + 90.0}))
    assert not editor.scene.connectors_pending
    assert_same_as_fresh(editor)
    window.stack.undo()
    assert_same_as_fresh(editor)


def test_a_drag_started_before_the_connectors_are_drawn(window, big_map, qtbot, monkeypatch):  # noqa: F811
    editor = open_deferred(window, big_map, monkeypatch)
    editor.view.zoom_reset()
    item = editor.scene.step_items[sorted(editor.scene.steps)[10]]
    editor.view.centerOn(item)
    assert editor.scene.connectors_pending
    start = item.scene_shape_rect().center()
    before = window.stack.count()
    drag(editor.view, start, start + QPointF(130, 10))
    assert window.stack.count() == before + 1
    assert_same_as_fresh(editor)


def test_an_image_of_the_map_and_a_complete_window_have_every_connector(window, big_map, qtbot, monkeypatch,  # noqa: F811
                                                                         tmp_path):
    from mot_workshop.ui.render import render_scene

    editor = open_deferred(window, big_map, monkeypatch)
    render_scene(editor.scene, tmp_path / "map.svg")
    assert not editor.scene.connectors_pending
    assert_same_as_fresh(editor)
    editor = open_deferred(window, big_map, monkeypatch)
    editor.reload(force=True)                                         # deferred again
    assert editor.scene.connectors_pending
    window.complete_now()
    assert not editor.scene.connectors_pending
    assert_same_as_fresh(editor)


def test_the_first_paint_comes_before_the_first_slice_of_connectors(window, big_map, qtbot, monkeypatch):  # noqa: F811
    events = []
    real_continue, real_background = scene_module.MapScene._continue, scene_module.MapScene.drawBackground
    monkeypatch.setattr(scene_module.MapScene, "_continue",
                        lambda self, *a: (events.append("slice"), real_continue(self, *a))[1])
    monkeypatch.setattr(scene_module.MapScene, "drawBackground",
                        lambda self, p, r: (events.append("paint"), real_background(self, p, r))[1])
    editor = open_deferred(window, big_map, monkeypatch)
    QApplication.processEvents()                 # the round of events right after opening paints…
    assert editor.scene.connectors_pending and "paint" in events and "slice" not in events
    while editor.scene.connectors_pending:       # …and the connectors follow in later rounds
        qtbot.wait(5)
    assert events.index("paint") < events.index("slice")
    assert_same_as_fresh(editor)


def test_a_map_no_view_has_drawn_gets_its_connectors_all_the_same(qtbot, big_map, monkeypatch):  # noqa: F811
    from mot_workshop.ui.swimlane.editor import MapEditor  # noqa: F401  (the scene's own imports)

    monkeypatch.setattr(scene_module, "DEFER_FLOWS", 50)
    from mot_workshop.persistence.store import Store

    path, map_id = big_map
    with Store.open(path, read_only=True) as store:
        data = [store.select(kind, map_id=map_id) for kind in ("lane", "phase", "step", "flow")]
    scene = scene_module.MapScene(editable=False)
    scene.show_map(*data, defer=True)
    assert scene.connectors_pending
    qtbot.waitUntil(lambda: not scene.connectors_pending, timeout=5000)
    fresh = scene_module.MapScene(editable=False)
    fresh.show_map(*data)
    assert set(scene.flow_items) == set(fresh.flow_items) == {f.id for f in data[3]}


def test_labels_are_fitted_when_first_drawn_or_asked_for(window, big_map, qtbot, monkeypatch):  # noqa: F811
    from mot_workshop.ui.swimlane.step_item import StepItem

    editor = open_deferred(window, big_map, monkeypatch)
    editor.view.zoom_reset()
    qtbot.waitExposed(editor.view)
    editor.view.centerOn(editor.scene.step_items[sorted(editor.scene.steps)[10]])
    editor.view.viewport().repaint()
    items = editor.scene.step_items.values()
    seen = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    drawn = [i for i in items if i.sceneBoundingRect().intersects(seen)]
    unseen = [i for i in items if not i.sceneBoundingRect().intersects(seen)]
    assert drawn and unseen
    assert all(i._label is not None for i in drawn if i.step.label)
    assert all(i._label is None for i in unseen)
    for item in unseen[:40]:                    # asked for: the same as an item fitted at once
        eager = StepItem(item.step, item.scene_shape_rect())
        assert (item._size, item._lines, item.label_cut) == (eager._size, eager._lines, eager.label_cut)
