"""Presenting a map too large to read whole: pages a projector can show with step labels at
least ``MIN_TEXT_PX`` high, in reading order — phase by phase (lane headers on the first),
top to bottom inside a phase column. PgDn / PgUp step through them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from mot_workshop.i18n import tr
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, STEP_FONT
from mot_workshop.ui.facilitation.view_pager import ViewPager

MIN_TEXT_PX = 14.0
OVERLAP = 0.08          # a page repeats a strip of the one before, so the eye keeps its place


def plan(layout, view_w: float, view_h: float) -> tuple[float, list[QRectF], list[float | None]]:
    """The zoom, the scene rects of the pages (one page when the whole map is readable) and
    where each page's column ends (None: it shows to its edge). A page right of the first column
    starts ``LANE_HEADER_WIDTH`` left of its content: that strip is covered by the frozen lane
    headers. A column narrower than its page ends at a phase edge; what lies past it belongs
    to the next page and is curtained, so no step is shown cut at the page's right edge."""
    b = layout.bounds
    whole = QRectF(b.x, b.y, b.w, b.h)
    if b.w <= 0 or b.h <= 0 or view_w < 10 or view_h < 10:
        return 1.0, [whole], [None]
    fit = min(view_w / b.w, view_h / b.h) * 0.97
    need = MIN_TEXT_PX / STEP_FONT * 1.03
    if fit >= need:
        return fit, [whole], [None]
    zoom = need
    page_w, page_h = view_w / zoom, view_h / zoom
    content_w = max(page_w - LANE_HEADER_WIDTH, page_w / 2)     # beside the frozen headers
    pages, ends = [], []
    boxes = [box.rect for box in layout.steps.values()]
    columns = _columns(layout, b, content_w)
    for number, (left, right) in enumerate(columns):
        last = number == len(columns) - 1
        for x, end in _cuts(boxes, left, right, b.x, page_w, content_w):
            page_x = x if x <= b.x else x - LANE_HEADER_WIDTH
            if end is None and not last and right < page_x + page_w - 1.0:
                end = right
            for y in _slices(b.y, b.y + b.h, page_h):
                pages.append(QRectF(page_x, y, page_w, page_h))
                ends.append(end)
    return zoom, pages, ends


def _cuts(boxes, left: float, right: float, start: float, page_w: float, content_w: float):
    """(content left, curtain x or None) of the pages across one column: each page ends at an x
    no step box reaches over, so its boxes are whole; only a box wider than a page is cut."""
    out, x = [], left
    while True:
        width = page_w if x <= start else content_w
        if right - x <= width:
            out.append((x, None))
            return out
        low, high = x + width * 0.3, x + width
        near = [r for r in boxes if r.x < high and r.x + r.w > low]      # only these can cross a cut here
        candidates = {high} | {r.x for r in near} | {r.x + r.w for r in near}
        clear = [c for c in candidates if low < c <= high and not any(r.x < c < r.x + r.w for r in near)]
        if clear:
            cut = max(clear)
            out.append((x, cut if cut < x + width - 1.0 else None))
            x = cut
        else:                                            # a box wider than a page: overlap instead
            out.append((x, None))
            x += width * (1 - OVERLAP)


def _columns(layout, b, page_w: float) -> list[tuple[float, float]]:
    """Consecutive phases grouped into columns a page wide (the first keeps the lane headers).
    A column ends at a phase edge, or past it where a step box reaches over it: the box stays
    whole on its page and hidden under the next page's frozen headers."""
    boxes = [box.rect for box in layout.steps.values()]
    edges = [_clear_of(boxes, p.header.right) for p in layout.phases] or [b.x + b.w]
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


def _clear_of(boxes, x: float) -> float:
    """The first x at or right of ``x`` that no step box reaches over."""
    while True:
        over = [r.x + r.w for r in boxes if r.x < x < r.x + r.w]
        if not over:
            return x
        x = max(over)


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


class Curtain(QWidget):
    """Covers the viewport right of the page's column: the next phase is the next page's, and
    showing its first steps cut at the screen's edge reads as a broken map."""

    def __init__(self, view):
        super().__init__(view.viewport())
        self.view = view
        self.setObjectName("nextPageCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.next_phase = ""
        self.hide()

    def cover_from(self, scene_x: float | None, next_phase: str = "") -> None:
        self.next_phase = next_phase
        if scene_x is None:
            self.hide()
            return
        viewport = self.view.viewport()
        left = round(self.view.mapFromScene(scene_x, 0.0).x())
        if left >= viewport.width():
            self.hide()
            return
        self.setGeometry(max(left, 0), 0, viewport.width() - max(left, 0), viewport.height())
        self.show()
        self.raise_()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(248, 249, 251))
        painter.setPen(QPen(QColor("#404040"), 2))          # the same edge as the frozen headers'
        painter.drawLine(1, 0, 1, self.height())
        if self.next_phase and self.width() > 80:          # where PgDn goes, in the room's type size
            font = painter.font()
            font.setPixelSize(round(MIN_TEXT_PX * 1.2))
            painter.setFont(font)
            painter.setPen(QColor("#5a6270"))
            text = tr("Next: {phase} (PgDn)", phase=self.next_phase)
            box = self.rect().adjusted(12, 0, -12, 0)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.end()


class MapPager(ViewPager):
    """Shows one page of a map editor's view at a time; the pages follow the view's size. Right
    of the first column the lane headers stay frozen at the left edge."""

    def __init__(self, editor):
        super().__init__(editor, editor.view)
        self.headers = FrozenHeaders(self.view)
        self.curtain = Curtain(self.view)
        self.ends: list[float | None] = [None]
        self.scroll_range = self.view.sceneRect()
        self.start()

    def show(self, index: int | None = None) -> None:
        # the last column's page reaches past the map: let the view scroll there, or it would
        # stop at the map's edge and show the column before half hidden under the headers
        if len(self.pages) > 1:
            wanted = self.pages[self.index if index is None else max(0, min(len(self.pages) - 1, index))]
            self.view.setSceneRect(self.view.sceneRect().united(wanted))
        super().show(index)

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        zoom, pages, self.ends = plan(self.editor.scene.layout, self.view.viewport().width(),
                                      self.view.viewport().height())
        return zoom, pages

    def stop(self) -> None:
        super().stop()
        if self.view.auto_fit:
            self.view.fit()
        else:
            self.view.setSceneRect(self.scroll_range.united(self.view.content_rect()))
        for widget in (self.headers, self.curtain):
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()

    def shown(self, paged: bool) -> None:
        frozen = paged and self.view.mapToScene(0, 0).x() > 1.0      # the real headers are off the page
        self.headers.setVisible(frozen)
        if frozen:
            self.headers.follow()
            self.headers.raise_()
        end = self.ends[self.index] if paged else None
        following = next((p.name for p in self.editor.scene.layout.phases
                          if end is not None and p.header.right > end + 1.0), "")
        self.curtain.cover_from(end, following)

    def phase_name(self) -> str:
        """The first phase the page shows beside the lane headers (its column's phase)."""
        page = self.pages[self.index]
        x = max(page.left(), 0.0) + LANE_HEADER_WIDTH + 1.0
        phases = self.editor.scene.layout.phases
        found = next((p for p in phases if p.header.left <= x < p.header.right), None)
        return found.name if found else ""
