"""Python's own ``import`` back after PySide6 has loaded.

PySide6 puts a function of its own in place of ``builtins.__import__`` so that a module can
write ``from __feature__ import snake_case, true_property``. To know which modules use PySide
it then reads the whole source of every module imported afterwards (and ``linecache`` keeps
it): a twentieth of the work between starting and a ready window, and megabytes kept. The
app uses no such feature (a test holds that), so that layer is taken off again. PySide's
other layer — the one that makes ``from PySide6.QtWidgets import *`` see every class — is
the one PySide kept as "the original" and stays.
"""

from __future__ import annotations

import builtins


def restore() -> bool:
    """Take PySide's feature layer off ``import``; whether it was there."""
    import PySide6.QtCore  # noqa: F401 - the layer is put in place when PySide6 first loads

    feature_import = getattr(builtins, "__feature_import__", None)
    underneath = getattr(builtins, "__orig_import__", None)
    if feature_import is None or underneath is None or builtins.__import__ is not feature_import:
        return False
    builtins.__import__ = underneath
    return True
