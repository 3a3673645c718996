"""A touchpoint's name beside its node: wrapped to a width, at most three lines, placed by
an anchor point and the side of the text box that touches it (from ``layout/``)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem

from mot_workshop.ui.cycle import style

MAX_LINES = 3
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


@functools.lru_cache(maxsize=4096)
def wrap(text: str, family_key: str, pixel_size: int, bold: bool, width: float) -> tuple[tuple[str, float], ...]:
    """Lines (text, width) of ``text`` wrapped at ``width``; the last line elided if needed."""
    f = style.font(pixel_size, bold=bold)
    metrics = QFontMetricsF(f)
    layout = QTextLayout(text, f)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart(): line.textStart() + line.textLength()].strip())
    layout.endLayout()
    if len(lines) > MAX_LINES:
        rest = " ".join(lines[MAX_LINES - 1:])
        lines = lines[: MAX_LINES - 1] + [metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return tuple((line, metrics.horizontalAdvance(line)) for line in lines) or (("", 0.0),)


class LabelItem(QGraphicsItem):
    PIXEL_SIZE = 13

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.pixel_size = self.PIXEL_SIZE     # a presented journey sets its names larger
        self.text = ""
        self.bold = False
        self.colour = QColor(style.INK)
        self._lines: tuple[tuple[str, float], ...] = (("", 0.0),)
        self._halign = "center"
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_text(self, text: str, *, bold: bool = False, colour: QColor | None = None) -> None:
        colour = QColor(colour or style.INK)
        if (text, bold, colour) != (self.text, self.bold, self.colour):
            self.text, self.bold, self.colour = text, bold, colour
            self.update()

    def measure(self, width: float) -> tuple[float, float]:
        """The text box (width, height) when wrapped at ``width``."""
        return self._box(width)[1:]

    def _box(self, width: float) -> tuple[tuple[tuple[str, float], ...], float, float]:
        f = style.font(self.pixel_size, bold=self.bold)
        lines = wrap(self.text, f.family(), self.pixel_size, self.bold, round(width))
        line_h = _line_height(self.pixel_size, self.bold, f.family())
        return lines, max((lw for _, lw in lines), default=0.0) + 2, line_h * len(lines)

    def place(self, anchor: QPointF, halign: str, valign: str, width: float) -> None:
        """``anchor`` in the parent's coordinates."""
        lines, w, h = self._box(width)
        x = {"left": 0.0, "center": -w / 2, "right": -w}[halign]
        y = {"top": 0.0, "middle": -h / 2, "bottom": -h}[valign]
        rect = QRectF(x, y, w, h)
        if rect != self._rect or lines != self._lines or halign != self._halign:
            self.prepareGeometryChange()
            self._halign, self._rect, self._lines = halign, rect, lines
            self.update()
        self.setPos(anchor)

    def text_rect(self) -> QRectF:
        """The box the lines are set in (item coordinates)."""
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        f = style.font(self.pixel_size, bold=self.bold)
        painter.setFont(f)
        painter.setPen(self.colour)
        line_h = _line_height(self.pixel_size, self.bold, f.family())
        for i, (line, _) in enumerate(self._lines):
            rect = QRectF(self._rect.x(), self._rect.y() + i * line_h, self._rect.width(), line_h)
            painter.drawText(rect, _ALIGN[self._halign] | Qt.AlignmentFlag.AlignVCenter, line)


@functools.lru_cache(maxsize=64)
def _line_height(pixel_size: int, bold: bool, family: str) -> float:
    return QFontMetricsF(style.font(pixel_size, bold=bold)).lineSpacing()
