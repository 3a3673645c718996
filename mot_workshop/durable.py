"""Putting a finished file in its place so that it is really there: the one helper every
export (PDF, XLSX, CSV, BPMN, JSON dump, PNG/SVG) and every new workshop file (load, demo,
Save As, migration backup, recovered copy) goes through.

The content is written under a temporary name beside the target, flushed to the disk
(fsync), given the permissions of the file it replaces (a 0600 client file stays 0600),
renamed over the target, and the folder itself is flushed, so that the rename survives a
power cut too. Only then is success reported. A temporary file left by a crash carries
the writer's process id, and the next writer in that folder removes it (``stale``).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# ".NAME.PID.TAG" (and its -wal/-shm): the temporary names of this module and the store
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.(?P<tag>tmp|new|load|copy|backup|recover|sample)(?:-wal|-shm|-journal)?$"
                   r"|^\.~(?P<note>.+)\.lock\.(?P<notepid>\d+)$")     # a lock note being written


def fsync_path(path: str | os.PathLike) -> None:
    """Flush a file's content to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: str | os.PathLike) -> None:
    """Flush a folder's entries (a rename into it) to the disk; a no-op where folders
    cannot be opened (Windows, where the rename itself is durable)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass     # some file systems refuse to sync a folder; the file itself is synced
    finally:
        os.close(fd)


def temp_name(path: Path, tag: str) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{tag}")


def keep_mode(tmp: Path, like: Path) -> None:
    """Give ``tmp`` the permission bits of ``like`` (when it exists)."""
    try:
        mode = stat.S_IMODE(os.stat(like).st_mode)
    except OSError:
        return
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def commit(tmp: Path, path: Path, *, mode_from: Path | None = None) -> None:
    """fsync ``tmp``, give it the target's (or ``mode_from``'s) permissions, rename it over
    ``path`` and fsync the folder."""
    fsync_path(tmp)
    keep_mode(tmp, mode_from if mode_from is not None else path)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` as ``path``: whole, on the disk, or not at all."""
    path = Path(path)
    remove_stale(path.parent)
    tmp = temp_name(path, "tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        commit(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def writing(path: str | os.PathLike, tag: str = "tmp") -> Iterator[Path]:
    """A temporary path to build ``path`` under; committed when the block ends normally."""
    path = Path(path)
    remove_stale(path.parent)
    tmp = temp_name(path, tag)
    try:
        yield tmp
        commit(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True          # somebody else's live process, or we cannot tell: leave it
    return True


def remove_stale(folder: str | os.PathLike) -> list[Path]:
    """Remove temporary files a crashed writer left in ``folder``; return them."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or alive(int(match["pid"] or match["notepid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
