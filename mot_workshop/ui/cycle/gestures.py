"""Gestures on a cycle become commands: one undo step each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mot_workshop.editing.command import Command, Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.editing.ordering import Reorder
from mot_workshop.i18n import tr


def reorder(order: Sequence[int], moving: Sequence[int], target: int) -> Command | None:
    """Move the touchpoints ``moving`` (ids, in cycle order) as one block to start at
    ``target``. None when that changes nothing."""
    moving_set = set(moving)
    block = [id for id in order if id in moving_set]
    rest = [id for id in order if id not in moving_set]
    at = max(0, min(target, len(rest)))
    final = rest[:at] + block + rest[at:]
    if final == list(order):
        return None
    if len(block) == 1:
        return Reorder("touchpoint", block[0], final.index(block[0]), text=tr("Move touchpoint"))
    current, steps = list(order), []
    for index, id in enumerate(final):
        if current[index] != id:
            steps.append(Reorder("touchpoint", id, index))
            current.remove(id)
            current.insert(index, id)
    return Macro(tr("Move {count} touchpoints", count=len(block)), steps)


def insert(cycle_id: int, items: Sequence[dict[str, Any]], index: int, *, text: str | None = None) -> Macro:
    """New touchpoints from template or clipboard values, in order, starting at ``index``."""
    creates = [CreateEntity("touchpoint", {**values, "cycle_id": cycle_id}, at=index + offset)
               for offset, values in enumerate(items)]
    if text is None:
        text = tr("Add touchpoint") if len(creates) == 1 else tr("Add {count} touchpoints", count=len(creates))
    return Macro(text, creates)


def created_ids(command: Macro) -> list[int]:
    return [c.id for c in command.commands if isinstance(c, CreateEntity) and c.id is not None]


def delete(ids: Sequence[int]) -> Command:
    text = tr("Delete touchpoint") if len(ids) == 1 else tr("Delete {count} touchpoints", count=len(ids))
    return Macro(text, [DeleteEntity("touchpoint", id) for id in ids])


def rename(id: int, name: str) -> Command:
    return UpdateEntity("touchpoint", id, {"name": name}, text=tr("Rename touchpoint"))
