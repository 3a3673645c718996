"""Opening a file only to read it (check, dump, render, report), whatever its version.

A file from an older version is never changed by reading: a copy is migrated in a
temporary folder and read from there.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mot_workshop.persistence.errors import CorruptFile, NeedsMigration, WorkshopFileError, WriteFailed
from mot_workshop.persistence.store import Store


@contextmanager
def reading(path: str | Path, *, allow_damage: bool = False) -> Iterator[Store]:
    path = Path(path)
    try:
        store = Store.open(path, read_only=True, allow_damage=allow_damage)
    except NeedsMigration as exc:
        remove_stale_copies()
        # named after this process, so a copy a crash leaves behind is removed next time
        with tempfile.TemporaryDirectory(prefix=f"{COPY_PREFIX}{os.getpid()}-") as tmp:
            from mot_workshop.persistence.migrate import migrate

            copy = Path(tmp) / path.name
            _consistent_copy(path, copy)
            try:
                migrate(copy, exc.found)
                store = Store.open(copy, read_only=True)
            except WriteFailed as error:
                if _damage(error) is None:
                    error.path = path.absolute()    # about the user's file, not our copy
                    raise
                # the upgrade of the copy met damaged pages: nothing was being saved to the
                # user's file, it is damaged (`check` may read a damaged file, not upgrade it)
                raise CorruptFile(path.absolute(), _damage(error)) from None
            except WorkshopFileError as error:      # about the user's file, not our copy
                if error.path == copy:
                    error.path = path.absolute()
                raise
            try:
                yield store
            finally:
                store.close()
        return
    try:
        yield store
    finally:
        store.close()


COPY_PREFIX = "mot-workshop-read-"


def _damage(error: WriteFailed) -> str | None:
    """SQLite's words when the failure was damage in the file (not, say, a full disk)."""
    cause = error.__cause__
    cause = getattr(cause, "orig", None) or cause
    if getattr(cause, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return str(cause).strip().splitlines()[0]
    return None


def remove_stale_copies() -> list[Path]:
    """Remove the temporary copies of client files that a crashed reader left behind."""
    from mot_workshop.durable import alive

    removed = []
    pattern = re.compile(re.escape(COPY_PREFIX) + r"(\d+)-")
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match and not alive(int(match.group(1))) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _consistent_copy(source: Path, target: Path) -> None:
    import sqlite3

    from mot_workshop.persistence.store import peek

    with peek(source) as src:    # leaves no -wal/-shm beside the file being read
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
