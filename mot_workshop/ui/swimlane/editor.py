"""The swimlane process map editor tab: the legend palette, the map, and a bar with the
map's structure actions (lanes, phases, auto-layout, derive, compare).

Views never write the model: the scene asks (move, connect, drop, reorder, resize,
rename), this editor builds the command and pushes it through the session; the change bus
then makes the scene re-read the map from the store.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QApplication, QGraphicsView, QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from mot_workshop.domain.enums import LaneKind, MapKind
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.layout import map_edit
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH
from mot_workshop.ui.cycle.inline_edit import InlineEdit
from mot_workshop.ui import collector
from mot_workshop.ui.cycle.view import DiagramView
from mot_workshop.ui.swimlane import gestures
from mot_workshop.ui.swimlane.clipboard import ClipboardMixin
from mot_workshop.ui.swimlane.palette import MapPalette
from mot_workshop.ui.swimlane.rename import RenameMixin
from mot_workshop.ui.swimlane.scene import MapScene
from mot_workshop.ui.swimlane.titles import map_title

KINDS = ("step", "flow", "lane", "phase")
KINDS_IN_DATA = ("lane", "phase", "step", "flow")          # the order of MapEditor.data
NEXT_KIND = {MapKind.AS_IS: MapKind.TO_BE, MapKind.TO_BE: MapKind.REDESIGN}


class MapEditor(ClipboardMixin, RenameMixin, QWidget):
    selection_changed = Signal()
    title_changed = Signal()
    close_requested = Signal()
    status_message = Signal(str)
    open_map_requested = Signal(int)               # a derived map to open
    compare_requested = Signal(int, int)           # before map, after map

    def __init__(self, session, map_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.map_id = map_id
        self.map = None
        self.process = None
        self.data: tuple = ((), (), (), ())
        self._by_id: tuple | None = None       # (data's steps, steps by id, flows by id)
        self._inline: InlineEdit | None = None
        self.scene = MapScene(self)
        self.view = DiagramView(self.scene)
        self.view.setObjectName("mapView")
        # the map's frame is the scene's background: kept as a picture, a drag does not redraw it
        self.view.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.palette = MapPalette()
        self._build_bar()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.palette)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addLayout(body, 1)
        s = self.scene
        # slots return nothing: Qt cannot take a Python return value back through a signal
        s.move_requested.connect(lambda placements: _none(self.move_steps(placements)))
        s.connect_requested.connect(lambda a, b: _none(self.connect_steps(a, b)))
        s.connect_new_requested.connect(lambda a, x, y: _none(self.connect_new_step(a, x, y)))
        s.reconnect_requested.connect(lambda f, end, step: _none(self.push(gestures.reconnect(f, end, step))))
        s.drop_requested.connect(lambda payload, x, y: _none(self.drop_shape(payload, x, y)))
        s.lane_reorder_requested.connect(lambda id, i: _none(self.push(gestures.reorder("lane", id, i))))
        s.phase_reorder_requested.connect(lambda id, i: _none(self.push(gestures.reorder("phase", id, i))))
        s.phase_resize_requested.connect(lambda id, w: _none(self.push(gestures.resize_phase(id, w))))
        s.rename_requested.connect(lambda kind, id: _none(self.start_rename(kind, id)))
        s.nudge_requested.connect(lambda dx, dy: _none(self.nudge(dx, dy)))
        s.selectionChanged.connect(self._scene_selection_changed)
        self.palette.add_requested.connect(lambda shape, mot: _none(self.add_shape(shape, mot)))
        self.view.zoom_changed.connect(lambda factor: _none(self._show_zoom(factor)))
        self.view.context_menu.connect(lambda pos: _none(self.show_context_menu(pos)))
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: _none(self.duplicate()),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    # ------------------------------------------------------------------ identity
    @property
    def key(self) -> tuple[str, int]:
        return ("process_map", self.map_id)

    def title(self) -> str:
        return map_title(self.process, self.map) if self.map is not None else ""

    # ------------------------------------------------------------------ building
    def _build_bar(self) -> None:
        from mot_workshop.ui.app import editor_bar

        self.bar, row = editor_bar()
        self.lane_button = QToolButton()
        self.lane_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.lane_menu = QMenu(self)
        self.lane_button.setMenu(self.lane_menu)
        self.phase_button = QToolButton()
        self.phase_button.clicked.connect(self.add_phase)
        self.layout_button = QToolButton()
        self.layout_button.clicked.connect(self.auto_layout)
        self.arrange_button = QToolButton()
        self.arrange_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.arrange_menu = QMenu(self)
        self.arrange_button.setMenu(self.arrange_menu)
        self.derive_button = QToolButton()
        self.derive_button.clicked.connect(self.derive)
        self.compare_button = QToolButton()
        self.compare_button.clicked.connect(self.compare)
        for button in (self.lane_button, self.phase_button, self.layout_button, self.arrange_button,
                       self.derive_button, self.compare_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        row.addStretch(1)
        from mot_workshop.ui.swimlane.checks import StructureButton

        self.checks = StructureButton()
        self.checks.step_chosen.connect(lambda id: self.select([id]))
        self.checks.busy = lambda: self.scene.dragging or QApplication.mouseButtons() != Qt.MouseButton.NoButton
        row.addWidget(self.checks)
        row.addSpacing(12)
        self.summary_label = ElidedLabel()               # the bar never widens the window
        self.summary_label.setObjectName("mapSummary")
        row.addWidget(self.summary_label)
        row.addSpacing(12)
        self.zoom_label = QLabel()
        row.addWidget(self.zoom_label)
        self.retranslate_bar()

    def retranslate_bar(self) -> None:
        self.lane_button.setText(tr("+ Lane"))
        self.lane_menu.clear()
        for kind in LaneKind:
            self.lane_menu.addAction(enum_name(kind)).triggered.connect(lambda _=False, k=kind: _none(self.add_lane(k)))
        self.phase_button.setText(tr("+ Phase"))
        self.phase_button.setToolTip(tr("Add a phase column at the end of the time axis"))
        self.layout_button.setText(tr("Auto-layout"))
        self.layout_button.setToolTip(tr("Arrange the steps left to right in flow order inside their lanes"))
        self.arrange_button.setText(tr("Arrange"))
        self.arrange_menu.clear()
        for how, text in (("left", tr("Align left")), ("centre", tr("Align centres")), ("right", tr("Align right")),
                          ("top", tr("Align top")), ("middle", tr("Align middles")), ("bottom", tr("Align bottom"))):
            self.arrange_menu.addAction(text).triggered.connect(lambda _=False, h=how: self.align(h))
        self.arrange_menu.addSeparator()
        self.arrange_menu.addAction(tr("Distribute horizontally")).triggered.connect(
            lambda: self.distribute("horizontal"))
        self.arrange_menu.addAction(tr("Distribute vertically")).triggered.connect(lambda: self.distribute("vertical"))
        kind = self.map.kind if self.map is not None else None
        self.derive_button.setVisible(kind in NEXT_KIND)
        if kind in NEXT_KIND:
            self.derive_button.setText(tr("Derive {kind}", kind=enum_name(NEXT_KIND[kind])))
            self.derive_button.setToolTip(tr("Copy this map as a new {kind} map", kind=enum_name(NEXT_KIND[kind])))
        self.compare_button.setText(tr("Compare"))
        self.compare_button.setToolTip(tr("Compare with the map this one was derived from"))
        self.compare_button.setVisible(self.map is not None and self.map.derived_from_id is not None)
        self.palette.retranslate()
        if hasattr(self, "checks"):
            self.checks.retranslate()

    def retranslate(self) -> None:
        from mot_workshop.ui.swimlane import style

        style.reset_fonts()
        self.retranslate_bar()
        self.reload(force=True)
        self._show_zoom(self.view.zoom)

    # ------------------------------------------------------------------ zoom
    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def zoom_fit(self) -> None:
        self.view.fit()

    def zoom_reset(self) -> None:
        self.view.zoom_reset()

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(tr("Zoom {percent} %", percent=round(factor * 100)))

    # ------------------------------------------------------------------ model
    def read(self) -> tuple:
        store = self.session.store
        return (tuple(store.select("lane", map_id=self.map_id)), tuple(store.select("phase", map_id=self.map_id)),
                tuple(store.select("step", map_id=self.map_id)), tuple(store.select("flow", map_id=self.map_id)))

    def reload(self, *, force: bool = False) -> None:
        store = self.session.store
        self.map = store.get("process_map", self.map_id)
        if self.map is None:
            self.close_requested.emit()
            return
        self.process = store.get("process", self.map.process_id)
        data = self.read()
        if force or data != self.data:
            kind, ids = self.selection()
            self.data = data
            from mot_workshop.i18n import speaking

            self.scene.blockSignals(True)
            self.scene.lang = self.session.content_language     # what the map draws: the workshop's language
            with speaking(self.scene.lang), collector.paused():
                self.scene.show_map(*data, defer=True)
            collector.keep_alive_objects(len(data[2]))
            self.scene.blockSignals(False)
            # Qt's item index sizes its tree from this signal; missed while blocked, every
            # paint and hit test would walk all items (a 5,000-step map: 300 ms per query)
            self.scene.sceneRectChanged.emit(self.scene.sceneRect())
            if kind in KINDS:
                self.scene.select(kind, ids)
        self.scene.editable = not self.session.read_only
        self.retranslate_bar()
        self._update_summary()
        self.title_changed.emit()

    def _update_summary(self) -> None:
        lanes, _phases, steps, flows = self.data
        problems = sum(map(bool, map(str.strip, map(attrgetter("problems"), steps))))     # C loops: 10,000 steps
        mots = sum(map(bool, map(attrgetter("is_mot"), steps)))
        self.summary_label.setText(tr("{steps} steps · {flows} flows · {mots} MOT · {problems} with problems",
                                      steps=len(steps), flows=len(flows), mots=mots, problems=problems))
        self.summary_label.setToolTip(self.summary_label.text())
        self.checks.schedule(lanes, steps, flows)

    def on_changes(self, changes: Changes) -> None:
        if ("process_map", self.map_id) in changes.deleted:
            self.close_requested.emit()
            return
        if changes.touches("process_map", "process") or changes.touches("lane", "phase"):
            if changes.touches("process_map", "process") or self._concerns_this_map(changes):
                self.reload()
            return
        self._apply_changes(changes.ids("step"), changes.ids("flow"))

    def _apply_changes(self, step_ids: set[int], flow_ids: set[int]) -> None:
        """Steps and flows changed: read just those, and update just what they move."""
        if not step_ids and not flow_ids:
            return
        store = self.session.store
        lanes, phases, steps, flows = self.data
        if self._by_id is None or self._by_id[0] is not steps:
            self._by_id = (steps, {s.id: s for s in steps}, {f.id: f for f in flows})
        _, step_map, flow_map = self._by_id
        changed_steps = _merge(step_map, _read_many(store, "step", step_ids), step_ids, self.map_id)
        changed_flows = _merge(flow_map, _read_many(store, "flow", flow_ids), flow_ids, self.map_id)
        if not changed_steps and not changed_flows:
            return
        self.data = (lanes, phases, _in_order(steps, step_map, changed_steps), _in_order(flows, flow_map, changed_flows))
        self._by_id = (self.data[2], step_map, flow_map)       # kept in step with data, edit after edit
        self.scene.update_map(*self.data, changed_steps, changed_flows, step_map=dict(step_map),
                              flow_map=dict(flow_map))
        self._update_summary()

    def _concerns_this_map(self, changes: Changes) -> bool:
        """Whether a change reaches a lane, phase, step or flow of this map (not of another)."""
        shown = {kind: {e.id for e in items} for kind, items in zip(KINDS_IN_DATA, self.data)}
        store = self.session.store
        for kind, id in changes.keys:
            if kind not in shown:
                continue
            if id in shown[kind]:
                return True
            entity = store.get(kind, id)
            if entity is not None and entity.map_id == self.map_id:
                return True
        return False

    # ------------------------------------------------------------------ selection
    def selection(self) -> tuple[str, list[int]]:
        for kind in KINDS:
            ids = self.scene.selected(kind)
            if ids:
                return kind, ids
        return "process_map", [self.map_id]

    def selected_ids(self) -> list[int]:
        return self.scene.selected("step")

    def _scene_selection_changed(self) -> None:
        try:
            self.selection_changed.emit()
        except (RuntimeError, TypeError):       # the tab is being torn down
            pass

    def has_selection(self) -> bool:
        return self.selection()[0] != "process_map"

    def select(self, kind_or_ids, ids=None) -> None:
        if ids is None:
            kind_or_ids, ids = "step", kind_or_ids
        self.scene.select(kind_or_ids, list(ids))
        if kind_or_ids == "step" and ids and ids[0] in self.scene.step_items:
            self.view.ensureVisible(self.scene.step_items[ids[0]], 60, 60)

    def select_all(self) -> None:
        self.scene.select("step", list(self.scene.step_items))

    # ------------------------------------------------------------------ gestures -> commands
    def push(self, command):
        if command is None or self.session.read_only:
            return None
        return self.session.push(command)

    def _report(self, text: str, exc: Exception) -> None:
        self.session.undoer.report(text, exc)

    def move_steps(self, placements: dict) -> None:
        lane_changed = any(v["lane_id"] != self.scene.steps[id].lane_id for id, v in placements.items())
        self.push(gestures.move_steps(placements, lane_changed=lane_changed))

    def connect_steps(self, source: int, target: int) -> int | None:
        if any(f.source_id == source and f.target_id == target for f in self.data[3]):
            self.status_message.emit(tr("These steps are already connected."))
            return None
        try:
            command = gestures.connect(self.map_id, source, target)
        except RuleError as exc:
            self._report(tr("The steps were not connected."), exc)
            return None
        if self.push(command) is None:
            return None
        if command.id in self.scene.layout.jumps:         # no line to select: say what happened
            self.status_message.emit(tr("The connectors are linked: the flow jumps from one to the other, "
                                        "with no line between them."))
            return command.id
        self.scene.select("flow", [command.id])
        source_step = self.scene.steps.get(source)
        if source_step is not None and source_step.shape == "decision":
            self.start_rename("flow", command.id)      # a decision's branch gets its label now
        return command.id

    def connect_new_step(self, source: int, cx: float, cy: float) -> int | None:
        """A flow released on empty space: a new step of the source's kind there, connected."""
        from mot_workshop.editing.map_edits import AddConnectedStep

        shape = self.scene.steps[source].shape
        shape = "activity" if shape in ("start-end", "connector") else str(shape)
        where = map_edit.place(self.scene.layout, shape, cx, cy)
        values = {**where.values(), "shape": shape, "label": tr("New step", lang=self.session.content_language)}
        try:
            command = AddConnectedStep(self.map_id, source, values)
        except RuleError as exc:
            self._report(tr("The steps were not connected."), exc)
            return None
        if self.push(command) is None:
            return None
        self.scene.select("step", [command.step_id])
        self.start_rename("step", command.step_id)
        return command.step_id

    def drop_shape(self, payload: dict, cx: float, cy: float) -> int | None:
        if not self.data[0]:
            self.status_message.emit(tr("Add a lane first: steps live in lanes."))
            return None
        where = map_edit.place(self.scene.layout, payload["shape"], cx, cy)
        label = "" if payload["shape"] == "connector" else tr("New step", lang=self.session.content_language)
        if payload["shape"] == "connector":
            label = _next_connector_label(self.data[2])
        command = gestures.add_step(self.map_id, payload["shape"], where.values(), label=label,
                                    is_mot=payload.get("is_mot", False))
        if self.push(command) is None:
            return None
        self.scene.select("step", [command.id])
        self.view.setFocus()
        if payload["shape"] != "connector":
            self.start_rename("step", command.id)
        return command.id

    def add_shape(self, shape: str, is_mot: bool) -> int | None:
        """From a palette click: after the selected step (same lane), else at the start of the first lane."""
        lay = self.scene.layout
        selected = self.selected_ids()
        if selected and selected[0] in lay.steps:
            r = lay.steps[selected[-1]].rect
            cx, cy = r.right + 110, r.cy
        elif lay.lanes:
            right = max((b.rect.right for b in lay.steps.values() if b.lane_id == lay.lanes[0].lane_id),
                        default=LANE_HEADER_WIDTH)
            cx, cy = right + 110, lay.lanes[0].rect.top + lay.lanes[0].rect.h / 2
        else:
            return self.drop_shape({"shape": shape, "is_mot": is_mot}, 0, 0)
        return self.drop_shape({"shape": shape, "is_mot": is_mot}, cx, cy)

    def nudge(self, dx: float, dy: float) -> None:
        ids = self.selected_ids()
        steps = self.scene.steps
        moves = {id: {"x": max(0.0, steps[id].x + dx), "y": max(0.0, steps[id].y + dy)} for id in ids}
        if moves:
            self.push(gestures.move_steps(moves))

    def _move_centres(self, centres: dict, text: str) -> None:
        lay = self.scene.layout
        moves = {}
        for id, (cx, cy) in centres.items():
            step = self.scene.steps[id]
            where = map_edit.place(lay, step.shape, cx, cy, grid=None)
            if where is not None and (where.x, where.y, where.lane_id) != (step.x, step.y, step.lane_id):
                moves[id] = where.values()
        if moves:
            self.push(gestures.UpdateEntities("step", moves, text=text))

    def align(self, how: str) -> None:
        self._move_centres(map_edit.align(self.scene.step_rects(self.selected_ids()), how), tr("Align steps"))

    def distribute(self, axis: str) -> None:
        self._move_centres(map_edit.distribute(self.scene.step_rects(self.selected_ids()), axis),
                           tr("Distribute steps"))

    def auto_layout(self) -> None:
        from mot_workshop.editing.auto_layout import auto_layout

        self.push(auto_layout(self.session.store, self.map_id))
        self.view.fit()

    def add_lane(self, kind=LaneKind.DEPARTMENT, at: int | None = None) -> int | None:
        lang = self.session.content_language
        command = gestures.add_lane(self.map_id, kind, enum_name(kind, lang=lang), at)
        if self.push(command) is None:
            return None
        self.scene.select("lane", [command.id])
        self.start_rename("lane", command.id)
        return command.id

    def add_phase(self, at: int | None = None) -> int | None:
        lang = self.session.content_language
        name = tr("Phase {n}", n=len(self.data[1]) + 1, lang=lang)
        command = gestures.add_phase(self.map_id, name, at)
        if self.push(command) is None:
            return None
        self.scene.select("phase", [command.id])
        self.start_rename("phase", command.id)
        return command.id

    def delete_selected(self) -> None:
        kind, ids = self.selection()
        if kind not in KINDS or not ids:
            return
        if kind == "lane":
            full = [lane for lane in self.data[0] if lane.id in ids and any(s.lane_id == lane.id for s in self.data[2])]
            if full:
                from mot_workshop.ui import messages

                count = sum(1 for s in self.data[2] if s.lane_id in {lane.id for lane in full})
                if not messages.confirm(self, tr("Delete the lane with its {count} steps?", count=count),
                                        tr("Undo brings them back."), tr("Delete")):
                    return
        self.push(gestures.delete({kind: ids}))

    # ------------------------------------------------------------------ derive and compare
    def derive(self) -> int | None:
        from mot_workshop.editing.maps import DeriveMap

        kind = NEXT_KIND.get(self.map.kind)
        if kind is None:
            return None
        command = DeriveMap(self.map_id, kind)
        if self.push(command) is None:
            return None
        self.status_message.emit(tr("Derived the {kind} map from this one.", kind=enum_name(kind)))
        self.open_map_requested.emit(command.new_map_id)
        return command.new_map_id

    def compare(self) -> None:
        if self.map is not None and self.map.derived_from_id is not None:
            self.compare_requested.emit(self.map.derived_from_id, self.map_id)

    def show_context_menu(self, global_pos):
        from mot_workshop.ui.swimlane.context_menu import show_menu

        return show_menu(self, global_pos)


class ElidedLabel(QLabel):
    """A one-line label that shrinks with an ellipsis instead of widening its row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(24)
        return hint

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.rect(), int(self.alignment()), text)


def _none(_result) -> None:
    return None


def _order(entity) -> tuple:
    return (getattr(entity, "seq", 0), entity.id)


def _in_order(before: tuple, now: dict, changed: set[int]) -> tuple:
    """``now``'s entities in the store's order; when none came or went (the same number, and
    every changed one is still there), in ``before``'s order without sorting again (a
    10,000-step map's edit changes a few; steps and flows are ordered by id)."""
    if len(before) == len(now) and all(id in now for id in changed):
        return tuple(map(now.__getitem__, map(attrgetter("id"), before)))
    return tuple(sorted(now.values(), key=_order))


def _read_many(store, kind: str, ids: set[int]) -> dict:
    many = getattr(store, "get_many", None)
    if many is not None:
        return many(kind, ids)
    return {id: e for id in ids if (e := store.get(kind, id)) is not None}


def _merge(shown: dict, read: dict, ids: set[int], map_id: int) -> set[int]:
    """Bring ``shown`` (id -> entity of this map) up to date for ``ids``, given what the store
    holds now (``read``); the ids that changed here."""
    changed = set()
    for id in ids:
        entity = read.get(id)
        if entity is not None and entity.map_id == map_id:
            if shown.get(id) != entity:
                shown[id] = entity
                changed.add(id)
        elif shown.pop(id, None) is not None:
            changed.add(id)
    return changed


def _next_connector_label(steps) -> str:
    used = {s.label for s in steps if s.shape == "connector"}
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter not in used:
            return letter
    return "Z"
