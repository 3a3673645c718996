"""Writing a workshop file whole or not at all, in the place of an existing one if asked.

The new file is built beside the target and moved into place only when complete, so a
failure never costs the file it was to replace; a file open in another window is not
replaced, and the replaced file's write-ahead log is removed so it cannot replay.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import FileLocked, WorkshopFileError
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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{tag}")
    try:
        yield tmp
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
        guard.release()
