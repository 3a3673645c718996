"""Dataclass methods compiled once per Python version, not on every start.

Python writes the source of each dataclass's ``__init__``, ``__eq__``, ``__repr__``,
``__hash__`` (and, for frozen ones, ``__setattr__`` and ``__delattr__``) when the class is
created, and compiles it. The window's first paint needs the domain's entities and a few
dozen other dataclasses: some 330 such functions, whose compiling was a tenth of the work
before that paint. For the same source and the same Python the compiled code is always the
same, so it is kept beside the app's bytecode (``__pycache__``, or under
PYTHONPYCACHEPREFIX) and reused the way Python reuses a module's ``.pyc``: nothing is
written when Python writes no bytecode, and a missing, foreign or damaged file only means
compiling as before.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
import types
from pathlib import Path

# Code objects are stored in marshal's format, which belongs to one Python version: the file
# starts with that version's bytecode magic number and is ignored by any other.
MAGIC = importlib.util.MAGIC_NUMBER


def default_path() -> Path | None:
    """Where this Python keeps this module's bytecode, with a suffix of its own."""
    try:
        return Path(importlib.util.cache_from_source(__file__)).with_suffix(".methods")
    except (NotImplementedError, ValueError):        # no bytecode cache for this interpreter
        return None


class MethodCache:
    """Stands in for ``exec`` inside ``dataclasses``: a source met before runs its stored code."""

    def __init__(self, path: Path | None):
        self.path = path
        self.known = self._read()
        self.compiled = 0

    def _read(self) -> dict[str, types.CodeType]:
        if self.path is None:
            return {}
        try:
            data = self.path.read_bytes()
            table = marshal.loads(data[len(MAGIC):]) if data[:len(MAGIC)] == MAGIC else {}
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(table, dict):
            return {}
        return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, types.CodeType)}

    def exec(self, source, globals=None, locals=None):
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)
        code = self.known.get(source)
        if code is None:
            # dont_inherit: compiled as dataclasses' own exec() would, without this module's
            # ``from __future__`` flags (they would turn annotations into strings).
            code = self.known[source] = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
        return builtins.exec(code, globals, locals)

    def save(self) -> bool:
        """Write the table if this run compiled anything new (and Python writes bytecode)."""
        if not self.compiled or self.path is None or sys.dont_write_bytecode:
            return False
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(MAGIC + marshal.dumps(self.known))
            os.replace(temporary, self.path)     # another instance never reads half a file
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        self.compiled = 0
        return True


_installed: MethodCache | None = None


def install(path: Path | None = None) -> MethodCache:
    """Route the dataclasses made from now on through the cache (once per process); the
    table is written when the process exits."""
    global _installed
    if _installed is None:
        _installed = MethodCache(default_path() if path is None else path)
        dataclasses.exec = _installed.exec        # the name dataclasses looks up before builtins
        atexit.register(_installed.save)
    return _installed


def uninstall() -> None:
    global _installed
    if _installed is not None:
        atexit.unregister(_installed.save)
        _installed = None
    if "exec" in vars(dataclasses):
        del dataclasses.exec
