"""Step 4 presented on a 1024×768 projector: the benchmark sheet above the gap charts kept a
viewport 14 px high and a ten-line row showed a slice from its middle. Cells read from their
top, and the sheet keeps its header and the first line of its current row in view while the
chart below keeps one row of panels at their least height."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mot_workshop.ui.worksheet_table.table import WorksheetTable


def row_box(view, row: int):
    top = view.rowViewportPosition(row)
    return top, top + view.rowHeight(row)


@pytest.mark.parametrize("sample_in", ["en", "ko"], indirect=True)
def test_the_presented_benchmark_sheet_shows_a_whole_row_from_its_top(sample_in, qtbot):
    window = sample_in
    size = (1024, 768)
    window.resize(*size)
    window.wizard_host.open_step(4)
    qtbot.wait(50)
    page = window.wizard_host.wizard().pages[4]
    table = next(t for t in page.findChildren(WorksheetTable) if t.presented_columns is not None)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(300)
    view, model = table.view, table.model
    assert view.isVisible() and model.rowCount() > 0
    # the first row, ten lines high in the sample: whole when the room allows, and at least its
    # first line beside the chart's one row of panels on a 1024×768 projector
    top, bottom = row_box(view, 0)
    lines = view.fontMetrics().lineSpacing()
    assert top == 0
    assert view.viewport().height() >= min(bottom, lines), \
        f"row 0 spans {top}..{bottom}; the sheet shows {view.viewport().height()} px ({lines} px a line)"
    assert view.horizontalHeader().isVisible() and view.horizontalHeader().height() > 0
    for column in table.presented_columns:
        alignment = Qt.AlignmentFlag(model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole) or 0)
        assert alignment & Qt.AlignmentFlag.AlignTop, f"column {column} is not read from its top"
    # the charts below still show their panels
    assert page.chart.isVisible() and page.chart.height() >= 200
    QTest.keyClick(window, Qt.Key.Key_Escape)
