"""Clicking one step after another on a map keeps the properties form and shows the new
step's values in it (a form is a hundred widgets: rebuilding it on every click was felt on
big maps), and nothing of the step before leaks into the next: what was being typed is saved
to the step it was typed for, and a refused value's message and red outline go."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.map_helpers import in_file, map_editor, map_file  # noqa: F401  (fixtures)


def _click(editor, step_id: int) -> None:
    item = editor.scene.step_items[step_id]
    editor.view.centerOn(item)
    point = editor.view.mapFromScene(QPointF(item.scene_shape_rect().center()))
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _label(window):
    return window.properties.form.fields["label"].widget


def test_the_next_step_clicked_shows_in_the_same_form(window, map_editor, map_file):
    path, ids = map_file
    first, second, third = ids["steps"][1], ids["steps"][2], ids["steps"][3]
    _click(map_editor, first)
    form = window.properties.form
    assert form.kind == "step" and form.ids == [first]
    assert _label(window).text() == "Take request"
    assert form.fields["problems"].widget.toPlainText() == "Queue at the desk"
    _click(map_editor, second)
    assert window.properties.form is form and form.ids == [second]
    assert _label(window).text() == "Check receipt"
    assert form.fields["problems"].widget.toPlainText() == ""           # not the step before's
    assert window.properties.header.text() == "Step: Check receipt"
    _click(map_editor, third)
    assert _label(window).text() == "Approve?"
    assert window.properties.header.text() == "Step: Approve?"


def test_text_being_typed_is_saved_to_its_own_step_when_the_next_is_clicked(window, map_editor, map_file):
    path, ids = map_file
    first, second = ids["steps"][1], ids["steps"][2]
    _click(map_editor, first)
    line = _label(window)
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, "Take the request")          # not yet saved: the pause has not passed
    _click(map_editor, second)
    assert _label(window).text() == "Check receipt"
    assert {s.id: s.label for s in in_file(path, "step")}[first] == "Take the request"
    assert {s.id: s.label for s in in_file(path, "step")}[second] == "Check receipt"
    window.stack.undo()
    assert {s.id: s.label for s in in_file(path, "step")}[first] == "Take request"
    assert _label(window).text() == "Check receipt"     # the form still shows the step selected


def test_a_refused_value_does_not_follow_to_the_next_step(window, map_editor, map_file):
    path, ids = map_file
    first, second = ids["steps"][1], ids["steps"][2]
    _click(map_editor, first)
    form = window.properties.form
    line = form.fields["duration"].widget
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, "ten minutes")                # not a number
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert not form.message.isHidden() and form.message.text()
    assert line.property("invalid")
    _click(map_editor, second)
    assert window.properties.form is form
    assert form.message.isHidden()
    assert not any(f.widget.property("invalid") for f in form.fields.values())
    assert _label(window).text() == "Check receipt" and float(line.text()) == 0
    assert {s.id: s.duration for s in in_file(path, "step")}[first] == 0    # nothing saved
    assert window.stack.count() == 0


def test_several_then_one_builds_the_form_for_one(window, map_editor, map_file):
    path, ids = map_file
    first, second = ids["steps"][1], ids["steps"][2]
    _click(map_editor, first)
    one = window.properties.form
    item = map_editor.scene.step_items[second]
    point = map_editor.view.mapFromScene(QPointF(item.scene_shape_rect().center()))
    QTest.mouseClick(map_editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    several = window.properties.form
    assert several.ids == [first, second] and several is not one
    assert window.properties.header.text() == "2 × Step"
    _click(map_editor, second)
    again = window.properties.form
    assert again.ids == [second] and again is not several
    assert set(again.fields) == set(one.fields) and _label(window).text() == "Check receipt"
