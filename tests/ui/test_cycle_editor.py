"""The MOT cycle editor under real mouse events: drop a palette item on the ring, drag a
touchpoint along the ring, rename in place, delete, undo and redo. Each step is checked on
the scene items and on the rows in the file (after the command, after undo, after redo, and
after reopening the file)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mot_workshop.layout import cycle_ring as ring
from mot_workshop.persistence.store import Store
from tests.ui.conftest import PARKING, names_in_file, scene_names


def _drag(view, start: QPointF, end: QPointF, steps: int = 12) -> None:
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        QTest.mouseMove(viewport, p)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def _check_geometry(scene) -> None:
    """Every item sits on its slot of the ring, in the order of its number."""
    layout = scene.layout
    for tp in scene.touchpoints:
        item = scene.items_by_id[tp.id]
        node = layout.nodes[item.order - 1]
        assert abs(item.pos().x() - node.center.x) < 0.5 and abs(item.pos().y() - node.center.y) < 0.5


def test_drag_reorder_is_one_step_and_saved(editor, qtbot):
    window = editor.window()
    store = window.session.store
    scene, view = editor.ring_scene, editor.ring_view
    cycle = editor.cycle_id
    first = scene.items_by_id[scene.touchpoints[0].id]
    target = scene.layout.nodes[3].center
    steps_before = window.stack.count()

    _drag(view, first.scenePos(), QPointF(target.x, target.y))

    moved = [PARKING[1], PARKING[2], PARKING[3], PARKING[0], PARKING[4]]
    assert window.stack.count() == steps_before + 1           # one undo step for the whole drag
    assert names_in_file(store, cycle) == moved
    assert scene_names(scene) == moved
    _check_geometry(scene)
    assert [tp.seq for tp in store.select("touchpoint", cycle_id=cycle)] == [0, 1, 2, 3, 4]

    window.stack.undo()
    assert names_in_file(store, cycle) == list(PARKING)
    assert scene_names(scene) == list(PARKING)
    _check_geometry(scene)

    window.stack.redo()
    assert names_in_file(store, cycle) == moved
    assert scene_names(scene) == moved

    path = store.path
    window.set_store(None)
    assert names_in_file(path, cycle) == moved


def test_drag_follows_the_ring_and_previews(editor):
    scene, view = editor.ring_scene, editor.ring_view
    first = scene.items_by_id[scene.touchpoints[0].id]
    start = view.mapFromScene(first.scenePos())
    target = scene.layout.nodes[2].center
    end = view.mapFromScene(QPointF(target.x, target.y))
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, QPoint(start.x() + (end.x() - start.x()) * i // 8,
                                         start.y() + (end.y() - start.y()) * i // 8))
    assert scene.dragging
    distance = (first.pos() - QPointF(scene.layout.center.x, scene.layout.center.y))
    assert abs((distance.x() ** 2 + distance.y() ** 2) ** 0.5 - scene.layout.radius) < 1   # on the ring
    assert first.order == 3                                 # the numbers already show the new order
    assert names_in_file(editor.session.store, editor.cycle_id) == list(PARKING)   # nothing saved yet
    QTest.keyClick(viewport, Qt.Key.Key_Escape)             # cancel: back where it was, nothing saved
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert names_in_file(editor.session.store, editor.cycle_id) == list(PARKING)
    assert scene_names(scene) == list(PARKING)
    _check_geometry(scene)


def test_drag_back_to_its_place_changes_nothing(editor):
    window = editor.window()
    scene, view = editor.ring_scene, editor.ring_view
    item = scene.items_by_id[scene.touchpoints[1].id]
    steps = window.stack.count()
    away = scene.layout.nodes[3].center
    viewport = view.viewport()
    a = view.mapFromScene(item.scenePos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, view.mapFromScene(QPointF(away.x, away.y)))
    QTest.mouseMove(viewport, a)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    assert window.stack.count() == steps
    assert scene_names(scene) == list(PARKING)


def test_multi_select_drag_moves_the_block(editor):
    window = editor.window()
    scene, view = editor.ring_scene, editor.ring_view
    ids = [tp.id for tp in scene.touchpoints]
    scene.select_ids([ids[0], ids[1]])
    target = scene.layout.nodes[4].center
    _drag(view, scene.items_by_id[ids[1]].scenePos(), QPointF(target.x, target.y))
    expected = [PARKING[2], PARKING[3], PARKING[4], PARKING[0], PARKING[1]]
    assert names_in_file(window.session.store, editor.cycle_id) == expected
    assert scene_names(scene) == expected
    window.stack.undo()
    assert names_in_file(window.session.store, editor.cycle_id) == list(PARKING)


def _drop(view, mime, scene_point: QPointF) -> None:
    viewport = view.viewport()
    pos = view.mapFromScene(scene_point)
    actions = Qt.DropAction.CopyAction
    for event in (QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)


def _between(scene, index: int) -> QPointF:
    at = ring.point_at(scene.layout.center, scene.layout.radius, ring.insert_angle(scene.layout, index))
    return QPointF(at.x, at.y)


def test_drop_palette_item_on_the_ring(editor):
    window = editor.window()
    store = window.session.store
    palette = window.palette
    item = palette.find("Takes a parking ticket")
    assert item is not None
    mime = palette.tree.mimeData([item])
    steps = window.stack.count()

    _drop(editor.ring_view, mime, _between(editor.ring_scene, 2))

    expected = list(PARKING[:2]) + ["Takes a parking ticket"] + list(PARKING[2:])
    assert window.stack.count() == steps + 1
    assert names_in_file(store, editor.cycle_id) == expected
    assert scene_names(editor.ring_scene) == expected
    new = store.select("touchpoint", cycle_id=editor.cycle_id)[2]
    assert str(new.element) == "SOFT"
    assert editor.selected_ids() == [new.id]                # the new touchpoint is selected
    _check_geometry(editor.ring_scene)

    window.stack.undo()
    assert names_in_file(store, editor.cycle_id) == list(PARKING)
    assert scene_names(editor.ring_scene) == list(PARKING)
    window.stack.redo()
    assert names_in_file(store, editor.cycle_id) == expected
    assert store.select("touchpoint", cycle_id=editor.cycle_id)[2].id == new.id   # same id on redo


def test_drop_a_whole_template_cycle(opened, qtbot):
    window, path, ids = opened
    editor = window.open_cycle(ids["other"])
    qtbot.waitExposed(editor.ring_view)
    root = window.palette.find("Parking cycle")
    mime = window.palette.tree.mimeData([root])
    _drop(editor.ring_view, mime, QPointF(0, 200))
    names = names_in_file(window.session.store, ids["other"])
    assert len(names) == 12 and names[0] == "Sees the car-park entrance sign"
    assert names[-1] == "Leaves the car park"
    assert len(editor.ring_scene.items_by_id) == 12
    window.stack.undo()                                     # one step for the whole template
    assert names_in_file(window.session.store, ids["other"]) == []
    assert editor.ring_scene.items_by_id == {}


def test_rename_in_place(editor, qtbot):
    window = editor.window()
    store = window.session.store
    scene, view = editor.ring_scene, editor.ring_view
    item = scene.items_by_id[scene.touchpoints[1].id]
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view.mapFromScene(item.scenePos()))
    line = editor.renaming
    assert line is not None and line.text() == PARKING[1]
    QTest.keyClicks(line, "Takes a paper ticket")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.renaming is None
    expected = [PARKING[0], "Takes a paper ticket", *PARKING[2:]]
    assert names_in_file(store, editor.cycle_id) == expected
    assert scene_names(scene) == expected
    assert item.label.text == "Takes a paper ticket"
    window.stack.undo()
    assert names_in_file(store, editor.cycle_id) == list(PARKING)
    assert item.label.text == PARKING[1]
    window.stack.redo()
    assert names_in_file(store, editor.cycle_id) == expected


def test_rename_to_empty_is_refused(editor, dialogs):
    window = editor.window()
    store = window.session.store
    editor.start_rename(editor.ring_scene.touchpoints[0].id)
    line = editor.renaming
    line.clear()
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert dialogs and "empty" in dialogs[-1][2]
    assert names_in_file(store, editor.cycle_id) == list(PARKING)
    assert window.stack.count() == 0


def test_escape_cancels_rename(editor):
    editor.start_rename(editor.ring_scene.touchpoints[0].id)
    QTest.keyClicks(editor.renaming, "zzz")
    QTest.keyClick(editor.renaming, Qt.Key.Key_Escape)
    assert names_in_file(editor.session.store, editor.cycle_id) == list(PARKING)


def test_delete_selected_with_the_keyboard(editor, qtbot):
    window = editor.window()
    store = window.session.store
    scene, view = editor.ring_scene, editor.ring_view
    doomed = scene.touchpoints[2]
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(scene.items_by_id[doomed.id].scenePos()))
    assert editor.selected_ids() == [doomed.id]
    window.activateWindow()
    view.setFocus()
    window.actions.delete.trigger()
    expected = [n for n in PARKING if n != doomed.name]
    assert names_in_file(store, editor.cycle_id) == expected
    assert scene_names(scene) == expected
    assert doomed.id not in scene.items_by_id
    window.stack.undo()
    assert names_in_file(store, editor.cycle_id) == list(PARKING)
    assert store.get("touchpoint", doomed.id) == doomed       # same id, same values
    assert scene_names(scene) == list(PARKING)
    window.stack.redo()
    assert names_in_file(store, editor.cycle_id) == expected
    path = store.path
    window.set_store(None)
    assert names_in_file(path, editor.cycle_id) == expected


def test_rubber_band_and_ctrl_click_select_several(editor):
    scene, view = editor.ring_scene, editor.ring_view
    ids = [tp.id for tp in scene.touchpoints]
    viewport = view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(scene.items_by_id[ids[0]].scenePos()))
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     view.mapFromScene(scene.items_by_id[ids[3]].scenePos()))
    assert editor.selected_ids() == [ids[0], ids[3]]
    window = editor.window()
    window.actions.delete.trigger()
    assert names_in_file(window.session.store, editor.cycle_id) == [PARKING[1], PARKING[2], PARKING[4]]
    window.stack.undo()                                     # both come back in one step
    assert names_in_file(window.session.store, editor.cycle_id) == list(PARKING)


def test_copy_paste_between_cycles(opened, qtbot):
    window, path, ids = opened
    source = window.open_cycle(ids["parking"])
    qtbot.waitExposed(source.ring_view)
    tps = source.ring_scene.touchpoints
    source.select([tps[0].id, tps[4].id])
    window.actions.copy.trigger()
    target = window.open_cycle(ids["other"])
    qtbot.waitExposed(target.ring_view)
    window.edit.update_actions()
    assert window.actions.paste.isEnabled()
    window.actions.paste.trigger()
    store = window.session.store
    pasted = store.select("touchpoint", cycle_id=ids["other"])
    assert [tp.name for tp in pasted] == [PARKING[0], PARKING[4]]
    assert pasted[1].critical and pasted[1].level == tps[4].level          # all the fields travel
    assert names_in_file(store, ids["parking"]) == list(PARKING)           # the source is untouched
    assert sorted(target.selected_ids()) == sorted(tp.id for tp in pasted)
    window.stack.undo()
    assert names_in_file(store, ids["other"]) == []


def test_cut_removes_and_paste_restores_elsewhere(editor):
    window = editor.window()
    tps = editor.ring_scene.touchpoints
    editor.select([tps[0].id])
    window.actions.cut.trigger()
    assert names_in_file(window.session.store, editor.cycle_id) == list(PARKING[1:])
    editor.select([editor.ring_scene.touchpoints[-1].id])
    window.actions.paste.trigger()
    assert names_in_file(window.session.store, editor.cycle_id) == [*PARKING[1:], PARKING[0]]


def test_add_blank_touchpoint_starts_rename(editor):
    window = editor.window()
    editor.select([editor.ring_scene.touchpoints[0].id])
    window.actions.add_touchpoint.trigger()
    names = names_in_file(window.session.store, editor.cycle_id)
    assert names[1] == "New touchpoint" and len(names) == 6
    assert editor.renaming is not None
    QTest.keyClicks(editor.renaming, "Reads the price board")
    QTest.keyClick(editor.renaming, Qt.Key.Key_Return)
    assert names_in_file(window.session.store, editor.cycle_id)[1] == "Reads the price board"


def test_journey_view_shows_the_same_data(editor):
    window = editor.window()
    window.actions.journey.trigger()
    assert editor.mode == "journey"
    journey = editor.journey_scene
    assert [tp.name for tp in journey.touchpoints] == list(PARKING)
    xs = [journey.items_by_id[tp.id].pos().x() for tp in journey.touchpoints]
    assert xs == sorted(xs)                                  # left to right in cycle order
    ys = {tp.level: journey.items_by_id[tp.id].pos().y() for tp in journey.touchpoints}
    assert ys[5] < ys[4] < ys[3] < ys[2] < ys[1]             # the better, the higher
    editor.select([journey.touchpoints[3].id])
    window.actions.journey.trigger()
    assert editor.mode == "ring"
    assert editor.selected_ids() == [journey.touchpoints[3].id]   # selection travels


def test_weakest_critical_moment_is_highlighted(editor):
    scene = editor.ring_scene
    weakest = [item for item in scene.items_by_id.values() if item.weakest]
    assert len(weakest) == 1
    assert weakest[0].touchpoint.name == PARKING[4]          # the only critical one (level 5)
    texts = [line.text for line in scene.summary.lines]
    assert any("Mean level 3.0 / 5" in t for t in texts)
    assert any("Weakest critical moment" in t for t in texts)


def test_reopened_file_shows_same_ring(opened, qtbot):
    window, path, ids = opened
    editor = window.open_cycle(ids["parking"])
    window.set_store(None)
    with Store.open(path, read_only=True):
        pass
    assert window.files.open_path(path)
    editor = window.open_cycle(ids["parking"])
    assert scene_names(editor.ring_scene) == list(PARKING)


def test_context_menu_rates_and_flags_the_selection(editor):
    window = editor.window()
    store = window.session.store
    ids = [tp.id for tp in editor.ring_scene.touchpoints[:2]]
    editor.select(ids)
    menu = editor.show_context_menu(None)
    level_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in level_menu.actions() if a.text().startswith("1 ·")).trigger()
    assert [store.get("touchpoint", i).level for i in ids] == [1, 1]
    assert window.stack.count() == 1                       # one step for both
    menu = editor.show_context_menu(None)
    next(a for a in menu.actions() if a.text().split("\t")[0] == "Critical moment").trigger()
    assert all(store.get("touchpoint", i).critical for i in ids)
    assert editor.ring_scene.items_by_id[ids[0]].weakest   # now the weakest critical moment
    window.stack.undo()
    window.stack.undo()
    assert [store.get("touchpoint", i).level for i in ids] == [1, 2]
