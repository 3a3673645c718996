"""Moving an entity to another place in its ordered list (touchpoints on the ring, lanes,
phases, processes, table rows), optionally into another list (another cycle, lane set)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.registry import entity_class
from mot_workshop.domain.rules import RuleError, check_relations, normalise
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.editing.entities import check_dependants, require
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


class Reorder(Command):
    """Put ``id`` at ``to_index`` among its siblings (or among those of ``new_scope``)."""

    def __init__(self, kind: str, id: int, to_index: int, *, new_scope: Mapping[str, Any] | None = None,
                 text: str | None = None):
        cls = entity_class(kind)
        if cls.ORDER_SCOPE is None:
            raise RuleError(tr("{kind} has no order.", kind=kind_name(kind)))
        if new_scope is not None and set(new_scope) != set(cls.ORDER_SCOPE):
            raise ValueError(f"scope of {kind} is {cls.ORDER_SCOPE}, not {tuple(new_scope)}")
        self.kind, self.id, self.to_index = kind, id, to_index
        self.new_scope = normalise(cls, new_scope) if new_scope is not None else None
        self.text = text or tr("Move {kind}", kind=kind_name(kind))
        self._old: dict[int, dict[str, Any]] = {}

    def execute(self, store: Store) -> Changes:
        cls = entity_class(self.kind)
        entity = require(store, self.kind, self.id)
        old_scope = {name: getattr(entity, name) for name in cls.ORDER_SCOPE}
        scope = self.new_scope if self.new_scope is not None else old_scope
        if scope != old_scope:
            moved = dataclasses.replace(entity, **scope)
            check_relations(moved, store.get)
            check_dependants(store, {(self.kind, self.id): moved})   # a lane's steps cannot follow it
        self._old = {}
        updates: dict[int, dict[str, Any]] = {}
        if scope != old_scope:    # close the gap in the list it leaves
            left = [e for e in store.select(self.kind, **old_scope) if e.id != self.id]
            for index, sibling in enumerate(left):
                if sibling.seq != index:
                    updates[sibling.id] = {"seq": index}
        siblings = [e for e in store.select(self.kind, **scope) if e.id != self.id]
        at = max(0, min(self.to_index, len(siblings)))
        siblings.insert(at, dataclasses.replace(entity, **scope))
        for index, sibling in enumerate(siblings):
            values = {"seq": index}
            if sibling.id == self.id and scope != old_scope:
                values.update(scope)
            if any(getattr(sibling, k) != v for k, v in values.items()) or sibling.id == self.id:
                updates[sibling.id] = values
        for id, values in updates.items():
            current = entity if id == self.id else store.get(self.kind, id)
            self._old[id] = {name: getattr(current, name) for name in values}
            store.update(self.kind, id, values)
        return Changes.of(updated=[(self.kind, id) for id in updates])

    def revert(self, store: Store) -> Changes:
        for id, values in self._old.items():
            store.update(self.kind, id, values)
        return Changes.of(updated=[(self.kind, id) for id in self._old])
