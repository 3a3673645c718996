"""One writer per workshop file: an OS lock on the database file itself.

The lock is held on the open file (its inode), not on a name: deleting or renaming a file
beside it cannot defeat it, and a renamed workshop is still the one locked database under
its new name. The operating system releases it when the process dies, so a crash never
leaves a file locked for ever. A small note beside the file (``.~NAME.motw.lock``) only
says who holds it, for the message; it is removed only by its own writer.

On Linux and macOS the lock is ``flock``, which does not interact with SQLite's own
byte-range locks (on a network file system that emulates flock with byte-range locks the
two could meet; workshop files are meant to be local).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # A byte far beyond SQLite's own lock bytes (which start at 1 GiB) and any real file.
    _LOCK_OFFSET = 0x7FFF0000

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
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


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:   # no login name (a container user without a passwd entry)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _host() -> str:
    """The machine's name as ``socket.gethostname()`` gives it: the kernel's node name where
    there is one (importing ``socket`` for this alone was a noticeable part of opening a
    file's store, on every start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def lock_path(path: Path) -> Path:
    """The note that names the holder (not the lock itself)."""
    return path.with_name(f".~{path.name}.lock")


def _read_note(path: Path) -> str:
    try:
        with open(lock_path(path), "rb") as fh:
            return fh.read(512).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _holder_from_system(fd: int) -> str:
    """Without a note (renamed file, removed note): the process the system says holds it."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        st = os.fstat(fd)
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            for line in fh:
                parts = line.split()
                # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
                if len(parts) >= 6 and parts[1] == "FLOCK" and parts[3] == "WRITE":
                    if parts[5].rsplit(":", 1)[-1] == str(st.st_ino):
                        return f"pid {parts[4]}"
    except OSError:
        pass
    return ""


class InstanceLock:
    """Held for as long as a store has the file open for writing."""

    def __init__(self, path: Path):
        self.target = Path(path)
        self.path = lock_path(self.target)
        self._fd: int | None = None           # the database file, locked
        self._note: os.stat_result | None = None

    @property
    def fd(self) -> int | None:
        """The locked database file, open for as long as the lock is held (its identity)."""
        return self._fd

    def acquire(self) -> str | None:
        """Take the lock; return None on success, or a description of the holder.

        A file that does not exist yet has nothing to guard: None, and nothing is held."""
        try:
            fd = os.open(self.target, os.O_RDONLY)
        except FileNotFoundError:
            return None
        if not _try_lock(fd):
            holder = _read_note(self.target) or _holder_from_system(fd) or "unknown"
            os.close(fd)
            return holder
        self._fd = fd
        self._write_note()
        return None

    def _write_note(self) -> None:
        text = f"{_user()}@{_host()} pid {os.getpid()}"
        try:
            # A fresh file each time: a note left by a crashed holder is replaced, not reused.
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, self.path)
            self._note = os.stat(self.path)
        except OSError:
            self._note = None      # the note is a courtesy; the lock holds without it

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        note, self._note = self._note, None
        try:
            # Only our own note: one written by anybody else since stays where it is.
            if note is not None and os.path.samestat(note, os.stat(self.path)):
                os.unlink(self.path)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)
