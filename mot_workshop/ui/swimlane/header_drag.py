"""Dragging lane and phase headers: a lane header up or down reorders the lanes, a phase
header sideways reorders the phases, a phase header's right edge resizes its column. While
dragging, a blue line shows where it would land; the release asks for one command. A mixin
of the map scene."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt

from mot_workshop.layout.swimlane import SNAP
from mot_workshop.ui.swimlane import style
from mot_workshop.ui.swimlane.map_frame import qrect
from mot_workshop.ui.swimlane.header_items import LaneHeaderItem

MIN_PHASE_WIDTH = 80.0


@dataclass
class HeaderDrag:
    item: object
    mode: str                                   # drag / resize
    down: QPointF
    start: QPointF
    target: int | None = None
    width: float | None = None


class HeaderDragMixin:
    def begin_header_drag(self, item, mode: str, down: QPointF) -> None:
        self._header = HeaderDrag(item, mode, down, item.pos())
        item.setZValue(8)
        item.setOpacity(0.85)

    def header_drag_to(self, pos: QPointF) -> None:
        drag = self._header
        if drag is None:
            return
        delta = pos - drag.down
        if isinstance(drag.item, LaneHeaderItem):
            drag.item.setPos(drag.start.x(), drag.start.y() + delta.y())
            centre = drag.item.pos().y() + drag.item.rect.height() / 2
            others = [box for box in self.layout.lanes if box.lane_id != drag.item.id]
            drag.target = sum(1 for box in others if box.rect.cy < centre)
            line_y = others[drag.target - 1].rect.bottom if drag.target > 0 else (others[0].rect.top if others else 0)
            self._show_line(QRectF(0, line_y - 2, self.layout.bounds.right, 4))
        elif drag.mode == "resize":
            width = max(MIN_PHASE_WIDTH, round((pos.x() - drag.start.x()) / SNAP) * SNAP)
            drag.width = width
            drag.item.prepareGeometryChange()
            drag.item.rect.setWidth(width)
            drag.item._lines = []
            drag.item.update()
            x = drag.start.x() + width
            self._show_line(QRectF(x - 1.5, 0, 3, self.layout.content.bottom))
        else:
            drag.item.setPos(drag.start.x() + delta.x(), drag.start.y())
            centre = drag.item.pos().x() + drag.item.rect.width() / 2
            others = [box for box in self.layout.phases if box.phase_id != drag.item.id]
            drag.target = sum(1 for box in others if box.header.cx < centre)
            x = others[drag.target - 1].header.right if drag.target > 0 else (others[0].header.left if others else 0)
            self._show_line(QRectF(x - 2, 0, 4, self.layout.content.bottom))

    def _show_line(self, rect: QRectF) -> None:
        self.indicator.setRect(rect)
        self.indicator.setPen(Qt.PenStyle.NoPen)
        self.indicator.setBrush(style.SELECTION)
        self.indicator.setZValue(9)
        self.indicator.setVisible(True)

    def end_header_drag(self, pos: QPointF) -> None:
        drag, self._header = self._header, None
        self.indicator.setVisible(False)
        self.indicator.setZValue(1)
        if drag is None:
            return
        item = drag.item
        item.setZValue(5)
        item.setOpacity(1.0)
        if isinstance(item, LaneHeaderItem):
            order = [lane.id for lane in self.lanes]
            if drag.target is not None and drag.target != order.index(item.id):
                self.lane_reorder_requested.emit(item.id, drag.target)
        elif drag.mode == "resize":
            if drag.width is not None and abs(drag.width - item.phase.width) > 0.5:
                self.phase_resize_requested.emit(item.id, drag.width)
        else:
            order = [p.id for p in self.phases]
            if drag.target is not None and drag.target != order.index(item.id):
                self.phase_reorder_requested.emit(item.id, drag.target)
        self._restore_headers()

    def _restore_headers(self) -> None:
        boxes = {b.lane_id: b for b in self.layout.lanes}
        for id, item in self.lane_items.items():
            if id in boxes:
                item.set_rect(qrect(boxes[id].header))
        phases = {p.phase_id: p for p in self.layout.phases}
        for id, item in self.phase_items.items():
            if id in phases:
                item.set_rect(qrect(phases[id].header))
                item._lines = []

