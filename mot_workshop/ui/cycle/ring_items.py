"""The parts of the ring diagram that are not touchpoints: the ring with its direction
arrows and the IN / OUT gate, the summary in the middle, the drop marker and the legend."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from mot_workshop.layout.cycle_ring import RingLayout, point_at
from mot_workshop.ui.cycle import style
from mot_workshop.ui.cycle.label_item import wrap
from mot_workshop.ui.cycle.summary import SummaryLine


class RingItem(QGraphicsItem):
    """The ring from IN clockwise to OUT, arrowheads between touchpoints, the gate at the top."""

    def __init__(self):
        super().__init__()
        self.layout: RingLayout | None = None
        self.setZValue(0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_layout(self, layout: RingLayout) -> None:
        self.prepareGeometryChange()
        self.layout = layout
        self.update()

    def boundingRect(self) -> QRectF:
        if self.layout is None:
            return QRectF()
        r = self.layout.radius + 60
        c = self.layout.center
        return QRectF(c.x - r, c.y - r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lay = self.layout
        if lay is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QPointF(lay.center.x, lay.center.y)
        r = lay.radius
        rect = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        start, end = lay.gate_in.angle, lay.gate_out.angle
        painter.setPen(QPen(style.RING, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Qt arcs: 0° at 3 o'clock, counter-clockwise positive, in 1/16 degree
        painter.drawArc(rect, round((90 - start) * 16), round(-(end - start) * 16))
        angles = [lay.gate_in.angle] + [n.angle for n in lay.nodes] + [lay.gate_out.angle]
        for a, b in zip(angles, angles[1:]):
            if b - a > 6:
                self._arrow(painter, lay, (a + b) / 2)
        self._gate(painter, lay)

    def gate_boxes(self) -> list[QRectF]:
        """The IN and OUT markers' boxes (scene coordinates): names keep clear of them."""
        lay = self.layout
        if lay is None:
            return []
        top = point_at(lay.center, lay.radius, 0.0)
        metrics = QFontMetricsF(style.font(15, bold=True))
        boxes = []
        for gate, align in ((lay.gate_in, "left"), (lay.gate_out, "right")):
            width = metrics.horizontalAdvance(gate.text) + 16
            x = top.x + 8 if align == "left" else top.x - 8 - width
            boxes.append(QRectF(x, top.y - 44, width, 24))
        return boxes

    def _arrow(self, painter: QPainter, lay: RingLayout, angle: float) -> None:
        tip = point_at(lay.center, lay.radius, angle + 1.2)
        rad = math.radians(angle)
        tangent = QPointF(math.cos(rad), math.sin(rad))       # clockwise direction on screen
        normal = QPointF(-tangent.y(), tangent.x())
        t = QPointF(tip.x, tip.y)
        size = 9.0
        poly = QPolygonF([t, t - tangent * size + normal * size * 0.6, t - tangent * size - normal * size * 0.6])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.RING.darker(115))
        painter.drawPolygon(poly)

    def _gate(self, painter: QPainter, lay: RingLayout) -> None:
        top = point_at(lay.center, lay.radius, 0.0)
        painter.setPen(QPen(style.INK, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(top.x, top.y - 16), QPointF(top.x, top.y + 16))
        painter.setFont(style.font(15, bold=True))
        for (gate, colour), box in zip(((lay.gate_in, QColor("#1b5e20")), (lay.gate_out, QColor("#37474f"))),
                                       self.gate_boxes()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(box, 5, 5)
            painter.setPen(style.PAPER)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, gate.text)


class SummaryItem(QGraphicsItem):
    """Lines of text centred on a point (the middle of the ring) or left-aligned at it."""

    SIZES = {"title": (21, True), "stat": (17, True), "weakest": (15, True), "note": (13, False),
             "muted": (14, False)}

    def __init__(self, *, centred: bool = True):
        super().__init__()
        self.lines: list[SummaryLine] = []
        self.width = 320.0
        self.centred = centred
        self._rows: list[tuple[SummaryLine, tuple[tuple[str, float], ...], float]] = []
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_lines(self, lines: Sequence[SummaryLine], width: float) -> None:
        self.prepareGeometryChange()
        self.lines, self.width = list(lines), width
        self._rows = []
        height = 0.0
        for line in self.lines:
            size, bold = self.SIZES[line.role]
            wrapped = wrap(line.text, style.font(size).family(), size, bold, round(width))
            line_h = QFontMetricsF(style.font(size, bold=bold)).lineSpacing()
            self._rows.append((line, wrapped, line_h))
            height += line_h * len(wrapped) + (8 if line.role == "title" else 3)
        x = -width / 2 if self.centred else 0.0
        y = -height / 2 if self.centred else 0.0
        self._rect = QRectF(x, y, width, height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        y = self._rect.top()
        align = Qt.AlignmentFlag.AlignHCenter if self.centred else Qt.AlignmentFlag.AlignLeft
        colours = {"title": style.INK, "stat": style.INK, "weakest": style.WEAKEST, "note": style.WEAKEST,
                   "muted": style.MUTED}
        for line, wrapped, line_h in self._rows:
            size, bold = self.SIZES[line.role]
            painter.setFont(style.font(size, bold=bold))
            painter.setPen(colours[line.role])
            for text, _ in wrapped:
                painter.drawText(QRectF(self._rect.left(), y, self._rect.width(), line_h),
                                 align | Qt.AlignmentFlag.AlignVCenter, text)
                y += line_h
            y += 8 if line.role == "title" else 3


class DropMarkerItem(QGraphicsItem):
    """Where a dropped template would go: a dashed circle with a plus sign."""

    def __init__(self):
        super().__init__()
        self.count = 1
        self.setZValue(5)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(-40, -40, 80, 80)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.SELECTION, 2.5, Qt.PenStyle.DashLine))
        fill = QColor(style.SELECTION)
        fill.setAlpha(35)
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(0, 0), 24, 24)
        painter.setPen(QPen(style.SELECTION, 3))
        painter.drawLine(QPointF(-9, 0), QPointF(9, 0))
        painter.drawLine(QPointF(0, -9), QPointF(0, 9))
        if self.count > 1:
            painter.setFont(style.font(12, bold=True))
            painter.drawText(QRectF(14, -34, 40, 18), Qt.AlignmentFlag.AlignLeft, f"×{self.count}")


class LegendItem(QGraphicsItem):
    """How to read the diagram: level fills and patterns, importance, critical, weakest, H/S/H."""

    def __init__(self):
        super().__init__()
        self.entries: list[tuple[str, str]] = []   # (kind, text)
        self.title = ""
        self._rect = QRectF(0, 0, 10, 10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_entries(self, title: str, levels: Sequence[str], marks: Sequence[tuple[str, str]]) -> None:
        self.prepareGeometryChange()
        self.title = title
        self.levels = list(levels)                 # names of levels 1..5, then "not rated"
        self.marks = list(marks)                   # (kind, text): importance, critical, weakest, element
        f = style.font(12)
        metrics = QFontMetricsF(f)
        level_w = sum(metrics.horizontalAdvance(t) + 44 for t in self.levels)
        mark_w = sum(metrics.horizontalAdvance(t) + 48 for _, t in self.marks)
        self._rect = QRectF(0, 0, max(level_w, mark_w) + 16, 84)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#d9dee3"), 1))
        painter.setBrush(QColor("#fbfcfd"))
        painter.drawRoundedRect(self._rect, 8, 8)
        f = style.font(12)
        metrics = QFontMetricsF(f)
        x, y = 12.0, 12.0
        painter.setFont(style.font(12, bold=True))
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(x, y - 8, 400, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title)
        y = 34.0
        for i, text in enumerate(self.levels):
            level = i + 1 if i < 5 else None
            self._swatch(painter, QPointF(x + 10, y), level)
            painter.setFont(f)
            painter.setPen(style.INK)
            painter.drawText(QRectF(x + 24, y - 9, metrics.horizontalAdvance(text) + 4, 18),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += metrics.horizontalAdvance(text) + 44
        x, y = 12.0, 64.0
        for kind, text in self.marks:
            self._mark(painter, QPointF(x + 12, y), kind)
            painter.setFont(f)
            painter.setPen(style.INK)
            painter.drawText(QRectF(x + 28, y - 9, metrics.horizontalAdvance(text) + 4, 18),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += metrics.horizontalAdvance(text) + 48

    def _swatch(self, painter: QPainter, at: QPointF, level: int | None) -> None:
        painter.setPen(QPen(style.INK, 1.2, Qt.PenStyle.SolidLine if level else Qt.PenStyle.DashLine))
        painter.setBrush(style.level_fill(level))
        painter.drawEllipse(at, 9, 9)
        pattern = style.pattern_brush(level)
        if pattern is not None:
            painter.setBrush(pattern)
            painter.drawEllipse(at, 9, 9)

    def _mark(self, painter: QPainter, at: QPointF, kind: str) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "importance":
            painter.setPen(QPen(style.INK, 1))
            painter.drawEllipse(at - QPointF(6, 0), 4, 4)
            painter.setPen(QPen(style.INK, 3))
            painter.drawEllipse(at + QPointF(5, 0), 7, 7)
        elif kind == "critical":
            style.paint_critical(painter, at)
        elif kind == "weakest":
            painter.setPen(QPen(style.WEAKEST, 3, Qt.PenStyle.DashLine))
            painter.drawEllipse(at, 9, 9)
        elif kind == "level":
            style.paint_level_chip(painter, at, 3)
        else:
            painter.setPen(QPen(style.PAPER, 1))
            for i, colour in enumerate(style.ELEMENT_COLOUR.values()):
                painter.setBrush(QBrush(QColor(colour)))
                painter.drawRoundedRect(QRectF(at.x() - 17 + i * 8, at.y() - 5, 10, 10), 3, 3)

