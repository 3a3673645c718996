"""Deleting an entity with everything that depends on it, and bringing it all back.

The bundle remembers every removed row whole (same ids, same values) and every reference
that was cleared, so undo restores the exact state: a lane with its steps and their flows,
a touchpoint with the votes cast on it and the step links that pointed to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mot_workshop.domain.base import Entity
from mot_workshop.domain.registry import VOTE_TARGETS, referrers
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


@dataclass
class Bundle:
    rows: list[Entity] = field(default_factory=list)                   # children before parents
    cleared: list[tuple[str, int, str, int]] = field(default_factory=list)  # kind, id, field, old id

    def keys(self) -> set[tuple[str, int]]:
        return {(row.KIND, row.id) for row in self.rows}


def collect(store: Store, kind: str, id: int, *, allow_guarded: bool = False) -> Bundle:
    """Everything that goes when ``kind``/``id`` goes. Raises RuleError for a guarded child."""
    root = store.get(kind, id)
    if root is None:
        raise RuleError(tr("This {kind} no longer exists.", kind=kind_name(kind)))
    bundle = Bundle()
    seen: set[tuple[str, int]] = set()

    def visit(entity: Entity) -> None:
        seen.add((entity.KIND, entity.id))
        for rel in referrers(entity.KIND):
            for child in store.select(rel.child_kind, **{rel.field: entity.id}):
                if (child.KIND, child.id) in seen:
                    continue
                if rel.on_delete == "set-null":
                    bundle.cleared.append((child.KIND, child.id, rel.field, entity.id))
                elif rel.on_delete == "guard" and entity is root and not allow_guarded:
                    # Guarded only when deleted directly: a lane deleted with its map takes its steps.
                    raise RuleError(tr("This {kind} still holds {children} ({count}); delete them with it, "
                                       "or move them first.", kind=kind_name(entity.KIND),
                                       children=kind_name(child.KIND),
                                       count=store.count(rel.child_kind, **{rel.field: entity.id})))
                else:
                    visit(child)
        if entity.KIND in VOTE_TARGETS:
            for vote in store.select("vote", target_kind=VOTE_TARGETS[entity.KIND], target_id=entity.id):
                if ("vote", vote.id) not in seen:
                    visit(vote)
        bundle.rows.append(entity)

    visit(root)
    removed = bundle.keys()
    bundle.cleared = [c for c in bundle.cleared if (c[0], c[1]) not in removed]
    return bundle


def remove(store: Store, bundle: Bundle) -> Changes:
    for kind, id, name, _ in bundle.cleared:
        store.update(kind, id, {name: None})
    for row in bundle.rows:
        store.delete(row.KIND, row.id)
    return Changes.of(deleted=bundle.keys(), updated=[(k, i) for k, i, _, _ in bundle.cleared])


def restore(store: Store, bundle: Bundle) -> Changes:
    store.defer_foreign_keys()   # rows may refer to each other in any order (derived maps)
    for row in reversed(bundle.rows):
        store.insert(row.KIND, row.values(), id=row.id)
    for kind, id, name, old in bundle.cleared:
        store.update(kind, id, {name: old})
    return Changes.of(created=bundle.keys(), updated=[(k, i) for k, i, _, _ in bundle.cleared])
