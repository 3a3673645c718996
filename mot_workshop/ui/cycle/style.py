"""How touchpoints look, shared by the ring and the journey views (and their legend).

The experienced level (1–5) is shown three ways so it reads on a projector, in greyscale
print-outs and for colour-blind viewers: a red-to-green fill, a hatch pattern per level,
and the number itself in a chip on the node.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QGuiApplication, QPainter, QPen

from mot_workshop.domain.enums import Element

LEVEL_FILL = {1: "#d7301f", 2: "#fc8d59", 3: "#fee08b", 4: "#a6d96a", 5: "#1a9850"}
LEVEL_PATTERN = {1: Qt.BrushStyle.DiagCrossPattern, 2: Qt.BrushStyle.BDiagPattern,
                 3: Qt.BrushStyle.HorPattern, 4: Qt.BrushStyle.Dense6Pattern, 5: None}
LEVEL_NAMES = {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neutral", 4: "Satisfied", 5: "Very satisfied"}
UNRATED_FILL = "#ffffff"

ELEMENT_COLOUR = {Element.HARD: "#35598f", Element.SOFT: "#1d7a74", Element.HUMAN: "#8a4b9c"}
ELEMENT_TEXT = {Element.HARD: "HARD", Element.SOFT: "SOFT", Element.HUMAN: "HUMAN"}

INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
RING = QColor("#9aa5b1")
SELECTION = QColor("#1e6ee8")
WEAKEST = QColor("#c62828")
CRITICAL = QColor("#b71c1c")
PAPER = QColor("#ffffff")


_FONTS: dict[tuple[int, bool], QFont] = {}


def font(pixel_size: float, *, bold: bool = False) -> QFont:
    """The UI font at a pixel size (cached: painting asks for it thousands of times)."""
    key = (max(1, round(pixel_size)), bold)
    cached = _FONTS.get(key)
    if cached is None:
        cached = QFont(QGuiApplication.font())
        cached.setPixelSize(key[0])
        cached.setBold(bold)
        _FONTS[key] = cached
    return cached


def reset_fonts() -> None:
    """The application font changed (language switch): forget the cached fonts."""
    _FONTS.clear()


def level_fill(level: int | None) -> QColor:
    return QColor(LEVEL_FILL.get(level, UNRATED_FILL))


_PATTERNS: dict[int, QBrush] = {}


def pattern_brush(level: int | None) -> QBrush | None:
    style = LEVEL_PATTERN.get(level)
    if style is None:
        return None
    if level not in _PATTERNS:
        ink = QColor(level_fill(level).darker(190))
        ink.setAlpha(150)
        _PATTERNS[level] = QBrush(ink, style)
    return _PATTERNS[level]


def paint_node(painter: QPainter, center: QPointF, radius: float, outline: float, *, level: int | None,
               order: int, critical: bool, selected: bool, weakest: bool, element: Element,
               hover: bool = False) -> None:
    """One touchpoint: patterned fill, outline weight by importance, order number in a white
    disc, the level chip, the element badge, and the critical / weakest / selected marks."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
    if weakest:
        pen = QPen(WEAKEST, 4, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle.adjusted(-11, -11, 11, 11))
    if selected or hover:
        halo = QColor(SELECTION)
        halo.setAlpha(90 if selected else 45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        painter.drawEllipse(circle.adjusted(-7, -7, 7, 7))
    painter.setBrush(level_fill(level))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(circle)
    pattern = pattern_brush(level)
    if pattern is not None:
        painter.setBrush(pattern)
        painter.drawEllipse(circle)
    rim = QPen(SELECTION if selected else INK, outline)
    if level is None:
        rim.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(rim)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(circle)
    # order number in a white disc
    disc = radius * 0.58
    painter.setPen(QPen(QColor(INK), 1))
    painter.setBrush(PAPER)
    painter.drawEllipse(center, disc, disc)
    painter.setFont(font(max(11, disc * 1.05), bold=True))
    painter.setPen(INK)
    painter.drawText(QRectF(center.x() - disc, center.y() - disc, 2 * disc, 2 * disc),
                     Qt.AlignmentFlag.AlignCenter, str(order))
    paint_level_chip(painter, QPointF(center.x() + radius * 0.78, center.y() - radius * 0.78), level)
    paint_badge(painter, QPointF(center.x(), center.y() + radius), element)
    if critical:
        paint_critical(painter, QPointF(center.x() - radius * 0.8, center.y() - radius * 0.8))
    painter.restore()


def paint_level_chip(painter: QPainter, at: QPointF, level: int | None) -> None:
    size = 18.0
    rect = QRectF(at.x() - size / 2, at.y() - size / 2, size, size)
    painter.setPen(QPen(INK, 1.2))
    painter.setBrush(PAPER)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setFont(font(12, bold=True))
    painter.setPen(INK if level is not None else MUTED)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(level) if level is not None else "–")


def badge_rect(at: QPointF, element: Element) -> QRectF:
    metrics = QFontMetricsF(font(9, bold=True))
    width = metrics.horizontalAdvance(ELEMENT_TEXT[element]) + 10
    return QRectF(at.x() - width / 2, at.y() - 7, width, 14)


def paint_badge(painter: QPainter, at: QPointF, element: Element) -> None:
    rect = badge_rect(at, element)
    painter.setPen(QPen(PAPER, 1))
    painter.setBrush(QColor(ELEMENT_COLOUR[element]))
    painter.drawRoundedRect(rect, 7, 7)
    painter.setFont(font(9, bold=True))
    painter.setPen(PAPER)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, ELEMENT_TEXT[element])


def paint_critical(painter: QPainter, at: QPointF) -> None:
    r = 9.0
    painter.setPen(QPen(PAPER, 1.5))
    painter.setBrush(CRITICAL)
    painter.drawEllipse(at, r, r)
    painter.setFont(font(13, bold=True))
    painter.setPen(PAPER)
    painter.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "!")


def node_extent(radius: float) -> float:
    """How far the node's marks reach beyond its radius (halo, chips, badge)."""
    return 14.0
