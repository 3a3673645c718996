"""Copy, cut, paste and duplicate on a map: steps with the flows between them, as one
undo step (``editing.map_edits.PasteSteps``). A mixin of the map editor."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from mot_workshop.domain.rules import RuleError
from mot_workshop.i18n import tr
from mot_workshop.layout.swimlane import SNAP
from mot_workshop.ui.swimlane.mime import steps_from, steps_mime


class ClipboardMixin:
    def copy(self) -> bool:
        ids = set(self.selected_ids())
        if not ids:
            return False
        fields = [name for name in ("lane_id", "phase_id", "shape", "label", "x", "y", "duration", "wait",
                                    "value_class", "output", "measure", "problems", "is_mot", "touchpoint_id",
                                    "linked_process_id", "marker", "event_role")]
        steps = {s.id: {f: getattr(s, f) for f in fields} for s in self.data[2] if s.id in ids}
        flows = [(f.source_id, f.target_id, {"label": f.label, "condition": f.condition})
                 for f in self.data[3] if f.source_id in ids and f.target_id in ids]
        QGuiApplication.clipboard().setMimeData(steps_mime(steps, flows))
        self.status_message.emit(tr("{count} steps copied", count=len(steps)))
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selected()

    def can_paste(self) -> bool:
        return steps_from(QGuiApplication.clipboard().mimeData()) is not None

    def paste(self, *, offset: float = 2 * SNAP * 3) -> list[int]:
        payload = steps_from(QGuiApplication.clipboard().mimeData())
        if payload is None:
            return []
        at = self.view.pointer_scene_pos()
        if at is not None:
            return self._insert_copies(*payload, offset=0.0, at=at)
        return self._insert_copies(*payload, offset=offset)

    def duplicate(self) -> list[int]:
        ids = set(self.selected_ids())
        if not ids:
            return []
        steps = {s.id: {f: getattr(s, f) for f in ("lane_id", "phase_id", "shape", "label", "x", "y", "duration",
                                                   "wait", "value_class", "output", "measure", "problems",
                                                   "is_mot", "touchpoint_id", "linked_process_id",
                                                   "marker", "event_role")}
                 for s in self.data[2] if s.id in ids}
        flows = [(f.source_id, f.target_id, {"label": f.label, "condition": f.condition})
                 for f in self.data[3] if f.source_id in ids and f.target_id in ids]
        return self._insert_copies(steps, flows, offset=60.0, text=tr("Duplicate"))

    def _insert_copies(self, steps: dict, flows: list, *, offset: float, text: str | None = None,
                       at=None) -> list[int]:
        from mot_workshop.editing.map_edits import PasteSteps

        lanes = {lane.id for lane in self.data[0]}
        phases = {p.id for p in self.data[1]}
        if not lanes:
            return []
        first = self.data[0][0].id
        values = {}
        for key, v in steps.items():
            v = dict(v)
            if v.get("lane_id") not in lanes:       # from another map: into the first lane
                v["lane_id"] = first
            if v.get("phase_id") not in phases:
                v["phase_id"] = None
            v["x"] = float(v.get("x", 0)) + offset
            values[key] = v
        if at is not None:
            values = self._moved_to(values, at.x(), at.y())
        try:
            command = PasteSteps(self.map_id, values, flows, text=text)
        except RuleError as exc:
            self._report(tr("The steps could not be pasted."), exc)
            return []
        if self.push(command) is None:
            return []
        self.scene.select("step", command.step_ids)
        return command.step_ids


    def _moved_to(self, values: dict, cx: float, cy: float) -> dict:
        """The copies moved together so the left-most lands at (cx, cy), each in the lane and
        phase it is then drawn over."""
        from mot_workshop.layout import map_edit
        from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH

        lay = self.scene.layout
        tops = {lane.lane_id: lane.rect.top for lane in lay.lanes}

        def drawn(v):
            return LANE_HEADER_WIDTH + float(v.get("x", 0)), tops.get(v["lane_id"], 0.0) + float(v.get("y", 0))

        anchor = drawn(min(values.values(), key=lambda v: (float(v.get("x", 0)), float(v.get("y", 0)))))
        dx, dy = cx - anchor[0], cy - anchor[1]
        out = {}
        for key, v in values.items():
            x, y = drawn(v)
            where = map_edit.place(lay, v.get("shape", "activity"), x + dx, y + dy)
            out[key] = {**v, **where.values()} if where is not None else v
        return out
