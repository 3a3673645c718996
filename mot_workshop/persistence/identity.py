"""Is the open workshop still the file at its path?

A file manager or a sync client may rename the open file, move it, delete it, or put
another file in its place. The store keeps the database open (SQLite keeps writing to the
same file whatever its name), so edits are never written into a stranger; but the user
must know, and the app must follow a renamed file rather than go on under a name that now
belongs to something else. Comparing the open handle's identity (device and inode) with
what the path names tells the cases apart.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Whereabouts:
    """What happened to the open file. ``state``: "here", "moved", "replaced" or "deleted";
    ``new_path`` is where a moved file is now, when it can be found."""

    state: str
    new_path: Path | None = None

    @property
    def here(self) -> bool:
        return self.state == "here"


HERE = Whereabouts("here")


def whereabouts(fd: int, path: Path) -> Whereabouts:
    """Where the file open as ``fd`` (opened as ``path``) is now."""
    try:
        mine = os.fstat(fd)
    except OSError:
        return Whereabouts("deleted")
    try:
        named = os.stat(path)
    except OSError:
        named = None
    if named is not None and os.path.samestat(mine, named):
        return HERE
    if mine.st_nlink == 0:          # no name anywhere: deleted, or another file renamed over it
        return Whereabouts("deleted" if named is None else "replaced")
    return Whereabouts("moved", _find(fd, mine, path))


def _find(fd: int, mine: os.stat_result, old: Path) -> Path | None:
    """The file's current name: what the system says the handle points to, or a file with
    the same identity in the old folder."""
    if sys.platform.startswith("linux"):
        try:
            target = Path(os.readlink(f"/proc/self/fd/{fd}"))
            if target.is_absolute() and os.path.samestat(mine, os.stat(target)):
                return target
        except OSError:
            pass
    try:
        with os.scandir(old.parent) as entries:
            for entry in entries:
                try:
                    if entry.is_file(follow_symlinks=False) and os.path.samestat(mine, entry.stat()):
                        return Path(entry.path)
                except OSError:
                    continue
    except OSError:
        pass
    return None


def kept_copy_path(path: Path) -> Path:
    """A free name beside ``path`` for the copy of work whose file went away."""
    from mot_workshop.i18n import tr
    from mot_workshop.persistence.free_name import free_name_beside

    return free_name_beside(path, tr("kept"))
