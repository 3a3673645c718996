"""Presenting a map too large to read whole: pages a projector can show with step labels at
least ``MIN_TEXT_PX`` high, in reading order — phase by phase (lane headers on the first),
top to bottom inside a phase column. PgDn / PgUp step through them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, STEP_FONT
from mot_workshop.ui.facilitation.view_pager import ViewPager

MIN_TEXT_PX = 14.0
OVERLAP = 0.08          # a page repeats a strip of the one before, so the eye keeps its place


def plan(layout, view_w: float, view_h: float) -> tuple[float, list[QRectF]]:
    """The zoom and the scene rects of the pages (one page when the whole map is readable).
    A page right of the first column starts ``LANE_HEADER_WIDTH`` left of its content: that
    strip is covered by the frozen lane headers."""
    b = layout.bounds
    whole = QRectF(b.x, b.y, b.w, b.h)
    if b.w <= 0 or b.h <= 0 or view_w < 10 or view_h < 10:
        return 1.0, [whole]
    fit = min(view_w / b.w, view_h / b.h) * 0.97
    need = MIN_TEXT_PX / STEP_FONT * 1.03
    if fit >= need:
        return fit, [whole]
    zoom = need
    page_w, page_h = view_w / zoom, view_h / zoom
    content_w = max(page_w - LANE_HEADER_WIDTH, page_w / 2)     # beside the frozen headers
    pages = []
    for left, right in _columns(layout, b, content_w):
        first = left <= b.x
        for x in _slices(left, right, page_w if first else content_w, align_start=True):
            for y in _slices(b.y, b.y + b.h, page_h):
                pages.append(QRectF(x if first else x - LANE_HEADER_WIDTH, y, page_w, page_h))
    return zoom, pages


def _columns(layout, b, page_w: float) -> list[tuple[float, float]]:
    """Consecutive phases grouped into columns a page wide (the first keeps the lane headers)."""
    edges = [p.header.right for p in layout.phases] or [b.x + b.w]
    if edges[-1] < b.x + b.w:
        edges[-1] = b.x + b.w                       # the info rows and steps past the last phase
    columns, left, right = [], b.x, None
    for edge in edges:
        if right is not None and edge - left > page_w:
            columns.append((left, right))
            left = right
        right = edge
    columns.append((left, right))
    return columns


def _slices(start: float, end: float, size: float, align_start: bool = False) -> list[float]:
    """Starts of windows of ``size`` covering start…end, each overlapping the one before."""
    if end - start <= size:                 # one window: from the start (beside the headers) or centred
        return [start if align_start else start - (size - (end - start)) / 2]
    out, at = [], start
    while at + size < end:
        out.append(at)
        at += size * (1 - OVERLAP)
    out.append(end - size)
    return out


class FrozenHeaders(QWidget):
    """The lane header column drawn over the left edge of the view, at the view's zoom and
    vertical position: what the scene shows at x = 0 … LANE_HEADER_WIDTH."""

    def __init__(self, view):
        super().__init__(view.viewport())
        self.view = view
        self.setObjectName("frozenLaneHeaders")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def follow(self) -> None:
        width = round(LANE_HEADER_WIDTH * self.view.zoom)
        self.setGeometry(0, 0, width, self.view.viewport().height())
        self.update()

    def paintEvent(self, _event) -> None:
        view = self.view
        top_left = view.mapToScene(0, 0)
        bottom = view.mapToScene(0, view.viewport().height()).y()
        source = QRectF(0.0, top_left.y(), LANE_HEADER_WIDTH, bottom - top_left.y())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        view.scene().render(painter, QRectF(self.rect()), source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.setPen(QPen(QColor("#404040"), 2))         # the edge the content slides under
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.end()


class MapPager(ViewPager):
    """Shows one page of a map editor's view at a time; the pages follow the view's size. Right
    of the first column the lane headers stay frozen at the left edge."""

    def __init__(self, editor):
        super().__init__(editor, editor.view)
        self.headers = FrozenHeaders(self.view)
        self.start()

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        return plan(self.editor.scene.layout, self.view.viewport().width(), self.view.viewport().height())

    def stop(self) -> None:
        super().stop()
        self.headers.hide()
        self.headers.setParent(None)
        self.headers.deleteLater()

    def shown(self, paged: bool) -> None:
        frozen = paged and self.view.mapToScene(0, 0).x() > 1.0      # the real headers are off the page
        self.headers.setVisible(frozen)
        if frozen:
            self.headers.follow()
            self.headers.raise_()

    def phase_name(self) -> str:
        """The first phase the page shows beside the lane headers (its column's phase)."""
        page = self.pages[self.index]
        x = max(page.left(), 0.0) + LANE_HEADER_WIDTH + 1.0
        phases = self.editor.scene.layout.phases
        found = next((p for p in phases if p.header.left <= x < p.header.right), None)
        return found.name if found else ""
