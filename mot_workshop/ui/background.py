"""Analyses that read a whole big map (a 10,000-step map's structure check takes most of a
second) run on a worker thread so the window stays responsive; the result comes back to the
UI thread as a signal.

A ``Job`` keeps one request at a time: a request made while one runs waits for it and
replaces any request still waiting, and a result whose request was replaced (the data
changed meanwhile) is dropped. The function must only read what it is given: immutable
values or copies, never the store or a widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class Job(QObject):
    done = Signal(object)                      # the result of the newest request
    _finished = Signal(int, object, object)    # request number, result, error (from the worker)

    def __init__(self, parent=None, *, name: str = "background job"):
        super().__init__(parent)
        self.name = name
        self._number = 0                       # of the newest request
        self._waiting: tuple | None = None
        self._running = False
        self._finished.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """A request is running or waiting."""
        return self._running or self._waiting is not None

    def submit(self, function: Callable, *args) -> None:
        self._number += 1
        self._waiting = (self._number, function, args)
        if not self._running:
            self._start()

    def cancel(self) -> None:
        """Forget the waiting request and drop the running one's result."""
        self._number += 1
        self._waiting = None

    def _start(self) -> None:
        number, function, args = self._waiting
        self._waiting = None
        self._running = True
        threading.Thread(target=self._run, args=(number, function, args), name=self.name, daemon=True).start()

    def _run(self, number: int, function: Callable, args: tuple) -> None:
        try:
            result, error = function(*args), None
        except Exception as exc:               # reported on the UI thread, never lost here
            result, error = None, exc
        try:
            self._finished.emit(number, result, error)
        except RuntimeError:                   # the owner was deleted while this ran
            pass

    def _arrived(self, number: int, result, error) -> None:
        self._running = False
        if self._waiting is not None:
            self._start()
        if number != self._number:
            return                             # stale: its data changed while it ran
        if error is not None:
            log.error("%s failed", self.name, exc_info=error)
            return
        self.done.emit(result)
