"""Small multiples presented to a room (step 4's benchmark gaps and Q/C/D/S, step 7's targets):
drawn whole in their strip of a 1024×768 screen the bars were ~10 px high under 8 px text. Now
every text of the chart is at least 14 px high and every panel's plot at least 120 px high, a
page of panels at a time; PgDn / PgUp step through the pages (the banner counts them) and
every panel is on some page; Esc draws the chart whole again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from mot_workshop.ui.charts.chart_view import ChartView


def texts_and_axes(chart):
    figure = chart.canvas.figure
    figure.canvas.draw()
    texts = [t for t in figure.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize"))
             if t.get_visible() and t.get_text().strip()]
    return figure, texts, figure.axes


def settled(qtbot, chart):
    qtbot.waitUntil(lambda: not chart._stale and chart.canvas is not None, timeout=5000)
    qtbot.wait(20)


@pytest.mark.parametrize(("sample_in", "size", "step", "tab"), [
    ("ko", (1024, 768), 4, 0), ("en", (1024, 768), 4, 0), ("en", (1440, 900), 4, 0), ("ko", (1440, 900), 4, 1),
    ("en", (1024, 768), 7, 0)], indirect=["sample_in"])
def test_presented_panels_are_paged_and_readable(sample_in, qtbot, size, step, tab):
    window = sample_in
    window.resize(*size)
    host = window.wizard_host
    host.open_step(step)
    qtbot.wait(50)
    page = host.wizard().pages[step]
    charts = [c for c in page.findChildren(ChartView) if c.panels is not None]
    if tab:                                          # the Q/C/D/S tab: the chart follows the table in front
        tables = page.findChildren(QTabWidget)[0]
        qtbot.mouseClick(tables.tabBar(), Qt.MouseButton.LeftButton, pos=tables.tabBar().tabRect(tab).center())
        qtbot.wait(50)
    chart = next(c for c in charts if c.isVisible())
    settled(qtbot, chart)
    whole = {" ".join(ax.get_title(loc="left").split()) for ax in chart.canvas.figure.axes
             if ax.get_title(loc="left")}
    assert len(whole) >= 3
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(200)
    assert host.presenting and host.pager is not None and host.pager.view is chart
    pages = len(host.pager)
    assert pages > 1                                 # too many to be this large at once
    banner = host.presentation.step_label.text()
    assert f"(page 1 of {pages})" in banner or f"(1/{pages}쪽)" in banner, banner
    seen = set()
    for index in range(pages):
        settled(qtbot, chart)
        figure, texts, axes = texts_and_axes(chart)
        for text in texts:
            px = text.get_fontsize() * figure.dpi / 72
            assert px >= 14, (text.get_text(), px)
        for ax in axes:
            if ax.get_title(loc="left"):
                assert ax.get_window_extent().height >= 120, (ax.get_title(loc="left"), ax.get_window_extent())
                seen.add(" ".join(ax.get_title(loc="left").split()))   # wrapped for its width
        if index < pages - 1:
            QTest.keyClick(window, Qt.Key.Key_PageDown)
            assert host.pager.index == index + 1
    assert seen == whole                             # every panel on some page
    if pages > 1:
        QTest.keyClick(window, Qt.Key.Key_PageUp)
        assert host.pager.index == pages - 2
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presenting and chart.page is None
    settled(qtbot, chart)
    assert {" ".join(ax.get_title(loc="left").split()) for ax in chart.canvas.figure.axes
            if ax.get_title(loc="left")} == whole
