"""How a swimlane map looks on screen: the PDF's colours and the seed legend's shapes,
drawn with QPainter from the same geometry (``layout.swimlane``) the PDF uses."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter, QPainterPath, QPen

from mot_workshop.export.pdf.styles import _HEX     # one palette for paper and screen

COLOUR = {name: QColor(value) for name, value in _HEX.items()}
SELECTION = QColor("#1e6ee8")
TARGET = QColor("#2a8c82")
STATUS_COLOUR = {"added": QColor("#2e9d4f"), "removed": QColor("#c0392b"), "changed": QColor("#d99a2b"),
                 "moved": QColor("#7b4fb5"), "unchanged": QColor("#9aa5b1")}
FILLS = {"start-end": "start_fill", "activity": "shape_fill", "decision": "decision_fill",
         "computer": "computer_fill", "connector": "shape_fill", "other-process": "other_fill"}
HEADER_FONT = 12.0
FLOW_FONT = 10.0

_FONTS: dict[tuple[float, bool], QFont] = {}


def font(size: float, *, bold: bool = False) -> QFont:
    """The UI font at a pixel size in map units (cached: painting asks for it often)."""
    key = (round(size * 2) / 2, bold)
    cached = _FONTS.get(key)
    if cached is None:
        cached = QFont(QGuiApplication.font())
        cached.setPixelSize(max(1, round(key[0])))
        cached.setBold(bold)
        _FONTS[key] = cached
    return cached


_METRICS: dict[tuple[float, bool], QFontMetricsF] = {}


def metrics(size: float, *, bold: bool = False) -> QFontMetricsF:
    key = (round(size * 2) / 2, bold)
    cached = _METRICS.get(key)
    if cached is None:
        cached = _METRICS[key] = QFontMetricsF(font(size, bold=bold))
    return cached


def reset_fonts() -> None:
    _FONTS.clear()
    _METRICS.clear()


def shape_path(shape: str, r: QRectF) -> QPainterPath:
    """The outline of a legend shape in ``r``, from layout.shape_outline (as the PDF draws it)."""
    from mot_workshop.layout.shape_outline import outline

    return commands_path(outline(shape, r.x(), r.y(), r.width(), r.height()))


def draw_marker(painter: QPainter, shape: str, marker: str | None, role: str | None, r: QRectF) -> None:
    """A step's BPMN marker badge (``layout.step_markers``, as the PDF draws it)."""
    from mot_workshop.layout.step_markers import marker_parts

    for part in marker_parts(shape, marker, role, r.x(), r.y(), r.width(), r.height()):
        if part.stroke:
            pen = QPen(COLOUR[part.line], part.width)
            if part.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLOUR[part.fill] if part.fill else Qt.BrushStyle.NoBrush)
        painter.drawPath(commands_path(part.commands))


def commands_path(commands) -> QPainterPath:
    p = QPainterPath()
    for command, *args in commands:
        if command == "move":
            p.moveTo(*args)
        elif command == "line":
            p.lineTo(*args)
        elif command == "curve":
            p.cubicTo(*args)
        elif command == "close":
            p.closeSubpath()
        elif command == "round_rect":
            x, y, w, h, radius = args
            p.addRoundedRect(QRectF(x, y, w, h), radius, radius)
        elif command == "circle":
            cx, cy, radius = args
            p.addEllipse(QPointF(cx, cy), radius, radius)
    return p


def draw_shape(painter: QPainter, shape: str, r: QRectF, *, line: float = 1.2, outline: QColor | None = None,
               fill: QColor | None = None) -> None:
    painter.setPen(QPen(outline or COLOUR["shape_line"], line))
    painter.setBrush(fill or COLOUR[FILLS.get(shape, "shape_fill")])
    painter.drawPath(shape_path(shape, r))
    if shape == "other-process":
        bar = min(10.0, r.width() * 0.08)
        painter.drawLine(QPointF(r.left() + bar, r.top()), QPointF(r.left() + bar, r.bottom()))
        painter.drawLine(QPointF(r.right() - bar, r.top()), QPointF(r.right() - bar, r.bottom()))


def inner_width(shape: str, w: float) -> float:
    return w * {"decision": 0.58, "other-process": 0.76, "connector": 0.8}.get(shape, 0.88)


def fit_lines(text: str, size: float, width: float, max_lines: int, *, bold: bool = False) -> list[str]:
    """``text`` wrapped to ``width`` with Qt's own metrics; the last line elided."""
    measure = metrics(size, bold=bold)
    words = text[: max_lines * 200].split()        # never measure far more than can be shown
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if measure.horizontalAdvance(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while measure.horizontalAdvance(current) > width and len(current) > 1:   # a long word: break it
            cut = len(current)
            while cut > 1 and measure.horizontalAdvance(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = lines[:max_lines - 1] + [measure.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return lines


def draw_lines(painter: QPainter, lines: list[str], rect: QRectF, size: float, *, bold: bool = False,
               colour: QColor | None = None, align=Qt.AlignmentFlag.AlignCenter) -> None:
    painter.setFont(font(size, bold=bold))
    painter.setPen(colour or COLOUR["ink"])
    painter.drawText(rect, int(align), "\n".join(lines))


def badge(painter: QPainter, centre: QPointF, radius: float, text: str, fill: QColor, size: float) -> None:
    painter.setPen(QPen(COLOUR["paper"], 1.0))
    painter.setBrush(fill)
    painter.drawEllipse(centre, radius, radius)
    painter.setFont(font(size, bold=True))
    painter.setPen(COLOUR["paper"])
    painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                     int(Qt.AlignmentFlag.AlignCenter), text)
