"""The MOT cycle ring: touchpoints clockwise from IN to OUT, geometry from ``layout``.

The scene shows data it is given and turns gestures into requests (signals): a drag along
the ring asks for a reorder on release, a drop from the palette asks for an insert, a
double-click asks for a rename. The editor turns requests into commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsScene

from mot_workshop.ui.cycle.summary import score_cycle
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.i18n import tr
from mot_workshop.layout import cycle_ring as ring
from mot_workshop.ui.cycle import style
from mot_workshop.ui.cycle.legend import legend_for
from mot_workshop.ui.cycle.selection import TouchpointSelection
from mot_workshop.ui.cycle.mime import from_mime
from mot_workshop.ui.cycle.ring_items import DropMarkerItem, RingItem, SummaryItem
from mot_workshop.ui.cycle.summary import summary_lines
from mot_workshop.ui.cycle.label_item import LabelItem
from mot_workshop.ui.cycle.touchpoint_item import TouchpointItem


@dataclass
class DragState:
    item: TouchpointItem
    moving: list[int]           # indices (old order) moved as one block
    offset: int                 # the pressed item's place in the block
    target: int | None = None   # where the block would start


class RingScene(TouchpointSelection, QGraphicsScene):
    reorder_requested = Signal(list, int)   # ids moved as a block (cycle order), new start index
    drop_requested = Signal(list, int)      # touchpoint values, insert index
    rename_requested = Signal(int)          # touchpoint id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackgroundBrush(style.PAPER)
        self.name = ""
        self.touchpoints: list[Touchpoint] = []
        self.votes: dict[int, int] = {}        # touchpoint id -> dots cast on it
        self.items_by_id: dict[int, TouchpointItem] = {}
        self.layout = ring.layout_ring([])
        self.text_scale = 1.0                  # presented: names (and the legend) larger
        self.ring = RingItem()
        self.summary = SummaryItem()
        self.legend = legend_for()
        self.marker = DropMarkerItem()
        for item in (self.ring, self.summary, self.legend, self.marker):
            self.addItem(item)
        self._drag: DragState | None = None

    # ------------------------------------------------------------------ data
    def show_cycle(self, name: str, touchpoints: Sequence[Touchpoint]) -> None:
        """Show these touchpoints (in cycle order), keeping items and selection by id."""
        self.cancel_drag()
        self.name = name
        self.touchpoints = list(touchpoints)
        score = score_cycle(self.touchpoints)
        weakest_id = score.weakest.id if score.weakest is not None else None
        wanted = {tp.id for tp in self.touchpoints}
        for id in [i for i in self.items_by_id if i not in wanted]:
            self.removeItem(self.items_by_id.pop(id))
        for index, tp in enumerate(self.touchpoints):
            item = self.items_by_id.get(tp.id)
            if item is None:
                item = self.items_by_id[tp.id] = TouchpointItem(tp)
                self.addItem(item)
            item.set_data(tp, index + 1, tp.id == weakest_id, self.votes.get(tp.id, 0))
        self.summary.set_lines(summary_lines(name, self.touchpoints, score), 10)
        self.relayout()

    def retranslate(self) -> None:
        self.removeItem(self.legend)
        self.legend = legend_for()
        self.addItem(self.legend)
        self.show_cycle(self.name, self.touchpoints)

    def set_text_scale(self, scale: float, legend_room: float | None = None) -> None:
        """Names ``scale`` times larger (placed anew, clear of each other) and the legend too,
        within ``legend_room`` wide: the room reads them."""
        if (scale, legend_room) != (self.text_scale, getattr(self, "legend_room", None)):
            self.text_scale, self.legend_room = scale, legend_room
            self.relayout()

    def relayout(self) -> None:
        self.layout = ring.layout_ring([tp.importance for tp in self.touchpoints])
        self.ring.set_layout(self.layout)
        for tp, node in zip(self.touchpoints, self.layout.nodes):
            self._place(self.items_by_id[tp.id], node.index, order=node.index + 1)
        inner = self.layout.radius - max((n.radius for n in self.layout.nodes), default=27) - 34
        width = max(220.0, min(440.0, inner * 1.7))
        self.summary.set_lines(self.summary.lines, width)
        self.summary.setPos(self.layout.center.x, self.layout.center.y)
        px = round(LabelItem.PIXEL_SIZE * self.text_scale)
        for item in self.items_by_id.values():
            if item.label.pixel_size != px:
                item.label.pixel_size = px
                item.label.update()
        self._place_labels()
        bottom = self.layout.center.y + self.layout.radius + 40
        for item in self.items_by_id.values():
            bottom = max(bottom, item.label.sceneBoundingRect().bottom(), item.sceneBoundingRect().bottom())
        legend_rect = self.legend.boundingRect()
        room = getattr(self, "legend_room", None)
        scale = self.text_scale if not room else max(1.0, min(self.text_scale, room / max(1.0, legend_rect.width())))
        self.legend.setScale(scale)
        self.legend.setPos(self.layout.center.x - legend_rect.width() * scale / 2, bottom + 36)
        self.setSceneRect(self.content_rect())

    def content_rect(self) -> QRectF:
        rect = QRectF()
        for item in (*self.items_by_id.values(), self.ring, self.legend):
            rect = rect.united(item.sceneBoundingRect())
            if isinstance(item, TouchpointItem):
                rect = rect.united(item.label.sceneBoundingRect())
        return rect.adjusted(-40, -40, 40, 40)

    def _place(self, item: TouchpointItem, slot: int, *, order: int) -> None:
        node = self.layout.nodes[slot]
        radius = ring.node_radius(item.touchpoint.importance)
        item.set_size(radius, ring.outline_width(item.touchpoint.importance))
        item.setPos(node.center.x, node.center.y)
        if item.order != order:
            item.order = order
            item.update()

    def _place_labels(self) -> None:
        """Every name where the printed cycle puts it (``cycle_ring.place_ring_labels``):
        beside its node, outward first, clear of every other name, node, IN / OUT and the
        summary in the middle; a name that had to move away gets a leader line."""
        items = [self.items_by_id[tp.id] for tp in self.touchpoints]
        if not items:
            return
        width = self.layout.nodes[0].label.max_width * self.text_scale
        centres = [(item.pos().x(), item.pos().y()) for item in items]
        reach = [item.radius + style.node_extent(item.radius) for item in items]
        angles = [ring.angle_of(self.layout.center, x, y) for x, y in centres]
        clear = [*self.ring.gate_boxes(), self.summary.sceneBoundingRect()]
        placed = ring.place_ring_labels(centres, reach, angles, [item.label.measure(width) for item in items],
                                        keep_clear=[(r.left(), r.top(), r.right(), r.bottom()) for r in clear],
                                        step=8.0, rings=40)
        for item, (cx, cy), at in zip(items, centres, placed):
            x0, y0, x1, y1 = at.box
            halign = "right" if x1 < cx else "left" if x0 > cx else "center"
            ax = {"right": x1, "left": x0, "center": (x0 + x1) / 2}[halign]
            item.label.place(QPointF(ax - cx, y0 - cy), halign, "top", width)
            item.leader.setVisible(at.leader)
            if at.leader:
                # from the node's rim to the nearest point of the name's box
                nx, ny = min(max(cx, x0), x1) - cx, min(max(cy, y0), y1) - cy
                length = max((nx * nx + ny * ny) ** 0.5, 1e-6)
                rim = item.radius + 3
                item.leader.setLine(nx / length * rim, ny / length * rim, nx, ny)

    # ------------------------------------------------------------------ dragging along the ring
    def begin_drag(self, item: TouchpointItem) -> None:
        order = [tp.id for tp in self.touchpoints]
        selected = self.selected_ids()
        moving_ids = selected if item.id in selected else [item.id]
        moving = [order.index(i) for i in moving_ids]
        self._drag = DragState(item=item, moving=moving, offset=moving_ids.index(item.id))
        item.setZValue(4)

    def drag_to(self, item: TouchpointItem, pos: QPointF) -> None:
        state = self._drag
        if state is None or state.item is not item:
            return
        center = self.layout.center
        angle = ring.angle_of(center, pos.x(), pos.y())
        on_ring = ring.point_at(center, self.layout.radius, angle)
        item.setPos(on_ring.x, on_ring.y)
        count, block = len(self.touchpoints), len(state.moving)
        target = max(0, min(count - block, ring.slot_index(self.layout, pos.x(), pos.y()) - state.offset))
        if target == state.target:
            return
        state.target = target
        for slot, old in enumerate(ring.preview_order(count, state.moving, target)):
            moved = self.items_by_id[self.touchpoints[old].id]
            if moved is item:
                item.order = slot + 1
                item.update()
                continue
            self._place(moved, slot, order=slot + 1)
        self._place_labels()

    def end_drag(self, item: TouchpointItem) -> None:
        state, self._drag = self._drag, None
        item.setZValue(2)
        if state is None:
            return
        start = min(state.moving)
        contiguous = state.moving == list(range(start, start + len(state.moving)))
        if state.target is None or (contiguous and state.target == start):
            self.relayout()
            return
        ids = [self.touchpoints[i].id for i in state.moving]
        before = [tp.id for tp in self.touchpoints]
        self.reorder_requested.emit(ids, state.target)
        if [tp.id for tp in self.touchpoints] == before:   # refused or not applied: snap back
            self.relayout()

    def cancel_drag(self) -> None:
        if self._drag is not None:
            self._drag.item.cancel_drag()
            self._drag.item.setZValue(2)
            self._drag = None
            self.relayout()

    @property
    def dragging(self) -> bool:
        return self._drag is not None

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self.cancel_drag()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ dropping templates
    def dragEnterEvent(self, event) -> None:
        items = from_mime(event.mimeData())
        if not items:
            event.ignore()
            return
        self.marker.count = len(items)
        self._show_marker(event.scenePos())
        event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if not from_mime(event.mimeData()):
            event.ignore()
            return
        self._show_marker(event.scenePos())
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.marker.setVisible(False)
        event.accept()

    def dropEvent(self, event) -> None:
        self.marker.setVisible(False)
        items = from_mime(event.mimeData())
        if not items:
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_requested.emit(items, self.insert_index_at(event.scenePos()))

    def insert_index_at(self, pos: QPointF) -> int:
        return ring.insert_index(self.layout, pos.x(), pos.y())

    def _show_marker(self, pos: QPointF) -> None:
        index = self.insert_index_at(pos)
        at = ring.point_at(self.layout.center, self.layout.radius, ring.insert_angle(self.layout, index))
        self.marker.setPos(at.x, at.y)
        self.marker.setToolTip(tr("Insert here"))
        self.marker.setVisible(True)
        self.marker.update()
