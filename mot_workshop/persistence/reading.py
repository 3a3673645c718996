"""Opening a file only to read it (check, dump, render, report), whatever its version.

A file from an older version is never changed by reading: a copy is migrated in a
temporary folder and read from there.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mot_workshop.persistence.errors import NeedsMigration
from mot_workshop.persistence.store import Store


@contextmanager
def reading(path: str | Path) -> Iterator[Store]:
    path = Path(path)
    try:
        store = Store.open(path, read_only=True)
    except NeedsMigration as exc:
        with tempfile.TemporaryDirectory(prefix="mot-workshop-") as tmp:
            from mot_workshop.persistence.migrate import migrate

            copy = Path(tmp) / path.name
            _consistent_copy(path, copy)
            migrate(copy, exc.found)
            store = Store.open(copy, read_only=True)
            try:
                yield store
            finally:
                store.close()
        return
    try:
        yield store
    finally:
        store.close()


def _consistent_copy(source: Path, target: Path) -> None:
    import sqlite3

    from mot_workshop.persistence.store import peek

    with peek(source) as src:    # leaves no -wal/-shm beside the file being read
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
