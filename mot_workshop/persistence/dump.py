"""The whole workshop as JSON, and back. The format is documented in docs/dump-format.md.

Keys are stable: kinds in registry order, each entity's fields in declaration order, rows
sorted by id, ids kept. dump → load → dump gives identical text.
"""

from __future__ import annotations

import json
from typing import Any

from mot_workshop.domain.base import Entity, field_map
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.rules import RuleError, normalise
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.i18n import tr
from mot_workshop.persistence.schema import SCHEMA_VERSION

FORMAT = "mot-workshop-dump"
DUMP_VERSION = 1
INTEGER_MAX = 2**63 - 1   # SQLite's largest INTEGER


def to_data(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": DUMP_VERSION,
        "schema_version": SCHEMA_VERSION,
        "entities": {
            kind: [entity.as_dict() for entity in sorted(snapshot.by_kind[kind].values(), key=lambda e: e.id)]
            for kind in KINDS
        },
    }


def to_json(snapshot: Snapshot) -> str:
    return json.dumps(to_data(snapshot), ensure_ascii=False, indent=2) + "\n"


class DumpError(ValueError):
    """The JSON is not a dump this version can load; the message says why."""


def from_data(data: Any) -> list[Entity]:
    """Entities (ids kept) from dump data; raises DumpError naming the first bad row."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DumpError(tr("This JSON is not a MOT Workshop dump (no \"format\": \"{format}\").", format=FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or version > DUMP_VERSION:
        raise DumpError(tr("This dump has version {found}; this MOT Workshop reads up to version {supported}.",
                           found=version, supported=DUMP_VERSION))
    entities_data = data.get("entities")
    if not isinstance(entities_data, dict):
        raise DumpError(tr("The dump has no \"entities\" object."))
    unknown = set(entities_data) - set(KINDS)
    if unknown:
        raise DumpError(tr("The dump has unknown kinds: {kinds}.", kinds=", ".join(sorted(unknown))))
    entities: list[Entity] = []
    for kind, cls in KINDS.items():
        rows = entities_data.get(kind, [])
        if not isinstance(rows, list):
            raise DumpError(tr("\"{kind}\" must be a list.", kind=kind))
        seen: set[int] = set()
        for index, row in enumerate(rows, start=1):
            entities.append(_entity(cls, row, kind, index, seen))
    return entities


def _entity(cls: type[Entity], row: Any, kind: str, index: int, seen: set[int]) -> Entity:
    where = f"{kind} #{index}"
    if not isinstance(row, dict):
        raise DumpError(tr("{where}: expected an object.", where=where))
    id = row.get("id")
    if not isinstance(id, int) or isinstance(id, bool) or id < 1:
        raise DumpError(tr("{where}: \"id\" must be a positive whole number.", where=where))
    if id in seen:
        raise DumpError(tr("{where}: id {id} appears twice.", where=where, id=id))
    seen.add(id)
    values = {k: v for k, v in row.items() if k != "id"}
    unknown = set(values) - set(field_map(cls))
    if unknown:
        raise DumpError(tr("{where}: unknown fields {fields}.", where=where, fields=", ".join(sorted(unknown))))
    try:
        normalised = normalise(cls, values)
    except RuleError as exc:
        raise DumpError(f"{where}: {exc}") from None
    except OverflowError:                    # 1e400 written as a whole number, for a float field
        raise DumpError(tr("{where}: a number is too large.", where=where)) from None
    if id > INTEGER_MAX or any(_too_large(v) for v in normalised.values()):
        raise DumpError(tr("{where}: a number is too large.", where=where))
    return cls(id=id, **normalised)


def _too_large(value: Any) -> bool:
    """SQLite stores whole numbers in 64 bits; a larger one would fail only when written."""
    return isinstance(value, int) and not isinstance(value, bool) and not -INTEGER_MAX - 1 <= value <= INTEGER_MAX
