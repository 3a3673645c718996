"""The map's frame, drawn from the layout as the PDF draws it: phase columns (alternating
bands), lane bands and their lines, the phase header row, the line of interaction and the
line of visibility, and the Output / measure / problems rows under the map.

It is the scene's background, not an item: it lies under everything and changes only when the
layout does, so the editor's view keeps a picture of it (Qt's background cache, which follows
scrolling and zooming) and a drag's frames no longer draw every band, line and info cell on
screen again; and a map-sized item no longer answers every paint's "which items are here?".
It paints only what is exposed, so a thousand-step map paints as fast as a small one."""

from __future__ import annotations

import bisect
import itertools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from mot_workshop.i18n import tr
from mot_workshop.layout.swimlane import INFO_CELL_PADDING, INFO_FONT, LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT, MapLayout
from mot_workshop.ui.swimlane import style


def qrect(r) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def info_title(kind: str) -> str:
    return {"output": tr("Output"), "measure": tr("Measure"), "problems": tr("Problems")}[kind]


class MapFrame:
    def __init__(self):
        self.layout = MapLayout()
        self._cells: dict[tuple[str, int], list[str]] = {}       # (row, step) -> the lines drawn
        self._fitted: dict[tuple[str, int], tuple] = {}          # (row, step) -> text and size fitted
        self._rows: dict[str, tuple] = {}

    def set_layout(self, layout: MapLayout) -> QRectF:
        """Take a new layout; the scene area whose picture changed: where info cells came,
        went or changed when only they did (a step dragged along its lane), else the old and
        new bounds. The cells keep their fitted lines while their text and size stay (fitting
        every cell on screen again after each edit cost more than the edit)."""
        old, whole = self.layout, self.boundingRect()
        self.layout = layout
        self._rows = {}
        if len(self._cells) > 2 * sum(len(row.cells) for row in layout.info_rows) + 256:
            self._cells, self._fitted = {}, {}
        if (old.lanes, old.phases, old.stage_lines, old.bounds) != \
                (layout.lanes, layout.phases, layout.stage_lines, layout.bounds) or \
                [(r.kind, r.rect, r.header) for r in old.info_rows] != \
                [(r.kind, r.rect, r.header) for r in layout.info_rows]:
            return whole.united(self.boundingRect())
        changed = QRectF()
        for before, after in zip(old.info_rows, layout.info_rows):
            if before is after:
                continue
            # a cell that stayed is the same object (the live layout keeps it): compare by identity
            kept = {id(cell) for cell in before.cells}
            now = {id(cell) for cell in after.cells}
            for cell in itertools.chain((c for c in before.cells if id(c) not in now),
                                        (c for c in after.cells if id(c) not in kept)):
                changed = changed.united(qrect(cell.rect))
        return changed.adjusted(-2, -2, 2, 2) if not changed.isNull() else changed

    def cell_at(self, pos) -> tuple[str, int] | None:
        """(row kind, step id) of the info cell under ``pos`` (scene coordinates)."""
        for row in self.layout.info_rows:
            for cell in row.cells:
                if qrect(cell.rect).contains(pos):
                    return row.kind, cell.step_id
        return None

    def _near(self, row, exposed: QRectF) -> list:
        """The row's cells that may meet ``exposed``: a bisection over their left edges, so a
        repaint looks at the few cells on screen, not at every step's."""
        known = self._rows.get(row.kind)
        if known is None or known[0] is not row.cells:
            cells = sorted(row.cells, key=lambda c: c.rect.x)
            known = self._rows[row.kind] = (row.cells, [c.rect.x for c in cells], cells,
                                            max((c.rect.w for c in cells), default=0.0))
        _, lefts, cells, widest = known
        start = bisect.bisect_left(lefts, exposed.left() - widest)
        stop = bisect.bisect_right(lefts, exposed.right())
        return cells[start:stop]

    def boundingRect(self) -> QRectF:
        return qrect(self.layout.bounds).adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, exposed: QRectF, lang: str | None = None) -> None:
        """Draw the part of the frame in ``exposed`` (scene coordinates) in ``lang``, the
        workshop's language (the diagram speaks it, whatever the menus speak)."""
        from mot_workshop.i18n import speaking

        with speaking(lang):
            painter.save()
            try:
                self._paint(painter, exposed)
            finally:
                painter.restore()

    def _paint(self, painter: QPainter, exposed: QRectF) -> None:
        lay = self.layout
        right = lay.bounds.right
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        for lane in lay.lanes:
            r = qrect(lane.rect)
            if r.intersects(exposed):
                painter.setBrush(style.COLOUR["paper"])
                painter.drawRect(r)
        for i, phase in enumerate(lay.phases):
            r = qrect(phase.column).adjusted(0, PHASE_HEADER_HEIGHT, 0, 0)
            if i % 2 and r.intersects(exposed):
                painter.setBrush(style.COLOUR["band"])
                painter.drawRect(r)
        painter.setPen(QPen(style.COLOUR["grid"], 1.0))
        for phase in lay.phases:
            x = phase.column.right
            painter.drawLine(QPointF(x, PHASE_HEADER_HEIGHT), QPointF(x, phase.column.bottom))
        painter.setPen(QPen(style.COLOUR["rule"], 1.0))
        for lane in lay.lanes:
            painter.drawLine(QPointF(0, lane.rect.bottom), QPointF(right, lane.rect.bottom))
        painter.setBrush(style.COLOUR["header_fill"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(0, 0, right, PHASE_HEADER_HEIGHT))
        style.draw_lines(painter, [tr("Time")], QRectF(0, 0, LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT),
                         style.HEADER_FONT + 1, bold=True, colour=style.COLOUR["paper"])
        painter.setPen(QPen(style.COLOUR["rule"], 1.0))
        painter.drawLine(QPointF(LANE_HEADER_WIDTH, 0), QPointF(LANE_HEADER_WIDTH, lay.bounds.bottom))
        self._paint_stage_lines(painter, exposed)
        # far out the rows keep their bands and cells (text would be a smudge), as steps keep
        # their shapes: a fitted map at 1024 wide showed no Output / measure / problem rows at all
        self._paint_info_rows(painter, exposed, text=lod >= 0.3)

    def _paint_stage_lines(self, painter: QPainter, exposed: QRectF) -> None:
        for stage in self.layout.stage_lines:
            if not exposed.top() - 10 <= stage.y <= exposed.bottom() + 10:
                continue
            colour = style.COLOUR["blue"] if stage.kind == "interaction" else style.COLOUR["amber"]
            pen = QPen(colour, 2.0)
            pen.setDashPattern([6, 4])
            painter.setPen(pen)
            painter.drawLine(QPointF(stage.x1, stage.y), QPointF(stage.x2, stage.y))
            name = tr("line of interaction") if stage.kind == "interaction" else tr("line of visibility")
            painter.setFont(style.font(10, bold=True))
            for box in stage_label_boxes(stage, painter.fontMetrics().horizontalAdvance(name), exposed):
                painter.setPen(QPen(colour, 1.0))
                painter.setBrush(style.COLOUR["paper"])
                painter.drawRoundedRect(box, 9, 9)
                painter.setPen(colour)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), name)

    def _paint_info_rows(self, painter: QPainter, exposed: QRectF, *, text: bool = True) -> None:
        for row in self.layout.info_rows:
            rr = qrect(row.rect)
            if not rr.intersects(exposed):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.COLOUR["paper"])
            painter.drawRect(rr)
            painter.setBrush(style.COLOUR["band_dark"])
            painter.drawRect(qrect(row.header))
            painter.setPen(QPen(style.COLOUR["rule"], 1.0))
            painter.drawLine(QPointF(0, rr.top()), QPointF(rr.right(), rr.top()))
            painter.drawLine(QPointF(0, rr.bottom()), QPointF(rr.right(), rr.bottom()))
            colour = style.COLOUR["red"] if row.kind == "problems" else style.COLOUR["ink"]
            if text:
                style.draw_lines(painter, [info_title(row.kind)], qrect(row.header), style.HEADER_FONT, bold=True,
                                 colour=colour)
            for cell in self._near(row, exposed):
                r = qrect(cell.rect)
                if not r.intersects(exposed):
                    continue
                painter.setPen(QPen(style.COLOUR["grid"], 1.0))
                painter.setBrush(style.COLOUR["paper"])
                painter.drawRoundedRect(r.adjusted(1, 2, -1, -2), 2, 2)
                if not text:
                    continue
                key = (row.kind, cell.step_id)
                fitted = (" ".join(cell.lines), len(cell.lines), cell.rect.w, cell.rect.h)
                lines = self._cells.get(key)
                if lines is None or self._fitted.get(key) != fitted:   # as many lines as the cell holds; the last ends in "…"
                    room = int((r.height() - INFO_CELL_PADDING - 3) // style.metrics(INFO_FONT + 1).lineSpacing())
                    lines = self._cells[key] = style.fit_lines(fitted[0], INFO_FONT + 1,
                                                               r.width() - 2 * INFO_CELL_PADDING,
                                                               max(1, min(len(cell.lines), room)))
                    self._fitted[key] = fitted
                style.draw_lines(painter, lines, r.adjusted(INFO_CELL_PADDING, INFO_CELL_PADDING - 1,
                                                            -INFO_CELL_PADDING, -2),
                                 INFO_FONT + 1, colour=colour,
                                 align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


LABEL_EVERY = 1200.0


def stage_label_boxes(stage, text_width: float, exposed: QRectF | None = None) -> list[QRectF]:
    """Where a stage line's name is drawn: fixed places along it (near its right end, and
    every LABEL_EVERY before that), never where the repainted area happens to end — a partial
    repaint after a drag then draws the same boxes and leaves no fragments. With ``exposed``,
    only the boxes that meet it (a 10,000-step map's line has thousands)."""
    w = text_width + 10
    first = stage.x2 - w - 6                       # the rightmost box; the others every LABEL_EVERY left of it
    last = int((first - stage.x1 - 6) // LABEL_EVERY) if first >= stage.x1 + 6 else -1
    lo, hi = 0, last
    if exposed is not None:
        lo = max(lo, math.ceil((first - exposed.right()) / LABEL_EVERY))
        hi = min(hi, math.floor((first + w - exposed.left()) / LABEL_EVERY))
    boxes = [QRectF(first - k * LABEL_EVERY, stage.y - 9, w, 18) for k in range(lo, hi + 1)]
    return [b for b in boxes if exposed is None or b.intersects(exposed)]
