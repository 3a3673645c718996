"""Editing in front of the room: paste lands at the mouse in the lane and phase under it,
Ctrl+Y redoes, the team colour comes from a colour picker."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from tests.ui.map_helpers import map_editor, map_file  # noqa: F401


def test_paste_lands_under_the_mouse(map_editor, qtbot):
    editor = map_editor
    view, scene = editor.view, editor.scene
    window = editor.window()
    view.fit()                                        # the whole map in view
    source = next(id for id, s in scene.steps.items() if s.label == "Take request")
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(scene.step_items[source].sceneBoundingRect().center()))
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    back = next(lane for lane in scene.layout.lanes if lane.name == "Back office")
    check = next(p for p in scene.layout.phases if p.name == "Check")
    target = QPoint(*map(int, (check.header.left + 200, back.rect.top + back.rect.h / 2)))
    where = view.mapFromScene(target.x(), target.y())
    assert view.viewport().rect().contains(where)
    QTest.mouseMove(view.viewport(), where)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    store = window.session.store
    copies = [s for s in store.select("step", map_id=editor.map_id) if s.label == "Take request" and s.id != source]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.lane_id == back.lane_id and copy.phase_id == check.phase_id
    drawn = scene.step_items[copy.id].sceneBoundingRect().center()
    assert abs(drawn.x() - target.x()) <= 12 and abs(drawn.y() - target.y()) <= 12


def test_ctrl_y_redoes(map_editor, qtbot):
    editor = map_editor
    window = editor.window()
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    before = window.session.store.count("phase")
    editor.add_phase()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    window.stack.undo()
    assert window.session.store.count("phase") == before
    QTest.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.store.count("phase") == before + 1


def test_team_colour_from_the_colour_picker(opened, qtbot, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    window, path, ids = opened
    window.properties.show_selection(window.session, "team", [ids["team"]])
    field = window.properties.form.fields["colour"]
    asked = []
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: asked.append(a) or QColor("#336699"))
    before = window.stack.count()
    qtbot.mouseClick(field.swatch, Qt.MouseButton.LeftButton)
    assert asked
    assert window.session.store.get("team", ids["team"]).colour == "#336699"
    assert window.stack.count() == before + 1
    assert field.edit.text() == "#336699" and "#336699" in field.swatch.styleSheet()
