"""A quick, read-only look at a workshop file with the standard library's ``sqlite3`` only.

The window paints the workshop from this snapshot before SQLAlchemy has even been imported
(that import alone costs more than a bare Qt window takes to appear); the real ``Store``
opens right after the first paint and checks everything (lock, version, migration, tables).
Any doubt here — another application id or schema version, a missing table or column, a
value no version writes — returns None, and the caller takes the normal path.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import sqlite3
import sys
from pathlib import Path

from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.persistence.marks import APPLICATION_ID, SCHEMA_VERSION


def quick_snapshot(path: str | Path) -> Snapshot | None:
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None
        conn.execute("BEGIN")
        from mot_workshop.persistence.values_check import first_bad_value

        if first_bad_value(conn) is not None:     # the real store says what is wrong
            return None
        snapshot = Snapshot()
        for kind, cls in KINDS.items():
            names, convert = _columns(cls)
            columns = ", ".join(f'"{name}"' for name in names)
            bucket = snapshot.by_kind[kind]
            for row in conn.execute(f'SELECT {columns} FROM "{kind}"'):
                values = {name: (to(value) if to is not None and value is not None else value)
                          for name, to, value in zip(names, convert, row)}
                bucket[values["id"]] = cls(**values)
        conn.execute("COMMIT")
        return snapshot
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


@functools.cache
def _columns(cls) -> tuple[list[str], list]:
    """Column names of ``cls`` and the converter of each (bool, an enum, or None). Read from
    the field annotations by name — cheaper than resolving them with typing, which the
    store does anyway once it has loaded; a test checks both agree."""
    module = vars(sys.modules[cls.__module__])
    names, convert = [], []
    for f in dataclasses.fields(cls):
        names.append(f.name)
        base = next((t.strip() for t in str(f.type).split("|") if t.strip() != "None"), "")
        found = bool if base == "bool" else module.get(base)
        convert.append(found if found is bool or (isinstance(found, type) and issubclass(found, enum.Enum))
                       else None)
    return names, convert
