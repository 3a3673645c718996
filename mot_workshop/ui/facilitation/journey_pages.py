"""Presenting a journey line too long to read whole: the line as high as the screen allows
(touchpoint names up to ``MIN_TEXT_PX``), in pages left to right; PgDn / PgUp step through
them. Fitted whole on a 1024-wide projector the names were about 5 px high."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from mot_workshop.ui.cycle.label_item import LabelItem
from mot_workshop.ui.facilitation.map_pages import MIN_TEXT_PX, _slices
from mot_workshop.ui.facilitation.view_pager import ViewPager


def plan(rect: QRectF, view_w: float, view_h: float) -> tuple[float, list[QRectF]]:
    """The zoom and the scene rects of the pages (one page when the names are readable whole)."""
    if rect.isEmpty() or view_w < 10 or view_h < 10:
        return 1.0, [rect]
    fit = min(view_w / rect.width(), view_h / rect.height()) * 0.97
    need = MIN_TEXT_PX / LabelItem.PIXEL_SIZE * 1.03
    zoom = min(need, view_h / rect.height() * 0.97)      # the whole height stays in view
    if fit >= need or zoom <= fit * 1.1:
        return fit, [rect]
    page_w = view_w / zoom
    return zoom, [QRectF(x, rect.top(), page_w, rect.height())
                  for x in _slices(rect.left(), rect.right(), page_w, align_start=True)]


class JourneyPager(ViewPager):
    """Shows one page of a cycle editor's journey view at a time; the pages follow its size."""

    def __init__(self, editor):
        super().__init__(editor, editor.journey_view)
        self.start()

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        viewport = self.view.viewport()
        return plan(self.view.content_rect(), viewport.width(), viewport.height())
