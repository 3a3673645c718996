"""What a window last read from the team server, to keep showing while the server is away.

Every read made outside a transaction leaves its answer here (rows a query no longer
returns are dropped), so the copy holds exactly what the views have shown. While the
server cannot be reached, the store answers the same questions from this copy: the views
keep showing the last state instead of failing, and nothing can be written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mot_workshop.domain.base import Entity
from mot_workshop.domain.snapshot import Snapshot, sort_key


def _matches(entity: Entity, where: Mapping[str, Any]) -> bool:
    return all(getattr(entity, name) == value for name, value in where.items())


class LastState:
    def __init__(self) -> None:
        self.snap = Snapshot()
        self.complete = False     # once a whole snapshot was read, it may stand for the workshop

    # ------------------------------------------------------------------ learning
    def got(self, kind: str, id: int, entity: Entity | None) -> None:
        bucket = self.snap.by_kind[kind]
        if entity is None:
            bucket.pop(id, None)
        else:
            bucket[id] = entity

    def got_many(self, kind: str, ids: Iterable[int], found: Mapping[int, Entity]) -> None:
        for id in ids:
            self.got(kind, id, found.get(id))

    def selected(self, kind: str, where: Mapping[str, Any], entities: list[Entity]) -> None:
        bucket = self.snap.by_kind[kind]
        for gone in [id for id, e in bucket.items() if _matches(e, where)]:
            del bucket[gone]
        for entity in entities:
            bucket[entity.id] = entity

    def whole(self, snapshot: Snapshot) -> None:
        self.snap = Snapshot({kind: dict(items) for kind, items in snapshot.by_kind.items()})
        self.complete = True

    # ------------------------------------------------------------------ answering
    def get(self, kind: str, id: int) -> Entity | None:
        return self.snap.by_kind[kind].get(id)

    def get_many(self, kind: str, ids: Iterable[int]) -> dict[int, Entity]:
        bucket = self.snap.by_kind[kind]
        return {id: bucket[id] for id in ids if id in bucket}

    def select(self, kind: str, where: Mapping[str, Any]) -> list[Entity]:
        return sorted((e for e in self.snap.by_kind[kind].values() if _matches(e, where)), key=sort_key)

    def count(self, kind: str, where: Mapping[str, Any]) -> int:
        return sum(1 for e in self.snap.by_kind[kind].values() if _matches(e, where))

    def snapshot(self) -> Snapshot:
        return Snapshot({kind: dict(items) for kind, items in self.snap.by_kind.items()})
