"""The swimlane map scene: the frame, lane and phase headers, steps and flows, all placed
from ``layout.swimlane.layout_map`` (the geometry the PDF draws).

The scene shows the data it is given and turns gestures into requests (signals); the
editor builds the commands. A drag moves the pixmap-cached items and redraws only the
flows attached to them as a dashed preview; the real routes come back with the layout
after the command.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout import map_edit
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.live_layout import LiveLayout
from mot_workshop.layout.swimlane import (
    LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT, SNAP, MapLayout, shape_size,
)
from mot_workshop.ui import collector
from mot_workshop.ui.swimlane import style
from mot_workshop.ui.swimlane.flow_item import FlowItem
from mot_workshop.ui.swimlane.map_frame import MapFrame, qrect
from mot_workshop.ui.swimlane.header_drag import HeaderDrag, HeaderDragMixin
from mot_workshop.ui.swimlane.header_items import LaneHeaderItem, PhaseHeaderItem
from mot_workshop.ui.swimlane.mime import shape_from
from mot_workshop.ui.swimlane.step_item import StepItem

MARGIN = 24.0
DEFER_FLOWS = 500      # a map with this many flows or more gets its connectors after its first paint
SLICE = 0.03           # seconds of deferred work between two looks at the event queue
UNPAINTED_MS = 250     # a deferring map no view has drawn yet starts its connectors anyway


@dataclass
class MoveState:
    item: StepItem
    down: QPointF
    start: dict[int, QPointF]                   # step id -> item pos at the start
    flows: list[FlowItem] = field(default_factory=list)
    delta: QPointF = field(default_factory=QPointF)
    xs: list[float] = field(default_factory=list)     # centres of the steps that stay: alignment guides
    ys: list[float] = field(default_factory=list)


class MapScene(HeaderDragMixin, QGraphicsScene):
    move_requested = Signal(object)               # {step id: placement values}
    connect_requested = Signal(int, int)         # source step, target step
    connect_new_requested = Signal(int, float, float)   # source step, drawn centre of a new step there
    reconnect_requested = Signal(int, str, int)  # flow, "source"/"target", step
    drop_requested = Signal(object, float, float)  # {"shape", "is_mot"}, drawn centre x, y
    lane_reorder_requested = Signal(int, int)    # lane id, new index
    phase_reorder_requested = Signal(int, int)   # phase id, new index
    phase_resize_requested = Signal(int, float)  # phase id, new width
    rename_requested = Signal(str, int)          # kind, id
    nudge_requested = Signal(float, float)
    connectors_shown = Signal()                  # a big map's deferred connectors are all drawn

    def helpEvent(self, event) -> None:
        """An info cell's whole text as its tooltip (the cell shows what fits, ending in "…")."""
        found = self.frame.cell_at(event.scenePos())
        step = self.steps.get(found[1]) if found else None
        text = getattr(step, found[0], "") if step is not None else ""
        if text and text.strip():
            from PySide6.QtWidgets import QToolTip

            QToolTip.showText(event.screenPos(), text.strip())
            event.accept()
            return
        super().helpEvent(event)

    def __init__(self, parent=None, *, editable: bool = True):
        super().__init__(parent)
        self.editable = editable
        self.setBackgroundBrush(QColor("#eef1f5"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.layout = MapLayout()
        self.live = LiveLayout()                      # the layout, kept up to date edit by edit
        self._later = QTimer(self)                    # the connectors of a big map, after its first paint
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(lambda: self._continue())
        # The deferred work starts once the map has been drawn (a timer started with it would
        # often run its first slice before the first paint), or after UNPAINTED_MS unseen.
        self._after_paint = False
        self._unpainted = QTimer(self)
        self._unpainted.setSingleShot(True)
        self._unpainted.setInterval(UNPAINTED_MS)
        self._unpainted.timeout.connect(lambda: self._start_deferred())
        self._deferred = False                        # connectors still to route or draw
        self._unshown: list[Flow] | None = None       # routed flows whose items are still to make
        self.lanes: list[Lane] = []
        self.phases: list[Phase] = []
        self.steps: dict[int, Step] = {}
        self.flows: dict[int, Flow] = {}
        self.frame = MapFrame()                       # drawn as the background
        self.step_items: dict[int, StepItem] = {}
        self.flow_items: dict[int, FlowItem] = {}
        self.lane_items: dict[int, LaneHeaderItem] = {}
        self.phase_items: dict[int, PhaseHeaderItem] = {}
        self.indicator = QGraphicsRectItem()          # the lane a drag would land in / the drop ghost
        self.indicator.setZValue(1)
        self.indicator.setVisible(False)
        self.addItem(self.indicator)
        self.ghost = QGraphicsPathItem()              # a flow being drawn, a shape being dropped
        self.ghost.setZValue(10)
        self.ghost.setVisible(False)
        self.addItem(self.ghost)
        self.guides = QGraphicsPathItem()             # alignment with other steps while dragging
        self.guides.setPen(QPen(style.TARGET, 1.2, Qt.PenStyle.DashLine))
        self.guides.setZValue(9)
        self.addItem(self.guides)
        self._move: MoveState | None = None
        self._previewed: set[int] = set()             # flows drawn as a gesture's dashed preview
        self._connect_from: StepItem | None = None
        self._target: StepItem | None = None
        self._header: HeaderDrag | None = None

    # ------------------------------------------------------------------ data
    def show_map(self, lanes: Sequence[Lane], phases: Sequence[Phase], steps: Sequence[Step],
                 flows: Sequence[Flow], *, defer: bool = False) -> None:
        """Show this map. ``defer``: a map of DEFER_FLOWS flows or more is painted first with
        its frame and steps; its connectors are routed and drawn right after, a slice at a
        time between events (``connectors_pending``; anything that needs them — an edit, a
        click, a key, selecting a flow — finishes them first)."""
        self.cancel_gestures()
        self._stop_deferred()
        self._unshown = None
        self.lanes, self.phases = list(lanes), list(phases)
        self.steps = {s.id: s for s in steps}
        self.flows = {f.id: f for f in flows}
        deferring = self._deferred = defer and len(flows) >= DEFER_FLOWS
        self.live.update(self.lanes, self.phases, steps, flows, defer_routes=deferring)
        self.layout = lay = self.live.layout
        self._show_frame(lay)
        _sync(self, self.step_items, {s.id: s for s in steps if s.id in lay.steps},
              lambda s: StepItem(s, qrect(lay.steps[s.id].rect)),
              lambda item, s: item.set_data(s, qrect(lay.steps[s.id].rect)))
        if deferring:
            for fid in list(self.flow_items):
                self.removeItem(self.flow_items.pop(fid))
            self._after_paint = True
            self._unpainted.start()
        else:
            self._sync_flows()
        for item in self.step_items.values():
            item.setFlag(item.GraphicsItemFlag.ItemIsFocusable, self.editable)
        self.setSceneRect(qrect(lay.bounds).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def _sync_flows(self) -> None:
        lay = self.layout
        _sync(self, self.flow_items, {f.id: f for f in self.flows.values() if f.id in lay.routes},
              lambda f: FlowItem(f, lay.routes[f.id], lay.label_points.get(f.id)),
              lambda item, f: item.set_data(f, lay.routes[f.id], lay.label_points.get(f.id)))

    @property
    def connectors_pending(self) -> bool:
        return self._deferred

    def drawBackground(self, painter, rect) -> None:
        super().drawBackground(painter, rect)
        # the view's picture of its background is painted without the view's render hints
        views = self.views()
        if views:
            painter.setRenderHints(views[0].renderHints(), True)
        # a view asks for all it was told changed (after an edit, the whole map), though its
        # picture is the size of the view: draw only what lands on the device
        device = painter.device()
        ratio = device.devicePixelRatioF() or 1.0
        inverse, ok = painter.worldTransform().inverted()
        if ok and device.width() > 0:
            rect = rect.intersected(inverse.mapRect(QRectF(0, 0, device.width() / ratio, device.height() / ratio)))
        self.frame.paint(painter, rect, getattr(self, "lang", None))
        if self._after_paint:
            self._start_deferred()

    def _start_deferred(self) -> None:
        if self._after_paint:
            self._after_paint = False
            self._unpainted.stop()
            # once back in the event loop: the paint this was called from finishes and is
            # shown before the first slice runs
            QTimer.singleShot(0, self._later, lambda: self._deferred and self._later.start())

    def _stop_deferred(self) -> None:
        self._after_paint = False
        self._unpainted.stop()
        self._later.stop()

    def _continue(self, seconds: float = SLICE) -> None:
        """One slice of the deferred work: routing, then the connectors' items (without the
        cycle collector: like the map's first part, what they build is frozen at the end)."""
        if not self._deferred:
            return
        with collector.paused():
            self._continue_paused(seconds)
        if not self._deferred:
            collector.keep_alive_objects(len(self.steps))
            self.connectors_shown.emit()

    def _continue_paused(self, seconds: float) -> None:
        if self.live.routing_pending and not self.live.route_some(seconds):
            self._later.start()
            return
        if self._unshown is None:                     # routed: now their items, in flow order
            self._unshown = [f for f in self.flows.values() if f.id in self.layout.routes][::-1]
        lay, end = self.layout, time.perf_counter() + seconds
        while self._unshown:                          # at least one batch per slice
            for f in self._unshown[-50:]:
                item = self.flow_items[f.id] = FlowItem(f, lay.routes[f.id], lay.label_points.get(f.id))
                self.addItem(item)
            del self._unshown[-50:]
            if time.perf_counter() >= end:
                break
        if self._unshown:
            self._later.start()
            return
        self._deferred, self._unshown = False, None

    def finish_connectors(self) -> None:
        """Route and draw every connector still waiting, now."""
        if self._deferred:
            self._stop_deferred()
            self.live.finish_routes()
            self._continue(3600.0)

    def update_map(self, lanes: Sequence[Lane], phases: Sequence[Phase], steps: Sequence[Step],
                   flows: Sequence[Flow], changed_steps: set[int], changed_flows: set[int], *,
                   step_map: dict[int, Step] | None = None, flow_map: dict[int, Flow] | None = None) -> None:
        """Like ``show_map`` after an edit that touched only ``changed_steps`` and
        ``changed_flows`` (added, changed or gone): only the items whose data, box or route
        changed are updated, and only the flows whose ends or obstacles moved are re-routed.
        ``step_map`` / ``flow_map``: the same steps and flows by id, when the caller keeps them."""
        self.finish_connectors()
        self.cancel_gestures()
        self.lanes, self.phases = list(lanes), list(phases)
        self.steps = {s.id: s for s in steps} if step_map is None else step_map
        self.flows = {f.id: f for f in flows} if flow_map is None else flow_map
        diff = self.live.update(self.lanes, self.phases, steps, flows, changed_steps, changed_flows)
        self.layout = lay = self.live.layout
        if diff.frame:
            self._show_frame(lay)
        else:
            self.frame.layout = lay          # the same frame; its cells keep their wrapping
        for sid in diff.steps | set(changed_steps):
            step, box, item = self.steps.get(sid), lay.steps.get(sid), self.step_items.get(sid)
            if step is None or box is None:
                if item is not None:
                    self.removeItem(self.step_items.pop(sid))
            elif item is None:
                item = self.step_items[sid] = StepItem(step, qrect(box.rect))
                item.setFlag(item.GraphicsItemFlag.ItemIsFocusable, self.editable)
                self.addItem(item)
            else:
                item.set_data(step, qrect(box.rect))
        stale = {fid for fid in self._previewed if fid in self.flow_items and self.flow_items[fid].preview}
        self._previewed.clear()
        for fid in diff.flows | set(changed_flows) | stale:
            flow, points, item = self.flows.get(fid), lay.routes.get(fid), self.flow_items.get(fid)
            if flow is None or points is None:
                if item is not None:
                    self.removeItem(self.flow_items.pop(fid))
            elif item is None:
                item = self.flow_items[fid] = FlowItem(flow, points, lay.label_points.get(fid))
                self.addItem(item)
            else:
                item.set_data(flow, points, lay.label_points.get(fid))
        rect = qrect(lay.bounds).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _show_frame(self, lay: MapLayout) -> None:
        # the views keep a picture of the background: tell them which part of it changed (a
        # null rect would mean all of the scene)
        changed = self.frame.set_layout(lay)
        if not changed.isNull():
            self.invalidate(changed, QGraphicsScene.SceneLayer.BackgroundLayer)
        _sync(self, self.lane_items, {lane.id: lane for lane in self.lanes},
              lambda lane: LaneHeaderItem(lane, qrect(lay.lanes[self._lane_index(lane.id)].header)),
              lambda item, lane: item.set_lane(lane, qrect(lay.lanes[self._lane_index(lane.id)].header)))
        phase_boxes = {p.phase_id: p for p in lay.phases}
        _sync(self, self.phase_items, {p.id: p for p in self.phases},
              lambda p: PhaseHeaderItem(p, qrect(phase_boxes[p.id].header)),
              lambda item, p: item.set_phase(p, qrect(phase_boxes[p.id].header)))

    def _lane_index(self, lane_id: int) -> int:
        return next(i for i, box in enumerate(self.layout.lanes) if box.lane_id == lane_id)

    # Every item lies inside the layout's bounds, and the scene rect is those bounds plus a
    # margin: the view's Fit takes it as is instead of uniting every item's rect.
    paints_inside_scene_rect = True

    def content_rect(self) -> QRectF:
        return self.sceneRect()

    # ------------------------------------------------------------------ selection
    def selected(self, kind: str) -> list[int]:
        items = {"step": self.step_items, "flow": self.flow_items, "lane": self.lane_items,
                 "phase": self.phase_items}[kind]
        # the scene keeps the selection: asking all 10,000 items would cost ~10 ms per call
        return sorted(item.id for item in self.selectedItems() if items.get(getattr(item, "id", None)) is item)

    def select(self, kind: str, ids: Sequence[int]) -> None:
        if kind == "flow":
            self.finish_connectors()
        wanted = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            items = {"step": self.step_items, "flow": self.flow_items, "lane": self.lane_items,
                     "phase": self.phase_items}.get(kind, {})
            for id, item in items.items():
                if id in wanted:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # ------------------------------------------------------------------ moving steps
    def begin_move(self, item: StepItem, down: QPointF) -> None:
        moving = [i for i in self.step_items.values() if i.isSelected()] or [item]
        ids = {i.id for i in moving}
        still = [box.rect for id, box in self.layout.steps.items() if id not in ids]
        self._move = MoveState(item, down, {i.id: i.pos() for i in moving},
                               [f for f in self.flow_items.values()
                                if f.flow.source_id in ids or f.flow.target_id in ids],
                               xs=sorted(r.cx for r in still), ys=sorted(r.cy for r in still))
        for i in moving:
            i.setZValue(6)

    def move_to(self, pos: QPointF, *, snap: bool = True) -> None:
        state = self._move
        if state is None:
            return
        delta = pos - state.down
        guides = QPainterPath()
        if snap:    # the pressed step's centre snaps to another step's centre line, else to the grid
            start = state.start[state.item.id]
            size = state.item.size
            cx, cy = start.x() + size.width() / 2 + delta.x(), start.y() + size.height() / 2 + delta.y()
            x, y = _nearest(state.xs, cx), _nearest(state.ys, cy)
            bounds = self.layout.bounds
            if x is not None:
                guides.moveTo(x, PHASE_HEADER_HEIGHT)
                guides.lineTo(x, self.layout.content.bottom)
            if y is not None:
                guides.moveTo(LANE_HEADER_WIDTH, y)
                guides.lineTo(bounds.right, y)
            x = round(cx / SNAP) * SNAP if x is None else x
            y = round(cy / SNAP) * SNAP if y is None else y
            delta = QPointF(delta.x() + x - cx, delta.y() + y - cy)
        self.guides.setPath(guides)
        if delta == state.delta:
            return
        state.delta = delta
        for id, start in state.start.items():
            self.step_items[id].setPos(start + delta)
        for flow in state.flows:
            flow.set_points(self._preview_route(flow.flow.source_id, flow.flow.target_id), preview=True)
            self._previewed.add(flow.id)
        centre = state.item.scene_shape_rect().center()
        lane = self.layout.lane_at(centre.y())
        self._show_indicator(lane)

    def _show_indicator(self, lane) -> None:
        if lane is None:
            self.indicator.setVisible(False)
            return
        self.indicator.setRect(qrect(lane.rect).adjusted(LANE_HEADER_WIDTH, 1, -1, -1))
        self.indicator.setPen(QPen(style.SELECTION, 2, Qt.PenStyle.DashLine))
        self.indicator.setBrush(QColor(30, 110, 232, 18))
        self.indicator.setVisible(True)

    def _preview_route(self, source: int, target: int) -> list[QPointF]:
        a = self.step_items[source].scene_shape_rect()
        b = self.step_items[target].scene_shape_rect()
        if b.left() >= a.right():
            mid = (a.right() + b.left()) / 2
            return [QPointF(a.right(), a.center().y()), QPointF(mid, a.center().y()),
                    QPointF(mid, b.center().y()), QPointF(b.left(), b.center().y())]
        if a.left() >= b.right():
            mid = (b.right() + a.left()) / 2
            return [QPointF(a.left(), a.center().y()), QPointF(mid, a.center().y()),
                    QPointF(mid, b.center().y()), QPointF(b.right(), b.center().y())]
        down = b.top() >= a.bottom()
        return [QPointF(a.center().x(), a.bottom() if down else a.top()),
                QPointF(b.center().x(), b.top() if down else b.bottom())]

    def end_move(self) -> None:
        state, self._move = self._move, None
        self.indicator.setVisible(False)
        self.guides.setPath(QPainterPath())
        if state is None:
            return
        for id in state.start:
            self.step_items[id].setZValue(3)
        placements = {}
        for id in state.start:
            step = self.steps[id]
            centre = self.step_items[id].scene_shape_rect().center()
            where = map_edit.place(self.layout, step.shape, centre.x(), centre.y(), grid=None)
            if where is None:
                continue
            if (where.lane_id, where.phase_id, round(where.x, 3), round(where.y, 3)) != \
                    (step.lane_id, step.phase_id, round(step.x, 3), round(step.y, 3)):
                placements[id] = where.values()
        if placements:
            self.move_requested.emit(placements)
        if self._move is None and any(self.step_items[i].pos() != qrect(self.layout.steps[i].rect).topLeft()
                                      for i in state.start if i in self.layout.steps):
            self._restore(state)        # refused or nothing changed: back where they were

    def _restore(self, state: MoveState) -> None:
        for id in state.start:
            if id in self.layout.steps and id in self.step_items:
                self.step_items[id].setPos(qrect(self.layout.steps[id].rect).topLeft())
        for flow in state.flows:
            if flow.id in self.layout.routes:
                flow.set_data(flow.flow, self.layout.routes[flow.id], self.layout.label_points.get(flow.id))

    # ------------------------------------------------------------------ drawing a flow
    def begin_connect(self, item: StepItem, down: QPointF) -> None:
        self._connect_from = item
        self.ghost.setPen(QPen(style.SELECTION, 2, Qt.PenStyle.DashLine))
        self.ghost.setBrush(Qt.BrushStyle.NoBrush)
        self.ghost.setVisible(True)

    def step_at(self, pos: QPointF) -> StepItem | None:
        for item in self.items(pos):
            if isinstance(item, StepItem) and item.scene_shape_rect().adjusted(-6, -6, 6, 6).contains(pos):
                return item
        return None

    def _set_target(self, target: StepItem | None) -> None:
        if target is not self._target:
            if self._target is not None:
                self._target.set_highlight(False)
            self._target = target
            if target is not None:
                target.set_highlight(True)

    def connect_to(self, pos: QPointF) -> None:
        source = self._connect_from
        if source is None:
            return
        target = self.step_at(pos)
        self._set_target(target if target is not source else None)
        start = source.scene_shape_rect()
        path = QPainterPath()
        origin = QPointF(start.right(), start.center().y()) if pos.x() >= start.center().x() else \
            QPointF(start.left(), start.center().y())
        path.moveTo(origin)
        path.lineTo(QPointF((origin.x() + pos.x()) / 2, origin.y()))
        path.lineTo(QPointF((origin.x() + pos.x()) / 2, pos.y()))
        path.lineTo(pos)
        self.ghost.setPath(path)

    def end_connect(self, pos: QPointF) -> None:
        source, target = self._connect_from, self._target
        self._connect_from = None
        self._set_target(None)
        self.ghost.setVisible(False)
        if source is not None and target is not None and target is not source:
            self.connect_requested.emit(source.id, target.id)
        elif source is not None and target is None and self.layout.content.contains_point(pos.x(), pos.y()) \
                and not source.scene_shape_rect().adjusted(-40, -40, 40, 40).contains(pos):
            self.connect_new_requested.emit(source.id, pos.x(), pos.y())

    # ------------------------------------------------------------------ reconnecting a flow's end
    def reconnect_to(self, flow: FlowItem, end: str, pos: QPointF) -> None:
        target = self.step_at(pos)
        self._set_target(target)
        fixed = flow.points[0] if end == "target" else flow.points[-1]
        bend = QPointF(pos.x(), fixed.y())
        points = [fixed, bend, pos] if end == "target" else [pos, bend, fixed]
        flow.set_points(points, preview=True)
        self._previewed.add(flow.id)

    def end_reconnect(self, flow: FlowItem, end: str, pos: QPointF) -> None:
        target = self._target
        self._set_target(None)
        current = flow.flow.target_id if end == "target" else flow.flow.source_id
        if target is not None and target.id != current:
            self.reconnect_requested.emit(flow.id, end, target.id)
        if flow.id in self.flow_items and self.flow_items[flow.id] is flow and flow.preview:
            lay = self.layout
            if flow.id in lay.routes:
                flow.set_data(flow.flow, lay.routes[flow.id], lay.label_points.get(flow.id))

    # ------------------------------------------------------------------ dropping palette shapes
    def dragEnterEvent(self, event) -> None:
        if not self.editable or shape_from(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._show_drop(event.mimeData(), event.scenePos())

    def dragMoveEvent(self, event) -> None:
        if not self.editable or shape_from(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._show_drop(event.mimeData(), event.scenePos())

    def dragLeaveEvent(self, event) -> None:
        self.ghost.setVisible(False)
        self.indicator.setVisible(False)
        event.accept()

    def dropEvent(self, event) -> None:
        self.ghost.setVisible(False)
        self.indicator.setVisible(False)
        payload = shape_from(event.mimeData())
        if not self.editable or payload is None:
            event.ignore()
            return
        event.acceptProposedAction()
        pos = event.scenePos()
        self.drop_requested.emit(payload, pos.x(), pos.y())

    def _show_drop(self, data, pos: QPointF) -> None:
        payload = shape_from(data)
        where = map_edit.place(self.layout, payload["shape"], pos.x(), pos.y())
        if where is None:
            return
        w, h = shape_size(payload["shape"])
        lane = next(b for b in self.layout.lanes if b.lane_id == where.lane_id)
        rect = QRectF(LANE_HEADER_WIDTH + where.x - w / 2, lane.rect.top + where.y - h / 2, w, h)
        self.ghost.setPath(style.shape_path(payload["shape"], rect))
        self.ghost.setPen(QPen(style.SELECTION, 2, Qt.PenStyle.DashLine))
        self.ghost.setBrush(QColor(30, 110, 232, 30))
        self.ghost.setVisible(True)
        self._show_indicator(lane)

    # ------------------------------------------------------------------ keys
    def mousePressEvent(self, event) -> None:
        self.finish_connectors()                  # a gesture may need any connector
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        self.finish_connectors()
        key = event.key()
        if key == Qt.Key.Key_Escape and (self._move or self._connect_from or self._header):
            self.cancel_gestures()
            event.accept()
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                  Qt.Key.Key_Down: (0, 1)}
        if key in arrows and self.editable and self.selected("step"):
            step = 1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else SNAP
            dx, dy = arrows[key]
            self.nudge_requested.emit(dx * step, dy * step)
            event.accept()
            return
        super().keyPressEvent(event)

    def cancel_gestures(self) -> None:
        if self._move is not None:
            state, self._move = self._move, None
            state.item.cancel()
            self._restore(state)
            self.guides.setPath(QPainterPath())
        if self._connect_from is not None:
            self._connect_from.cancel()
            self._connect_from = None
        if self._header is not None:
            self._header.item.cancel()
            self._header.item.setOpacity(1.0)
            self._header = None
            self._restore_headers()
        self._set_target(None)
        self.ghost.setVisible(False)
        self.indicator.setVisible(False)

    @property
    def dragging(self) -> bool:
        return self._move is not None or self._connect_from is not None or self._header is not None

    def step_rects(self, ids: Sequence[int]) -> dict[int, Rect]:
        return {id: self.layout.steps[id].rect for id in ids if id in self.layout.steps}


ALIGN = 8.0          # how near another step's centre line a dragged step snaps onto it


def _nearest(values: list[float], value: float) -> float | None:
    """The value in sorted ``values`` nearest ``value`` if it is within ALIGN, else None."""
    import bisect

    i = bisect.bisect_left(values, value)
    best = min((values[j] for j in (i - 1, i) if 0 <= j < len(values)), key=lambda v: abs(v - value), default=None)
    return best if best is not None and abs(best - value) <= ALIGN else None


def _sync(scene: QGraphicsScene, items: dict, wanted: dict, make, update) -> None:
    """Keep ``items`` (id -> item) in step with ``wanted`` (id -> entity), reusing items by id."""
    for id in [i for i in items if i not in wanted]:
        scene.removeItem(items.pop(id))
    for id, entity in wanted.items():
        item = items.get(id)
        if item is None:
            items[id] = make(entity)
            scene.addItem(items[id])
        else:
            update(item, entity)
