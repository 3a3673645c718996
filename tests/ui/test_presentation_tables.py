"""A worksheet presented with F5: every column inside the view (no sideways scrolling), every
header title whole — each word inside its section, every wrapped line inside the header's
height — on a 1024×768 and a 1440×900 screen, in English and Korean; Esc gives the columns
back as they were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest

from mot_workshop.ui.worksheet_table.present_fit import PAD, WRAP, header_metrics
from mot_workshop.ui.worksheet_table.table import WorksheetTable


def visible_title_fits(view, column: int) -> bool:
    header = view.horizontalHeader()
    metrics = header_metrics(view, header.property("titleSize"))   # the size its style sheet draws
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    width = header.sectionSize(column) - PAD
    words_fit = all(metrics.horizontalAdvance(word) <= width for word in title.split())
    needed = metrics.boundingRect(QRect(0, 0, width, 100_000), WRAP, title).height() + PAD
    return words_fit and needed <= header.height()


@pytest.mark.parametrize(("sample_in", "size", "step"), [
    ("en", (1024, 768), 1), ("ko", (1024, 768), 1), ("en", (1024, 768), 2), ("ko", (1440, 900), 2),
    ("en", (1440, 900), 4), ("ko", (1024, 768), 4)], indirect=["sample_in"])
def test_presented_table_shows_every_column_and_whole_headers(sample_in, qtbot, size, step):
    window = sample_in
    window.resize(*size)
    window.wizard_host.open_step(step)
    qtbot.wait(50)
    table = window.wizard_host.wizard().pages[step].findChild(WorksheetTable)
    view = table.view
    header = view.horizontalHeader()
    before = [header.sectionSize(c) for c in range(header.count())]
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    qtbot.wait(50)
    assert window.wizard_host.presenting
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in columns) <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    assert header.property("titleSize") >= view.font().pointSizeF() * 0.7 - 0.01
    for c in columns:
        assert visible_title_fits(view, c), view.model().headerData(c, Qt.Orientation.Horizontal)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.wizard_host.presenting
    assert [header.sectionSize(c) for c in range(header.count())] == before
    assert header.minimumHeight() == 0 and header.styleSheet() == ""
