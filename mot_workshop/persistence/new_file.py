"""Writing a workshop file whole or not at all, in the place of an existing one if asked.

The new file is built beside the target and moved into place only when complete, so a
failure never costs the file it was to replace; a file open in another window is not
replaced, and the replaced file's write-ahead log is removed so it cannot replay.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mot_workshop.durable import commit, remove_stale, temp_name
from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import FileLocked, WorkshopFileError, WriteFailed
from mot_workshop.persistence.lock import InstanceLock


@contextmanager
def replacing(path: Path, *, overwrite: bool, tag: str = "new") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally it becomes ``path``."""
    if path.exists() and not overwrite:
        raise WorkshopFileError(path, tr("{name} already exists.", name=path.name))
    if not path.parent.is_dir():
        raise WorkshopFileError(path, tr("The folder {folder} does not exist.", folder=str(path.parent)))
    guard = InstanceLock(path)
    holder = guard.acquire()
    if holder is not None:
        raise FileLocked(path, holder)
    remove_stale(path.parent)          # left by a writer that crashed
    tmp = temp_name(path, tag)
    try:
        try:
            yield tmp
        except WriteFailed as exc:     # name the file the user asked for, not our temporary one
            if exc.path.name != tmp.name:
                raise
            raise WriteFailed(path, exc.detail) from None
        _merge_log(tmp)
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        commit(tmp, path)              # fsync, the replaced file's permissions, rename, fsync folder
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
        guard.release()


def _merge_log(tmp: Path) -> None:
    """Everything in the file itself before it is renamed: a log left under the temporary
    name would not follow the file."""
    import sqlite3

    wal = tmp.with_name(tmp.name + "-wal")
    if not wal.exists():
        return
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
