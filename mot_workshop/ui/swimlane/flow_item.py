"""A flow: an orthogonal route (from ``layout.routing``) with an arrowhead and, for decision
branches, a label. Selected, it shows handles on both ends: drag one onto another step to
reconnect that end. It never writes the model."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyle

from mot_workshop.domain.process import Flow
from mot_workshop.ui.swimlane import style

ARROW = 8.0
END_HANDLE = 6.0


class FlowItem(QGraphicsItem):
    """Kept lean: a 10,000-step map has 12,000 of these. The route is kept as the layout's
    plain (x, y) pairs; its points, label point and path are made when asked (painting, a
    hit test, a drag of an end) — as Qt objects each would cost ~1.5 kB per flow."""

    def __init__(self, flow: Flow, points, label_point):
        super().__init__()
        self.flow = flow
        self._route: tuple[tuple[float, float], ...] = ()
        self._label: tuple[float, float] = (0.0, 0.0)
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self.preview = False
        self._end: str | None = None        # "source" / "target" while dragging an end
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.set_data(flow, points, label_point)

    @property
    def id(self) -> int:
        return self.flow.id

    @property
    def text(self) -> str:
        return self.flow.label or self.flow.condition

    @property
    def points(self) -> list[QPointF]:
        return [QPointF(x, y) for x, y in self._route]

    @property
    def label_point(self) -> QPointF:
        return QPointF(*self._label)

    @property
    def path(self) -> QPainterPath:
        path = QPainterPath()
        route = self._route
        if route:
            path.moveTo(*route[0])
            for x, y in route[1:]:
                path.lineTo(x, y)
        return path

    def set_data(self, flow: Flow, points, label_point) -> None:
        self.flow = flow
        self._set_route(tuple(points), label_point)      # the layout's own pairs, not copies

    def set_points(self, points: list[QPointF], label_point: QPointF | None = None, *, preview: bool = False) -> None:
        self._set_route(tuple((p.x(), p.y()) for p in points),
                        (label_point.x(), label_point.y()) if label_point is not None else None, preview=preview)

    def _set_route(self, route: tuple, label_point, *, preview: bool = False) -> None:
        self.prepareGeometryChange()
        self._route = route
        self.preview = preview
        if label_point is None and len(route) >= 2:
            (x1, y1), (x2, y2) = route[0], route[-1]
            label_point = ((x1 + x2) / 2, (y1 + y2) / 2)
        self._label = tuple(label_point) if label_point is not None else (0.0, 0.0)
        self._shape = None                   # the hit area, made when first asked (most never are)
        if route:
            xs, ys = [x for x, _ in route], [y for _, y in route]
            bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        else:
            bounds = QRectF()
        label = self.label_rect()
        if label is not None:
            bounds = bounds.united(label)
        self._bounds = bounds.adjusted(-ARROW - 6, -ARROW - 6, ARROW + 6, ARROW + 6)
        self.update()

    def label_rect(self) -> QRectF | None:
        if not self.text:
            return None
        w = style.metrics(style.FLOW_FONT).horizontalAdvance(self.text) + 10
        h = style.FLOW_FONT * 1.7
        x, y = self._label
        return QRectF(x - w / 2, y - h / 2, w, h)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            shape = stroker.createStroke(self.path)
            label = self.label_rect()
            if label is not None:
                shape.addRect(label)
            self._shape = shape
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if len(self._route) < 2:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = style.SELECTION if selected else style.COLOUR["route"]
        pen = QPen(colour, 2.2 if selected else 1.3)
        if self.preview:
            pen.setStyle(Qt.PenStyle.DashLine)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        tip, before = QPointF(*self._route[-1]), QPointF(*self._route[-2])
        line = QLineF(tip, before)
        if line.length() > 0.01:
            unit = line.unitVector()
            d = QPointF(unit.dx(), unit.dy())
            normal = QPointF(-d.y(), d.x())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([tip, tip + d * ARROW + normal * ARROW * 0.45,
                                           tip + d * ARROW - normal * ARROW * 0.45]))
        label = self.label_rect()
        if label is not None:
            painter.setPen(QPen(style.SELECTION if selected else style.COLOUR["grid"], 1))
            painter.setBrush(style.COLOUR["paper"])
            painter.drawRoundedRect(label, 3, 3)
            painter.setFont(style.font(style.FLOW_FONT))
            painter.setPen(style.COLOUR["ink"])
            painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), self.text)
        if selected and getattr(self.scene(), "editable", False):
            painter.setPen(QPen(style.SELECTION, 1.5))
            painter.setBrush(style.COLOUR["paper"])
            for p in (QPointF(*self._route[0]), QPointF(*self._route[-1])):
                painter.drawRect(QRectF(p.x() - END_HANDLE / 2 - 1, p.y() - END_HANDLE / 2 - 1,
                                        END_HANDLE + 2, END_HANDLE + 2))

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(4 if value else 2)     # selected: its end handles lie above the steps
        return super().itemChange(change, value)

    # ------------------------------------------------------------------ reconnecting an end
    def end_at(self, pos: QPointF) -> str | None:
        if not self.isSelected() or len(self._route) < 2:
            return None
        if (pos - QPointF(*self._route[-1])).manhattanLength() <= END_HANDLE + 6:
            return "target"
        if (pos - QPointF(*self._route[0])).manhattanLength() <= END_HANDLE + 6:
            return "source"
        return None

    def mousePressEvent(self, event) -> None:
        self._end = None
        if event.button() == Qt.MouseButton.LeftButton and getattr(self.scene(), "editable", False):
            self._end = self.end_at(event.pos())
            if self._end is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._end is None:
            return super().mouseMoveEvent(event)
        down = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
        if (event.screenPos() - down).manhattanLength() < QApplication.startDragDistance():
            return
        self.scene().reconnect_to(self, self._end, event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        if self._end is not None:
            end, self._end = self._end, None
            self.scene().end_reconnect(self, end, event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().rename_requested.emit("flow", self.id)
            event.accept()
