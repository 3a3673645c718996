"""The whole workshop in memory: every entity by kind and id, read in one go."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mot_workshop.domain.base import Entity
from mot_workshop.domain.registry import KINDS


def sort_key(entity: Entity) -> tuple:
    return (getattr(entity, "seq", 0), entity.id)


@dataclass
class Snapshot:
    by_kind: dict[str, dict[int, Entity]] = field(default_factory=lambda: {k: {} for k in KINDS})

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> Snapshot:
        snap = cls()
        for entity in entities:
            snap.by_kind[entity.KIND][entity.id] = entity
        return snap

    def get(self, kind: str, id: int | None) -> Entity | None:
        return self.by_kind[kind].get(id) if id is not None else None

    def all(self, kind: str) -> list[Entity]:
        """Entities of a kind in their display order (``seq``, then id)."""
        return sorted(self.by_kind[kind].values(), key=sort_key)

    def where(self, kind: str, /, **match) -> list[Entity]:
        return [e for e in self.all(kind) if all(getattr(e, k) == v for k, v in match.items())]

    def counts(self) -> dict[str, int]:
        return {kind: len(items) for kind, items in self.by_kind.items()}

    def __iter__(self) -> Iterator[Entity]:
        for kind in KINDS:
            yield from sorted(self.by_kind[kind].values(), key=lambda e: e.id)

    @property
    def workshop(self):
        return self.by_kind["workshop"].get(1)
