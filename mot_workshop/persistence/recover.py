"""A recovered copy of a damaged (or foreign-tainted) workshop file: what is still readable,
row by row, checked against the domain rules, written into a new file — checked again
before it is offered. The damaged file itself is never written.

Rows are read table by table; a table whose pages are damaged gives what comes before
the damage and whatever single rows can still be read after it. A file of an older
version is read by its own schema and brought up to date by its migrations
(``older_rows``). Rows that break a rule are left out; a reference to a row that was lost
is cleared where the app itself would clear it (a cycle whose team is deleted stays,
without a team) and the row kept, else the row is left out too — repeatedly, until the
rest is sound. The copy's report names the cleared references.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mot_workshop.domain.audit import audit
from mot_workshop.domain.base import Entity, field_map
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.i18n import plural, tr
from mot_workshop.persistence.errors import CorruptFile, WorkshopFileError
from mot_workshop.persistence.free_name import free_name_beside

TIME_LIMIT_S = 30.0            # a damaged index must not keep the user waiting for ever
MAX_SKIPS = 5000               # unreadable rows tried one by one before a table is given up


@dataclass(frozen=True)
class Recovered:
    path: Path
    kept: int                  # entities in the copy
    left_out: int              # rows read but left out (unreadable values, broken rules)
    cleared: tuple[str, ...] = ()   # "Cycle 'Parking': Team" — references to left-out rows cleared

    def cleared_note(self) -> str:
        """A sentence naming the cleared references ('' when none), for the report line."""
        if not self.cleared:
            return ""
        which = "; ".join(self.cleared[:3]) + (" …" if len(self.cleared) > 3 else "")
        return " " + plural(len(self.cleared), "{count} reference to a left-out record was cleared: {which}.",
                            "{count} references to left-out records were cleared: {which}.", which=which)


def recovered_copy_path(path: Path) -> Path:
    return free_name_beside(path, tr("recovered"))


def why_recover(source: Path) -> WorkshopFileError | None:
    """What keeps ``source`` from being opened or passing the check, when a recovered copy
    is the remedy; None when the file is sound (an older version is checked on an upgraded
    temporary copy, as `check` does). Files no copy can help are refused here: missing, not
    a workshop file, another program's, or written by a newer version (update the app
    instead: a copy would leave out what the newer version stored)."""
    from mot_workshop.domain.audit import audit
    from mot_workshop.persistence import fileguard
    from mot_workshop.persistence.errors import BadValues, ForeignSchema
    from mot_workshop.persistence.reading import reading

    source = Path(source).absolute()
    try:
        fileguard.inspect(source)
    except CorruptFile as exc:          # cut short, header damaged: try what can be read
        return exc
    try:
        with reading(source) as store:
            problems = store.integrity_problems() + audit(store.snapshot())
    except (CorruptFile, BadValues, ForeignSchema) as exc:
        return exc
    return CorruptFile(source, problems[0]) if problems else None


def recover(source: Path, target: Path | None = None, *, overwrite: bool = False) -> Recovered:
    """Write what can be read from ``source`` into a new file (``target`` or a free name
    beside it; an existing ``target`` is replaced only with ``overwrite``, and never when it
    is ``source`` itself). Raises WorkshopFileError when nothing sound can be made."""
    from mot_workshop.persistence.new_file import replacing
    from mot_workshop.persistence.store import WORKSHOP_ID, Store

    source = Path(source).absolute()
    target = Path(target).absolute() if target is not None else recovered_copy_path(source)
    if target.exists() and source.exists() and os.path.samefile(source, target):
        raise WorkshopFileError(source, tr("The recovered copy must be a new file; {name} itself is never "
                                           "written.", name=source.name))
    entities, left_out, cleared = _readable_entities(source)
    workshop = next((e for e in entities if e.KIND == "workshop" and e.id == WORKSHOP_ID), None)
    if workshop is None:
        raise WorkshopFileError(source, tr("No recovered copy of {name} could be made: its workshop record "
                                           "is not readable.", name=source.name))
    with replacing(target, overwrite=overwrite, tag="recover") as tmp:
        store = Store.create(tmp, **workshop.values())
        try:
            with store.transaction():
                store.defer_foreign_keys()
                for entity in entities:
                    if entity.KIND != "workshop":
                        store.insert(entity.KIND, entity.values(), id=entity.id)
        finally:
            store.close()
        _verify(tmp)
        _copy_mode(source, tmp)
    return Recovered(target, len(entities), left_out, cleared)


def readable_snapshot(source: Path) -> Snapshot:
    """What can be read of ``source`` and passes the rules, for showing a damaged file."""
    entities, _, _ = _readable_entities(Path(source).absolute())
    return Snapshot.of(entities)


def _readable_entities(source: Path) -> tuple[list[Entity], int, tuple[str, ...]]:
    from mot_workshop.persistence.dump import DumpError, _entity

    rows, left_out = _read_rows(source, time.monotonic() + TIME_LIMIT_S)
    entities: list[Entity] = []
    for kind, cls in KINDS.items():
        seen: set[int] = set()
        fields = field_map(cls)
        for index, row in enumerate(rows.get(kind, []), start=1):
            values = {k: v for k, v in row.items() if k == "id" or k in fields}
            try:
                entities.append(_entity(cls, values, kind, index, seen))
            except (DumpError, TypeError, ValueError, OverflowError):
                left_out += 1
    entities, dropped, cleared = _sound_part(entities)
    return entities, left_out + dropped, cleared


def _read_rows(source: Path, deadline: float) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Every table's rows as the current schema has them, and how many could not be carried
    over from an older schema."""
    from mot_workshop.persistence.older_rows import is_older, rows_at_head
    from mot_workshop.persistence.store import peek

    def read(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
        return _table_rows(conn, table, deadline)

    try:
        with peek(source) as conn:       # read-only; leaves no -wal/-shm behind
            conn.execute("PRAGMA trusted_schema = OFF")
            try:
                version = is_older(conn)
            except sqlite3.DatabaseError:
                version = None           # the schema is not readable: read what is, as current
            brought = rows_at_head(conn, version, read) if version is not None else None
            if brought is not None:
                return brought
            return {kind: read(conn, kind) for kind in KINDS}, 0
    except sqlite3.Error as exc:
        raise CorruptFile(source, str(exc)) from None


def _table_rows(conn: sqlite3.Connection, kind: str, deadline: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        conn.execute(f'SELECT * FROM "{kind}" LIMIT 0')
    except sqlite3.DatabaseError:
        return rows                 # the table itself is lost
    last = 0
    skips = 0
    while time.monotonic() < deadline and skips < MAX_SKIPS:
        try:
            cursor = conn.execute(f'SELECT rowid AS _salvage_rowid, * FROM "{kind}" WHERE rowid > ? ORDER BY rowid', (last,))
            names = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(names, values))
                last = row.pop("_salvage_rowid")
                rows.append(row)
            return rows
        except sqlite3.DatabaseError:
            last += 1               # step over the unreadable row and go on after it
            skips += 1
    return rows


def _sound_part(entities: list[Entity]) -> tuple[list[Entity], int, tuple[str, ...]]:
    """Clear references to missing rows where deleting the row in the app would clear them,
    then leave out entities the audit names (a broken rule, a reference to a lost row), until
    none is named; the workshop record itself is never left out. Also returns the cleared
    references of the entities kept."""
    dropped = 0
    cleared: dict[tuple[str, int], list[str]] = {}
    for _ in range(50):
        entities = _clear_lost_references(entities, cleared)
        problems = audit(Snapshot.of(entities))
        bad = set()
        for line in problems:
            kind, _, rest = line.partition(" ")
            ident = rest.split(":", 1)[0]
            if kind in KINDS and kind != "workshop" and ident.isdigit():
                bad.add((kind, int(ident)))
        if not bad:
            break
        kept = [e for e in entities if (e.KIND, e.id) not in bad]
        dropped += len(entities) - len(kept)
        entities = kept
    by_key = {(e.KIND, e.id): e for e in entities}
    return entities, dropped, tuple(_cleared_label(by_key[key], fields) for key, fields in cleared.items()
                                    if key in by_key)


def _clear_lost_references(entities: list[Entity], cleared: dict[tuple[str, int], list[str]]) -> list[Entity]:
    import dataclasses

    present = {(e.KIND, e.id) for e in entities}
    out = []
    for entity in entities:
        lost = [info.name for info in field_map(type(entity)).values()
                if info.ref is not None and info.ref.on_delete == "set-null"
                and getattr(entity, info.name) is not None
                and (info.ref.kind, getattr(entity, info.name)) not in present]
        if lost:
            entity = dataclasses.replace(entity, **{name: None for name in lost})
            cleared.setdefault((entity.KIND, entity.id), []).extend(lost)
        out.append(entity)
    return out


def _cleared_label(entity: Entity, fields: list[str]) -> str:
    from mot_workshop.i18n.labels import field_name, kind_name

    name = getattr(entity, "name", "") or getattr(entity, "title", "")
    what = f"{kind_name(entity.KIND)} '{name}'" if name else f"{kind_name(entity.KIND)} {entity.id}"
    return f"{what}: {', '.join(str(field_name(f)) for f in fields)}"


def _verify(path: Path) -> None:
    from mot_workshop.persistence.store import Store

    with Store.open(path, read_only=True) as store:
        problems = store.integrity_problems() + audit(store.snapshot())
    if problems:
        raise WorkshopFileError(path, tr("The recovered copy did not pass the check: {detail}",
                                         detail=problems[0]))


def _copy_mode(source: Path, target: Path) -> None:
    try:
        os.chmod(target, os.stat(source).st_mode & 0o777)
    except OSError:
        pass
