"""Inserting many entities at once with ids fixed in advance: loading a dump, and the redo
of any command that creates a whole set (a derived map, an imported team file)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mot_workshop.domain.base import Entity
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.rules import check_entity
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

_KIND_ORDER = {kind: index for index, kind in enumerate(KINDS)}


def insert_all(store: Store, entities: Iterable[Entity]) -> Changes:
    store.defer_foreign_keys()
    keys = []
    for entity in entities:
        store.insert(entity.KIND, entity.values(), id=entity.id)
        keys.append((entity.KIND, entity.id))
    return Changes.of(created=keys)


def delete_all(store: Store, entities: list[Entity]) -> Changes:
    store.defer_foreign_keys()
    for entity in reversed(entities):
        store.delete(entity.KIND, entity.id)
    return Changes.of(deleted=[(e.KIND, e.id) for e in entities])


class InsertEntities(Command):
    """Insert entities that already carry their ids (parents before children)."""

    def __init__(self, entities: Iterable[Entity], *, text: str | None = None):
        self.entities = sorted(entities, key=lambda e: (_KIND_ORDER[e.KIND], e.id))
        for entity in self.entities:
            if entity.id is None:
                raise ValueError("InsertEntities needs entities with ids")
            check_entity(entity)
        self.text = text or tr("Insert")

    def execute(self, store: Store) -> Changes:
        return insert_all(store, self.entities)

    def revert(self, store: Store) -> Changes:
        return delete_all(store, self.entities)


class BuildEntities(Command):
    """A command whose first execute builds a set of new entities (ids chosen by the store);
    redo inserts exactly that set again. Subclasses implement ``build``."""

    def __init__(self) -> None:
        self.created: list[Entity] | None = None

    def build(self, store: Store) -> list[Entity]:
        raise NotImplementedError

    def execute(self, store: Store) -> Changes:
        if self.created is None:
            self.created = self.build(store)
            return Changes.of(created=[(e.KIND, e.id) for e in self.created])
        return insert_all(store, self.created)

    def revert(self, store: Store) -> Changes:
        return delete_all(store, self.created)
