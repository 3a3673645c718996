"""A touchpoint on the ring or the journey line. It draws itself and turns gestures into
requests to its scene (drag along the ring, double-click to rename); it never writes the
model."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsLineItem

from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.cycle import style
from mot_workshop.ui.facilitation.voting import dots_badge
from mot_workshop.ui.cycle.label_item import LabelItem

MARGIN = 22.0   # room for the halo, the chips and the badge around the circle


class TouchpointItem(QGraphicsItem):
    def __init__(self, touchpoint: Touchpoint, *, draggable: bool = True):
        super().__init__()
        self.touchpoint = touchpoint
        self.order = 1
        self.weakest = False
        self.radius = 27.0
        self.outline = 1.5
        self.draggable = draggable
        self.hover = False
        self._dragging = False
        self.label = LabelItem(self)
        self.leader = QGraphicsLineItem(self)       # to a name that had to sit away from its node
        self.leader.setPen(QPen(style.RING.darker(120), 1.0))
        self.leader.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.leader.setVisible(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        # painted once into a pixmap, then moved around: a drag only blits
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.OpenHandCursor if draggable else Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)

    @property
    def id(self) -> int:
        return self.touchpoint.id

    def set_data(self, touchpoint: Touchpoint, order: int, weakest: bool, dots: int = 0) -> None:
        changed = (touchpoint != self.touchpoint or order != self.order or weakest != self.weakest)
        self.touchpoint, self.order, self.weakest = touchpoint, order, weakest
        badge = f"  {dots_badge(dots)}" if dots else ""      # dot-vote results, readable from the back
        self.label.set_text(f"{touchpoint.name}{badge}", bold=weakest,
                            colour=style.WEAKEST if weakest else style.INK)
        self.setToolTip(self.tooltip())
        if changed:
            self.update()

    def set_size(self, radius: float, outline: float) -> None:
        if (radius, outline) != (self.radius, self.outline):
            self.prepareGeometryChange()
            self.radius, self.outline = radius, outline
            self.update()

    def tooltip(self) -> str:
        tp = self.touchpoint
        level = (f"{tp.level} – {tr(style.LEVEL_NAMES[tp.level])}" if tp.level else tr("not rated"))
        lines = [f"<b>{self.order}. {_esc(tp.name)}</b>",
                 f"{tr('Element')}: {enum_name(tp.element)}",
                 f"{tr('Experienced level')}: {level}",
                 f"{tr('Importance')}: {tp.importance if tp.importance else '–'}"]
        if tp.critical:
            lines.append(tr("Critical moment"))
        if self.weakest:
            lines.append(f"<span style='color:#c62828'>{tr('Weakest link (100 − 1 = 0)')}</span>")
        return "<br>".join(lines)

    # ------------------------------------------------------------------ drawing
    def boundingRect(self) -> QRectF:
        r = self.radius + MARGIN
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.radius + 4
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        style.paint_node(painter, QPointF(0, 0), self.radius, self.outline, level=self.touchpoint.level,
                         order=self.order, critical=self.touchpoint.critical,
                         selected=self.isSelected(),
                         weakest=self.weakest, element=self.touchpoint.element, hover=self.hover)

    def hoverEnterEvent(self, event) -> None:
        self.hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.update()

    # ------------------------------------------------------------------ gestures
    def mousePressEvent(self, event) -> None:
        self._dragging = False
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        if not self.draggable or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        scene = self.scene()
        if not self._dragging:
            down = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if (event.screenPos() - down).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            scene.begin_drag(self)
        scene.drag_to(self, event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging:
            self._dragging = False
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            self.scene().end_drag(self)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().rename_requested.emit(self.id)
            event.accept()

    def cancel_drag(self) -> None:
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
