"""Progress reporting and cancelling for long exports, so a GUI can show a progress bar
and a Cancel button: ``callback(done, total, message)`` is called as the export advances;
returning ``False`` from it (or setting the ``cancel`` event) stops the export, which then
raises ``ExportCancelled`` and leaves no partial file behind."""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], "bool | None"]


class ExportCancelled(Exception):
    """The user cancelled the export."""


class Progress:
    def __init__(self, callback: ProgressCallback | None = None, cancel: threading.Event | None = None) -> None:
        self.callback = callback
        self.cancel = cancel
        self.total = 1
        self.done = 0

    def plan(self, total: int) -> None:
        self.total = max(1, total)
        self.done = 0

    def advance(self, message: str = "", by: int = 1) -> None:
        self.done = min(self.total, self.done + by)
        self.check(message)

    def check(self, message: str = "") -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ExportCancelled
        if self.callback is not None and self.callback(self.done, self.total, message) is False:
            raise ExportCancelled

    def finish(self, message: str = "") -> None:
        self.done = self.total
        self.check(message)
