"""What a command touched, so every view re-reads just that (and undo travels the same path)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Key = tuple[str, int]   # (entity kind, id)


@dataclass(frozen=True)
class Changes:
    created: frozenset[Key] = frozenset()
    updated: frozenset[Key] = frozenset()
    deleted: frozenset[Key] = frozenset()

    @classmethod
    def of(cls, *, created: Iterable[Key] = (), updated: Iterable[Key] = (),
           deleted: Iterable[Key] = ()) -> Changes:
        return cls(frozenset(created), frozenset(updated), frozenset(deleted))

    def __or__(self, other: Changes) -> Changes:
        """Both changes, in order: something created then deleted is simply gone."""
        created = (self.created - other.deleted) | other.created
        deleted = (self.deleted - other.created) | (other.deleted - self.created)
        updated = (self.updated | other.updated) - created - deleted
        return Changes(created, updated, deleted)

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    @property
    def keys(self) -> frozenset[Key]:
        return self.created | self.updated | self.deleted

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for kind, _ in self.keys)

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.kinds for kind in kinds)

    def ids(self, kind: str) -> set[int]:
        return {id for k, id in self.keys if k == kind}


NO_CHANGES = Changes()
