"""A step on the map: the seed legend's shape with its label, the MOT marker and the red
problems marker. It paints itself once into a pixmap (a drag only blits) and turns mouse
gestures into requests to its scene — move the selection, or draw a flow from its edge.
It never writes the model."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyle

from mot_workshop.domain.enums import marker_applies
from mot_workshop.domain.process import Step
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, marker_text
from mot_workshop.layout.swimlane import STEP_FONT
from mot_workshop.ui.swimlane import style

PAD = 14.0        # room around the shape for the markers and the connect handles
EDGE = 9.0        # a press this close to the outline starts a flow instead of a move
HANDLE = 5.0
SMALLEST_STEP_FONT = STEP_FONT - 2     # as small as a printed step label gets
LINE = 1.22                            # line height / font size


def _lines_needed(advances: list[float], space: float, width: float) -> int:
    """Lines a greedy wrap of words of these advances needs in ``width`` (a word wider than
    a line takes as many lines as it is wide)."""
    lines, line = 0, -1.0
    for advance in advances:
        if line >= 0 and line + space + advance <= width:
            line += space + advance
            continue
        lines += max(1, math.ceil(advance / width)) if advance > width else 1
        line = advance if advance <= width else -1.0
    return lines


class StepItem(QGraphicsItem):
    # Kept lean: a 10,000-step map has 10,000 of these. States most steps never leave are
    # the class's; an item holds its own only once it changes one.
    hover = False
    highlight = False                   # the target under a flow being drawn
    status: str | None = None           # compare view: added / removed / changed / moved
    ghost = False                       # compare overlay: a step of the earlier map, outline only
    _press: str | None = None           # "move" or "connect" while the mouse is down
    _dragging = False
    _label: tuple[float, list[str]] | None = None      # (size, lines): fitted when first needed

    def __init__(self, step: Step, rect: QRectF):
        super().__init__()
        self.step = step
        # width and height as plain floats: a QSizeF and a QRectF kept per step cost a
        # 10,000-step map ~5 MB; they are made when asked
        self._wh = (rect.width(), rect.height())
        self._bounds = QRectF(0, 0, *self._wh).adjusted(-PAD, -PAD, PAD, PAD)
        self._tooltip_stale = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(3)
        self.set_data(step, rect)

    @property
    def id(self) -> int:
        return self.step.id

    def set_data(self, step: Step, rect: QRectF) -> None:
        wh = (rect.width(), rect.height())
        if wh != self._wh:
            self.prepareGeometryChange()
            self._wh = wh
            self._bounds = QRectF(0, 0, *wh).adjusted(-PAD, -PAD, PAD, PAD)
            self._label = None
        changed = step != self.step
        self.step = step
        self.setPos(rect.topLeft())
        if changed:
            self._label = None
            self._tooltip_stale = True       # written when the mouse first comes over it
            self.update()

    # The label is fitted when it is first drawn or asked for, not when the item is made: a map
    # opened whole shows its steps too small for words, and one opened at reading size shows a
    # few dozen of its thousands of steps (Qt's font metrics cost ~0.1 ms a label).
    @property
    def _lines(self) -> list[str]:
        return self._fitted()[1]

    @property
    def _size(self) -> float:
        return self._fitted()[0]

    def _fitted(self) -> tuple[float, list[str]]:
        if self._label is None:
            self._label = self._fit_label()
        return self._label

    def _fit_label(self) -> tuple[float, list[str]]:
        """The label as on paper (map_drawing.fit_label): the largest size, down to the
        smallest, at which it fits whole broken between words; else with a word broken;
        cut with "…" only when nothing fits (the tooltip then shows it whole)."""
        step, start = self.step, (STEP_FONT + 1 if self.step.shape != "connector" else 13.0)
        if not step.label:
            return start, []
        width = style.inner_width(step.shape, self._wh[0])
        if step.shape == "connector":
            return start, style.fit_lines(step.label, start, width, 1)
        room = self._wh[1] * {"decision": 0.52, "computer": 0.74}.get(str(step.shape), 0.9)
        most = max(1, int(room // (start * LINE)))
        lines = style.fit_lines(step.label, start, width, most + 1)
        if len(lines) == 1 and lines[0] == step.label:            # most labels: one line at the first size
            return start, lines
        words = " ".join(step.label.split())
        if len(lines) <= most and " ".join(lines) == words:
            return start, lines
        # the words' advances, measured once, scale with the size: a size whose greedy wrap
        # cannot fit is skipped without wrapping the label again with the font's metrics
        measure = style.metrics(start)
        space = measure.horizontalAdvance(" ")
        advances = [measure.horizontalAdvance(word) for word in words[:4000].split(" ")]
        fallback = (start, lines) if len(lines) <= most else None
        size = start - 0.5
        while size >= SMALLEST_STEP_FONT:
            most = max(1, int(room // (size * LINE)))
            if _lines_needed(advances, space, width * start / size * 1.01) <= most:
                lines = style.fit_lines(step.label, size, width, most + 1)
                if len(lines) <= most:
                    if " ".join(lines) == words:
                        return size, lines
                    fallback = fallback or (size, lines)
            size -= 0.5
        if fallback is None:
            size = SMALLEST_STEP_FONT
            fallback = (size, style.fit_lines(step.label, size, width, max(1, int(room // (size * LINE)))))
        return fallback

    @property
    def label_cut(self) -> bool:
        """True when the box shows the label shortened (its tooltip has it whole)."""
        return bool(self._lines) and self._lines[-1].endswith("…") and not self.step.label.rstrip().endswith("…")

    @property
    def size(self) -> QSizeF:
        return QSizeF(*self._wh)

    def shape_rect(self) -> QRectF:
        return QRectF(0, 0, *self._wh)

    def scene_shape_rect(self) -> QRectF:
        return self.shape_rect().translated(self.pos())

    def tooltip(self) -> str:
        s = self.step
        lines = [f"<b>{_esc(s.label) or enum_name(s.shape)}</b>", enum_name(s.shape)]
        if s.duration or s.wait:
            lines.append(tr("Work {work} min · wait {wait} min", work=f"{s.duration:g}", wait=f"{s.wait:g}"))
        if marker_applies(s.marker, s.shape):
            lines.append(marker_text(s.marker, s.event_role))
        if s.value_class:
            lines.append(enum_name(s.value_class))
        if s.is_mot:
            lines.append(tr("Moment of truth"))
        if s.problems.strip():
            lines.append(f"<span style='color:#c0392b'>{tr('Problems')}: {_esc(s.problems.strip())}</span>")
        return "<br>".join(lines)

    # ------------------------------------------------------------------ drawing
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.shape_rect().adjusted(-4, -4, 4, 4))
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        r = self.shape_rect()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        outline = style.SELECTION if selected else style.TARGET if self.highlight else None
        if self.status is not None:
            outline = style.STATUS_COLOUR[self.status]
        width = 2.6 if (selected or self.highlight or self.status not in (None, "unchanged")) else 1.2
        if self.status is not None and self.status != "unchanged" and not self.ghost:
            painter.setPen(Qt.PenStyle.NoPen)
            glow = style.STATUS_COLOUR[self.status].lighter(170)
            painter.setBrush(glow)
            painter.drawRoundedRect(r.adjusted(-6, -6, 6, 6), 6, 6)
        fill = None
        if self.status == "removed":
            fill = style.COLOUR["band"]
        if self.ghost:                 # a removed step drawn over the later map: outline and words only
            painter.setPen(QPen(outline, 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(style.shape_path(str(self.step.shape), r))
        else:
            style.draw_shape(painter, str(self.step.shape), r, line=width, outline=outline, fill=fill)
        if lod < 0.3:       # far out: shapes only, text would be a smudge
            return
        size, lines = self._fitted()
        if lines:
            text_rect = QRectF(r.center().x() - style.inner_width(self.step.shape, r.width()) / 2, r.top() + 2,
                               style.inner_width(self.step.shape, r.width()), r.height() - 4)
            if self.step.shape == "computer":      # clear of the wavy lower edge
                text_rect.setBottom(text_rect.bottom() - r.height() * 0.14)
            style.draw_lines(painter, lines, text_rect, size,
                             bold=self.step.shape == "connector",
                             colour=style.COLOUR["muted"] if self.status == "removed" else None)
        if marker_applies(self.step.marker, self.step.shape):
            style.draw_marker(painter, str(self.step.shape), str(self.step.marker),
                              str(self.step.event_role) if self.step.event_role else None, r)
        if self.step.is_mot:
            style.badge(painter, QPointF(r.right() - 6, r.top() - 1), 12, "MOT", style.COLOUR["navy"], 8.5)
        if self.step.problems.strip():
            style.badge(painter, QPointF(r.left() + 4, r.top() - 1), 9, "!", style.COLOUR["red"], 11)
        if self.hover and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable and self.status is None:
            painter.setPen(QPen(style.SELECTION, 1.2))
            painter.setBrush(style.COLOUR["paper"])
            for p in self.handles():
                painter.drawEllipse(p, HANDLE, HANDLE)

    def handles(self) -> list[QPointF]:
        r = self.shape_rect()
        return [QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()),
                QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y())]

    def on_edge(self, local: QPointF) -> bool:
        r = self.shape_rect()
        if any((local - h).manhattanLength() <= HANDLE + 4 for h in self.handles()):
            return True
        inner = r.adjusted(EDGE, EDGE, -EDGE, -EDGE)
        return r.adjusted(-4, -4, 4, 4).contains(local) and not inner.contains(local)

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    # ------------------------------------------------------------------ gestures
    def hoverEnterEvent(self, event) -> None:
        if self._tooltip_stale:
            self._tooltip_stale = False
            self.setToolTip(self.tooltip())
        self.hover = True
        self.update()

    def hoverMoveEvent(self, event) -> None:
        editable = getattr(self.scene(), "editable", False)
        self.setCursor(Qt.CursorShape.CrossCursor if editable and self.on_edge(event.pos())
                       else Qt.CursorShape.SizeAllCursor if editable else Qt.CursorShape.ArrowCursor)

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.update()

    def mousePressEvent(self, event) -> None:
        scene = self.scene()
        self._dragging = False
        self._press = None
        if event.button() == Qt.MouseButton.LeftButton and getattr(scene, "editable", False):
            if self.on_edge(event.pos()) and not event.modifiers():
                self._press = "connect"
                event.accept()
                return
            self._press = "move"
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        scene = self.scene()
        if not self._dragging:
            down = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if (event.screenPos() - down).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            if self._press == "connect":
                scene.begin_connect(self, event.buttonDownScenePos(Qt.MouseButton.LeftButton))
            else:
                if not self.isSelected():
                    scene.clearSelection()
                    self.setSelected(True)
                scene.begin_move(self, event.buttonDownScenePos(Qt.MouseButton.LeftButton))
        if self._press == "connect":
            scene.connect_to(event.scenePos())
        else:
            scene.move_to(event.scenePos(), snap=not (event.modifiers() & Qt.KeyboardModifier.AltModifier))

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        if self._dragging:
            self._dragging = False
            if press == "connect":
                self.scene().end_connect(event.scenePos())
            else:
                self.scene().end_move()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().rename_requested.emit("step", self.id)
            event.accept()

    def cancel(self) -> None:
        self._press = None
        self._dragging = False


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
