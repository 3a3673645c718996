"""The rest of the map editor's editing: palette click, properties, inline rename, keyboard
nudge, copy / paste / duplicate with the flows between the steps, align and distribute,
reconnecting a flow's end, deleting, and the map views of --screenshot and render."""

from __future__ import annotations

import os

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from mot_workshop.ui.swimlane import gestures
from tests.ui.map_helpers import drag, map_editor, map_file  # noqa: F401 (fixtures)




def test_palette_click_adds_after_the_selection(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    editor.select([ids["steps"][1]])
    editor.palette.button("decision").click()
    if editor.renaming is not None:
        editor.renaming.finish(commit=False)
    new = [s for s in editor.session.store.select("step", map_id=editor.map_id) if s.id not in ids["steps"]]
    assert len(new) == 1 and new[0].shape == "decision"
    old = editor.session.store.get("step", ids["steps"][1])
    assert new[0].lane_id == old.lane_id and new[0].x > old.x
    editor.palette.button("activity", True).click()
    if editor.renaming is not None:
        editor.renaming.finish(commit=False)
    assert editor.session.store.get("step", editor.selected_ids()[0]).is_mot


def test_selecting_a_step_shows_its_fields_and_refuses_bad_values(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    step_id = ids["steps"][1]
    editor.select([step_id])
    form = window.properties.form
    assert form is not None and form.kind == "step" and form.ids == [step_id]
    for name in ("label", "shape", "duration", "wait", "value_class", "output", "measure", "problems",
                 "touchpoint_id", "is_mot", "lane_id", "phase_id"):
        assert name in form.fields
    combo = form.fields["lane_id"].widget
    lanes = {combo.itemData(i) for i in range(combo.count())} - {None}
    assert lanes == set(ids["lanes"])                                   # only this map's lanes
    field = form.fields["duration"]
    field.widget.setText("15")
    assert form.commit(field)
    assert editor.session.store.get("step", step_id).duration == 15.0
    field.widget.setText("-3")
    assert not form.commit(field)
    assert form.message.isVisibleTo(form) and editor.session.store.get("step", step_id).duration == 15.0
    form.fields["problems"].widget.setPlainText("Long queue")
    assert form.commit(form.fields["problems"])
    assert "Long queue" in editor.scene.step_items[step_id].step.problems


def test_inline_rename_of_a_step(map_editor, map_file, qtbot):
    editor = map_editor
    _, ids = map_file
    item = editor.scene.step_items[ids["steps"][2]]
    point = editor.view.mapFromScene(item.scene_shape_rect().center())
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert editor.renaming is not None
    editor.renaming.setText("Scan receipt")
    QTest.keyClick(editor.renaming, Qt.Key.Key_Return)
    assert editor.session.store.get("step", ids["steps"][2]).label == "Scan receipt"
    assert editor.window().stack.undoText() == "Rename step"


def test_keyboard_nudge_moves_the_selection(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    editor.select([ids["steps"][2], ids["steps"][3]])
    editor.view.setFocus()
    before = {i: editor.session.store.get("step", i).x for i in ids["steps"][2:]}
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Right)
    after = {i: editor.session.store.get("step", i).x for i in ids["steps"][2:]}
    assert all(after[i] == before[i] + 10 for i in before)
    editor.window().stack.undo()
    assert {i: editor.session.store.get("step", i).x for i in ids["steps"][2:]} == before


def test_copy_paste_and_duplicate_keep_the_flows_between(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    editor.select(ids["steps"][:2])
    assert editor.copy() and editor.can_paste()
    pasted = editor.paste()
    assert len(pasted) == 2 and editor.selected_ids() == pasted
    flows = [(f.source_id, f.target_id) for f in store.select("flow", map_id=editor.map_id)]
    assert (pasted[0], pasted[1]) in flows
    window.stack.undo()
    assert all(store.get("step", i) is None for i in pasted)
    editor.select(ids["steps"][1:3])
    duplicated = editor.duplicate()
    assert len(duplicated) == 2
    pairs = [(f.source_id, f.target_id) for f in store.select("flow", map_id=editor.map_id)]
    assert (duplicated[0], duplicated[1]) in pairs
    assert window.stack.undoText() == "Duplicate"


def test_align_and_distribute(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    store = editor.session.store
    editor.select(ids["steps"][1:3])
    editor.align("top")
    a, b = (editor.scene.step_items[i].scene_shape_rect() for i in ids["steps"][1:3])
    assert a.top() == b.top()
    three = [ids["steps"][0], ids["steps"][1], ids["steps"][2]]
    editor.select(three)
    editor.distribute("horizontal")
    rects = sorted((editor.scene.step_items[i].scene_shape_rect() for i in three), key=lambda r: r.left())
    gaps = [rects[i + 1].left() - rects[i].right() for i in range(2)]
    assert abs(gaps[0] - gaps[1]) < 0.5
    assert len(store.select("step", map_id=editor.map_id)) == 4


def test_reconnect_a_flow_end_and_delete_it(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    flow_id = ids["flows"][1]
    editor.scene.select("flow", [flow_id])
    item = editor.scene.flow_items[flow_id]
    end = item.points[-1]
    target = editor.scene.step_items[ids["steps"][3]].scene_shape_rect().center()
    drag(editor.view, end, target)
    assert store.get("flow", flow_id).target_id == ids["steps"][3]
    assert window.stack.undoText() == "Reconnect flow"
    editor.scene.select("flow", [flow_id])
    editor.delete_selected()
    assert store.get("flow", flow_id) is None and flow_id not in editor.scene.flow_items
    window.stack.undo()
    assert flow_id in editor.scene.flow_items


def test_routes_do_not_cross_shapes_on_the_test_map(map_editor):
    from mot_workshop.layout.routing import crossings

    lay = map_editor.scene.layout
    rects = {s: b.rect for s, b in lay.steps.items()}
    for flow in map_editor.scene.flows.values():
        assert crossings(lay.routes[flow.id], rects, (flow.source_id, flow.target_id)) == 0


def test_screenshot_and_render_views_of_a_map(tmp_path, map_file):
    import subprocess
    import sys

    path, _ = map_file
    out = tmp_path / "map.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, "-m", "mot_workshop", str(path), "--screenshot", str(out),
                             "--view", "map:Exchange goods/as-is", "--lang", "en"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    from mot_workshop.ui.render import render_file

    png = render_file(path, "map:exchange goods/as-is", tmp_path / "render.png")
    assert png.stat().st_size > 10_000
    bad = subprocess.run([sys.executable, "-m", "mot_workshop", str(path), "--screenshot", str(out),
                          "--view", "map:Exchange goods/to-be", "--lang", "en"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "no to-be map" in bad.stderr


def test_gesture_commands_have_readable_names():
    assert gestures.move_steps({1: {"x": 1.0}}).text == "Move step"
    assert gestures.move_steps({1: {"x": 1.0}, 2: {"x": 2.0}}).text == "Move 2 steps"
    assert gestures.delete({}) is None


def test_reorder_phases_by_dragging_the_header(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    header = editor.scene.phase_items[ids["phases"][0]].sceneBoundingRect()
    second = editor.scene.phase_items[ids["phases"][1]].sceneBoundingRect()
    drag(editor.view, header.center(), QPointF(second.right() - 20, header.center().y()))
    order = [p.id for p in editor.session.store.select("phase", map_id=editor.map_id)]
    assert order == [ids["phases"][1], ids["phases"][0]]
    assert [p.phase_id for p in editor.scene.layout.phases] == order
    window.stack.undo()
    assert [p.phase_id for p in editor.scene.layout.phases] == ids["phases"]


def test_tree_actions_new_map_derive_and_compare(window, map_file):
    from mot_workshop.ui.swimlane.tree_actions import run_tree_action

    path, ids = map_file
    assert window.files.open_path(path)
    store = window.session.store
    to_be = run_tree_action(window, "derive-map", "process_map", ids["map"])
    assert store.get("process_map", to_be).derived_from_id == ids["map"]
    assert window.current_editor().key == ("process_map", to_be)
    run_tree_action(window, "compare-map", "process_map", to_be)
    assert window.current_editor().key == ("map_compare", ids["map"], to_be)
    redesign = run_tree_action(window, "new-map", "process", ids["process"])
    made = store.get("process_map", redesign)
    assert str(made.kind) == "redesign"
    assert [str(lane.kind) for lane in store.select("lane", map_id=redesign)] == \
        ["customer", "contact", "department", "system"]
    window.stack.undo()
    assert store.get("process_map", redesign) is None


def test_structure_check_lists_problems_and_selects_the_step(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    editor.checks.check_now()
    assert editor.checks.problems                        # the test map has dead ends and no end
    actions = [a for a in editor.checks.menu().actions() if a.isEnabled()]
    with_step = [p for p in editor.checks.problems if p.step_id is not None]
    assert with_step
    index = editor.checks.problems.index(with_step[0])
    actions[index].trigger()
    assert editor.selected_ids() == [with_step[0].step_id]


def test_language_switch_retranslates_the_editor(map_editor):
    window = map_editor.window()
    window.set_language("ko")
    assert map_editor.lane_button.text() == "+ 레인"
    assert map_editor.palette.button("decision").text() == "의사결정"
    assert len(map_editor.scene.step_items) == 4
    window.set_language("en")
    assert map_editor.lane_button.text() == "+ Lane"


def test_read_only_file_shows_the_map_but_takes_no_gesture(window, map_file):
    path, ids = map_file
    assert window.files.open_path(path, read_only=True)
    editor = window.open_map(ids["map"])
    editor.view.zoom_reset()
    editor.view.centerOn(0, 0)
    assert not editor.scene.editable
    item = editor.scene.step_items[ids["steps"][2]]
    start = item.scene_shape_rect().center()
    drag(editor.view, start, start + QPointF(0, 200))
    assert editor.session.store.get("step", ids["steps"][2]).lane_id == ids["lanes"][1]
    assert window.stack.count() == 0


def test_a_flow_released_on_empty_space_adds_a_connected_step(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    source = editor.scene.step_items[ids["steps"][2]].scene_shape_rect()
    back = next(b for b in editor.scene.layout.lanes if b.lane_id == ids["lanes"][2]).rect
    end = QPointF(source.right() + 60, back.cy)
    before = window.stack.count()
    drag(editor.view, QPointF(source.right() - 2, source.center().y()), end)
    if editor.renaming is not None:
        editor.renaming.finish(commit=False)
    assert window.stack.count() == before + 1 and window.stack.undoText() == "Add connected step"
    new_id = editor.selected_ids()[0]
    assert store.get("step", new_id).lane_id == ids["lanes"][2]
    assert any(f.source_id == ids["steps"][2] and f.target_id == new_id
               for f in store.select("flow", map_id=editor.map_id))
    window.stack.undo()
    assert store.get("step", new_id) is None


def test_rubber_band_selects_and_a_multi_move_is_one_step(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    scene = editor.scene
    first, second = (scene.step_items[i].scene_shape_rect() for i in ids["steps"][:2])
    start = QPointF(first.left() - 12, first.top() - 12)
    assert scene.step_at(start) is None
    drag(editor.view, start, QPointF(second.right() + 8, second.bottom() + 8))
    assert sorted(editor.selected_ids()) == sorted(ids["steps"][:2])
    before = {i: editor.session.store.get("step", i).x for i in ids["steps"][:2]}
    count = window.stack.count()
    drag(editor.view, second.center(), second.center() + QPointF(60, 0))
    after = {i: editor.session.store.get("step", i).x for i in ids["steps"][:2]}
    assert window.stack.count() == count + 1 and window.stack.undoText() == "Move 2 steps"
    assert all(after[i] - before[i] == 60 for i in before)


def test_a_dragged_step_snaps_onto_another_steps_centre_line(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    scene = editor.scene
    moving = scene.step_items[ids["steps"][2]].scene_shape_rect().center()
    other = scene.step_items[ids["steps"][3]].scene_shape_rect().center()
    drag(editor.view, moving, QPointF(moving.x() + 40, other.y() + 5))
    assert scene.step_items[ids["steps"][2]].scene_shape_rect().center().y() == other.y()
    assert editor.session.store.get("step", ids["steps"][2]).lane_id == ids["lanes"][2]
    assert scene.guides.path().isEmpty()                     # the guide goes away on release
