"""Small icons drawn in code (no image files to ship or to go missing): one glyph per kind
for the workshop tree; the app icon is the designed one in resources/icons."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from mot_workshop.ui.cycle.style import LEVEL_FILL


def _canvas(size: int = 32) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@functools.cache
def app_icon() -> QIcon:
    """The app's icon (resources/icons, rendered from its SVG by installer/make_icons.py):
    the same picture in the window, the task bar and the installers."""
    from mot_workshop.resources import resource

    icon = QIcon()
    for png in sorted(resource("icons").glob("mot-workshop-*.png")):
        icon.addFile(str(png))
    return icon


@functools.cache
def kind_icon(kind: str) -> QIcon:
    pixmap, p = _canvas(32)
    ink = QColor("#3e4c59")
    p.setPen(QPen(ink, 2.4))
    if kind == "workshop":
        p.setBrush(QColor("#e4e7eb"))
        p.drawRoundedRect(QRectF(5, 8, 22, 18), 3, 3)
        p.drawLine(QPointF(5, 14), QPointF(27, 14))
    elif kind == "team":
        p.setBrush(QColor("#cfe3f7"))
        p.drawEllipse(QPointF(11, 12), 5, 5)
        p.drawEllipse(QPointF(21, 12), 5, 5)
        p.drawRoundedRect(QRectF(4, 19, 24, 8), 4, 4)
    elif kind == "process":
        p.setBrush(QColor("#fde8c8"))
        p.drawRoundedRect(QRectF(4, 9, 18, 14), 3, 3)
        p.drawLine(QPointF(22, 16), QPointF(29, 16))
        p.drawLine(QPointF(25, 12), QPointF(29, 16))
        p.drawLine(QPointF(25, 20), QPointF(29, 16))
    elif kind == "process_map":
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(4, 6, 24, 20))
        p.drawLine(QPointF(4, 13), QPointF(28, 13))
        p.drawLine(QPointF(4, 19), QPointF(28, 19))
    elif kind == "cycle":
        p.setPen(QPen(QColor("#9aa5b1"), 3))
        p.drawEllipse(QPointF(16, 16), 10, 10)
        p.setPen(QPen(ink, 1.5))
        for i, level in enumerate((2, 4, 5)):
            a = math.radians(360 * (i + 1) / 4)
            p.setBrush(QColor(LEVEL_FILL[level]))
            p.drawEllipse(QPointF(16 + 10 * math.sin(a), 16 - 10 * math.cos(a)), 4.5, 4.5)
    else:
        p.setBrush(QColor("#e4e7eb"))
        p.drawEllipse(QPointF(16, 16), 8, 8)
    p.end()
    return QIcon(pixmap)


@functools.cache
def action_icon(name: str) -> QIcon:
    """Toolbar glyphs, drawn (so they look the same on every platform and cost no image files)."""
    pixmap, p = _canvas(32)
    ink = QColor("#3e4c59")
    pen = QPen(ink, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    if name == "new":
        p.setBrush(QColor("#ffffff"))
        p.drawPolygon([QPointF(8, 4), QPointF(19, 4), QPointF(25, 10), QPointF(25, 28), QPointF(8, 28)])
        p.drawLine(QPointF(19, 4), QPointF(19, 10))
        p.drawLine(QPointF(19, 10), QPointF(25, 10))
    elif name == "open":
        p.setBrush(QColor("#f6d58e"))
        p.drawPolygon([QPointF(4, 9), QPointF(12, 9), QPointF(15, 12), QPointF(28, 12), QPointF(28, 26),
                       QPointF(4, 26)])
    elif name in ("undo", "redo"):
        p.save()
        if name == "redo":
            p.translate(32, 0)
            p.scale(-1, 1)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(8, 9, 18, 16), 90 * 16, -200 * 16)
        p.drawLine(QPointF(17, 9), QPointF(9, 9))
        p.drawLine(QPointF(9, 9), QPointF(13, 4))
        p.drawLine(QPointF(9, 9), QPointF(13, 14))
        p.restore()
    elif name in ("zoom_in", "zoom_out", "zoom_fit"):
        if name == "zoom_fit":
            for x, y, dx, dy in ((5, 5, 1, 1), (27, 5, -1, 1), (5, 27, 1, -1), (27, 27, -1, -1)):
                p.drawLine(QPointF(x, y), QPointF(x + 7 * dx, y))
                p.drawLine(QPointF(x, y), QPointF(x, y + 7 * dy))
            p.drawEllipse(QPointF(16, 16), 5, 5)
        else:
            p.setBrush(QColor("#ffffff"))
            p.drawEllipse(QPointF(13, 13), 8.5, 8.5)
            p.drawLine(QPointF(19.5, 19.5), QPointF(27, 27))
            p.drawLine(QPointF(9, 13), QPointF(17, 13))
            if name == "zoom_in":
                p.drawLine(QPointF(13, 9), QPointF(13, 17))
    elif name in ("new_cycle", "add_touchpoint"):
        if name == "new_cycle":
            p.setPen(QPen(QColor("#9aa5b1"), 3))
            p.drawEllipse(QPointF(14, 17), 9, 9)
            p.setPen(QPen(ink, 1.5))
            p.setBrush(QColor(LEVEL_FILL[4]))
            p.drawEllipse(QPointF(14, 8), 4, 4)
        else:
            p.setPen(QPen(ink, 1.8))
            p.setBrush(QColor(LEVEL_FILL[3]))
            p.drawEllipse(QPointF(13, 17), 8, 8)
        p.setPen(QPen(QColor("#1b7f3b"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(25, 3), QPointF(25, 13))
        p.drawLine(QPointF(20, 8), QPointF(30, 8))
    p.end()
    return QIcon(pixmap)
