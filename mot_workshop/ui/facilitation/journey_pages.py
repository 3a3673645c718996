"""Presenting a journey line too long to read whole: the whole height of the line in view,
its touchpoint and level names set larger (columns as much wider) until they are at least
``MIN_TEXT_PX`` high on the screen, in pages left to right; PgDn / PgUp step through them.
Fitted whole on a 1024-wide projector the names were about 5 px high."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from mot_workshop.ui.cycle.label_item import LabelItem
from mot_workshop.ui.facilitation.map_pages import MIN_TEXT_PX, _slices
from mot_workshop.ui.facilitation.view_pager import ViewPager

MAX_SCALE = 2.0


def _column_starts(left: float, right: float, page_w: float, columns: list[float]) -> list[float]:
    """Page starts left to right: each page begins with the first column the page before cut
    at its right edge, so every touchpoint's column is whole on some page."""
    out, at = [left], left
    while at + page_w < right:
        cut = [c for c in columns if at < c <= at + page_w]
        nxt = max(cut) if cut else at + page_w * 0.92
        if nxt + page_w >= right:
            out.append(right - page_w)          # the last page ends with the line's end
            break
        out.append(nxt)
        at = nxt
    return out


def plan(rect: QRectF, view_w: float, view_h: float, text_px: float = LabelItem.PIXEL_SIZE,
         columns: list[float] | None = None) -> tuple[float, list[QRectF]]:
    """The zoom and the scene rects of the pages (one page when the names are readable whole);
    ``columns``: where the touchpoints' columns start (pages begin there)."""
    if rect.isEmpty() or view_w < 10 or view_h < 10:
        return 1.0, [rect]
    fit = min(view_w / rect.width(), view_h / rect.height()) * 0.97
    need = MIN_TEXT_PX / text_px * 1.03
    zoom = min(need, view_h / rect.height() * 0.97)      # the whole height stays in view
    if fit >= need or zoom <= fit * 1.1:
        return fit, [rect]
    page_w = view_w / zoom
    starts = _column_starts(rect.left(), rect.right(), page_w, columns) if columns else \
        _slices(rect.left(), rect.right(), page_w, align_start=True)
    return zoom, [QRectF(x, rect.top(), page_w, rect.height()) for x in starts]


def text_scale(scene, view_w: float, view_h: float, *, whole: bool = False) -> float:
    """How much larger the names must be set for ``MIN_TEXT_PX`` on screen when the line's
    whole height fills ``view_h`` (``whole``: the whole diagram fits the view); larger names
    wrap taller and widen the diagram: settle it in a few rounds."""
    def zoom() -> float:
        rect = scene.itemsBoundingRect()
        fits = view_h / max(1.0, rect.height())
        return min(fits, view_w / max(1.0, rect.width())) * 0.97 if whole else fits * 0.97

    scale = 1.0
    for _ in range(4):
        scene.set_text_scale(scale)
        wanted = min(MAX_SCALE, max(1.0, MIN_TEXT_PX * 1.03 / (LabelItem.PIXEL_SIZE * zoom())))
        wanted = math.ceil(wanted * LabelItem.PIXEL_SIZE) / LabelItem.PIXEL_SIZE   # whole pixels
        if wanted <= scale:
            break
        scale = wanted
    room = view_w / zoom() - (0 if whole else scene.layout.left) - 20
    scene.set_text_scale(scale, legend_room=room)
    return scale


class JourneyPager(ViewPager):
    """Shows one page of a cycle editor's journey view at a time; the pages follow its size."""

    def __init__(self, editor):
        super().__init__(editor, editor.journey_view)
        self.scene = editor.journey_scene
        self.start()

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        viewport = self.view.viewport()
        scale = text_scale(self.scene, viewport.width(), viewport.height())
        nodes = self.scene.layout.nodes
        width = nodes[1].center.x - nodes[0].center.x if len(nodes) > 1 else 0.0
        return plan(self.view.content_rect(), viewport.width(), viewport.height(),
                    round(LabelItem.PIXEL_SIZE * scale), [n.center.x - width / 2 for n in nodes] if width else None)

    def stop(self) -> None:
        super().stop()
        self.scene.set_text_scale(1.0)


class RingPresenter(ViewPager):
    """A presented ring, whole on one page, its names set large enough to read (the ring's
    size is what the screen's height allows)."""

    def __init__(self, editor):
        super().__init__(editor, editor.ring_view)
        self.scene = editor.ring_scene
        self.start()

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        viewport = self.view.viewport()
        text_scale(self.scene, viewport.width(), viewport.height(), whole=True)
        return 1.0, [self.view.content_rect()]

    def stop(self) -> None:
        super().stop()
        self.scene.set_text_scale(1.0)
