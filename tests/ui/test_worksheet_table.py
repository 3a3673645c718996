"""The worksheet table: typed cells, add / delete / reorder rows, copy and paste with
spreadsheets (one paste = one undo step); every edit is a command on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mot_workshop.ui.worksheet_table.clipboard import parse_tsv, to_tsv
from mot_workshop.ui.worksheet_table.model import WorksheetModel
from mot_workshop.ui.worksheet_table.table import WorksheetTable
from tests.ui.wizard_fixtures import blank, reopen, type_into  # noqa: F401

COLUMNS = ("measure", "kind", "unit", "higher_is_better", "current", "target")


def _table(window, process_id):
    model = WorksheetModel(window.session, "target", COLUMNS, scope={"process_id": process_id})
    table = WorksheetTable(model)
    window.bus.changed.connect(model.on_changes)
    table.resize(900, 400)
    table.show()
    return table


def test_tsv_round_trip():
    rows = [["a", "b\tc"], ['say "hi"', "two\nlines"], ["", "x"]]
    assert parse_tsv(to_tsv(rows)) == rows
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]


def test_add_type_delete_undo(blank, qtbot):
    window, path, ids = blank
    pid = ids["processes"][0]
    table = _table(window, pid)
    qtbot.addWidget(table)
    new_id = table.add_row()
    assert table.model.rows[0].id == new_id
    type_into(qtbot, table, 0, 0, "Exchange time")
    type_into(qtbot, table, 0, 4, "95")
    store = window.session.store
    assert store.get("target", new_id).measure == "Exchange time"
    assert store.get("target", new_id).current == "95"
    assert window.stack.count() == 3
    # a yes/no cell is a check box
    index = table.model.index(0, COLUMNS.index("higher_is_better"))
    table.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert store.get("target", new_id).higher_is_better is False
    table.view.selectRow(0)
    table.delete_rows()
    assert store.count("target") == 0
    window.stack.undo()
    assert store.get("target", new_id).measure == "Exchange time"
    store = reopen(window, path)
    assert [t.measure for t in store.select("target", process_id=pid)] == ["Exchange time"]


def test_type_checked_cells_are_refused_with_a_message(blank, qtbot):
    window, _path, ids = blank
    model = WorksheetModel(window.session, "output_analysis", ("output", "importance", "priority"),
                           scope={"process_id": ids["processes"][0]})
    table = WorksheetTable(model)
    qtbot.addWidget(table)
    window.bus.changed.connect(model.on_changes)
    table.add_row()
    before = window.stack.count()
    assert not model.setData(model.index(0, 1), "nine")
    assert not model.setData(model.index(0, 1), "9")        # importance is 1–5
    assert window.stack.count() == before
    assert table.message.text()
    assert model.setData(model.index(0, 1), "4")
    assert window.session.store.select("output_analysis")[0].importance == 4


def test_reorder_rows(blank, qtbot):
    window, _path, ids = blank
    table = _table(window, ids["processes"][0])
    qtbot.addWidget(table)
    for name in ("A", "B", "C"):
        table.view.setCurrentIndex(table.model.index(len(table.model.rows) - 1, 0))
        new = table.add_row()
        table.model.setData(table.model.index(table.model.row_of(new), 0), name)
    assert [r.measure for r in table.model.rows] == ["A", "B", "C"]
    table.view.setCurrentIndex(table.model.index(2, 0))
    table.view.selectRow(2)
    table.move(-1)
    assert [r.measure for r in table.model.rows] == ["A", "C", "B"]
    assert table.view.currentIndex().row() == 1        # the cursor follows the row
    window.stack.undo()
    assert [r.measure for r in table.model.rows] == ["A", "B", "C"]


def test_paste_a_spreadsheet_block_is_one_undo_step(blank, qtbot):
    window, path, ids = blank
    table = _table(window, ids["processes"][0])
    qtbot.addWidget(table)
    table.add_row()
    table.model.setData(table.model.index(0, 0), "Old")
    table.view.setCurrentIndex(table.model.index(0, 0))
    before = window.stack.count()
    QApplication.clipboard().setText("Exchange time\tQuantitative\tmin\tNo\t95\t20\r\n"
                                     "Repeat visits\tqualitative\t\tYes\tmany\tnone\r\n"
                                     "Satisfaction\tQuantitative\tpoints\tmaybe\t3.1\t4.5\r\n")
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.count() == before + 1
    rows = table.model.rows
    assert [r.measure for r in rows] == ["Exchange time", "Repeat visits", "Satisfaction"]
    assert rows[0].higher_is_better is False and rows[0].current == "95" and str(rows[1].kind) == "qualitative"
    assert rows[2].higher_is_better is True           # "maybe" is not yes/no: that cell was refused …
    assert "Row 3" in table.message.text() and "maybe" in table.message.text()     # … and said so
    window.stack.undo()
    assert [r.measure for r in table.model.rows] == ["Old"]
    window.stack.redo()
    assert len(table.model.rows) == 3


def test_copy_gives_spreadsheet_text(blank, qtbot):
    window, _path, ids = blank
    table = _table(window, ids["processes"][0])
    qtbot.addWidget(table)
    table.add_row()
    table.model.setData(table.model.index(0, 0), "Exchange time")
    table.model.setData(table.model.index(0, 4), "95")
    table.view.selectRow(0)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cells = parse_tsv(QApplication.clipboard().text())
    assert cells[0][0] == "Exchange time" and cells[0][4] == "95" and cells[0][3] == "Yes"


def test_delete_key_clears_cells_as_one_step(blank, qtbot):
    window, _path, ids = blank
    table = _table(window, ids["processes"][0])
    qtbot.addWidget(table)
    table.add_row()
    table.model.setData(table.model.index(0, 4), "95")
    table.model.setData(table.model.index(0, 5), "20")
    table.view.clearSelection()
    sel = table.view.selectionModel()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    sel.select(QItemSelection(table.model.index(0, 4), table.model.index(0, 5)),
               QItemSelectionModel.SelectionFlag.Select)
    before = window.stack.count()
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert window.stack.count() == before + 1
    row = table.model.rows[0]
    assert row.current == "" and row.target == ""


def test_column_widths_survive_a_model_reset(blank, qtbot):
    window, _path, ids = blank
    table = _table(window, ids["processes"][0])
    qtbot.addWidget(table)
    table.set_width(0, 333)
    table.set_stretch({4})
    table.model.set_scope({"process_id": ids["processes"][1]})       # a reset: sections are rebuilt
    header = table.view.horizontalHeader()
    assert table.view.columnWidth(0) == 333
    assert header.sectionResizeMode(4) == header.ResizeMode.Stretch
