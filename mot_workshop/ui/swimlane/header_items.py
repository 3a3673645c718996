"""Lane headers and phase headers. A lane header is dragged up or down to reorder the lanes
(the steps go with their lane); a phase header is dragged sideways to reorder the phases,
and its right edge to resize the column. Double-click renames. Both ask their scene; they
never write the model."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyle

from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.swimlane import style

GRIP = 7.0          # the resize grip at a phase header's right edge


class _HeaderItem(QGraphicsItem):
    kind = ""

    def __init__(self, entity_id: int, name: str, rect: QRectF):
        super().__init__()
        self.entity_id = entity_id
        self.name = name
        self.rect = QRectF()
        self._press: str | None = None
        self._dragging = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.set_rect(rect)

    @property
    def id(self) -> int:
        return self.entity_id

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect

    def press_kind(self, local: QPointF) -> str:
        return "drag"

    def mousePressEvent(self, event) -> None:
        self._dragging = False
        self._press = None
        if event.button() == Qt.MouseButton.LeftButton and getattr(self.scene(), "editable", False):
            self._press = self.press_kind(event.pos())
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            return
        if not self._dragging:
            down = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if (event.screenPos() - down).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            self.scene().begin_header_drag(self, self._press, event.buttonDownScenePos(Qt.MouseButton.LeftButton))
        self.scene().header_drag_to(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging:
            self._dragging = False
            self._press = None
            self.scene().end_header_drag(event.scenePos())
            event.accept()
            return
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().rename_requested.emit(self.kind, self.entity_id)
            event.accept()

    def cancel(self) -> None:
        self._press = None
        self._dragging = False


class LaneHeaderItem(_HeaderItem):
    kind = "lane"

    def __init__(self, lane, rect: QRectF):
        self.lane = lane
        super().__init__(lane.id, lane.name, rect)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._lines: list[str] = []

    def set_lane(self, lane, rect: QRectF) -> None:
        self.lane, self.name = lane, lane.name
        self._lines = []
        self.set_rect(rect)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.COLOUR.get("lane_" + str(self.lane.kind), style.COLOUR["lane_department"]))
        painter.drawRect(r)
        painter.setPen(QPen(style.COLOUR["rule"], 1.0))
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        if selected:
            painter.setPen(QPen(style.SELECTION, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5))
        if not self._lines:
            self._lines = style.fit_lines(self.name, style.HEADER_FONT + 2, r.width() - 24, 4, bold=True)
        kind = enum_name(self.lane.kind)
        style.draw_lines(painter, self._lines, r.adjusted(16, 0, -6, -18), style.HEADER_FONT + 2, bold=True)
        if kind.replace(" ", "") not in self.name.replace(" ", ""):
            style.draw_lines(painter, [kind], QRectF(r.left() + 16, r.bottom() - 24, r.width() - 22, 20),
                             style.HEADER_FONT - 1, colour=style.COLOUR["muted"])
        # the grip: three short lines at the left edge say "drag me"
        painter.setPen(QPen(style.COLOUR["muted"], 1.2))
        for dy in (-4, 0, 4):
            painter.drawLine(QPointF(5, r.center().y() + dy), QPointF(11, r.center().y() + dy))


class PhaseHeaderItem(_HeaderItem):
    kind = "phase"

    def __init__(self, phase, rect: QRectF):
        self.phase = phase
        super().__init__(phase.id, phase.name, rect)
        self._lines: list[str] = []

    def set_phase(self, phase, rect: QRectF) -> None:
        self.phase, self.name = phase, phase.name
        self._lines = []
        self.set_rect(rect)

    def press_kind(self, local: QPointF) -> str:
        return "resize" if local.x() >= self.rect.right() - GRIP else "drag"

    def hoverMoveEvent(self, event) -> None:
        self.setCursor(Qt.CursorShape.SizeHorCursor if self.press_kind(event.pos()) == "resize"
                       else Qt.CursorShape.OpenHandCursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.COLOUR["header_fill"] if not selected else style.SELECTION)
        painter.drawRect(r)
        painter.setPen(QPen(style.COLOUR["paper"], 1.0))
        painter.drawLine(QPointF(r.right() - 0.5, 5), QPointF(r.right() - 0.5, r.bottom() - 5))
        if not self._lines:
            self._lines = style.fit_lines(self.name, style.HEADER_FONT + 1, r.width() - 14, 2, bold=True)
        style.draw_lines(painter, self._lines, r.adjusted(6, 0, -6, 0), style.HEADER_FONT + 1, bold=True,
                         colour=style.COLOUR["paper"])

