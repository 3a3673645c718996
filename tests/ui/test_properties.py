"""The properties panel edits every touchpoint field through commands; invalid input is
refused with a message and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import PARKING


def _form(editor, index=0):
    window = editor.window()
    tp = editor.ring_scene.touchpoints[index]
    editor.select([tp.id])
    form = window.properties.form
    assert form is not None and form.kind == "touchpoint" and form.ids == [tp.id]
    return window, form, tp


def _type(field, text: str) -> None:
    widget = field.widget
    line = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def test_form_shows_every_touchpoint_field(editor):
    _, form, tp = _form(editor, 4)
    assert set(form.fields) == {"seq", "name", "element", "level", "importance", "critical", "expectation",
                                "problems", "improvement", "owner", "cycle_id"}
    assert form.fields["name"].widget.text() == PARKING[4]
    assert form.fields["seq"].widget.value() == 5
    assert form.fields["level"].raw() == "5"
    assert form.fields["critical"].widget.isChecked()


def test_editing_a_text_field_is_saved_and_undoable(editor):
    window, form, tp = _form(editor)
    _type(form.fields["owner"], "Parking team")
    store = window.session.store
    assert store.get("touchpoint", tp.id).owner == "Parking team"
    window.stack.undo()
    assert store.get("touchpoint", tp.id).owner == ""
    assert form.fields["owner"].widget.text() == ""          # the panel re-reads on undo


def test_typing_merges_into_one_step(editor, qtbot):
    window, form, tp = _form(editor)
    line = form.fields["name"].widget
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, "Sees")
    qtbot.wait(500)                                          # saved while typing (after a pause)
    assert window.session.store.get("touchpoint", tp.id).name == "Sees"
    QTest.keyClicks(line, " the sign")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert window.session.store.get("touchpoint", tp.id).name == "Sees the sign"
    assert window.stack.count() == 1                         # one undo step for the typing
    assert editor.ring_scene.items_by_id[tp.id].label.text == "Sees the sign"   # the ring follows


def test_level_score_7_is_refused(editor):
    window, form, tp = _form(editor)
    _type(form.fields["level"], "7")
    assert form.message.isVisible() or not form.message.isHidden()
    assert "between 1 and 5" in form.message.text()
    assert form.fields["level"].widget.property("invalid")
    assert window.session.store.get("touchpoint", tp.id).level == tp.level   # nothing saved
    assert window.stack.count() == 0
    _type(form.fields["level"], "2")                        # a valid value clears the message
    assert window.session.store.get("touchpoint", tp.id).level == 2
    assert form.message.isHidden()


def test_empty_name_is_refused(editor):
    window, form, tp = _form(editor)
    line = form.fields["name"].widget
    line.setFocus()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert "must not be empty" in form.message.text()
    assert window.session.store.get("touchpoint", tp.id).name == PARKING[0]
    assert window.stack.count() == 0


def test_choosing_a_level_element_and_critical(editor):
    window, form, tp = _form(editor)
    form.fields["level"].widget.setCurrentIndex(1)           # "1 · Very dissatisfied"
    form.fields["level"].widget.activated.emit(1)
    element = form.fields["element"].widget
    element.setCurrentIndex(element.findData("HUMAN"))
    element.activated.emit(element.currentIndex())
    form.fields["critical"].widget.click()
    saved = window.session.store.get("touchpoint", tp.id)
    assert (saved.level, str(saved.element), saved.critical) == (1, "HUMAN", True)
    assert editor.ring_scene.items_by_id[tp.id].weakest     # now the weakest critical moment


def test_order_field_reorders(editor):
    window, form, tp = _form(editor)
    form.fields["seq"].widget.setValue(4)
    names = [t.name for t in window.session.store.select("touchpoint", cycle_id=editor.cycle_id)]
    assert names == [PARKING[1], PARKING[2], PARKING[3], PARKING[0], PARKING[4]]
    assert editor.ring_scene.items_by_id[tp.id].order == 4


def test_move_to_another_cycle(editor):
    window, form, tp = _form(editor)
    other = next(c for c in window.session.store.select("cycle") if c.name == "Other")
    combo = form.fields["cycle_id"].widget
    combo.setCurrentIndex(combo.findData(other.id))
    combo.activated.emit(combo.currentIndex())
    assert window.session.store.get("touchpoint", tp.id).cycle_id == other.id
    assert tp.id not in editor.ring_scene.items_by_id
    window.stack.undo()
    assert tp.id in editor.ring_scene.items_by_id


def test_several_selected_edit_together(editor):
    window = editor.window()
    ids = [t.id for t in editor.ring_scene.touchpoints[:3]]
    editor.select(ids)
    form = window.properties.form
    assert form.ids == ids and "name" not in form.fields and "importance" in form.fields
    _type(form.fields["importance"], "5")
    assert {window.session.store.get("touchpoint", i).importance for i in ids} == {5}
    assert window.stack.count() == 1
    window.stack.undo()
    assert {window.session.store.get("touchpoint", i).importance for i in ids} == {3}


def test_no_selection_shows_the_cycle(editor):
    window = editor.window()
    editor.select([])
    form = window.properties.form
    assert form.kind == "cycle" and form.ids == [editor.cycle_id]
    _type(form.fields["name"], "Car park")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Car park"
    assert window.tree.item_for("cycle", editor.cycle_id).text(0).startswith("Car park")
