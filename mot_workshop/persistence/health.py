"""Is an open workshop file sound enough to edit? Two quick looks on every open.

- SQLite's ``quick_check`` (the structure of every page, without the slower index
  cross-check): a file with bit flips or zeroed pages opens for reading only, so no edit is
  committed onto damage.
- The schema holds only what MOT Workshop creates: a trigger stored in a workshop file
  would run on every edit (and could delete what undo cannot bring back), a view or an
  unknown table or index is not ours. Such a file is refused.
"""

from __future__ import annotations

import functools
import sqlite3

from mot_workshop.i18n import tr

# SQLite's own bookkeeping: AUTOINCREMENT counters, ANALYZE statistics, constraint indexes.
_SQLITE_OWN = ("sqlite_sequence", "sqlite_stat")
_AUTOINDEX = "sqlite_autoindex_"


def damage(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """The quick check's findings; empty when the file is sound."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
    except sqlite3.DatabaseError as exc:     # too damaged to even check
        return [str(exc)]
    found = [line.strip() for (text,) in rows if text != "ok"
             for line in str(text).splitlines() if line.strip() and not line.startswith("*** ")]
    return found


@functools.cache
def _expected() -> frozenset[tuple[str, str]]:
    """(type, name) of every schema object a new file at head has: a table per entity kind
    and Alembic's, an index per reference (schema.py; named as SQLAlchemy names them).
    Worked out without SQLAlchemy, which opening a file no longer loads; a test checks it
    against a file made from the metadata."""
    from mot_workshop.domain.base import field_infos
    from mot_workshop.domain.registry import KINDS

    found = {("table", "alembic_version")}
    for kind, cls in KINDS.items():
        found.add(("table", kind))
        found.update(("index", f"ix_{kind}_{info.name}") for info in field_infos(cls) if info.ref is not None)
    return frozenset(found)


def _sqlite_own(name: str) -> bool:
    return name.startswith(_SQLITE_OWN) or name.startswith(_AUTOINDEX)


def foreign_objects(conn: sqlite3.Connection, *, at_head: bool) -> list[str]:
    """Schema objects MOT Workshop did not create, as "trigger name" etc.

    Triggers and views are never ours. Tables and indexes are compared with a new file's
    only at the current version (older versions had others; they are checked again once
    migrated)."""
    rows = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
    expected = _expected()
    found = []
    for kind, name in rows:
        if _sqlite_own(str(name)):
            continue
        if kind in ("trigger", "view") or (at_head and (kind, name) not in expected):
            found.append(f"{kind} {name}")
    return sorted(found)


def describe(objects: list[str]) -> str:
    shown = ", ".join(objects[:5]) + (tr(" and {n} more", n=len(objects) - 5) if len(objects) > 5 else "")
    return shown
