"""Creating a set of entities that refer to each other before any of them has an id.

An importer (a BPMN map, spreadsheet rows, another team's workshop file) describes what to
create as items ``(key, kind, values)``. A value of a whole-number field (a reference, or a
vote's target) given as a string is the key of an item earlier in the list, replaced by the
id the store assigned to it. Ordered kinds without a ``seq`` go after their siblings.

The first execute checks and inserts item by item (ids chosen by the store); undo deletes
them all; redo inserts exactly the same entities again, ids included (``BuildEntities``).
Work per item stays constant however many there are (a sibling group's next ``seq`` is read
once, then counted on; references are looked up once), so 10,000 rows take 10 × 1,000's time.
A long import reports its progress and may be cancelled: ``ImportCancelled`` leaves the
transaction, which rolls back — nothing written, nothing on the undo history.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.base import Entity, field_map
from mot_workshop.domain.registry import entity_class
from mot_workshop.domain.rules import RuleError, check_entity, check_relations, normalise
from mot_workshop.editing.bulk import BuildEntities
from mot_workshop.editing.entities import CachedLookup, order_scope
from mot_workshop.gc_pause import paused
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

Item = tuple[str, str, Mapping[str, Any]]     # (key, entity kind, values)
PROGRESS_EVERY = 250                          # items between two progress reports


class ImportCancelled(RuleError):
    """The user stopped a long import; nothing of it was written."""

    def __init__(self) -> None:
        super().__init__(tr("The import was cancelled; nothing was added."))


class CreateLinked(BuildEntities):
    def __init__(self, items: Sequence[Item], *, text: str | None = None):
        super().__init__()
        self.items = [(key, kind, dict(values)) for key, kind, values in items]
        self.text = text or tr("Import")
        self.ids: dict[str, int] = {}
        # progress(done, total) -> False to cancel; called every PROGRESS_EVERY items of
        # the first execute (a window shows it; the command line passes none)
        self.progress = None

    def id_of(self, key: str) -> int | None:
        """The id given to the item with ``key`` (after the first execute)."""
        return self.ids.get(key)

    def build(self, store: Store) -> list[Entity]:
        with paused():      # thousands of entities, all kept: collections would only walk them
            return self._build(store)

    def _build(self, store: Store) -> list[Entity]:
        created: list[Entity] = []
        self.ids = {}
        made: dict[tuple[str, int], Entity] = {}
        lookup = CachedLookup(store, made)
        next_seq: dict[tuple, int] = {}
        total = len(self.items)
        for done, (key, kind, raw) in enumerate(self.items):
            if self.progress is not None and done % PROGRESS_EVERY == 0 and done and \
                    self.progress(done, total) is False:
                raise ImportCancelled()
            cls = entity_class(kind)
            keyed = _keyed_fields(cls)
            values = {}
            for name, value in raw.items():
                if name in keyed and isinstance(value, str):
                    if value not in self.ids:
                        raise KeyError(f"item {key!r} refers to {value!r}, which comes later or not at all")
                    value = self.ids[value]
                values[name] = value
            values = normalise(cls, values)
            checked = set(values)            # the seq below comes from the store: checked with the rest
            scope = order_scope(kind, values)
            group = (kind, *sorted(scope.items())) if scope is not None else None
            if group is not None and "seq" not in values:
                if group not in next_seq:
                    next_seq[group] = store.next_seq(kind, scope)
                values["seq"] = next_seq[group]
            entity = cls(**values)
            check_entity(entity, normalised=checked)
            check_relations(entity, lookup)
            stored = entity.values()
            new_id = store.insert(kind, stored)
            # the entity as stored, with its id: made here and seen by nobody yet, so it is
            # given its id in place rather than built a second time (thousands per import)
            object.__setattr__(entity, "id", new_id)
            if group in next_seq:
                next_seq[group] = max(next_seq[group], stored["seq"] + 1)
            made[(kind, new_id)] = entity
            self.ids[key] = new_id
            created.append(entity)
        if self.progress is not None and self.progress(total, total) is False:
            raise ImportCancelled()
        return created


@functools.cache
def _keyed_fields(cls: type[Entity]) -> frozenset[str]:
    """The whole-number fields of ``cls``: given as a string, such a value is an item's key."""
    return frozenset(name for name, info in field_map(cls).items() if info.type is int)


def unique_name(wanted: str, taken: set[str], label: str | None = None, *, limit: int = 500) -> str:
    """``wanted``, or with a suffix (" (Team B)", " (2)", " (3)" …) that makes it unique."""
    if wanted not in taken:
        return wanted
    suffixes = ([f" ({label})"] if label else []) + [f" ({label} {n})" if label else f" ({n})" for n in range(2, 10_000)]
    for suffix in suffixes:
        candidate = wanted[: limit - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
    raise RuleError(tr("No free name was found for {name}.", name=wanted))
