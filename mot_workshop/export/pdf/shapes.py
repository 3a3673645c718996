"""The seed legend's shapes, drawn on a reportlab canvas in a y-down coordinate system
(the map's own: the caller has flipped the canvas). Shared by the map drawing and the
worksheets' legend, so a shape looks the same in both."""

from __future__ import annotations

from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.styles import COLOURS


def text(canvas, x: float, y: float, value: str, size: float, *, bold: bool = False,
         align: str = "left", colour=None) -> None:
    """A string whose baseline is at y (y-down canvas)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(1, -1)
    canvas.setFont(fonts.BOLD if bold else fonts.REGULAR, size)
    canvas.setFillColor(colour or COLOURS["ink"])
    value = fonts.printable(value)
    if align == "center":
        canvas.drawCentredString(0, 0, value)
    elif align == "right":
        canvas.drawRightString(0, 0, value)
    else:
        canvas.drawString(0, 0, value)
    canvas.restoreState()


def lines_centered(canvas, lines, cx: float, cy: float, size: float, *, bold: bool = False, colour=None,
                   leading: float = 1.25) -> None:
    """Lines of text centred on (cx, cy)."""
    count = len(lines)
    if not count:
        return
    step = size * leading
    first = cy - step * (count - 1) / 2 + size * 0.35
    for i, line in enumerate(lines):
        text(canvas, cx, first + i * step, line, size, bold=bold, align="center", colour=colour)


def shape_path(canvas, shape: str, x: float, y: float, w: float, h: float):
    """The outline of a legend shape in the box (x, y, w, h), from layout.shape_outline."""
    from mot_workshop.layout.shape_outline import outline

    return commands_path(canvas, outline(shape, x, y, w, h))


def draw_marker(canvas, shape: str, marker: str | None, role: str | None, x: float, y: float, w: float,
                h: float) -> None:
    """A step's BPMN marker badge (``layout.step_markers``, as the map editor draws it)."""
    from mot_workshop.layout.step_markers import marker_parts

    draw_parts(canvas, marker_parts(shape, marker, role, x, y, w, h))


def draw_parts(canvas, parts) -> None:
    for part in parts:
        canvas.saveState()
        canvas.setStrokeColor(COLOURS[part.line])
        canvas.setLineWidth(part.width)
        if part.dashed:
            canvas.setDash(2, 1.5)
        if part.fill:
            canvas.setFillColor(COLOURS[part.fill])
        canvas.drawPath(commands_path(canvas, part.commands), stroke=1 if part.stroke else 0,
                        fill=1 if part.fill else 0)
        canvas.restoreState()


def commands_path(canvas, commands):
    p = canvas.beginPath()
    for command, *args in commands:
        if command == "move":
            p.moveTo(*args)
        elif command == "line":
            p.lineTo(*args)
        elif command == "curve":
            p.curveTo(*args)
        elif command == "close":
            p.close()
        elif command == "round_rect":
            p.roundRect(*args)
        elif command == "circle":
            p.circle(*args)
    return p


FILLS = {"start-end": "start_fill", "activity": "shape_fill", "decision": "decision_fill",
         "computer": "computer_fill", "connector": "shape_fill", "other-process": "other_fill"}


def draw_shape(canvas, shape: str, x: float, y: float, w: float, h: float, *, blank: bool = False,
               line: float = 1.0) -> None:
    canvas.saveState()
    canvas.setStrokeColor(COLOURS["shape_line"])
    canvas.setLineWidth(line)
    canvas.setFillColor(COLOURS["paper"] if blank else COLOURS[FILLS.get(shape, "shape_fill")])
    canvas.drawPath(shape_path(canvas, shape, x, y, w, h), stroke=1, fill=1)
    if shape == "other-process":            # the double side bars of a predefined process
        bar = min(10.0, w * 0.08)
        canvas.line(x + bar, y, x + bar, y + h)
        canvas.line(x + w - bar, y, x + w - bar, y + h)
    canvas.restoreState()


def inner_width(shape: str, w: float) -> float:
    return w * {"decision": 0.62, "other-process": 0.76, "connector": 0.8}.get(shape, 0.88)


def badge(canvas, cx: float, cy: float, r: float, label: str, fill, size: float) -> None:
    """A small round marker with a word in it (MOT, !)."""
    canvas.saveState()
    canvas.setFillColor(fill)
    canvas.setStrokeColor(COLOURS["paper"])
    canvas.setLineWidth(0.8)
    canvas.circle(cx, cy, r, stroke=1, fill=1)
    canvas.restoreState()
    text(canvas, cx, cy + size * 0.36, label, size, bold=True, align="center", colour=COLOURS["paper"])


def arrowhead(canvas, tip: tuple[float, float], before: tuple[float, float], size: float, colour) -> None:
    (x, y), (bx, by) = tip, before
    dx, dy = x - bx, y - by
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    px, py = -uy, ux
    p = canvas.beginPath()
    p.moveTo(x, y)
    p.lineTo(x - ux * size + px * size * 0.45, y - uy * size + py * size * 0.45)
    p.lineTo(x - ux * size - px * size * 0.45, y - uy * size - py * size * 0.45)
    p.close()
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.drawPath(p, stroke=0, fill=1)
    canvas.restoreState()
