"""Presenting a map too large to read whole: pages a projector can show with step labels at
least ``MIN_TEXT_PX`` high, in reading order — phase by phase (lane headers on the first),
top to bottom inside a phase column. PgDn / PgUp step through them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF

from mot_workshop.layout.swimlane import STEP_FONT

MIN_TEXT_PX = 14.0
OVERLAP = 0.08          # a page repeats a strip of the one before, so the eye keeps its place


def plan(layout, view_w: float, view_h: float) -> tuple[float, list[QRectF]]:
    """The zoom and the scene rects of the pages (one page when the whole map is readable)."""
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
    pages = []
    for left, right in _columns(layout, b, page_w):
        for x in _slices(left, right, page_w):
            for y in _slices(b.y, b.y + b.h, page_h):
                pages.append(QRectF(x, y, page_w, page_h))
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


def _slices(start: float, end: float, size: float) -> list[float]:
    """Starts of windows of ``size`` covering start…end, each overlapping the one before."""
    if end - start <= size:
        return [start - (size - (end - start)) / 2]         # centred
    out, at = [], start
    while at + size < end:
        out.append(at)
        at += size * (1 - OVERLAP)
    out.append(end - size)
    return out


class MapPager(QObject):
    """Shows one page of a map editor's view at a time; the pages follow the view's size."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.view = editor.view
        self.index = 0
        self.changed = lambda: None      # the banner names the page
        self.replan()
        self.view.viewport().installEventFilter(self)

    def replan(self) -> None:
        self.zoom, self.pages = plan(self.editor.scene.layout, self.view.viewport().width(),
                                     self.view.viewport().height())
        self.index = min(self.index, len(self.pages) - 1)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and obj is self.view.viewport():
            self.replan()
            self.show()
            self.changed()
        return False

    def stop(self) -> None:
        self.view.viewport().removeEventFilter(self)

    def __len__(self) -> int:
        return len(self.pages)

    def show(self, index: int | None = None) -> None:
        if index is not None:
            self.index = max(0, min(len(self.pages) - 1, index))
        if len(self.pages) == 1:
            self.view.fit()
            return
        self.view.set_zoom(self.zoom, manual=False)
        self.view.auto_fit = False
        self.view.centerOn(self.pages[self.index].center())

    def step(self, delta: int) -> bool:
        if not 0 <= self.index + delta < len(self.pages):
            return False
        self.show(self.index + delta)
        return True

    def phase_name(self) -> str:
        """The phase in the middle of the page shown."""
        x = self.pages[self.index].center().x()
        phases = self.editor.scene.layout.phases
        found = next((p for p in phases if p.header.left <= x < p.header.right), None)
        return found.name if found else ""
