"""The MOT cycle editor tab: the ring and the journey line of one cycle, switchable.

Views never write the model: the scenes ask (reorder, drop, rename), this editor builds the
command and pushes it; the change bus then makes both scenes re-read the cycle.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.domain.enums import Element
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.ui.cycle import gestures
from mot_workshop.ui.cycle.inline_edit import InlineEdit
from mot_workshop.ui.cycle.journey_scene import JourneyScene
from mot_workshop.ui.cycle.mime import from_mime, to_mime, values_of
from mot_workshop.ui.cycle.ring_scene import RingScene
from mot_workshop.ui.cycle.summary import summary_text
from mot_workshop.ui.cycle.view import DiagramView

RING, JOURNEY = "ring", "journey"


class CycleEditor(QWidget):
    selection_changed = Signal()
    title_changed = Signal()
    close_requested = Signal()
    status_message = Signal(str)

    def __init__(self, session, cycle_id: int, parent=None, *, mode: str = RING):
        super().__init__(parent)
        self.session = session
        self.cycle_id = cycle_id
        self.cycle = None
        self.touchpoints = []
        self._inline: InlineEdit | None = None
        self._stale: set = set()          # scenes to re-read when they are next shown
        self._untranslated: set = set()   # scenes to retranslate when they are next shown
        self.ring_scene = RingScene(self)
        self.journey_scene = JourneyScene(self)
        self.ring_view = DiagramView(self.ring_scene)
        self.journey_view = DiagramView(self.journey_scene)
        self.ring_view.setObjectName("ringView")
        self.journey_view.setObjectName("journeyView")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.ring_view)
        self.stack.addWidget(self.journey_view)
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        from mot_workshop.ui.facilitation.voting import VotingBar

        self.voting = VotingBar(session, self._vote_target)
        self.voting.setObjectName("touchpointVoting")
        self.voting.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.voting)
        for scene in (self.ring_scene, self.journey_scene):
            scene.reorder_requested.connect(self.reorder)
            scene.drop_requested.connect(self.insert_items)
            scene.rename_requested.connect(self.start_rename)
            scene.selectionChanged.connect(self._scene_selection_changed)
        from mot_workshop.ui.cycle.scoring import ScoringKeys

        self._scoring = ScoringKeys(self)
        for view in (self.ring_view, self.journey_view):
            view.installEventFilter(self._scoring)
            view.zoom_changed.connect(self._show_zoom)
            view.context_menu.connect(self.show_context_menu)
        self.set_mode(mode)
        self.reload()

    # ------------------------------------------------------------------ identity
    @property
    def key(self) -> tuple[str, int]:
        return ("cycle", self.cycle_id)

    def title(self) -> str:
        return self.cycle.name if self.cycle is not None else ""

    # ------------------------------------------------------------------ building
    def _build_bar(self) -> None:
        from mot_workshop.ui.app import editor_bar

        self.bar, row = editor_bar()
        self.ring_button = QToolButton()
        self.journey_button = QToolButton()
        self.mode_group = QButtonGroup(self)
        for button, mode in ((self.ring_button, RING), (self.journey_button, JOURNEY)):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            row.addWidget(button)
        row.addSpacing(12)
        self.add_button = QToolButton()
        self.add_button.clicked.connect(self.add_blank)
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("cycleSummary")
        row.addWidget(self.summary_label)
        row.addSpacing(12)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        row.addWidget(self.zoom_label)
        self.retranslate_bar()

    def retranslate_bar(self) -> None:
        self.ring_button.setText(tr("MOT cycle"))
        self.ring_button.setToolTip(tr("Show the cycle as a ring, IN to OUT"))
        self.journey_button.setText(tr("Journey line"))
        self.journey_button.setToolTip(tr("Show the same touchpoints left to right with the experience curve"))
        self.add_button.setText(tr("+ Touchpoint"))
        self.add_button.setToolTip(tr("Add a blank touchpoint after the selection"))

    def retranslate(self) -> None:
        from mot_workshop.i18n import speaking

        self.retranslate_bar()
        self.voting.retranslate()
        with speaking(self.session.content_language):
            self.current_scene().retranslate()
        hidden = self.journey_scene if self.current_scene() is self.ring_scene else self.ring_scene
        self._stale.add(hidden)
        self._untranslated.add(hidden)
        self._show_zoom(self.current_view().zoom)
        self._update_summary_label()

    # ------------------------------------------------------------------ modes and views
    @property
    def mode(self) -> str:
        return RING if self.stack.currentWidget() is self.ring_view else JOURNEY

    def set_mode(self, mode: str) -> None:
        selected = self.selected_ids() if self.cycle is not None else []
        view = self.ring_view if mode == RING else self.journey_view
        if view.scene() in self._stale:
            self._show(view.scene())
        self.stack.setCurrentWidget(view)
        (self.ring_button if mode == RING else self.journey_button).setChecked(True)
        self.current_scene().select_ids(selected)
        if selected and selected[0] in view.scene().items_by_id:
            view.ensureVisible(view.scene().items_by_id[selected[0]], 80, 80)
        self._show_zoom(view.zoom)

    def current_view(self) -> DiagramView:
        return self.stack.currentWidget()

    def current_scene(self):
        return self.current_view().scene()

    def zoom_in(self) -> None:
        self.current_view().zoom_in()

    def zoom_out(self) -> None:
        self.current_view().zoom_out()

    def zoom_fit(self) -> None:
        self.current_view().fit()

    def zoom_reset(self) -> None:
        self.current_view().zoom_reset()

    def _show_zoom(self, factor: float) -> None:
        if self.sender() is not None and self.sender() is not self.current_view():
            return
        self.zoom_label.setText(tr("Zoom {percent} %", percent=round(factor * 100)))

    # ------------------------------------------------------------------ model
    def reload(self) -> None:
        store = self.session.store
        self.cycle = store.get("cycle", self.cycle_id)
        if self.cycle is None:
            self.close_requested.emit()
            return
        selected = self.selected_ids()
        self.touchpoints = store.select("touchpoint", cycle_id=self.cycle_id)
        current = self.current_scene()
        self._stale = {self.ring_scene, self.journey_scene} - {current}   # the hidden one: when shown
        self._show(current)
        self.current_scene().select_ids([i for i in selected if any(tp.id == i for tp in self.touchpoints)])
        self._update_summary_label()
        self.title_changed.emit()

    def _vote_target(self) -> tuple[str, int] | None:
        ids = self.selected_ids()
        return ("touchpoint", ids[0]) if ids else None

    def _show(self, scene) -> None:
        from mot_workshop.i18n import speaking
        from mot_workshop.ui.facilitation.voting import tallies

        self._stale.discard(scene)
        scene.votes = tallies(self.session.store, "touchpoint")
        scene.blockSignals(True)
        lang = self.session.content_language           # labels drawn in the diagram: the workshop's language
        with speaking(lang):
            if scene in self._untranslated or getattr(scene, "lang", None) != lang:
                self._untranslated.discard(scene)
                scene.lang = lang
                scene.name, scene.touchpoints = self.cycle.name, self.touchpoints
                scene.retranslate()
            else:
                scene.show_cycle(self.cycle.name, self.touchpoints)
        scene.blockSignals(False)

    def _update_summary_label(self) -> None:
        if self.cycle is not None:
            self.summary_label.setText(summary_text(self.cycle.name, self.touchpoints))

    def on_changes(self, changes: Changes) -> None:
        if ("cycle", self.cycle_id) in changes.deleted:
            self.close_requested.emit()
            return
        self.voting.on_changes(changes)
        if changes.touches("vote"):
            self.reload()
        elif ("cycle", self.cycle_id) in changes.keys or changes.touches("touchpoint"):
            fresh = self.session.store.select("touchpoint", cycle_id=self.cycle_id)
            cycle = self.session.store.get("cycle", self.cycle_id)
            if fresh != self.touchpoints or cycle != self.cycle:
                self.reload()

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        return self.current_scene().selected_ids()

    def selection(self) -> tuple[str, list[int]]:
        ids = self.selected_ids()
        return ("touchpoint", ids) if ids else ("cycle", [self.cycle_id])

    def select(self, ids) -> None:
        self.current_scene().select_ids(ids)

    def select_all(self) -> None:
        self.select([tp.id for tp in self.touchpoints])

    def _scene_selection_changed(self) -> None:
        scene = self.sender()
        if scene is self.current_scene():
            other = self.journey_scene if scene is self.ring_scene else self.ring_scene
            if other not in self._stale:
                other.blockSignals(True)
                other.select_ids(scene.selected_ids())
                other.blockSignals(False)
            self.selection_changed.emit()

    # ------------------------------------------------------------------ gestures -> commands
    def push(self, command):
        return self.session.push(command)

    def reorder(self, ids: list[int], target: int) -> None:
        command = gestures.reorder([tp.id for tp in self.touchpoints], ids, target)
        if command is not None:
            self.push(command)

    def insert_items(self, items: list, index: int) -> list[int]:
        try:
            command = gestures.insert(self.cycle_id, items, index)
        except RuleError as exc:
            self.session.undoer.report(tr("The touchpoints could not be added."), exc)
            return []
        if self.push(command) is None:
            return []
        created = gestures.created_ids(command)
        self.select(created)
        return created

    def insertion_index(self) -> int:
        """After the last selected touchpoint, else at the end."""
        order = [tp.id for tp in self.touchpoints]
        selected = self.selected_ids()
        return order.index(selected[-1]) + 1 if selected else len(order)

    def add_blank(self) -> None:
        created = self.insert_items([{"name": tr("New touchpoint", lang=self.session.content_language),
                                      "element": Element.SOFT}],
                                    self.insertion_index())
        if created:
            self.start_rename(created[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.push(gestures.delete(ids))

    def copy(self) -> bool:
        chosen = [tp for tp in self.touchpoints if tp.id in set(self.selected_ids())]
        if not chosen:
            return False
        QGuiApplication.clipboard().setMimeData(to_mime([values_of(tp) for tp in chosen]))
        self.status_message.emit(tr("{count} touchpoints copied", count=len(chosen)))
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selected()

    def can_paste(self) -> bool:
        return bool(from_mime(QGuiApplication.clipboard().mimeData()))

    def paste(self) -> list[int]:
        items = from_mime(QGuiApplication.clipboard().mimeData())
        if not items:
            return []
        return self.insert_items(items, self.insertion_index())

    def has_selection(self) -> bool:
        return bool(self.selected_ids())

    def show_context_menu(self, global_pos):
        from mot_workshop.ui.cycle.context_menu import show_menu

        return show_menu(self, global_pos)

    # ------------------------------------------------------------------ rename in place
    def rename_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.start_rename(ids[0])

    def start_rename(self, touchpoint_id: int) -> None:
        scene = self.current_scene()
        item = scene.items_by_id.get(touchpoint_id)
        if item is None:
            return
        view = self.current_view()
        view.ensureVisible(item.label.sceneBoundingRect(), 20, 20)
        label = view.mapFromScene(item.label.sceneBoundingRect()).boundingRect()
        width = max(220, label.width() + 40)
        rect = QRect(label.center().x() - width // 2, label.center().y() - 16, width, 32)
        rect.moveLeft(max(4, min(rect.left(), view.viewport().width() - width - 4)))
        if self._inline is not None:
            self._inline.finish(commit=True)
        self._inline = InlineEdit(view.viewport(), item.touchpoint.name, rect)
        self._inline.committed.connect(lambda text, id=touchpoint_id: self._rename_done(id, text))
        self._inline.cancelled.connect(self._rename_cancelled)

    def _rename_done(self, touchpoint_id: int, text: str) -> None:
        self._inline = None
        current = next((tp for tp in self.touchpoints if tp.id == touchpoint_id), None)
        if current is not None and text != current.name:
            try:
                command = gestures.rename(touchpoint_id, text)
            except RuleError as exc:
                self.session.undoer.report(tr("The touchpoint was not renamed."), exc)
            else:
                self.push(command)
        self.current_view().setFocus()

    def _rename_cancelled(self) -> None:
        self._inline = None
        self.current_view().setFocus()

    @property
    def renaming(self) -> InlineEdit | None:
        return self._inline
