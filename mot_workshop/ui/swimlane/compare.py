"""Two maps of a process compared (As-Is → To-Be, To-Be → Redesign): side by side, or the
later map overlaid with what was removed from the earlier one. Steps are marked added,
removed, changed or moved to another lane (``analysis.map_diff``), with the counts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QLabel, QSplitter, QStackedWidget, QToolButton, QVBoxLayout, QWidget,
)

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.ui.cycle.view import DiagramView
from mot_workshop.ui.swimlane import style
from mot_workshop.ui.swimlane.scene import MapScene
from mot_workshop.ui.swimlane.step_item import StepItem
from mot_workshop.ui.swimlane.titles import map_title

SIDE, OVERLAY = "side", "overlay"
STATUS_TEXT = {"added": "Added", "removed": "Removed", "changed": "Changed", "moved": "Moved lane"}


class MapCompareView(QWidget):
    title_changed = Signal()
    close_requested = Signal()
    selection_changed = Signal()
    status_message = Signal(str)

    def __init__(self, session, before_map_id: int, after_map_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.before_map_id = before_map_id
        self.after_map_id = after_map_id
        self.diff = None
        self.counts: dict[str, int] = {}
        self._ghosts: list[StepItem] = []
        self.before_scene = MapScene(self, editable=False)
        self.after_scene = MapScene(self, editable=False)
        self.overlay_scene = MapScene(self, editable=False)
        self.before_view = DiagramView(self.before_scene)
        self.after_view = DiagramView(self.after_scene)
        self.overlay_view = DiagramView(self.overlay_scene)
        self.before_caption, self.after_caption = QLabel(), QLabel()
        split = QSplitter(Qt.Orientation.Vertical)     # maps are wide: one above the other reads best
        for caption, view in ((self.before_caption, self.before_view), (self.after_caption, self.after_view)):
            pane = QWidget()
            box = QVBoxLayout(pane)
            box.setContentsMargins(2, 2, 2, 2)
            caption.setObjectName("compareCaption")
            caption.setStyleSheet("font-weight: bold; padding: 2px 6px;")
            box.addWidget(caption)
            box.addWidget(view, 1)
            split.addWidget(pane)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.overlay_view)
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.reload()

    @property
    def key(self):
        return ("map_compare", self.before_map_id, self.after_map_id)

    def title(self) -> str:
        after = self.session.store.get("process_map", self.after_map_id)
        before = self.session.store.get("process_map", self.before_map_id)
        if after is None or before is None:
            return ""
        from mot_workshop.i18n.labels import enum_name

        process = self.session.store.get("process", after.process_id)
        pair = tr("{before} → {after}", before=enum_name(before.kind), after=enum_name(after.kind))
        return f"{process.name}: {pair}" if process is not None else pair

    def _build_bar(self) -> None:
        from mot_workshop.ui.app import editor_bar

        self.bar, row = editor_bar()
        self.side_button, self.overlay_button = QToolButton(), QToolButton()
        self.mode_group = QButtonGroup(self)
        for button, mode in ((self.side_button, SIDE), (self.overlay_button, OVERLAY)):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            row.addWidget(button)
        self.side_button.setChecked(True)
        row.addSpacing(16)
        self.count_labels: dict[str, QLabel] = {}
        for status in STATUS_TEXT:
            label = QLabel()
            colour = style.STATUS_COLOUR[status].name()
            label.setStyleSheet(f"border: 2px solid {colour}; border-radius: 9px; padding: 1px 8px;"
                                f" color: {colour}; font-weight: bold;")
            self.count_labels[status] = label
            row.addWidget(label)
        row.addStretch(1)
        self.retranslate_bar()

    def retranslate_bar(self) -> None:
        self.side_button.setText(tr("Side by side"))
        self.overlay_button.setText(tr("Overlay"))
        for status, label in self.count_labels.items():
            label.setText(f"{tr(STATUS_TEXT[status])}: {self.counts.get(status, 0)}")

    def retranslate(self) -> None:
        self.reload()

    @property
    def mode(self) -> str:
        return SIDE if self.stack.currentIndex() == 0 else OVERLAY

    def set_mode(self, mode: str) -> None:
        self.stack.setCurrentIndex(0 if mode == SIDE else 1)
        (self.side_button if mode == SIDE else self.overlay_button).setChecked(True)

    def _read(self, map_id: int):
        store = self.session.store
        return (store.select("lane", map_id=map_id), store.select("phase", map_id=map_id),
                store.select("step", map_id=map_id), store.select("flow", map_id=map_id))

    def reload(self) -> None:
        from mot_workshop.analysis.map_diff import diff_in_snapshot

        store = self.session.store
        before, after = store.get("process_map", self.before_map_id), store.get("process_map", self.after_map_id)
        if before is None or after is None:
            self.close_requested.emit()
            return
        process = store.get("process", after.process_id)
        self.before_caption.setText(map_title(process, before))
        self.after_caption.setText(map_title(process, after))
        self.diff = diff_in_snapshot(store.snapshot(), self.before_map_id, self.after_map_id)
        self.counts = self.diff.counts()
        before_data, after_data = self._read(self.before_map_id), self._read(self.after_map_id)
        self.before_scene.show_map(*before_data)
        self.after_scene.show_map(*after_data)
        self.overlay_scene.show_map(*after_data)
        by_after, by_before = self.diff.status_after(), self.diff.status_before()
        for scene in (self.after_scene, self.overlay_scene):
            for id, item in scene.step_items.items():
                change = by_after.get(id)
                item.status = change.status if change else None
                item.update()
        for id, item in self.before_scene.step_items.items():
            change = by_before.get(id)
            item.status = "removed" if change is not None and change.status == "removed" else "unchanged"
            item.update()
        for ghost in self._ghosts:
            self.overlay_scene.removeItem(ghost)
        self._ghosts = []
        steps = {s.id: s for s in before_data[2]}
        for id, change in by_before.items():
            if change.status == "removed" and id in self.before_scene.layout.steps:
                r = self.before_scene.layout.steps[id].rect
                ghost = StepItem(steps[id], QRectF(r.x, r.y, r.w, r.h))
                ghost.status = "removed"
                ghost.ghost = True
                ghost.setZValue(1.5)                 # under the later map's steps and flows
                ghost.setFlag(ghost.GraphicsItemFlag.ItemIsSelectable, False)
                self.overlay_scene.addItem(ghost)
                self._ghosts.append(ghost)
        rect = self.overlay_scene.sceneRect()
        for ghost in self._ghosts:
            rect = rect.united(ghost.sceneBoundingRect())
        self.overlay_scene.setSceneRect(rect)
        self.retranslate_bar()
        self.title_changed.emit()

    def on_changes(self, changes: Changes) -> None:
        if {("process_map", self.before_map_id), ("process_map", self.after_map_id)} & changes.deleted:
            self.close_requested.emit()
            return
        if changes.touches("lane", "phase", "step", "flow", "process_map"):
            self.reload()

    def selection(self):
        return "process_map", [self.after_map_id]

    def zoom_in(self) -> None:
        self._views()[0].zoom_in()

    def zoom_out(self) -> None:
        self._views()[0].zoom_out()

    def zoom_fit(self) -> None:
        for view in self._views():
            view.fit()

    def zoom_reset(self) -> None:
        self._views()[0].zoom_reset()

    def _views(self):
        return [self.before_view, self.after_view] if self.mode == SIDE else [self.overlay_view]
