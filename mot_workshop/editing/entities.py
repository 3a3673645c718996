"""The generic commands: create, update (one or many), delete with everything dependent.

Specific editors build on these; all input is normalised by ``domain.rules`` when the
command is made, and the cross-entity rules are checked against the store on execute.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.base import field_map
from mot_workshop.domain.registry import entity_class, referrers
from mot_workshop.domain.rules import RuleError, check_entity, check_relations, normalise
from mot_workshop.editing import cascade
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.i18n import Phrase, merged_text, tr
from mot_workshop.i18n.labels import kind_name

if TYPE_CHECKING:
    from mot_workshop.domain.base import Entity
    from mot_workshop.persistence.store import Store


def require(store: Store, kind: str, id: int) -> Entity:
    entity = store.get(kind, id)
    if entity is None:
        raise RuleError(tr("This {kind} no longer exists.", kind=kind_name(kind)))
    return entity


def fetch_all(store: Store, kind: str, ids) -> dict[int, Entity]:
    """The entities of ``kind`` with ``ids``, read in a few queries; RuleError if one is gone."""
    ids = list(ids)
    many = getattr(store, "get_many", None)
    if many is not None:
        found = many(kind, ids)
    else:
        found = {id: e for id in ids if (e := store.get(kind, id)) is not None}
    if len(found) != len(set(ids)):
        raise RuleError(tr("This {kind} no longer exists.", kind=kind_name(kind)))
    return found


class CachedLookup:
    """``store.get`` remembered for one command's checks (many steps share a lane, a phase, a
    map): valid while nothing is written, which is how the commands use it."""

    def __init__(self, store: Store, pending: Mapping[tuple[str, int], Entity] | None = None):
        self.store = store
        self.pending = pending if pending is not None else {}   # the caller may fill it later
        self.cache: dict[tuple[str, int], Entity | None] = {}

    def __call__(self, kind: str, id: int) -> Entity | None:
        key = (kind, id)
        entity = self.pending.get(key)
        if entity is not None:
            return entity
        if key not in self.cache:
            self.cache[key] = self.store.get(kind, id)
        return self.cache[key]


# Plain fields that the rules of the entities referring to this one read: a map's kind decides
# whether its CS check-points (To-Be) and As-Is answers may stay with it.
_FIELDS_DEPENDANTS_READ = {("process_map", "kind")}
# Plain fields that check_relations reads besides references: what a vote is cast on.
_FIELDS_RELATIONS_READ = {("vote", "target_kind"), ("vote", "target_id")}


def check_dependants(store: Store, changed: Mapping[tuple[str, int], Entity]) -> None:
    """The entities that refer to a changed one must still satisfy the rules with it: a lane
    taken to another map would leave its steps (and a phase its steps) in a map it is not in.
    ``changed`` maps (kind, id) to the entity as it is about to be stored."""

    def lookup(kind: str, id: int) -> Entity | None:
        return changed.get((kind, id)) or store.get(kind, id)

    for entity in changed.values():
        for rel in referrers(entity.KIND):
            for child in store.select(rel.child_kind, **{rel.field: entity.id}):
                child = changed.get((child.KIND, child.id), child)
                try:
                    check_relations(child, lookup)
                except RuleError as broken:
                    if not _references_changed(entity, store):
                        raise RuleError(tr("{reason} This {kind} still holds them: delete them first.",
                                           reason=str(broken), kind=kind_name(entity.KIND)),
                                        rel.field) from None
                    raise RuleError(tr("{children} still refer to this {kind} and cannot follow it there; "
                                       "move or delete them first.", children=kind_name(child.KIND),
                                       kind=kind_name(entity.KIND)), rel.field) from None


def _references_changed(entity: Entity, store: Store) -> bool:
    stored = store.get(entity.KIND, entity.id)
    return stored is None or any(getattr(stored, f.name) != getattr(entity, f.name)
                                 for f in field_map(type(entity)).values() if f.ref is not None)


def order_scope(kind: str, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The sibling group an ordered entity belongs to, or None for unordered kinds."""
    cls = entity_class(kind)
    if cls.ORDER_SCOPE is None:
        return None
    defaults = _defaults(cls)
    return {name: values.get(name, defaults[name]) for name in cls.ORDER_SCOPE}


@functools.cache
def _defaults(cls: type) -> dict[str, Any]:
    return {f.name: f.default for f in dataclasses.fields(cls)}


class CreateEntity(Command):
    """Add one entity; with ``at``, insert it at that position among its siblings."""

    def __init__(self, kind: str, values: Mapping[str, Any], *, at: int | None = None,
                 text: str | None = None):
        self.kind = kind
        self.values = normalise(entity_class(kind), values)
        self.at = at
        self.id: int | None = None
        self.text = text or Phrase("Add {kind}", kind=kind_name(kind))
        self._shifted: list[tuple[int, int]] = []   # (sibling id, its old seq)

    def execute(self, store: Store) -> Changes:
        values = dict(self.values)
        scope = order_scope(self.kind, values)
        self._shifted = []
        if scope is not None and "seq" not in self.values:
            siblings = store.select(self.kind, **scope)
            at = len(siblings) if self.at is None else max(0, min(self.at, len(siblings)))
            # Only the siblings after the new one move, and only while they would not follow
            # it: adding at the end touches no other row, so people adding to the same list
            # at once on a team server never wait for (or deadlock on) each other's rows.
            values["seq"] = last = siblings[at - 1].seq + 1 if at else 0
            for sibling in siblings[at:]:
                if sibling.seq > last:
                    break
                last += 1
                self._shifted.append((sibling.id, sibling.seq))
                store.update(self.kind, sibling.id, {"seq": last})
        entity = entity_class(self.kind)(id=self.id, **values)
        check_entity(entity)
        check_relations(entity, store.get)
        self.id = store.insert(self.kind, entity.values(), id=self.id)
        return Changes.of(created=[(self.kind, self.id)],
                          updated=[(self.kind, id) for id, _ in self._shifted])

    def revert(self, store: Store) -> Changes:
        store.delete(self.kind, self.id)
        for id, seq in self._shifted:
            store.update(self.kind, id, {"seq": seq})
        return Changes.of(deleted=[(self.kind, self.id)],
                          updated=[(self.kind, id) for id, _ in self._shifted])


class CreateEntities(Command):
    """Append many entities of one kind in one step (a pasted block of rows). Each sibling
    group is read once, not once per row: 10,000 rows cost 10 × what 1,000 do."""

    def __init__(self, kind: str, values_list, *, text: str | None = None):
        cls = entity_class(kind)
        self.kind = kind
        self.values_list = [normalise(cls, values) for values in values_list]
        self.ids: list[int] | None = None        # fixed by the first execute; redo reuses them
        self.text = text or tr("Add {kind}", kind=kind_name(kind))
        self._shifted: list[tuple[int, int]] = []

    def execute(self, store: Store) -> Changes:
        cls = entity_class(self.kind)
        lookup = CachedLookup(store)
        next_seq: dict[tuple, int] = {}
        self._shifted = []
        ids = []
        for n, raw in enumerate(self.values_list):
            values = dict(raw)
            scope = order_scope(self.kind, values)
            if scope is not None and "seq" not in values:
                group = tuple(sorted(scope.items()))
                if group not in next_seq:            # as CreateEntity does: close gaps once
                    siblings = store.select(self.kind, **scope)
                    for index, sibling in enumerate(siblings):
                        if sibling.seq != index:
                            self._shifted.append((sibling.id, sibling.seq))
                            store.update(self.kind, sibling.id, {"seq": index})
                    next_seq[group] = len(siblings)
                values["seq"] = next_seq[group]
                next_seq[group] += 1
            entity = cls(id=self.ids[n] if self.ids else None, **values)
            check_entity(entity)
            check_relations(entity, lookup)
            ids.append(store.insert(self.kind, entity.values(), id=entity.id))
        self.ids = ids
        return Changes.of(created=[(self.kind, id) for id in ids],
                          updated=[(self.kind, id) for id, _ in self._shifted])

    def revert(self, store: Store) -> Changes:
        for id in reversed(self.ids or ()):
            store.delete(self.kind, id)
        for id, seq in self._shifted:
            store.update(self.kind, id, {"seq": seq})
        return Changes.of(deleted=[(self.kind, id) for id in self.ids or ()],
                          updated=[(self.kind, id) for id, _ in self._shifted])


class UpdateEntities(Command):
    """Change fields of one or several entities of a kind in one step (a multi-item move)."""

    def __init__(self, kind: str, values_by_id: Mapping[int, Mapping[str, Any]], *,
                 text: str | None = None, mergeable: bool = False):
        cls = entity_class(kind)
        self.kind = kind
        self.values_by_id = {id: normalise(cls, values) for id, values in values_by_id.items()}
        self.mergeable = mergeable
        self.text = text or Phrase("Edit {kind}", kind=kind_name(kind))
        self.old_by_id: dict[int, dict[str, Any]] = {}

    def execute(self, store: Store) -> Changes:
        current = fetch_all(store, self.kind, self.values_by_id)
        updated = {id: dataclasses.replace(current[id], **values) for id, values in self.values_by_id.items()}
        lookup = CachedLookup(store, {(self.kind, id): e for id, e in updated.items()})
        fields = field_map(entity_class(self.kind))
        for id, entity in updated.items():
            check_entity(entity)
            # the rules spanning entities read only references (and a vote's target): an edit
            # of other fields cannot break them, and reading every referenced row for it would
            # cost a shared workshop a server round trip each
            if any(fields[name].ref is not None or (self.kind, name) in _FIELDS_RELATIONS_READ
                   for name in self.values_by_id[id]):
                check_relations(entity, lookup)
        # only a reference that really changes can break the rules of what refers to it
        moved = {(self.kind, id): updated[id] for id, values in self.values_by_id.items()
                 if any((fields[name].ref is not None or (self.kind, name) in _FIELDS_DEPENDANTS_READ)
                        and value != getattr(current[id], name) for name, value in values.items())}
        if moved:
            check_dependants(store, moved)
        self.old_by_id = {id: {name: getattr(current[id], name) for name in values}
                          for id, values in self.values_by_id.items()}
        for id, values in self.values_by_id.items():
            store.update(self.kind, id, values)
        return Changes.of(updated=[(self.kind, id) for id in self.values_by_id])

    def revert(self, store: Store) -> Changes:
        for id, values in self.old_by_id.items():
            store.update(self.kind, id, values)
        return Changes.of(updated=[(self.kind, id) for id in self.old_by_id])

    def merge_key(self) -> Hashable | None:
        if not self.mergeable:
            return None
        return ("update", self.kind, tuple(sorted((id, tuple(sorted(v))) for id, v in self.values_by_id.items())))

    def merge(self, newer: Command) -> bool:
        assert isinstance(newer, UpdateEntities)
        self.values_by_id = newer.values_by_id
        self.text = merged_text(self.text, newer.text)
        return True


class UpdateEntity(UpdateEntities):
    """Change fields of one entity. ``mergeable``: typing in one field is one undo step."""

    def __init__(self, kind: str, id: int, values: Mapping[str, Any], *, text: str | None = None,
                 mergeable: bool = False):
        unknown = set(values) - set(field_map(entity_class(kind)))
        if unknown:
            raise RuleError(tr("Unknown field '{field}' for {kind}.", field=", ".join(sorted(unknown)),
                               kind=kind_name(kind)))
        super().__init__(kind, {id: values}, text=text, mergeable=mergeable)
        self.id = id


class DeleteEntity(Command):
    """Delete an entity with all that depends on it; undo brings back the same ids.

    ``allow_guarded`` lets guarded dependants go too (a lane's steps); without it, deleting
    a lane that still holds steps is refused.
    """

    def __init__(self, kind: str, id: int, *, allow_guarded: bool = False, text: str | None = None):
        self.kind = kind
        self.id = id
        self.allow_guarded = allow_guarded
        self.text = text or Phrase("Delete {kind}", kind=kind_name(kind))
        self.bundle: cascade.Bundle | None = None

    def execute(self, store: Store) -> Changes:
        if self.kind == "workshop":
            raise RuleError(tr("The workshop itself cannot be deleted."))
        self.bundle = cascade.collect(store, self.kind, self.id, allow_guarded=self.allow_guarded)
        return cascade.remove(store, self.bundle)

    def revert(self, store: Store) -> Changes:
        return cascade.restore(store, self.bundle)
