"""One writer per workshop file: an OS lock on a small file beside it.

The operating system releases the lock when the process dies, so a crash never leaves a
file locked for ever; the lock file's text only says who holds it, for the message.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_at(fd: int, path: Path) -> bool:
    """Is the open file ``fd`` still the one at ``path``?"""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:   # no login name (a container user without a passwd entry)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def lock_path(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


class InstanceLock:
    """Held for as long as a store has the file open for writing."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock; return None on success, or a description of the holder."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                holder = os.read(fd, 512).decode("utf-8", "replace").strip() or "unknown"
                os.close(fd)
                return holder
            if _still_at(fd, self.path):
                break
            # The holder removed the lock file between our open and our lock (release()
            # unlinks before unlocking): we locked an orphan; try again on the new file.
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{_user()}@{socket.gethostname()} pid {os.getpid()}".encode())
        self._fd = fd
        return None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)
