"""Recognising a workshop file from its first 100 bytes, before SQLite touches it.

Reading the header ourselves means an empty, truncated, random or foreign file is refused
without SQLite opening it (and so without any chance of it writing a journal or changing a
byte). See https://www.sqlite.org/fileformat.html, "The Database Header".
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import (
    CorruptFile,
    FileMissing,
    ForeignFile,
    NotAWorkshopFile,
    WorkshopFileError,
)
from mot_workshop.persistence.marks import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int


def inspect(path: Path) -> Header:
    """Check that ``path`` looks like one of our files; raise a WorkshopFileError if not."""
    name = path.name
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):          # a device or a pipe (reading a pipe would wait for ever)
            raise NotAWorkshopFile(path, tr("{name} is not a MOT Workshop file.", name=name))
        with path.open("rb") as fh:
            raw = fh.read(HEADER_SIZE)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        raise FileMissing(path) from None
    except IsADirectoryError:
        raise NotAWorkshopFile(path, tr("{name} is a folder, not a workshop file.", name=name)) from None
    except NotADirectoryError:              # a path below a regular file
        raise FileMissing(path) from None
    except PermissionError:
        raise WorkshopFileError(path, tr("{name} cannot be read: permission denied.", name=name)) from None
    except OSError as exc:                  # I/O error, name too long, a device that fails
        raise WorkshopFileError(path, tr("{name} cannot be opened: {detail}", name=name,
                                         detail=exc.strerror or str(exc))) from None
    if size == 0:
        raise NotAWorkshopFile(path, tr("{name} is empty: it is not a workshop file.", name=name))
    if not raw.startswith(SQLITE_MAGIC):
        raise NotAWorkshopFile(path, tr("{name} is not a MOT Workshop file.", name=name))
    if len(raw) < HEADER_SIZE:
        raise CorruptFile(path, tr("the file is cut short."))
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", raw[24:32])
    valid_for = struct.unpack(">I", raw[92:96])[0]
    user_version, = struct.unpack(">I", raw[60:64])
    application_id, = struct.unpack(">I", raw[68:72])
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(path, tr("its header is damaged."))
    if application_id != APPLICATION_ID:
        raise ForeignFile(path)
    wal = path.with_name(path.name + "-wal")
    # The page count is trustworthy when it was written by the same change as the counter;
    # with a write-ahead log beside the file, the log may still hold the newest pages.
    if valid_for == change_counter and not wal.exists() and size < page_count * page_size:
        raise CorruptFile(path, tr("the file is cut short ({size} of {expected} bytes).",
                                   size=f"{size:,}", expected=f"{page_count * page_size:,}"))
    return Header(page_size, page_count, user_version, application_id)
