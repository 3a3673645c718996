"""The parking lot: add, edit, tick done, delete — each an undoable command, kept in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.wizard_fixtures import blank, page, reopen  # noqa: F401


def test_parking_lot_notes(blank, qtbot):
    window, path, _ids = blank
    lot = window.wizard_host.parking
    page(window, 3)
    qtbot.keyClicks(lot.entry, "Ask IT about the POS")
    qtbot.keyClick(lot.entry, Qt.Key.Key_Return)
    lot.entry.setText("Second point")
    lot.add_button.click()
    notes = window.session.store.select("note")
    assert [n.text for n in notes] == ["Ask IT about the POS", "Second point"]
    assert notes[0].wizard_step == 3
    assert lot.list.count() == 2 and lot.entry.text() == ""
    item = lot.list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert window.session.store.get("note", notes[0].id).done
    lot.list.item(1).setText("Second point, edited")
    assert window.session.store.get("note", notes[1].id).text == "Second point, edited"
    lot.list.setCurrentRow(1)
    lot.delete_button.click()
    assert lot.list.count() == 1
    window.stack.undo()
    assert lot.list.count() == 2
    assert "1 open of 2" in lot.count.text()
    store = reopen(window, path)
    assert [(n.text, n.done) for n in store.select("note")] == [("Ask IT about the POS", True),
                                                                ("Second point, edited", False)]
