"""A long block pasted into a worksheet table (thousands of rows from a spreadsheet) is one
undo step, and the table does not read every cell of every row to size the rows — that made
a 10,000-row paste take minutes. The work is counted here, not timed
(benchmarks/bench_inserts.py times it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from benchmarks.big_inputs import voc_clipboard
from mot_workshop.ui.worksheet_table import table as table_module
from tests.ui.wizard_fixtures import blank, page, reopen  # noqa: F401

ROWS = 1200


def test_a_long_paste_is_one_step_and_reads_only_the_rows_in_view(blank, qtbot, monkeypatch):
    window, path, ids = blank
    voc = page(window, 2).table
    model = voc.model
    rows = voc.view.verticalHeader()
    calls = {"data": 0}
    real = type(model).data

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls["data"] += 1
        return real(self, index, role)

    monkeypatch.setattr(type(model), "data", counted)
    QApplication.clipboard().setText(voc_clipboard(ROWS))
    voc.view.setFocus()
    steps = window.stack.count()
    qtbot.keyClick(voc.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    voc.view.viewport().repaint()
    assert len(model.rows) == ROWS and window.stack.count() == steps + 1
    assert model.rows[ROWS - 1].requirement == f"requirement {ROWS - 1}: exchange within 30 minutes"
    assert str(model.rows[1].characteristic) == "C"          # "Cost" read as its code
    # every cell of every row would be 12 columns × 1,200 rows × several roles
    assert calls["data"] < 12 * ROWS, f"{calls['data']} reads of cells for a {ROWS}-row paste"
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert rows.sectionSize(0) >= voc.view.fontMetrics().height() * 2

    window.stack.undo()                   # short again: rows fit their text again
    assert model.rows == [] and rows.count() == 0
    window.stack.redo()
    assert len(model.rows) == ROWS
    store = reopen(window, path)
    assert store.count("voc") == ROWS


def test_a_short_table_fits_its_rows_to_their_text(blank, qtbot):
    window, _path, _ids = blank
    voc = page(window, 2).table
    QApplication.clipboard().setText("a requirement that wraps over more than one line when the column is "
                                     "narrow\tQuality\tlevel\tindicator\n")
    voc.view.setFocus()
    qtbot.keyClick(voc.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = voc.view.verticalHeader()
    assert len(voc.model.rows) == 1
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert table_module.FIT_ROWS_UP_TO < ROWS
