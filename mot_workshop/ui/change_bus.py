"""One change bus: every executed, undone or redone command publishes its ``Changes`` here,
and every view re-reads from the store what the changes name."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)        # editing.changes.Changes
    reset = Signal()                # another file was opened (or the file closed): re-read all
    language_changed = Signal(str)  # the UI language switched: retranslate
