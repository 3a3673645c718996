"""Handing memory the process no longer uses back to the system after a big map is built.

Two things hold memory nobody will read again:

- ``linecache``: PySide6's import hook reads the source of every module imported after it
  (to look for ``from __feature__ import``), and ``linecache`` keeps every line of it — about
  15 MB once the window and a map's tools are loaded. The window takes that hook off when it
  starts (``ui/plain_import``); whatever else reads source lines (a traceback, a warning, an
  application made elsewhere) still fills the cache. It is a cache only (tracebacks read the
  file again when they need a line), so it is emptied.
- glibc's allocator keeps the pages of freed blocks (the layout's temporary objects, Qt's)
  inside its heap; ``malloc_trim`` returns the free ones to the system. Other C libraries
  (macOS, Windows, musl) have no such call and return memory their own way: there this
  part does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import linecache
import sys


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):        # not glibc (musl has no malloc_trim)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back() -> bool:
    """Empty the source-line cache and return the C heap's free pages to the system; whether
    the heap could be trimmed (False where the C library cannot)."""
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
