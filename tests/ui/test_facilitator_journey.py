"""A facilitator's session, with the mouse and keys as in the room: a new workshop, a process,
a six-touchpoint cycle scored with the keys, a six-step As-Is map with flows, one row on each
wizard step, the map presented, the session report — and every edit still there after
reopening the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton

from tests.ui.wizard_fixtures import page, reopen

TOUCHPOINTS = ("Finds the number", "Calls", "Waits on hold", "Explains the fault", "Books a visit", "Gets a text")
STEPS = ("Call comes in", "Log the fault", "Check warranty", "Book engineer", "Confirm slot", "Send text")


def type_and_enter(qtbot, text: str, where=None) -> None:
    editor = QApplication.focusWidget()
    if not isinstance(editor, QLineEdit) and where is not None:     # the window may not be the active one
        editor = next((e for e in where.findChildren(QLineEdit) if e.isVisible()), None)
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def add_row(qtbot, table, text: str) -> None:
    from PySide6.QtWidgets import QTabWidget

    widget = table                                     # the tab holding the table comes to the front
    while widget is not None:
        parent = widget.parentWidget()
        if parent is not None and isinstance(parent.parentWidget(), QTabWidget):
            parent.parentWidget().setCurrentWidget(widget)
        widget = parent
    qtbot.mouseClick(table.buttons["add"], Qt.MouseButton.LeftButton)
    type_and_enter(qtbot, text, table.view)
    qtbot.waitUntil(lambda: not table.model.draft and table.view.state() != table.view.State.EditingState)
    qtbot.wait(10)


@pytest.mark.slow
def test_a_facilitators_session(window, qtbot, tmp_path, monkeypatch):
    from mot_workshop.ui import messages

    monkeypatch.setattr(messages, "batch_mode", True)          # no "open the PDF now?" question
    path = tmp_path / "session.motw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.resize(1440, 900)
    window.activateWindow()

    def fill():
        dialog = QApplication.activeModalWidget()
        QTest.keyClicks(dialog.title, "Repair line")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        QTest.keyClick(dialog.title, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    window.actions.new.trigger()
    store = window.session.store
    assert store.workshop().title == "Repair line"

    # a process, from the empty overview
    qtbot.mouseClick(window.tabs.widget(0).findChild(QPushButton, "overviewNewProcess"), Qt.MouseButton.LeftButton)
    process = store.select("process")[0]

    # a cycle of six touchpoints, named in place and scored with the keys
    window.actions.new_cycle.trigger()
    editor = window.current_editor()
    view = editor.ring_view
    qtbot.waitExposed(view)
    for name in TOUCHPOINTS:
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        type_and_enter(qtbot, name, editor.ring_view)
    assert [tp.name for tp in store.select("touchpoint", cycle_id=editor.cycle_id)] == list(TOUCHPOINTS)
    for i, tp in enumerate(store.select("touchpoint", cycle_id=editor.cycle_id)):
        item = editor.ring_scene.items_by_id[tp.id]
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.mapFromScene(item.scenePos()))
        QTest.keyClick(view, getattr(Qt.Key, f"Key_{i % 5 + 1}"))
        QTest.keyClick(view, getattr(Qt.Key, f"Key_{5 - i % 5}"), Qt.KeyboardModifier.ShiftModifier)
        if i == 2:
            QTest.keyClick(view, Qt.Key.Key_C)

    # a six-step As-Is map with flows
    window.tree.select_key("process", process.id)
    window.edit.update_actions()
    assert window.actions.new_map.isEnabled()
    window.actions.new_map.trigger()
    map_editor = window.current_editor()
    qtbot.waitExposed(map_editor.view)
    ids = []
    for label in STEPS:
        qtbot.mouseClick(map_editor.palette.button("activity"), Qt.MouseButton.LeftButton)
        type_and_enter(qtbot, label, map_editor.view)
        ids.append(map_editor.selected_ids()[0])
    for a, b in zip(ids, ids[1:]):
        map_editor.connect_steps(a, b)
    assert store.count("step") == 6 and store.count("flow") == 5

    # one row on each step of the wizard
    add_row(qtbot, page(window, 2).table, "Quick visit")
    add_row(qtbot, page(window, 3).outputs, "Visit booking")
    add_row(qtbot, page(window, 4).table, "Time to a visit")
    p5 = page(window, 5)
    qtbot.mouseClick(p5.map_slot.findChild(QPushButton, "deriveMap"), Qt.MouseButton.LeftButton)
    add_row(qtbot, page(window, 6).table, "No engineer calendar")
    add_row(qtbot, page(window, 7).table, "Days to a visit")
    add_row(qtbot, page(window, 8).indicators, "Visits within two days")
    for kind in ("voc", "output_analysis", "benchmark", "obstacle", "target", "key_indicator"):
        assert store.count(kind) == 1, kind
    assert all(r.process_id == process.id for r in store.select("voc"))

    # present the map, then leave
    window.open_map(map_editor.map_id)
    window.activateWindow()                 # offscreen does not give it back after the modal dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.wizard_host.presenting
    assert map_editor.title() in window.wizard_host.presentation.step_label.text()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.wizard_host.presenting

    # the session report
    from mot_workshop.ui.pdf_export import ExportOptions, export_report

    report = export_report(window, ExportOptions(tmp_path / "report.pdf", "en"))
    assert report is not None and report.exists()
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(report)).pages)
    assert "Repair line" in text

    # everything is in the file after reopening
    store = reopen(window, path)
    tps = store.select("touchpoint")
    assert [tp.name for tp in tps] == list(TOUCHPOINTS)
    assert [tp.level for tp in tps] == [1, 2, 3, 4, 5, 1]
    assert [tp.importance for tp in tps] == [5, 4, 3, 2, 1, 5]
    assert [tp.critical for tp in tps] == [False, False, True, False, False, False]
    as_is = [m for m in store.select("process_map") if str(m.kind) == "as-is"][0]
    assert [s.label for s in store.select("step", map_id=as_is.id)] == list(STEPS)
    assert store.count("process_map") == 2
    for kind in ("voc", "output_analysis", "benchmark", "obstacle", "target", "key_indicator"):
        assert store.count(kind) == 1, kind
