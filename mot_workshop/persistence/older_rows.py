"""The rows of a file written by an older version, as the current version reads them.

Salvage reads a file table by table, so it cannot migrate the file itself (a damaged file
would not migrate, and the file is never written). Instead the rows are read by the
file's own schema, put into a new empty file of that version, and that file is brought
up to date by the same migrations that upgrade a user's file: columns added since get
their migration's values, and what a migration moves or derives (step 5's ticks, a
workshop's identity) is moved and derived — nothing is read as if it had been written by
this version.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mot_workshop.domain.base import field_map
from mot_workshop.domain.registry import KINDS
from mot_workshop.persistence.marks import APPLICATION_ID, SCHEMA_VERSION

Rows = dict[str, list[dict[str, Any]]]
TableReader = Callable[[sqlite3.Connection, str], list[dict[str, Any]]]


def is_older(conn: sqlite3.Connection) -> int | None:
    """The file's schema version when it is older than this version's and its tables say so
    (a table or a column of today's schema is missing); else None: read it as current."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 1 <= version < SCHEMA_VERSION:
        return None
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for kind, cls in KINDS.items():
        if kind not in names:
            return version
        try:
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{kind}")')}
        except sqlite3.DatabaseError:
            continue                          # unreadable here: salvage finds out
        if not set(field_map(cls)) <= columns:
            return version
    return None


def rows_at_head(conn: sqlite3.Connection, version: int, read: TableReader) -> tuple[Rows, int] | None:
    """Every table's rows of the file open on ``conn`` (schema ``version``), brought up to
    the current schema, and how many rows could not be carried over; None when an empty
    file of that version cannot be made (the caller then reads the file as it is)."""
    from alembic.util.exc import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from mot_workshop.persistence.errors import WorkshopFileError
    from mot_workshop.persistence.migrate import upgrade
    from mot_workshop.persistence.reading import COPY_PREFIX, remove_stale_copies

    remove_stale_copies()
    with tempfile.TemporaryDirectory(prefix=f"{COPY_PREFIX}{os.getpid()}-") as folder:
        path = Path(folder) / "older.motw"
        try:
            _empty_file(path, version)
            tables = _tables(path)
            lost = _put(path, {table: read(conn, table) for table in tables})
            upgrade(path)
            with sqlite3.connect(path) as current:
                current.row_factory = sqlite3.Row
                return {kind: [dict(row) for row in current.execute(f'SELECT * FROM "{kind}" ORDER BY rowid')]
                        for kind in KINDS}, lost
        except (WorkshopFileError, CommandError, SQLAlchemyError, sqlite3.Error, OSError, ValueError):
            return None


def _empty_file(path: Path, version: int) -> None:
    from mot_workshop.persistence.migrate import upgrade

    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.close()
    upgrade(path, f"{version:04d}")
    with sqlite3.connect(path) as raw:
        if raw.execute("PRAGMA user_version").fetchone()[0] != version:
            raise ValueError(f"no revision gives schema version {version}")


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                              "name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]


def _put(path: Path, rows: Rows) -> int:
    """Insert what fits the empty file's tables; the number of rows that did not."""
    lost = 0
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA foreign_keys = OFF")     # references are judged after the upgrade
        for table, found in rows.items():
            columns = {row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')}
            for row in found:
                names = [name for name in row if name in columns]
                quoted = ", ".join(f'"{name}"' for name in names)
                try:
                    raw.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})',
                                [row[n] for n in names])
                except sqlite3.Error:
                    lost += 1
        raw.commit()
    finally:
        raw.close()
    return lost
