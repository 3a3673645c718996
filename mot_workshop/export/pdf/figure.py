"""A matplotlib figure as a reportlab flowable, drawn as vectors with real text.

The figure is drawn once through a small matplotlib renderer that records paths and text
(``_Recorder``); the flowable replays the record on every reportlab pass (the table of
contents makes several), so a chart costs one matplotlib draw. Text is set in the embedded
NanumGothic, so chart labels are searchable and copyable like the rest of the page.
"""

from __future__ import annotations

from typing import Any

from mot_workshop.export.pdf import fonts


def record(fig) -> tuple[float, float, list[tuple]]:
    """Draw ``fig`` into a list of drawing operations; returns (width pt, height pt, ops)."""
    from mot_workshop.charts.base import style

    fonts.register()
    width, height = fig.get_size_inches() * 72.0
    recorder = _recorder_class()(fig)
    with style():
        fig.draw(recorder)
    return float(width), float(height), recorder.ops


def chart_flowable(fig, *, width: float | None = None):
    """A flowable of the figure; with ``width`` (points) it is scaled to that width."""
    w, h, ops = record(fig)
    return ops_flowable(w, h, ops, width=width)


def ops_flowable(w: float, h: float, ops: list[tuple], *, width: float | None = None):
    """A flowable of recorded (or directly made) operations ``w`` × ``h`` points."""
    return _flowable_class()(w, h, ops, scale=(width / w) if width else 1.0)


def replay(canvas, ops: list[tuple], height: float) -> None:
    """Draw recorded ops; matplotlib's origin is bottom-left, like the canvas's."""
    for op in ops:
        if op[0] == "path":
            _replay_path(canvas, *op[1:])
        else:
            _replay_text(canvas, *op[1:])


def _colour(canvas, rgba, stroke: bool) -> None:
    r, g, b, a = rgba
    if stroke:
        canvas.setStrokeColorRGB(r, g, b)
        canvas.setStrokeAlpha(a)
    else:
        canvas.setFillColorRGB(r, g, b)
        canvas.setFillAlpha(a)


def _replay_path(canvas, segments, fill, stroke, linewidth, dashes, cap, join, clip) -> None:
    canvas.saveState()
    if clip is not None:
        x, y, w, h = clip
        p = canvas.beginPath()
        p.rect(x, y, w, h)
        canvas.clipPath(p, stroke=0, fill=0)
    path = canvas.beginPath()
    for seg in segments:
        code = seg[0]
        if code == "M":
            path.moveTo(seg[1], seg[2])
        elif code == "L":
            path.lineTo(seg[1], seg[2])
        elif code == "C":
            path.curveTo(*seg[1:])
        else:
            path.close()
    if fill is not None:
        _colour(canvas, fill, stroke=False)
    if stroke is not None:
        _colour(canvas, stroke, stroke=True)
        canvas.setLineWidth(linewidth)
        canvas.setLineCap(cap)
        canvas.setLineJoin(join)
        if dashes:
            canvas.setDash(dashes[1], dashes[0])
    canvas.drawPath(path, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
    canvas.restoreState()


def _replay_text(canvas, x, y, text, font, size, angle, rgba) -> None:
    canvas.saveState()
    _colour(canvas, rgba, stroke=False)
    canvas.translate(x, y)
    if angle:
        canvas.rotate(angle)
    canvas.setFont(font, size)
    canvas.drawString(0, 0, text)
    canvas.restoreState()


_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


def _recorder_class():
    from matplotlib.backend_bases import RendererBase
    from matplotlib.path import Path

    class _Recorder(RendererBase):
        def __init__(self, fig) -> None:
            super().__init__()
            self.dpi = fig.dpi
            self.k = 72.0 / fig.dpi
            self.width, self.height = fig.bbox.width, fig.bbox.height
            self.ops: list[tuple] = []

        # --- what matplotlib asks of a renderer -----------------------------------------
        def flipy(self) -> bool:
            return False

        def get_canvas_width_height(self):
            return self.width, self.height

        def points_to_pixels(self, points):
            return points * self.dpi / 72.0

        def option_image_nocomposite(self) -> bool:
            return True

        def get_text_width_height_descent(self, s, prop, ismath):
            size = prop.get_size_in_points()
            font = _font_name(prop)
            from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

            face = getFont(font).face
            w = stringWidth(_clean(s), font, size)
            ascent, descent = face.ascent * size / 1000.0, -face.descent * size / 1000.0
            px = self.dpi / 72.0
            return w * px, (ascent + descent) * px, descent * px

        def draw_path(self, gc, path, transform, rgbFace=None) -> None:
            k = self.k
            segments = []
            last = (0.0, 0.0)
            for verts, code in path.iter_segments(transform, simplify=False, curves=True):
                pts = [v * k for v in verts]
                if code == Path.MOVETO:
                    segments.append(("M", *pts))
                elif code == Path.LINETO:
                    segments.append(("L", *pts))
                elif code == Path.CURVE3:
                    (x0, y0), (cx, cy, x, y) = last, pts
                    segments.append(("C", x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0),
                                     x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y), x, y))
                elif code == Path.CURVE4:
                    segments.append(("C", *pts))
                elif code == Path.CLOSEPOLY:
                    segments.append(("Z",))
                    continue
                last = (pts[-2], pts[-1])
            if not segments:
                return
            alpha = gc.get_alpha()
            forced = gc.get_forced_alpha()
            fill = None
            if rgbFace is not None:
                r, g, b = rgbFace[:3]
                a = alpha if forced or len(rgbFace) < 4 else rgbFace[3]
                fill = (r, g, b, a)
            stroke = None
            lw = gc.get_linewidth()
            if lw > 0:
                r, g, b, a = gc.get_rgb()
                stroke = (r, g, b, alpha if forced else a)
                if stroke[3] == 0:
                    stroke = None
            if fill is None and stroke is None:
                return
            offset, dash = gc.get_dashes()
            dashes = (offset or 0.0, list(dash)) if dash is not None and len(dash) else None
            box = gc.get_clip_rectangle()
            clip = None if box is None else (box.x0 * k, box.y0 * k, box.width * k, box.height * k)
            self.ops.append(("path", segments, fill, stroke, lw, dashes, _CAPS.get(gc.get_capstyle(), 0),
                             _JOINS.get(gc.get_joinstyle(), 0), clip))

        def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None) -> None:
            r, g, b, a = gc.get_rgb()
            if gc.get_forced_alpha():
                a = gc.get_alpha()
            self.ops.append(("text", x * self.k, y * self.k, _clean(s), _font_name(prop),
                             prop.get_size_in_points(), angle, (r, g, b, a)))

        def draw_image(self, gc, x, y, im) -> None:   # charts carry no images
            return None

    return _Recorder


def _font_name(prop) -> str:
    weight = prop.get_weight()
    heavy = weight in ("semibold", "demibold", "demi", "bold", "heavy", "extra bold", "black") or (
        isinstance(weight, (int, float)) and weight >= 600)
    return fonts.BOLD if heavy else fonts.REGULAR


def _clean(text: str) -> str:
    return fonts.printable(text.replace("\u2212", "-"))


def _flowable_class():
    from reportlab.platypus import Flowable

    class ChartFlowable(Flowable):
        def __init__(self, width: float, height: float, ops: list[tuple], scale: float = 1.0) -> None:
            super().__init__()
            self.fig_width, self.fig_height, self.ops, self.scale = width, height, ops, scale
            self.width, self.height = width * scale, height * scale

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            if self.width > avail_width:       # never wider than the frame: shrink to fit
                self.scale = avail_width / self.fig_width
                self.width, self.height = avail_width, self.fig_height * self.scale
            return self.width, self.height

        def draw(self) -> None:
            canvas: Any = self.canv
            canvas.saveState()
            canvas.scale(self.scale, self.scale)
            replay(canvas, self.ops, self.fig_height)
            canvas.restoreState()

    return ChartFlowable
