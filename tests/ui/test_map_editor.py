"""The swimlane map editor under real mouse events: drop a legend shape into a lane, draw a
flow from a step's edge to another step, move a step to another lane, reorder lanes by
dragging the header, auto-layout and derive the To-Be. Each gesture is one undo step,
checked on the scene and in the file after do, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH
from mot_workshop.ui.swimlane import gestures
from mot_workshop.ui.swimlane.mime import shape_mime
from tests.ui.map_helpers import drag, drop, in_file, lane_box, map_editor, map_file  # noqa: F401 (fixtures)




def _steps(editor):
    return {s.id: s for s in editor.session.store.select("step", map_id=editor.map_id)}


def test_opens_from_the_tree_in_a_tab(window, map_file):
    path, ids = map_file
    assert window.files.open_path(path)
    window.tree.activated_entity.emit("process_map", ids["map"])
    editor = window.current_editor()
    assert editor.key == ("process_map", ids["map"])
    assert "Exchange goods" in editor.title() and "As-Is" in editor.title()
    assert set(editor.scene.step_items) == set(ids["steps"])
    assert set(editor.scene.flow_items) == set(ids["flows"])
    assert [b.lane_id for b in editor.scene.layout.lanes] == ids["lanes"]
    kinds = [line.kind for line in editor.scene.layout.stage_lines]
    assert kinds == ["interaction", "visibility"]
    window.tree.activated_entity.emit("process_map", ids["map"])     # the same tab again
    assert window.tabs.count() == 2


def test_drop_a_shape_into_a_lane_and_phase(map_editor):
    editor, window = map_editor, map_editor.window()
    scene, store = editor.scene, editor.session.store
    path = store.path
    ids = window.tabs.currentWidget().map_id
    lane = scene.layout.lanes[2]
    phase = scene.layout.phases[0]
    point = QPointF(phase.header.cx, lane.rect.cy)
    editor.view.ensureVisible(point.x(), point.y(), 1, 1)
    before = window.stack.count()

    drop(editor.view, shape_mime("computer"), point)
    if editor.renaming is not None:
        editor.renaming.finish(commit=False)

    new = [s for s in store.select("step", map_id=ids) if s.shape == "computer"]
    assert len(new) == 1 and window.stack.count() == before + 1
    step = new[0]
    assert step.lane_id == lane.lane_id and step.phase_id == phase.phase_id
    assert abs(LANE_HEADER_WIDTH + step.x - point.x()) <= 10 and step.x % 10 == 0
    assert step.id in scene.step_items and scene.step_items[step.id].isSelected()
    item_rect = scene.step_items[step.id].scene_shape_rect()
    assert lane_box(scene, lane.lane_id).rect.top <= item_rect.top() and \
        item_rect.bottom() <= lane_box(scene, lane.lane_id).rect.bottom
    window.stack.undo()
    assert step.id not in scene.step_items and store.get("step", step.id) is None
    window.stack.redo()
    assert step.id in scene.step_items
    assert [s.id for s in in_file(path, "step", map_id=ids) if s.shape == "computer"] == [step.id]


def test_connect_two_steps_by_dragging_from_the_edge(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    scene, store = editor.scene, editor.session.store
    source, target = scene.step_items[ids["steps"][2]], scene.step_items[ids["steps"][3]]
    a = source.scene_shape_rect()
    start = QPointF(a.right() - 2, a.center().y())              # on the edge: draws a flow
    end = target.scene_shape_rect().center()
    before = window.stack.count()

    drag(editor.view, start, end)

    flows = store.select("flow", map_id=editor.map_id)
    new = [f for f in flows if (f.source_id, f.target_id) == (source.id, target.id)]
    assert len(new) == 1 and window.stack.count() == before + 1
    assert new[0].id in scene.flow_items
    assert source.pos() == a.topLeft()                            # the step itself did not move
    points = scene.flow_items[new[0].id].points
    assert target.scene_shape_rect().adjusted(-1, -1, 1, 1).contains(points[-1])
    window.stack.undo()
    assert new[0].id not in scene.flow_items and store.get("flow", new[0].id) is None
    window.stack.redo()
    assert new[0].id in scene.flow_items
    assert any(f.id == new[0].id for f in in_file(store.path, "flow", map_id=editor.map_id))


def test_move_a_step_to_another_lane(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    scene, store = editor.scene, editor.session.store
    step_id = ids["steps"][2]
    item = scene.step_items[step_id]
    start = item.scene_shape_rect().center()
    back = lane_box(scene, ids["lanes"][2])
    end = QPointF(start.x() + 40, back.rect.cy + 30)
    before = window.stack.count()

    drag(editor.view, start, end)

    moved = store.get("step", step_id)
    assert window.stack.count() == before + 1
    assert window.stack.undoText() == "Move step to another lane"
    assert moved.lane_id == ids["lanes"][2]
    assert moved.x % 10 == 0 and moved.y % 10 == 0                 # snapped to the grid
    lane = lane_box(scene, ids["lanes"][2])
    rect = item.scene_shape_rect()
    assert lane.rect.top <= rect.top() and rect.bottom() <= lane.rect.bottom   # inside its lane (grown)
    window.stack.undo()
    assert store.get("step", step_id).lane_id == ids["lanes"][1]
    assert scene.step_items[step_id].scene_shape_rect().center() == start
    window.stack.redo()
    assert in_file(store.path, "step", id=step_id)[0].lane_id == ids["lanes"][2]


def test_lanes_grow_to_fit_their_steps(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    scene = editor.scene
    lane_id = ids["lanes"][0]
    height = lane_box(scene, lane_id).rect.h
    step = ids["steps"][0]
    editor.push(gestures.move_steps({step: {"lane_id": lane_id, "phase_id": None, "x": 100.0, "y": 400.0}}))
    grown = lane_box(scene, lane_id).rect
    assert grown.h > height and scene.step_items[step].scene_shape_rect().bottom() <= grown.bottom
    editor.window().stack.undo()
    assert lane_box(scene, lane_id).rect.h == height


def test_reorder_lanes_by_dragging_the_header(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    scene, store = editor.scene, editor.session.store
    header = scene.lane_items[ids["lanes"][0]]
    start = header.sceneBoundingRect().center()
    last = lane_box(scene, ids["lanes"][2]).rect
    step_id = ids["steps"][0]
    offset = scene.step_items[step_id].scene_shape_rect().top() - lane_box(scene, ids["lanes"][0]).rect.top
    before = window.stack.count()

    drag(editor.view, start, QPointF(start.x(), last.bottom - 10))

    order = [lane.id for lane in store.select("lane", map_id=editor.map_id)]
    assert order == [ids["lanes"][1], ids["lanes"][2], ids["lanes"][0]]
    assert window.stack.count() == before + 1
    assert [b.lane_id for b in scene.layout.lanes] == order
    moved_lane = lane_box(scene, ids["lanes"][0]).rect
    step_rect = scene.step_items[step_id].scene_shape_rect()
    assert step_rect.top() - moved_lane.top == offset                    # the step went with its lane
    assert scene.lane_items[ids["lanes"][0]].pos().y() == moved_lane.top
    window.stack.undo()
    assert [b.lane_id for b in scene.layout.lanes] == ids["lanes"]
    window.stack.redo()
    assert [lane.id for lane in in_file(store.path, "lane", map_id=editor.map_id)] == order


def test_resize_a_phase_by_its_edge(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    header = editor.scene.phase_items[ids["phases"][0]]
    r = header.sceneBoundingRect()
    drag(editor.view, QPointF(r.right() - 2, r.center().y()), QPointF(r.right() + 98, r.center().y()))
    assert editor.session.store.get("phase", ids["phases"][0]).width == 520.0
    window.stack.undo()
    assert editor.session.store.get("phase", ids["phases"][0]).width == 420.0


def test_auto_layout_is_one_undoable_step(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    before = _steps(editor)
    count = window.stack.count()

    editor.layout_button.click()

    after = _steps(editor)
    assert window.stack.count() == count + 1 and window.stack.undoText() == "Auto-layout"
    xs = {sid: after[sid].x for sid in ids["steps"][:3]}
    assert xs[ids["steps"][0]] < xs[ids["steps"][1]] < xs[ids["steps"][2]]     # flow order, left to right
    for sid in after:
        assert editor.scene.step_items[sid].scene_shape_rect().topLeft() == \
            _qpoint(editor.scene.layout.steps[sid].rect)
    window.stack.undo()
    assert _steps(editor) == before
    window.stack.redo()
    assert {s.id: s.x for s in in_file(store.path, "step", map_id=editor.map_id)} == \
        {sid: s.x for sid, s in after.items()}


def _qpoint(rect):
    return QPointF(rect.x, rect.y)


def test_derive_to_be_opens_the_copy(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    assert editor.derive_button.isVisible()
    editor.derive_button.click()

    maps = store.select("process_map", process_id=ids["process"])
    assert [str(m.kind) for m in maps] == ["as-is", "to-be"]
    to_be = maps[1]
    current = window.current_editor()
    assert current.key == ("process_map", to_be.id)
    assert len(current.scene.step_items) == len(ids["steps"])
    assert all(s.origin_id in ids["steps"] for s in store.select("step", map_id=to_be.id))
    window.stack.undo()
    assert store.get("process_map", to_be.id) is None
    assert window.current_editor().key != ("process_map", to_be.id)     # its tab closed
    window.stack.redo()
    assert [str(m.kind) for m in in_file(store.path, "process_map", process_id=ids["process"])] == ["as-is", "to-be"]


def test_compare_view_counts_the_changes(map_editor, map_file):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    to_be_id = editor.derive()
    to_be = window.open_map(to_be_id)
    store = editor.session.store
    copies = {s.origin_id: s.id for s in store.select("step", map_id=to_be_id)}
    to_be.select([copies[ids["steps"][3]]])
    to_be.delete_selected()
    to_be.push(gestures.rename("step", copies[ids["steps"][1]], "Take request online"))
    to_be.compare_button.click()
    view = window.current_editor()
    assert view.key == ("map_compare", ids["map"], to_be_id)
    counts = view.counts
    assert counts["removed"] == 1 and counts["changed"] == 1 and counts["added"] == 0
    assert "1" in view.count_labels["removed"].text()
    assert view.after_scene.step_items[copies[ids["steps"][1]]].status == "changed"
    view.set_mode("overlay")
    assert len(view._ghosts) == 1


def test_delete_a_lane_with_steps_asks_first(map_editor, map_file, dialogs):
    from PySide6.QtWidgets import QMessageBox

    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    store = editor.session.store
    editor.scene.select("lane", [ids["lanes"][2]])
    editor.delete_selected()                       # the dialog closes with Cancel
    assert store.get("lane", ids["lanes"][2]) is not None and len(dialogs) == 1
    dialogs.answer = QMessageBox.ButtonRole.AcceptRole
    editor.delete_selected()
    assert store.get("lane", ids["lanes"][2]) is None and store.get("step", ids["steps"][3]) is None
    window.stack.undo()
    assert store.get("step", ids["steps"][3]) is not None
    assert ids["lanes"][2] in editor.scene.lane_items


def test_linking_two_connectors_makes_a_jump_with_no_line(map_editor, map_file):
    from mot_workshop.editing.entities import CreateEntity

    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    scene, store = editor.scene, editor.session.store
    made = []
    for x in (200.0, 420.0):
        command = CreateEntity("step", {"map_id": ids["map"], "lane_id": ids["lanes"][2], "shape": "connector",
                                        "label": "A", "x": x, "y": 65.0})
        editor.session.push(command)
        made.append(command.id)
    messages = []
    editor.status_message.connect(messages.append)
    source, target = scene.step_items[made[0]], scene.step_items[made[1]]
    a = source.scene_shape_rect()
    before = window.stack.count()

    drag(editor.view, QPointF(a.right() - 1, a.center().y()), target.scene_shape_rect().center())

    new = [f for f in store.select("flow", map_id=editor.map_id) if (f.source_id, f.target_id) == tuple(made)]
    assert len(new) == 1 and window.stack.count() == before + 1
    assert new[0].id in scene.layout.jumps and new[0].id not in scene.flow_items
    assert any("jumps" in m for m in messages)
    window.stack.undo()
    assert store.get("flow", new[0].id) is None and new[0].id not in scene.layout.jumps
    window.stack.redo()
    assert new[0].id in scene.layout.jumps
    assert any(f.id == new[0].id for f in in_file(store.path, "flow", map_id=editor.map_id))
