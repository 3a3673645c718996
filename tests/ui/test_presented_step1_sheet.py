"""Step 1 presented to a room (F5): the selection worksheet beside its chart shows the columns
the room decides with — name, both scores, selected, dots — every header title whole, every
cell's text whole (wrapped, never cut to "…"), all type at least 14 px high; on a 1024×768
and a 1440×900 screen, in Korean and English, for the sample and for a new workshop with long
process names. Esc brings every column back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from mot_workshop.ui.worksheet_table.table import WorksheetTable
from tests.ui.test_presentation_tables import visible_title_fits

LONG = {
    "en": ["Handle a customer's complaint from intake through on-site inspection to the replacement delivery",
           "Settle the parking fee at the exit gate for shoppers with validated receipts",
           "Exchange defective goods"],
    "ko": ["고객 불만 접수부터 현장 확인과 교환 상품 배송까지 전 과정을 처리한다",
           "영수증 인증을 받은 쇼핑 고객의 주차요금을 출구에서 정산한다",
           "불만품을 교환한다"],
}


def new_workshop(window, tmp_path, lang: str):
    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store

    path = tmp_path / "long.motw"
    store = Store.create(path, title="Long names", language=lang)
    history = History(store)
    for i, name in enumerate(LONG[lang]):
        history.push(CreateEntity("process", {"name": name, "major": "Customer service", "medium": "Returns",
                                              "innovation": 5 - i, "feasibility": 3 + i % 2, "selected": i == 0}))
    store.close()
    assert window.files.open_path(path)


def cell_fits(view, row: int, column: int) -> bool:
    """The cell's text wraps inside the rectangle its delegate draws text in: no word wider than
    a line, all its lines within the row's height (Qt cuts what does not fit to "…")."""
    index = view.model().index(row, column)
    text = str(view.model().data(index, Qt.ItemDataRole.DisplayRole) or "")
    if not text:
        return True
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegate().initStyleOption(option, index)
    option.rect = view.visualRect(index)
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    rect = rect.adjusted(margin, 0, -margin, 0)
    metrics = QFontMetrics(option.font)
    if any(metrics.horizontalAdvance(word) > rect.width() for word in text.split()):
        return False
    needed = metrics.boundingRect(QRect(0, 0, rect.width(), 100_000), Qt.TextFlag.TextWordWrap, text).height()
    return needed <= rect.height()


def present_step1(window, qtbot, size):
    window.resize(*size)
    window.wizard_host.open_step(1)
    qtbot.wait(50)
    table = window.wizard_host.wizard().pages[1].findChild(WorksheetTable)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(100)
    assert window.wizard_host.presenting
    return table


@pytest.mark.parametrize("which", ["sample", "new"])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_presented_selection_sheet_is_whole_and_large(window, qtbot, tmp_path, size, lang, which):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    if which == "sample":
        assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    else:
        new_workshop(window, tmp_path, lang)
    table = present_step1(window, qtbot, size)
    view, header = table.view, table.view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    names = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    expected = {"en": ["Name", "Innovation effect", "Feasibility", "Selected", "Dots"],
                "ko": ["이름", "혁신 효과", "실행가능성", "선정", "점 수"]}[lang]
    assert names == expected
    assert sum(header.sectionSize(c) for c in shown) <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    assert view.mapTo(window, view.rect().topRight()).x() <= window.width()
    for c in shown:
        assert visible_title_fits(view, c), names
    assert QFontInfo(view.font()).pixelSize() >= 14                                   # cells
    title_font = QFont(view.font())
    title_font.setPointSizeF(header.property("titleSize"))
    assert QFontInfo(title_font).pixelSize() >= 14                                   # header titles
    for row in range(table.model.rowCount()):
        for c in shown:
            assert cell_fits(view, row, c), (row, table.model.data(table.model.index(row, c)))
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.wizard_host.presenting
    assert [c for c in range(header.count()) if not header.isSectionHidden(c)] == list(range(header.count()))


@pytest.mark.parametrize(("sample_in", "size", "step"), [
    ("en", (1024, 768), 2), ("ko", (1024, 768), 2), ("en", (1440, 900), 2), ("en", (1024, 768), 4),
    ("ko", (1024, 768), 4), ("ko", (1440, 900), 4)], indirect=["sample_in"])
def test_presented_requirements_and_benchmarks_are_whole(sample_in, qtbot, size, step):
    """Steps 2 and 4 presented: their wide sheets (12 and 17 columns) show what the room talks
    about — the requirements with their Q/C/D/S, level and indicator; the figures with the gap's
    cause and the ideas — every title and every cell whole, type at least 14 px."""
    window = sample_in
    window.resize(*size)
    window.wizard_host.open_step(step)
    qtbot.wait(50)
    table = next(t for t in window.wizard_host.wizard().pages[step].findChildren(WorksheetTable)
                 if t.presented_columns is not None)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(100)
    view, header = table.view, table.view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == table.presented_columns
    assert sum(header.sectionSize(c) for c in shown) <= view.viewport().width()
    assert QFontInfo(view.font()).pixelSize() >= 14
    for c in shown:
        assert visible_title_fits(view, c)
    for row in range(table.model.rowCount()):
        for c in shown:
            assert cell_fits(view, row, c), (row, table.model.data(table.model.index(row, c)))
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert len([c for c in range(header.count()) if not header.isSectionHidden(c)]) > len(shown)
