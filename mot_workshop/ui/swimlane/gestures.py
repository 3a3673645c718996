"""Gestures on a swimlane map become commands: one undo step each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mot_workshop.domain.enums import Shape
from mot_workshop.editing.command import Command, Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity
from mot_workshop.editing.ordering import Reorder
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name


def move_steps(placements: Mapping[int, Mapping[str, Any]], *, lane_changed: bool = False) -> Command:
    count = len(placements)
    if lane_changed and count == 1:
        text = tr("Move step to another lane")
    else:
        text = tr("Move step") if count == 1 else tr("Move {count} steps", count=count)
    return UpdateEntities("step", {id: dict(v) for id, v in placements.items()}, text=text)


def add_step(map_id: int, shape: str, placement: Mapping[str, Any], *, label: str = "",
             is_mot: bool = False) -> CreateEntity:
    values = {"map_id": map_id, "shape": shape, "label": label, "is_mot": is_mot, **placement}
    return CreateEntity("step", values, text=tr("Add {shape}", shape=enum_name(Shape(shape))))


def connect(map_id: int, source: int, target: int, *, label: str = "") -> CreateEntity:
    return CreateEntity("flow", {"map_id": map_id, "source_id": source, "target_id": target, "label": label},
                        text=tr("Connect steps"))


def reconnect(flow_id: int, end: str, step_id: int) -> UpdateEntity:
    field = "target_id" if end == "target" else "source_id"
    return UpdateEntity("flow", flow_id, {field: step_id}, text=tr("Reconnect flow"))


def rename(kind: str, id: int, text: str) -> UpdateEntity:
    field = {"step": "label", "flow": "label", "lane": "name", "phase": "name"}[kind]
    titles = {"step": tr("Rename step"), "flow": tr("Label flow"), "lane": tr("Rename lane"),
              "phase": tr("Rename phase")}
    return UpdateEntity(kind, id, {field: text}, text=titles[kind])


def delete(selection: Mapping[str, Sequence[int]]) -> Command | None:
    """Flows first, then steps, phases and lanes (lanes with their steps: the caller asked)."""
    parts: list[Command] = []
    count = 0
    for kind in ("flow", "step", "phase", "lane"):
        for id in selection.get(kind, ()):
            parts.append(DeleteEntity(kind, id, allow_guarded=kind == "lane"))
            count += 1
    if not parts:
        return None
    return Macro(tr("Delete") if count > 1 else parts[0].text, parts)


def reorder(kind: str, id: int, index: int) -> Reorder:
    return Reorder(kind, id, index, text=tr("Move lane") if kind == "lane" else tr("Move phase"))


def resize_phase(phase_id: int, width: float) -> UpdateEntity:
    return UpdateEntity("phase", phase_id, {"width": width}, text=tr("Resize phase"))


def add_lane(map_id: int, kind: str, name: str, at: int | None = None) -> CreateEntity:
    return CreateEntity("lane", {"map_id": map_id, "kind": kind, "name": name}, at=at, text=tr("Add lane"))


def add_phase(map_id: int, name: str, at: int | None = None, width: float = 240.0) -> CreateEntity:
    return CreateEntity("phase", {"map_id": map_id, "name": name, "width": width}, at=at, text=tr("Add phase"))


def set_field(kind: str, ids: Sequence[int], field: str, value: Any, text: str) -> UpdateEntities:
    return UpdateEntities(kind, {id: {field: value} for id in ids}, text=text)
