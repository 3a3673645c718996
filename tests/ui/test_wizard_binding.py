"""The wizard works on the process it shows, from the first moment: in a new workshop the
first process is bound as soon as it exists, step 3 shows the As-Is map drawn in the editor,
a VOC row typed in step 2 belongs to that process; step 1's Add row types the name first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from mot_workshop.persistence.store import Store
from tests.ui.wizard_fixtures import page, reopen


def new_workshop(window, tmp_path):
    path = tmp_path / "new.motw"
    Store.create(path, title="Room test", language="en").close()
    assert window.files.open_path(path)
    return path


def type_in_editor(qtbot, table, text: str) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.model.draft)          # Qt commits the typed text a moment later
    qtbot.wait(10)


def test_add_row_edits_the_name_and_an_empty_row_is_not_created(window, qtbot, tmp_path):
    new_workshop(window, tmp_path)
    p1 = page(window, 1)
    table = p1.table
    store = window.session.store
    qtbot.mouseClick(table.buttons["add"], Qt.MouseButton.LeftButton)
    name_column = list(table.model.infos).index(next(i for i in table.model.infos if i.name == "name"))
    assert table.view.currentIndex().column() == name_column
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)      # left without a name
    assert store.count("process") == 0
    assert table.model.rowCount() == 0
    before = window.stack.count()
    qtbot.mouseClick(table.buttons["add"], Qt.MouseButton.LeftButton)
    type_in_editor(qtbot, table, "Pay the fee")
    assert [p.name for p in store.select("process")] == ["Pay the fee"]
    assert window.stack.count() == before + 1                          # one undo step
    assert table.model.data(table.model.index(0, name_column)) == "Pay the fee"


def test_new_workshop_binds_its_process_and_step_3_sees_the_map(window, qtbot, tmp_path):
    path = new_workshop(window, tmp_path)
    p1 = page(window, 1)
    qtbot.mouseClick(p1.table.buttons["add"], Qt.MouseButton.LeftButton)
    type_in_editor(qtbot, p1.table, "Exchange goods")
    pid = window.session.store.select("process")[0].id
    nav = window.wizard_host.navigator
    qtbot.waitUntil(lambda: nav.process_id == pid)
    assert nav.process.currentText().endswith("Exchange goods")
    # draw its As-Is map in the editor
    window._map_tree_action("new-map", "process", pid)
    editor = window.current_editor()
    qtbot.waitExposed(editor.view)
    qtbot.mouseClick(editor.palette.button("activity"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.store.count("step") == 1
    # step 3 shows that map, its check is ticked
    p3 = page(window, 3)
    assert "Exchange goods" in p3.process_label.text()
    assert p3.map_slot.shown_key[1] == editor.map_id
    qtbot.waitUntil(lambda: "✓ As-Is map drawn" in nav.checks.text().replace("</div>", "\n").replace(
        "<div style='color:#2e7d32'>", ""), timeout=3000)
    # a VOC row typed in step 2 carries the process (offscreen, the window can lose activation
    # while events run, as it does after any wait here; typing needs it active)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    p2 = page(window, 2)
    assert "Exchange goods" in p2.process_label.text()
    qtbot.mouseClick(p2.table.buttons["add"], Qt.MouseButton.LeftButton)
    type_in_editor(qtbot, p2.table, "Fast exchange")
    store = reopen(window, path)
    assert [(v.requirement, v.process_id) for v in store.select("voc")] == [("Fast exchange", pid)]
