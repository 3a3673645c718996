"""Renaming in place on a map: a line edit over the step, flow label, lane or phase
header; Enter or leaving it commits one command, Esc cancels. A mixin of the map editor."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF

from mot_workshop.domain.rules import RuleError
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name
from mot_workshop.ui.cycle.inline_edit import InlineEdit
from mot_workshop.ui.swimlane import gestures

KINDS = ("step", "flow", "lane", "phase")


class RenameMixin:
    def rename_selected(self) -> None:
        kind, ids = self.selection()
        if kind in KINDS and ids:
            self.start_rename(kind, ids[0])

    def start_rename(self, kind: str, id: int) -> None:
        if self.session.read_only:
            return
        s = self.scene
        item = {"step": s.step_items, "flow": s.flow_items, "lane": s.lane_items, "phase": s.phase_items}[kind].get(id)
        if item is None:
            return
        if kind == "step":
            text, rect = item.step.label, item.sceneBoundingRect()
        elif kind == "flow":
            text = item.flow.label
            p = item.label_point
            rect = QRectF(p.x() - 60, p.y() - 12, 120, 24)
        else:
            text, rect = item.name, item.sceneBoundingRect()
        self.view.ensureVisible(rect, 20, 20)
        on_view = self.view.mapFromScene(rect).boundingRect()
        width = max(200, min(on_view.width() + 40, 420))
        box = QRect(on_view.center().x() - width // 2, on_view.center().y() - 16, width, 32)
        box.moveLeft(max(4, min(box.left(), self.view.viewport().width() - width - 4)))
        if self._inline is not None:
            self._inline.finish(commit=True)
        self._inline = InlineEdit(self.view.viewport(), text, box)
        self._inline.committed.connect(lambda value, k=kind, i=id: self._rename_done(k, i, value))
        self._inline.cancelled.connect(self._rename_cancelled)

    def _rename_done(self, kind: str, id: int, text: str) -> None:
        self._inline = None
        entity = self.session.store.get(kind, id)
        field = "name" if kind in ("lane", "phase") else "label"
        if entity is not None and getattr(entity, field) != text:
            try:
                command = gestures.rename(kind, id, text)
            except RuleError as exc:
                self._report(tr("The {kind} was not renamed.", kind=kind_name(kind)), exc)
            else:
                self.push(command)
        self.view.setFocus()

    def _rename_cancelled(self) -> None:
        self._inline = None
        self.view.setFocus()

    @property
    def renaming(self) -> InlineEdit | None:
        return self._inline

