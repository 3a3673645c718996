"""Scoring in front of the room: a touchpoint clicked, then 1–5 sets its level, Shift+1–5 its
importance, C toggles critical — the same from the right-click menu; one undo step each, the
history naming what changed, in the language chosen (again after a switch)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.wizard_fixtures import reopen


def click(view, item):
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(item.scenePos()))


def test_keys_score_the_selected_touchpoint(editor, qtbot):
    window = editor.window()
    view, scene = editor.ring_view, editor.ring_scene
    tp = scene.touchpoints[1]                         # "Takes a ticket": level 2, importance 3
    click(view, scene.items_by_id[tp.id])
    assert editor.selected_ids() == [tp.id]
    before = window.stack.count()
    QTest.keyClick(view, Qt.Key.Key_4)
    QTest.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Dollar, Qt.KeyboardModifier.ShiftModifier)   # what a keyboard sends for Shift+4
    QTest.keyClick(view, Qt.Key.Key_C)
    store = window.session.store
    now = store.get("touchpoint", tp.id)
    assert (now.level, now.importance, now.critical) == (4, 4, True)
    assert window.stack.count() == before + 4
    texts = [window.stack.text(i) for i in range(before, before + 4)]
    assert texts == ["Level of 'Takes a ticket': 2 → 4", "Importance of 'Takes a ticket': 3 → 2",
                     "Importance of 'Takes a ticket': 2 → 4", "'Takes a ticket' marked critical"]
    assert "4" in scene.items_by_id[tp.id].toolTip() or scene.items_by_id[tp.id].touchpoint.level == 4
    window.set_language("ko")
    assert window.stack.text(before) == "'Takes a ticket'의 체감 수준: 2 → 4"
    window.set_language("en")
    assert window.stack.text(before + 3) == "'Takes a ticket' marked critical"
    window.stack.undo()
    assert store.get("touchpoint", tp.id).critical is False
    path = window.session.path
    store = reopen(window, path)
    assert store.get("touchpoint", tp.id).importance == 4


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_the_right_click_menu_scores_too(editor, qtbot):
    window = editor.window()
    view, scene = editor.ring_view, editor.ring_scene
    tp = scene.touchpoints[0]
    item = scene.items_by_id[tp.id]
    pos = view.mapFromScene(item.scenePos())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos)
    # the platform turns the right click into a context-menu event; offscreen it does not
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                              view.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    importance = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Importance")
    five = next(a for a in importance.actions() if a.text().startswith("5"))
    assert "Shift+5" in five.text()
    before = window.stack.count()
    five.trigger()
    menu.close()
    assert window.session.store.get("touchpoint", tp.id).importance == 5
    assert window.stack.count() == before + 1
    assert window.stack.text(before) == "Importance of 'Sees the entrance sign': 3 → 5"


def test_properties_edits_name_the_thing_changed(editor, qtbot):
    window = editor.window()
    scene = editor.ring_scene
    tp = scene.touchpoints[2]
    click(editor.ring_view, scene.items_by_id[tp.id])
    form = window.properties.form
    command = form.command_for("owner", "Parking team")
    assert command.text == "Owner of 'Looks for a space': – → Parking team"
