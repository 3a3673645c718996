"""Presenting small multiples (benchmark gaps, Q/C/D/S, targets): drawn whole in a strip of
the screen their bars were a few pixels high under 8 px text. Presented, the panels are set at
``PAGE_DPI`` (their smallest text, 7 pt, at least 14 px high) with bars at least ``MIN_PANEL_H``
high, as many to a page as fit; PgDn / PgUp step through the pages."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter

from mot_workshop.ui.facilitation.map_pages import MIN_TEXT_PX

SMALLEST_PT = 7.0                       # the notes under a panel's bar names
PAGE_DPI = MIN_TEXT_PX * 72 / SMALLEST_PT * 1.02
MIN_PANEL_W, MIN_PANEL_H = 2.4, 0.9     # inches of one panel's plot at PAGE_DPI


def page_plan(panels, width_px: int, height_px: int) -> tuple[int, int, int]:
    """(panels per page, columns, pages) of a chart ``width_px`` × ``height_px`` at ``PAGE_DPI``."""
    w, h = max(1, width_px) / PAGE_DPI, max(1, height_px) / PAGE_DPI
    count = len(panels(w, h, 4).panels)
    if count == 0:
        return 0, 1, 1
    left, right, _top, _bottom = panels(w, h, 4).margins
    across = 0.6
    columns = max(1, min(count, int((w - left - right + across) // (MIN_PANEL_W + across))))
    chart = panels(w, h, columns)
    _left, _right, top, bottom = chart.margins
    down = chart.gaps[1]
    rows = max(1, int((h - top - bottom + down) // (MIN_PANEL_H + down)))
    per_page = min(count, columns * rows)
    return per_page, columns, math.ceil(count / per_page)


def least_height(panels, width_px: int, height_px: int) -> int:
    """Pixels a chart needs for one row of panels with plots ``MIN_PANEL_H`` high."""
    w, h = max(1, width_px) / PAGE_DPI, max(1, height_px) / PAGE_DPI
    _left, _right, top, bottom = panels(w, h, 4).margins
    return math.ceil((top + bottom + MIN_PANEL_H) * PAGE_DPI) + 2


SHEET_LINES = 1                         # of a tall row, kept in view above a presented chart


def sheet_keeps(side) -> int:
    """Pixels ``side`` needs to show its worksheet's header and the first lines of its current
    (or first) row: a sheet squeezed under a chart showed a slice a few pixels high."""
    from mot_workshop.ui.worksheet_table.table import WorksheetTable

    need = 0
    for table in side.findChildren(WorksheetTable):
        view = table.view
        if not view.isVisible() or view.model().rowCount() == 0:
            continue
        row = max(0, view.currentIndex().row())
        row_px = min(view.rowHeight(row), SHEET_LINES * view.fontMetrics().lineSpacing() + 8)
        need = max(need, side.height() - view.viewport().height() + row_px)
    return need


def heighten(chart, need: int) -> None:
    """Give ``chart`` more of a stacked split (its worksheet above) until it is ``need`` high,
    the other side keeping a quarter at least and, before the chart grows, room for its sheet's
    header and the first lines of its current row (presentation restores the split afterwards)."""
    child, parent = chart, chart.parentWidget()
    while parent is not None and not isinstance(parent, QSplitter):
        child, parent = parent, parent.parentWidget()
    if parent is None or parent.orientation() != Qt.Orientation.Vertical:
        return
    index = parent.indexOf(child)
    sizes = parent.sizes()
    total = sum(sizes)
    want = sizes[index] + need - chart.height()
    if chart.height() >= need or total <= 0:
        return
    keep = sum(sheet_keeps(parent.widget(i)) for i in range(parent.count()) if i != index)
    mine = max(sizes[index], min(want, int(total * 0.75), total - keep))
    rest = sum(sizes) - sizes[index] or 1
    parent.setSizes([mine if i == index else int(sizes[i] * (total - mine) / rest) for i in range(len(sizes))])


class ChartPager(QObject):
    """Pages the panel charts of a presented step; PgDn / PgUp act on the one in view."""

    def __init__(self, charts):
        super().__init__(charts[0])
        self.charts = list(charts)
        self.indexes = {chart: 0 for chart in self.charts}
        self.plans = {}
        self.changed = lambda: None      # the banner names the page
        for chart in self.charts:
            self._plan(chart)
            chart.installEventFilter(self)

    @property
    def view(self):
        """The chart in view (the others wait behind their tabs)."""
        return next((c for c in self.charts if c.isVisible()), self.charts[0])

    @property
    def index(self) -> int:
        return self.indexes[self.view]

    def __len__(self) -> int:
        return self.plans[self.view][2]

    def _plan(self, chart) -> None:
        if chart.isVisible():
            heighten(chart, least_height(chart.panels, chart.width(), chart.height()))
        per_page, columns, pages = page_plan(chart.panels, chart.width(), chart.height())
        self.plans[chart] = (per_page, columns, pages)
        index = self.indexes[chart] = min(self.indexes[chart], pages - 1)
        page = (index * per_page, per_page, columns, PAGE_DPI) if per_page else None
        if page != chart.page:
            chart.page = page
            chart.invalidate()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and obj in self.plans:
            self._plan(obj)
            self.changed()
        elif event.type() == QEvent.Type.Show and obj in self.plans:
            self.changed()                   # another tab's chart: the banner counts its pages
        return False

    def show(self, index: int | None = None) -> None:
        chart = self.view
        if index is not None:
            self.indexes[chart] = max(0, min(len(self) - 1, index))
        self._plan(chart)

    def step(self, delta: int) -> bool:
        if not 0 <= self.index + delta < len(self):
            return False
        self.show(self.index + delta)
        return True

    def stop(self) -> None:
        for chart in self.charts:
            try:
                chart.removeEventFilter(self)
                if chart.page is not None:
                    chart.page = None
                    chart.invalidate()
            except RuntimeError:           # the page closed meanwhile
                pass

    def phase_name(self) -> str:
        return ""
