"""The same cycle as a journey line: touchpoints left to right (IN → OUT) and the
experience curve through their levels. Same data and same items as the ring; selection,
rename and drops work here too; reordering is done on the ring."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from mot_workshop.ui.cycle.summary import score_cycle
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr
from mot_workshop.layout import journey
from mot_workshop.ui.cycle import style
from mot_workshop.ui.cycle.legend import legend_for
from mot_workshop.ui.cycle.selection import TouchpointSelection
from mot_workshop.ui.cycle.mime import from_mime
from mot_workshop.ui.cycle.ring_items import SummaryItem
from mot_workshop.ui.cycle.summary import summary_lines
from mot_workshop.ui.cycle.touchpoint_item import TouchpointItem


class GridItem(QGraphicsItem):
    """Level bands (5 at the top), their names on the left, the not-rated line, IN and OUT."""

    TEXT_PX = 13

    def __init__(self):
        super().__init__()
        self.layout: journey.JourneyLayout | None = None
        self.text_px = self.TEXT_PX        # a presented journey names its levels larger
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_layout(self, layout: journey.JourneyLayout) -> None:
        self.prepareGeometryChange()
        self.layout = layout

    def boundingRect(self) -> QRectF:
        lay = self.layout
        if lay is None:
            return QRectF()
        return QRectF(0, lay.level_y[5] - 40, lay.right + 10, lay.unrated_y - lay.level_y[5] + 80)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        from mot_workshop.i18n import speaking

        with speaking(getattr(self.scene(), "lang", None)):      # the diagram speaks the workshop's language
            self._paint(painter, option)

    def axis_width(self) -> float:
        """Room on the left for the level names in their size (the usual room at least)."""
        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(style.font(self.text_px, bold=True))
        texts = [f"{level}  {tr(style.LEVEL_NAMES[level])}" for level in range(1, 6)] + [tr("Not rated")]
        return max(journey.AXIS_WIDTH, max(metrics.horizontalAdvance(t) for t in texts) + 20)

    def _axis_px(self, width: float) -> int:
        """The largest size up to ``text_px`` in which every level name fits the axis."""
        from PySide6.QtGui import QFontMetricsF

        texts = [f"{level}  {tr(style.LEVEL_NAMES[level])}" for level in range(1, 6)]
        px = self.text_px
        while px > self.TEXT_PX and max(QFontMetricsF(style.font(px, bold=True)).horizontalAdvance(t)
                                        for t in texts) > width:
            px -= 1
        return px

    def _paint(self, painter: QPainter, option) -> None:
        lay = self.layout
        if lay is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = journey.LEVEL_STEP / 2
        px = self._axis_px(lay.left - 12)
        for level, y in lay.level_y.items():
            band = QColor(style.level_fill(level))
            band.setAlpha(28)
            painter.fillRect(QRectF(lay.left, y - half, lay.right - lay.left, journey.LEVEL_STEP), band)
            painter.setPen(QPen(QColor("#d5dbe1"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(lay.left, y), QPointF(lay.right, y))
            painter.setFont(style.font(px, bold=True))
            painter.setPen(style.INK)
            painter.drawText(QRectF(0, y - half, lay.left - 12, 2 * half),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{level}  {tr(style.LEVEL_NAMES[level])}")
        painter.setPen(QPen(QColor("#c2c9d0"), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(lay.left, lay.unrated_y), QPointF(lay.right, lay.unrated_y))
        painter.setFont(style.font(px))
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(0, lay.unrated_y - half, lay.left - 12, 2 * half),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tr("Not rated"))
        painter.setFont(style.font(15, bold=True))
        for text, at, colour in (("IN", lay.gate_in, QColor("#1b5e20")), ("OUT", lay.gate_out, QColor("#37474f"))):
            box = QRectF(at.x - 22, at.y - 12, 44, 24)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(box, 5, 5)
            painter.setPen(style.PAPER)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class JourneyScene(TouchpointSelection, QGraphicsScene):
    drop_requested = Signal(list, int)
    rename_requested = Signal(int)
    reorder_requested = Signal(list, int)   # not emitted: reordering happens on the ring

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackgroundBrush(style.PAPER)
        self.name = ""
        self.text_scale = 1.0      # presented: names larger, columns as much wider (more pages)
        self.legend_room: float | None = None
        self.votes: dict[int, int] = {}        # touchpoint id -> dots cast on it
        self.touchpoints: list[Touchpoint] = []
        self.items_by_id: dict[int, TouchpointItem] = {}
        self.layout = journey.layout_journey([])
        self.grid = GridItem()
        self.curve = QGraphicsPathItem()
        self.curve.setPen(QPen(QColor("#1f2933"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.curve.setZValue(1)
        self.summary = SummaryItem(centred=False)
        self.legend = legend_for()
        for item in (self.grid, self.curve, self.summary, self.legend):
            self.addItem(item)

    def show_cycle(self, name: str, touchpoints: Sequence[Touchpoint]) -> None:
        self.name, self.touchpoints = name, list(touchpoints)
        score = score_cycle(self.touchpoints)
        weakest_id = score.weakest.id if score.weakest is not None else None
        wanted = {tp.id for tp in self.touchpoints}
        for id in [i for i in self.items_by_id if i not in wanted]:
            self.removeItem(self.items_by_id.pop(id))
        scale = self.text_scale
        self.grid.text_px = round(GridItem.TEXT_PX * scale)
        from mot_workshop.i18n import speaking

        with speaking(getattr(self, "lang", None)):
            axis = self.grid.axis_width() if scale != 1.0 else journey.AXIS_WIDTH
        self.layout = journey.layout_journey([tp.level for tp in self.touchpoints],
                                             [tp.importance for tp in self.touchpoints],
                                             column_width=journey.COLUMN_WIDTH * scale, axis_width=axis)
        self.grid.set_layout(self.layout)
        for tp, node in zip(self.touchpoints, self.layout.nodes):
            item = self.items_by_id.get(tp.id)
            if item is None:
                item = self.items_by_id[tp.id] = TouchpointItem(tp, draggable=False)
                self.addItem(item)
            item.set_data(tp, node.index + 1, tp.id == weakest_id, self.votes.get(tp.id, 0))
            item.set_size(node.radius, node.outline)
            item.setPos(node.center.x, node.center.y)
            top = node.label_top.y - node.center.y
            px = round(item.label.PIXEL_SIZE * scale)
            if px != item.label.pixel_size:
                item.label.pixel_size = px
                item.label.update()
            item.label.place(QPointF(0, top), "center", "top", node.label_width)
        self.curve.setPath(self._curve_path())
        self.summary.set_lines(summary_lines(name, self.touchpoints, score), 520)
        self.summary.setScale(scale)
        self.summary.setPos(self.layout.left, self.layout.level_y[5] - 60 - self.summary.boundingRect().height() * scale)
        bottom = self.layout.labels_y + 60
        for item in self.items_by_id.values():
            bottom = max(bottom, item.label.sceneBoundingRect().bottom())
        self.legend.setScale(self._legend_scale())
        self.legend.setPos(self.layout.left, bottom + 30)
        rect = self.itemsBoundingRect()
        self.setSceneRect(rect.adjusted(-30, -30, 30, 30))

    def set_text_scale(self, scale: float, legend_room: float | None = None) -> None:
        """Names (and the columns they wrap in), level names, summary and legend ``scale`` times
        larger: the room reads them. The legend stays within ``legend_room`` (the first page)."""
        if (scale, legend_room) != (self.text_scale, self.legend_room):
            self.text_scale, self.legend_room = scale, legend_room
            self.show_cycle(self.name, self.touchpoints)
            self.grid.update()

    def _legend_scale(self) -> float:
        natural = self.legend.boundingRect().width()
        if self.legend_room is None or natural <= 0:
            return self.text_scale
        return max(1.0, min(self.text_scale, self.legend_room / natural))

    def retranslate(self) -> None:
        self.removeItem(self.legend)
        self.legend = legend_for()
        self.legend.setScale(self._legend_scale())
        self.addItem(self.legend)
        self.show_cycle(self.name, self.touchpoints)
        self.grid.update()

    def _curve_path(self) -> QPainterPath:
        path = QPainterPath()
        points = self.layout.curve()
        if not points:
            return path
        path.moveTo(points[0].x, points[0].y)
        for c1, c2, end in journey.smooth_path(points):
            path.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
        return path


    def insert_index_at(self, pos: QPointF) -> int:
        return sum(1 for node in self.layout.nodes if node.center.x < pos.x())

    # a touchpoint item asks its scene for these while dragging; the journey does not reorder
    def begin_drag(self, item) -> None:
        pass

    def drag_to(self, item, pos) -> None:
        pass

    def end_drag(self, item) -> None:
        pass

    def dragEnterEvent(self, event) -> None:
        event.acceptProposedAction() if from_mime(event.mimeData()) else event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction() if from_mime(event.mimeData()) else event.ignore()

    def dropEvent(self, event) -> None:
        items = from_mime(event.mimeData())
        if not items:
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_requested.emit(items, self.insert_index_at(event.scenePos()))
